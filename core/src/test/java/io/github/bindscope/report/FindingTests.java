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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Finding}.
 */
class FindingTests {

	@ParameterizedTest(name = "{0} {1}: {2}")
	@CsvSource({ "WARN, LOOPBACK_ONLY, true", "INFO, LOOPBACK_ONLY, false", "WARN, JDWP_EXPOSED, true",
			"WARN, MANAGEMENT_WIDER, false", "WARN, JMX_EXPOSED, false", "WARN, LOCALHOST_MISMATCH, false",
			"INFO, SOCKET_TABLE_UNAVAILABLE, false", "WARN, ACTUATOR_EXPOSED, false" })
	void onlyWarningsOfALoopbackOnlyServerOrAnExposedDebuggerFailStrictMode(Severity severity, FindingCode code,
			boolean fails) {
		assertThat(new Finding(severity, code, null, "message", "action").failsStrictMode()).isEqualTo(fails);
	}

	@ParameterizedTest(name = "{0} {1}: {2}")
	@CsvSource({ "WARN, ACTUATOR_EXPOSED, true", "INFO, ACTUATOR_EXPOSED, false", "WARN, MANAGEMENT_WIDER, false",
			"WARN, JMX_EXPOSED, false" })
	void anExposedActuatorEndpointThatEndangersTheApplicationFailsStrictModeAndNothingElseDoesByThatMark(
			Severity severity, FindingCode code, boolean fails) {
		assertThat(new Finding(severity, code, null, "message", "action", true).failsStrictMode()).isEqualTo(fails);
	}

}
