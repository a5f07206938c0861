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

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.github.bindscope.report.Finding;
import io.github.bindscope.report.FindingCode;
import io.github.bindscope.report.Severity;
import io.github.bindscope.strict.StrictModeException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StrictModeFailureAnalyzer}.
 */
class StrictModeFailureAnalyzerTests {

	@Test
	void controlCharactersInTheFindingAreEscapedInTheAnalysis() {
		Finding finding = new Finding(Severity.WARN, FindingCode.LOOPBACK_ONLY, "server:8080",
				"Listens on 127.0.0.1:8080 only (active profiles: prod\u001b[2J).", "Set server.address\n=0.0.0.0.");
		FailureAnalysis analysis = new StrictModeFailureAnalyzer().analyze(new StrictModeException(finding, true));
		assertThat(analysis.getDescription())
			.startsWith("Listens on 127.0.0.1:8080 only (active profiles: prod\\u001b[2J). Bindscope strict mode")
			.contains("before the server opened its port");
		assertThat(analysis.getAction()).startsWith("Set server.address\\u000a=0.0.0.0. To log a warning instead");
	}

}
