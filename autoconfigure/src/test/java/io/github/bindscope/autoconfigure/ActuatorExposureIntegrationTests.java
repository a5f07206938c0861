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
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.bindscope.autoconfigure.TomcatBindingsIntegrationTests.PortWatcher;
import io.github.bindscope.inspect.HostAddresses;
import io.github.bindscope.report.BindingsReport;
import io.github.bindscope.report.Finding;
import io.github.bindscope.report.FindingCode;
import io.github.bindscope.report.Severity;
import io.github.bindscope.reporting.BindingsReporter;
import io.github.bindscope.strict.StrictModeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Starts real Tomcat servers that expose Actuator endpoints, on the wildcard address or
 * with a management server on loopback, and checks {@code ACTUATOR_EXPOSED} against what
 * an anonymous request on loopback really gets.
 * <p>
 * The servers bind every interface, and the report sees this host as loopback plus one
 * private address ({@link PrivateHostConfiguration}), so that the verdict does not depend
 * on the interfaces of the machine that runs the tests. Nothing is ever sent to that
 * address: every request goes to loopback.
 */
@ExtendWith(OutputCaptureExtension.class)
class ActuatorExposureIntegrationTests {

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void everyEndpointExposedOnTheWildcardWithoutSecurityWarnsNamingThem(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = start("--server.address=0.0.0.0",
				"--management.endpoints.web.exposure.include=*")) {
			int port = port(context);
			// What the finding claims, asked of the server itself: anyone gets the
			// environment.
			assertThat(status(port, "/actuator/env")).isEqualTo(200);
			Finding finding = actuatorExposed(context);
			assertThat(finding.severity()).isEqualTo(Severity.WARN);
			assertThat(finding.listener()).isEqualTo("server:" + port);
			assertThat(finding.message())
				.startsWith("Actuator endpoints under /actuator are served by the tomcat server (server:" + port
						+ ") to anyone who can connect to [::]:" + port + " (reachable from private networks): ")
				.contains("env", "configprops", "threaddump", "loggers", "beans", "mappings", "conditions")
				.contains("(management.endpoints.web.exposure.include set in command line argument "
						+ "--management.endpoints.web.exposure.include)");
			// Actuator leaves shutdown and heapdump inaccessible unless they are granted
			// access: Bindscope reads what Actuator really exposes, not the property.
			assertThat(status(port, "/actuator/shutdown")).isEqualTo(404);
			assertThat(finding.message()).doesNotContain("shutdown").doesNotContain("heapdump");
			assertThat(finding.action()).contains(
					"management.server.port=" + (port + 1) + " with management.server.address=127.0.0.1",
					"management.endpoints.web.exposure.include=", "Spring Security");
			assertThat(finding.failsStrictMode()).isTrue();
			assertThat(output.getOut().lines().filter((line) -> line.contains(" WARN ")))
				.anySatisfy((line) -> assertThat(line).contains("Actuator endpoints under /actuator"));
		}
	}

	@Test
	void anEndpointGrantedAccessIsPartOfTheFinding() {
		try (ConfigurableApplicationContext context = start("--server.address=0.0.0.0",
				"--management.endpoints.web.exposure.include=health,heapdump",
				"--management.endpoint.heapdump.access=unrestricted")) {
			// Not requested: a request would dump the heap.
			assertThat(actuatorExposed(context).message())
				.contains(": heapdump leaks secrets or controls the application.");
		}
	}

	@Test
	void aManagementServerOnLoopbackExposesNothingToOtherHosts() throws Exception {
		try (ConfigurableApplicationContext context = start("--server.address=0.0.0.0",
				"--management.endpoints.web.exposure.include=*", "--management.server.port=0",
				"--management.server.address=127.0.0.1")) {
			int managementPort = Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
			// Served on the management port, on loopback only, and not on the main port.
			assertThat(status(managementPort, "/actuator/env")).isEqualTo(200);
			assertThat(status(port(context), "/actuator/env")).isEqualTo(404);
			assertThat(findings(context, FindingCode.ACTUATOR_EXPOSED)).isEmpty();
		}
	}

	@Test
	void aManagementServerOnEveryInterfaceIsTheListenerNamed() throws Exception {
		try (ConfigurableApplicationContext context = start("--server.address=127.0.0.1",
				"--management.endpoints.web.exposure.include=env,health", "--management.server.port=0",
				"--management.server.base-path=/manage")) {
			int managementPort = Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
			assertThat(status(managementPort, "/manage/actuator/env")).isEqualTo(200);
			Finding finding = actuatorExposed(context);
			assertThat(finding.listener()).isEqualTo("management:" + managementPort);
			assertThat(finding.message())
				.startsWith("Actuator endpoints under /manage/actuator are served by the "
						+ "tomcat management server (management:" + managementPort + ")")
				.contains(": env leaks secrets or controls the application.");
			assertThat(finding.action()).startsWith("Bind the management server to loopback");
		}
	}

	@Test
	void endpointsThatOnlyRevealInternalsWarnAndStrictModeStillStarts() throws Exception {
		try (ConfigurableApplicationContext context = start("--server.address=0.0.0.0",
				"--management.endpoints.web.exposure.include=health,beans,mappings", "--bindscope.strict=true")) {
			assertThat(status(port(context), "/actuator/beans")).isEqualTo(200);
			Finding finding = actuatorExposed(context);
			assertThat(finding.message()).contains(": beans, mappings reveal its internals.");
			assertThat(finding.failsStrictMode()).isFalse();
		}
	}

	@Test
	void strictModeFailsBeforeThePortOpensWhenTheEnvironmentWouldBeServedToEveryone(CapturedOutput output)
			throws Exception {
		int port = freePort();
		PortWatcher watcher = new PortWatcher(port);
		watcher.start();
		try {
			assertThatException()
				.isThrownBy(() -> start("--server.port=" + port, "--server.address=0.0.0.0",
						"--management.endpoints.web.exposure.include=health,env", "--bindscope.strict=true"))
				.satisfies((ex) -> {
					StrictModeException strictMode = strictModeCause(ex);
					assertThat(strictMode.isBeforeStart()).isTrue();
					assertThat(strictMode.getFinding().code()).isEqualTo(FindingCode.ACTUATOR_EXPOSED);
				});
		}
		finally {
			watcher.stop();
		}
		assertThat(watcher.attempts.get()).isPositive();
		assertThat(watcher.accepted.get()).isZero();
		assertThat(output).doesNotContain("Tomcat started on")
			.contains("APPLICATION FAILED TO START")
			.contains("env leaks secrets or controls the application")
			.contains("before the server opened its port");
	}

	@Test
	void strictModeJudgesAManagementServerOfItsOwnPortOnceItHasStarted(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> start("--server.address=0.0.0.0", "--management.endpoints.web.exposure.include=env",
					"--management.server.port=0", "--bindscope.strict=true"))
			.satisfies((ex) -> {
				StrictModeException strictMode = strictModeCause(ex);
				assertThat(strictMode.isBeforeStart()).isFalse();
				assertThat(strictMode.getFinding().listener()).startsWith("management:");
			});
		assertThat(output).contains("after the server started, and stopped it");
	}

	@ParameterizedTest
	@EnumSource(ServerStacksIntegrationTests.Stack.class)
	void everyServerStackReportsWhatItExposes(ServerStacksIntegrationTests.Stack stack) throws Exception {
		try (ConfigurableApplicationContext context = stack.run(new Class<?>[] { PrivateHostConfiguration.class },
				"--server.port=0", "--server.address=0.0.0.0",
				"--management.endpoints.web.exposure.include=health,env,beans")) {
			int port = port(context);
			assertThat(status(port, "/actuator/env")).isEqualTo(200);
			Finding finding = actuatorExposed(context);
			assertThat(finding.listener()).isEqualTo("server:" + port);
			assertThat(finding.message())
				.contains(": env leaks secrets or controls the application; beans reveals " + "its internals.");
		}
	}

	private static ConfigurableApplicationContext start(String... args) {
		return TomcatBindingsIntegrationTests.start(PrivateHostConfiguration.class, args);
	}

	private static Finding actuatorExposed(ConfigurableApplicationContext context) {
		List<Finding> findings = findings(context, FindingCode.ACTUATOR_EXPOSED);
		assertThat(findings).hasSize(1);
		return findings.get(0);
	}

	private static List<Finding> findings(ConfigurableApplicationContext context, FindingCode code) {
		BindingsReport report = context.getBean(BindingsReporter.class).report();
		return report.findings().stream().filter((finding) -> finding.code() == code).toList();
	}

	private static int status(int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static StrictModeException strictModeCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof StrictModeException strictMode) {
				return strictMode;
			}
		}
		throw new AssertionError("No StrictModeException in the cause chain", ex);
	}

	@Configuration(proxyBeanMethods = false)
	static class PrivateHostConfiguration {

		// This host as the report sees it: loopback and one private address.
		@Bean
		HostAddresses bindscopeHostAddresses() throws IOException {
			return HostAddresses
				.of(Map.of("lo", List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")), "eth0",
						List.of(InetAddress.getByName("10.20.30.40"))));
		}

	}

}
