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

package io.github.bindscope.report;

import org.jspecify.annotations.Nullable;

/**
 * Something the report found worth telling: what it is and what to do about it.
 *
 * @param severity how much it matters
 * @param code what it is about
 * @param listener the listener it concerns, as {@code role:port}, or {@code null}
 * @param message what was found, as a whole sentence
 * @param action what to do next, as a whole sentence
 * @param endangers whether it fails strict mode beyond what its code alone says: set for
 * Actuator endpoints that leak secrets or control the application (see
 * {@link ExposedEndpoints#FAILING_STRICT_MODE})
 * @since 0.1.0
 */
public record Finding(Severity severity, FindingCode code, @Nullable String listener, String message, String action,
		boolean endangers) {

	/**
	 * Create a new {@link Finding} that fails strict mode by its severity and code alone.
	 * @param severity how much it matters
	 * @param code what it is about
	 * @param listener the listener it concerns, as {@code role:port}, or {@code null}
	 * @param message what was found, as a whole sentence
	 * @param action what to do next, as a whole sentence
	 */
	public Finding(Severity severity, FindingCode code, @Nullable String listener, String message, String action) {
		this(severity, code, listener, message, action, false);
	}

	/**
	 * Whether this finding fails startup in strict mode: a warning that the main server
	 * is reachable from this host only, that the JDWP debug agent is reachable from other
	 * hosts, or that Actuator endpoints that leak secrets or control the application are
	 * served to other hosts without a guard ({@link #endangers()}). Every other finding,
	 * a management server on loopback and endpoints that only reveal the application's
	 * internals included, leaves strict mode alone.
	 * @return {@code true} if strict mode refuses to start with it
	 */
	public boolean failsStrictMode() {
		if (this.severity != Severity.WARN) {
			return false;
		}
		return switch (this.code) {
			case LOOPBACK_ONLY, JDWP_EXPOSED -> true;
			case ACTUATOR_EXPOSED -> this.endangers;
			default -> false;
		};
	}

}
