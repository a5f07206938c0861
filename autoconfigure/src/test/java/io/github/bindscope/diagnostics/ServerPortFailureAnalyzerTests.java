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
import org.springframework.boot.web.server.WebServerException;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link ServerPortFailureAnalyzer} on failures built as the servers build them, to
 * show what it leaves alone.
 */
class ServerPortFailureAnalyzerTests {

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void portOutOfRangeThatTheFailureNamesIsExplained() {
		this.environment.setProperty("server.port", "70000");
		FailureAnalysis analysis = analyze(outOfRange("port out of range:70000"));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription())
			.startsWith("server.port=70000 (set in property source 'mockProperties') " + "is not a TCP port");
	}

	@Test
	void unrelatedFailureIsNotExplainedAsABadPort() {
		this.environment.setProperty("server.port", "70000");
		assertThat(analyze(new IllegalArgumentException("Invalid bean definition with name 'webServerFactory'")))
			.isNull();
	}

	@Test
	void failureThatNamesAnotherPortIsNotExplained() {
		this.environment.setProperty("server.port", "70000");
		assertThat(analyze(outOfRange("port out of range:700001"))).isNull();
	}

	@Test
	void portInRangeIsNotClaimed() {
		this.environment.setProperty("server.port", "8080");
		assertThat(analyze(outOfRange("port out of range:8080"))).isNull();
	}

	@Test
	void managementPortIsNotBlamedBeforeTheMainServerStarted() {
		this.environment.setProperty("server.port", "8080");
		this.environment.setProperty("management.server.port", "70000");
		assertThat(analyze(outOfRange("port out of range:70000"))).isNull();
	}

	@Test
	void managementPortIsBlamedOnceTheMainServerStarted() {
		this.environment.setProperty("server.port", "8080");
		this.environment.setProperty("local.server.port", "8080");
		this.environment.setProperty("management.server.port", "70000");
		FailureAnalysis analysis = analyze(outOfRange("port out of range:70000"));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).startsWith("management.server.port=70000 ");
	}

	private static WebServerException outOfRange(String message) {
		return new WebServerException("Unable to start Netty", new IllegalArgumentException(message));
	}

	private FailureAnalysis analyze(Throwable failure) {
		return new ServerPortFailureAnalyzer(this.environment).analyze(failure);
	}

}
