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

package io.github.bindscope.autoconfigure;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.bindscope.reporting.BindingsReporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Real applications started the ways users start theirs, with Bindscope dropped in: it
 * must never break them nor add noise where there is nothing to report.
 */
@ExtendWith(OutputCaptureExtension.class)
class DropInIntegrationTests {

	@Test
	void serverPortMinusOneStartsWithoutAWebServerOrAnyBindscopeLine(CapturedOutput output) {
		try (ConfigurableApplicationContext context = TomcatBindingsIntegrationTests.start("--server.port=-1",
				"--server.address=127.0.0.1", "--bindscope.strict=true", "--spring.profiles.active=prod")) {
			assertThat(context.isActive()).isTrue();
			assertThat(bindscopeLines(output)).isEmpty();
			assertThat(output.getOut()).doesNotContain(":-1");
		}
	}

	@Test
	void nonWebApplicationStartsWithoutBindscope(CapturedOutput output) {
		try (ConfigurableApplicationContext context = TomcatBindingsIntegrationTests.start(
				"--spring.main.web-application-type=none", "--server.address=127.0.0.1", "--bindscope.strict=true")) {
			assertThat(context.isActive()).isTrue();
			assertThat(context.getBeanNamesForType(BindingsReporter.class)).isEmpty();
			assertThat(bindscopeLines(output)).isEmpty();
		}
	}

	@Test
	void ephemeralServerPortIsReportedAsThePortReallyBound(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = TomcatBindingsIntegrationTests.start("--server.port=0",
				"--server.address=127.0.0.1", "--spring.profiles.active=prod")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			assertThat(port).isPositive();
			String json = TomcatBindingsIntegrationTests.get("127.0.0.1", port, "/actuator/bindings");
			assertThat((List<Integer>) JsonPath.read(json, "$.listeners[?(@.role == 'server')].port"))
				.containsExactly(port);
			assertThat(bindscopeLines(output)).anyMatch((line) -> line.contains("127.0.0.1:" + port + "/"))
				.noneMatch((line) -> line.contains("127.0.0.1:0/") || line.contains(":0 "));
		}
	}

	@Test
	void virtualThreadsServeTheReport() throws Exception {
		assumeThat(Runtime.version().feature()).as("virtual threads need Java 21").isGreaterThanOrEqualTo(21);
		try (ConfigurableApplicationContext context = TomcatBindingsIntegrationTests
			.start("--spring.threads.virtual.enabled=true", "--server.address=127.0.0.1")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			String json = TomcatBindingsIntegrationTests.get("127.0.0.1", port, "/actuator/bindings");
			assertThat((String) JsonPath.read(json, "$.verdict")).isEqualTo("LOCAL_ONLY");
		}
	}

	private static List<String> bindscopeLines(CapturedOutput output) {
		return output.getOut().lines().filter((line) -> line.contains("Bindscope")).toList();
	}

}
