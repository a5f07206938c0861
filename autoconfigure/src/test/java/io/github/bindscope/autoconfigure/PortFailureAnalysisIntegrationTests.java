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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.bindscope.autoconfigure.ServerStacksIntegrationTests.Stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Starts every embedded server with a port out of range and reads the failure analysis
 * that the application logs.
 */
@ExtendWith(OutputCaptureExtension.class)
class PortFailureAnalysisIntegrationTests {

	@TempDir
	private Path temp;

	@ParameterizedTest
	@EnumSource(Stack.class)
	void serverPortAboveTheRangeIsExplainedWithItsOrigin(Stack stack, CapturedOutput output) {
		assertThatException().isThrownBy(() -> stack.run("--server.address=127.0.0.1", "--server.port=70000"));
		assertThat(FailureAnalysisOutput.description(output))
			.isEqualTo("server.port=70000 (set in command line argument --server.port) is not a TCP port, so the web "
					+ "server could not start: ports run from 0 to 65535.");
		assertThat(FailureAnalysisOutput.action(output))
			.isEqualTo("Set server.port to a port from 0 to 65535 (0 picks a free port at startup); or to -1 to run "
					+ "no web server (Tomcat and Jetty).");
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void managementPortAboveTheRangeIsExplainedWithItsOrigin(Stack stack, CapturedOutput output) {
		assertThatException().isThrownBy(() -> stack.run("--server.address=127.0.0.1", "--server.port=0",
				"--management.server.address=127.0.0.1", "--management.server.port=70000"));
		assertThat(FailureAnalysisOutput.description(output))
			.isEqualTo("management.server.port=70000 (set in command line argument --management.server.port) is not "
					+ "a TCP port, so the management server could not start: ports run from 0 to 65535.");
		assertThat(FailureAnalysisOutput.action(output))
			.startsWith("Set management.server.port to a port from 0 to 65535")
			.contains("leave it unset to serve the management endpoints on the main server's port");
	}

	@Test
	void serverPortFromAPropertiesFileNamesTheFileAndLine(CapturedOutput output) throws IOException {
		Path file = this.temp.resolve("application-bad.properties");
		Files.writeString(file, "server.address=127.0.0.1\nserver.port=99999\n");
		assertThatException().isThrownBy(
				() -> Stack.TOMCAT_MVC.run("--spring.config.additional-location=file:" + file.toAbsolutePath()));
		assertThat(FailureAnalysisOutput.description(output))
			.startsWith("server.port=99999 (set in application-bad.properties:2) is not a TCP port");
	}

	@ParameterizedTest
	@EnumSource(names = { "TOMCAT_MVC", "JETTY_MVC", "TOMCAT_WEBFLUX", "JETTY_WEBFLUX" })
	void negativeServerPortRunsNoServerOnTomcatAndJetty(Stack stack) {
		// Tomcat and Jetty treat every negative port as -1.
		try (ConfigurableApplicationContext context = stack.run("--server.address=127.0.0.1", "--server.port=-5")) {
			assertThat(((WebServerApplicationContext) context).getWebServer().getPort()).isEqualTo(-1);
		}
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void negativeManagementPortRunsNoManagementServer(Stack stack) {
		try (ConfigurableApplicationContext context = stack.run("--server.address=127.0.0.1", "--server.port=0",
				"--management.server.port=-5")) {
			assertThat(((WebServerApplicationContext) context).getWebServer().getPort()).isPositive();
			assertThat(context.getEnvironment().getProperty("local.management.port")).isNull();
		}
	}

	@Test
	void negativeServerPortIsExplainedOnReactorNetty(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> Stack.NETTY_WEBFLUX.run("--server.address=127.0.0.1", "--server.port=-5"));
		assertThat(FailureAnalysisOutput.description(output))
			.isEqualTo("server.port=-5 (set in command line argument --server.port) is not a TCP port, so the web "
					+ "server could not start: ports run from 0 to 65535.");
	}

	@Test
	void serverPortMinusOneIsExplainedOnReactorNetty(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> Stack.NETTY_WEBFLUX.run("--server.address=127.0.0.1", "--server.port=-1"));
		assertThat(FailureAnalysisOutput.description(output))
			.isEqualTo("server.port=-1 (set in command line argument --server.port) asks for no web server, which "
					+ "Tomcat and Jetty honour but this web server does not: it tried to listen on port -1 and "
					+ "failed.");
		assertThat(FailureAnalysisOutput.action(output))
			.startsWith("To run without a web server, set spring.main.web-application-type=none.");
	}

}
