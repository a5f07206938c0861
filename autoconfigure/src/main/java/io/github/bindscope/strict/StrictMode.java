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

import java.util.function.BooleanSupplier;

import io.github.bindscope.report.BindingsReport;
import io.github.bindscope.report.Finding;

/**
 * Strict mode: refuses to start an application whose report has a finding that
 * {@link Finding#failsStrictMode() fails strict mode}, when {@code bindscope.strict} is
 * set. The one place that enforces it, before the main server opens its port and again
 * once each server has started.
 *
 * @since 0.1.0
 */
public class StrictMode {

	private final BooleanSupplier enabled;

	/**
	 * Create a new {@link StrictMode}.
	 * @param enabled whether strict mode is on, read each time it is enforced
	 * ({@code bindscope.strict})
	 */
	public StrictMode(BooleanSupplier enabled) {
		this.enabled = enabled;
	}

	/**
	 * Return whether strict mode is on.
	 * @return whether strict mode is on
	 */
	public boolean isEnabled() {
		return this.enabled.getAsBoolean();
	}

	/**
	 * Fail if strict mode is on and the report has a finding that fails it.
	 * @param report the report
	 * @param beforeStart whether the report describes servers that have not opened their
	 * ports yet
	 * @throws StrictModeException for the first finding that fails strict mode
	 */
	public void enforce(BindingsReport report, boolean beforeStart) {
		if (!isEnabled()) {
			return;
		}
		for (Finding finding : report.findings()) {
			if (finding.failsStrictMode()) {
				throw new StrictModeException(finding, beforeStart);
			}
		}
	}

}
