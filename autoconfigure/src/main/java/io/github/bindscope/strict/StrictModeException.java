/*
 * Copyright 2026 the Bindscope authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.bindscope.strict;

import io.github.bindscope.report.Finding;

/**
 * Thrown in strict mode when the main web server would be reachable from this host only
 * and no dev profile is active, or when the JDWP debug agent is reachable from other
 * hosts.
 *
 * @since 0.1.0
 */
public class StrictModeException extends RuntimeException {

	private final Finding finding;

	private final boolean beforeStart;

	/**
	 * Create a new {@link StrictModeException}.
	 * @param finding the finding that fails strict mode
	 * @param beforeStart whether the check ran before the server opened its port
	 */
	public StrictModeException(Finding finding, boolean beforeStart) {
		super(finding.message());
		this.finding = finding;
		this.beforeStart = beforeStart;
	}

	/**
	 * Return the finding that failed strict mode.
	 * @return the finding
	 */
	public Finding getFinding() {
		return this.finding;
	}

	/**
	 * Return whether the check ran before the server opened its port.
	 * @return {@code true} if no connection could ever have been accepted
	 */
	public boolean isBeforeStart() {
		return this.beforeStart;
	}

}
