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

package io.github.bindscope.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.github.bindscope.inspect.PrintableText;
import io.github.bindscope.strict.StrictModeException;

/**
 * Explains a {@link StrictModeException}.
 */
class StrictModeFailureAnalyzer extends AbstractFailureAnalyzer<StrictModeException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StrictModeException cause) {
		String when = cause.isBeforeStart() ? "before the server opened its port"
				: "after the server started, and stopped it";
		String description = cause.getFinding().message() + " Bindscope strict mode (bindscope.strict=true) failed "
				+ "startup " + when + ".";
		String action = cause.getFinding().action()
				+ " To log a warning instead of failing startup, set bindscope.strict=false.";
		// Boot logs the analysis as it is: keep whatever the environment put in the
		// finding (profiles, origins) from reaching the terminal raw.
		return new FailureAnalysis(PrintableText.of(description), PrintableText.of(action), cause);
	}

}
