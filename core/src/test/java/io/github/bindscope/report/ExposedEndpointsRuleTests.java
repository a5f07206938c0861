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

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.github.bindscope.inspect.HostAddress;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@link FindingCode#ACTUATOR_EXPOSED} rule. Host addresses are supplied by
 * the test and the connectors are judged as planned, so no interface is listed and no
 * connection is made. Only loopback, documentation and private addresses are used.
 */
class ExposedEndpointsRuleTests {

	private static final List<HostAddress> HOSTS = List.of(host("127.0.0.1", "lo"), host("::1", "lo"),
			host("192.168.1.23", "eth0"));

	private static final List<String> EVERYTHING = List.of("beans", "bindings", "caches", "conditions", "configprops",
			"env", "health", "heapdump", "info", "loggers", "metrics", "mappings", "sbom", "scheduledtasks", "shutdown",
			"threaddump");

	private static final BindingsInspector INSPECTOR = new BindingsInspector(() -> HOSTS, null, null,
			() -> List.of(address("127.0.0.1"), address("::1")));

	@Test
	void everythingExposedOnTheWildcardWarnsNamingTheEndpointsTheListenerAndTheFixes() {
		Finding finding = actuatorExposed(
				plan(new ExposedEndpoints(Listener.SERVER, "/actuator", EVERYTHING, Set.of()), server(null, 8080)));
		assertThat(finding.severity()).isEqualTo(Severity.WARN);
		assertThat(finding.listener()).isEqualTo("server:8080");
		assertThat(finding.message()).isEqualTo("Actuator endpoints under /actuator are served by the tomcat server "
				+ "(server:8080) to anyone who can connect to [::]:8080 (reachable from private networks): "
				+ "configprops, env, heapdump, loggers, shutdown, threaddump leak secrets or control the application; "
				+ "beans, caches, conditions, mappings, sbom, scheduledtasks reveal its internals. No security rule "
				+ "refuses them to a request without credentials.");
		assertThat(finding.action()).isEqualTo("Serve Actuator on a management port of its own bound to loopback "
				+ "(management.server.port=8081 with management.server.address=127.0.0.1) and reach it through an "
				+ "SSH tunnel or your platform's port forwarding; expose only what monitoring needs "
				+ "(management.endpoints.web.exposure.include=bindings,health,info,metrics); or require "
				+ "authentication for them with Spring Security (a SecurityFilterChain whose rules refuse anonymous "
				+ "requests to EndpointRequest.toAnyEndpoint()).");
		assertThat(finding.failsStrictMode()).isTrue();
	}

	@Test
	void endpointsThatOnlyRevealInternalsWarnWithoutFailingStrictMode() {
		Finding finding = actuatorExposed(plan(
				new ExposedEndpoints(Listener.SERVER, "/actuator", List.of("health", "beans", "mappings"), Set.of()),
				server("192.168.1.23", 8080)));
		assertThat(finding.severity()).isEqualTo(Severity.WARN);
		assertThat(finding.message()).contains(": beans, mappings reveal its internals.").doesNotContain("secrets");
		assertThat(finding.action()).contains("management.endpoints.web.exposure.include=health)");
		assertThat(finding.failsStrictMode()).isFalse();
	}

	@Test
	void eachEndpointThatLeaksSecretsOrControlsTheApplicationFailsStrictModeAlone() {
		for (String endpoint : ExposedEndpoints.FAILING_STRICT_MODE) {
			Finding finding = actuatorExposed(
					plan(new ExposedEndpoints(Listener.SERVER, "/actuator", List.of("health", endpoint), Set.of()),
							server(null, 8080)));
			assertThat(finding.failsStrictMode()).as(endpoint).isTrue();
			assertThat(finding.message()).as(endpoint)
				.contains(": " + endpoint + " leaks secrets or controls the application");
		}
	}

	@Test
	void monitoringEndpointsAreNeverSensitive() {
		List<String> monitoring = List.of("health", "info", "metrics", "prometheus", "bindings", "bindscope");
		assertThat(ExposedEndpoints.SENSITIVE).doesNotContainAnyElementsOf(monitoring);
		assertThat(ExposedEndpoints.SENSITIVE).containsAll(ExposedEndpoints.FAILING_STRICT_MODE)
			.contains("env", "configprops", "heapdump", "threaddump", "logfile", "loggers", "shutdown", "beans",
					"mappings", "sbom");
		assertThat(findings(
				plan(new ExposedEndpoints(Listener.SERVER, "/actuator", monitoring, Set.of()), server(null, 8080))))
			.isEmpty();
	}

	@Test
	void guardedEndpointsAreNotReportedAndPartlyGuardedOnesAreNamed() {
		ExposedEndpoints allGuarded = new ExposedEndpoints(Listener.SERVER, "/actuator", List.of("health", "env"),
				Set.of("env"));
		assertThat(findings(plan(allGuarded, server(null, 8080)))).isEmpty();
		ExposedEndpoints partly = new ExposedEndpoints(Listener.SERVER, "/actuator",
				List.of("health", "env", "heapdump", "beans"), Set.of("env", "heapdump"));
		Finding finding = actuatorExposed(plan(partly, server(null, 8080)));
		assertThat(finding.message()).contains(": beans reveals its internals.")
			.endsWith(" Security rules guard env, heapdump.");
		assertThat(finding.failsStrictMode()).isFalse();
	}

	@Test
	void endpointsOnALoopbackServerAreNotExposed() {
		assertThat(findings(plan(new ExposedEndpoints(Listener.SERVER, "/actuator", EVERYTHING, Set.of()),
				server("127.0.0.1", 8080), server("::1", 8080))))
			.isEmpty();
	}

	@Test
	void endpointsOnALoopbackManagementServerAreNotExposedWhateverTheMainServerDoes() {
		ExposedEndpoints onManagement = new ExposedEndpoints(Listener.MANAGEMENT, "/actuator", EVERYTHING, Set.of());
		assertThat(findings(plan(onManagement, server(null, 8080), connector(Listener.MANAGEMENT, "127.0.0.1", 9091))))
			.isEmpty();
		// Not started yet, as before the main server opens its port: nothing to judge.
		assertThat(findings(plan(onManagement, server(null, 8080)))).isEmpty();
	}

	@Test
	void endpointsOnAManagementServerBeyondLoopbackSayToBindItToLoopbackWhereItWasSet() {
		RunContext context = context(
				new ExposedEndpoints(Listener.MANAGEMENT, "/manage/actuator", EVERYTHING, Set.of()),
				Map.of(RunContext.MANAGEMENT_SERVER_ADDRESS,
						PropertyOrigin.environmentVariable("MANAGEMENT_SERVER_ADDRESS")));
		BindingsReport report = INSPECTOR
			.plan(List.of(server("127.0.0.1", 8080), connector(Listener.MANAGEMENT, "192.168.1.23", 9091)), context);
		Finding finding = actuatorExposed(report);
		assertThat(finding.listener()).isEqualTo("management:9091");
		assertThat(finding.message()).startsWith("Actuator endpoints under /manage/actuator are served by the tomcat "
				+ "management server (management:9091) to anyone who can connect to 192.168.1.23:9091 (reachable "
				+ "from private networks): ");
		assertThat(finding.action())
			.startsWith("Bind the management server to loopback "
					+ "(management.server.address=127.0.0.1) and reach it through an SSH tunnel")
			.contains("The value comes from the environment variable MANAGEMENT_SERVER_ADDRESS: set "
					+ "MANAGEMENT_SERVER_ADDRESS=127.0.0.1 where it is defined");
		assertThat(finding.failsStrictMode()).isTrue();
	}

	@Test
	void anExtraConnectorOfTheMainServerServesTheEndpointsToo() {
		Finding finding = actuatorExposed(
				plan(new ExposedEndpoints(Listener.SERVER, "/actuator", List.of("env"), Set.of()),
						server("127.0.0.1", 8080), connector(Listener.CONNECTOR, null, 8443)));
		assertThat(finding.listener()).isEqualTo("connector:8443");
	}

	@Test
	void theExposurePropertyIsNamedWithItsOriginAndTheLineToWrite() {
		RunContext context = context(
				new ExposedEndpoints(Listener.SERVER, "/actuator", List.of("health", "info", "env"), Set.of()),
				Map.of(RunContext.WEB_EXPOSURE_INCLUDE, PropertyOrigin.file("application.properties", 4,
						"management.endpoints.web.exposure.include=*")));
		Finding finding = actuatorExposed(INSPECTOR.plan(List.of(server(null, 8080)), context));
		assertThat(finding.message()).endsWith("No security rule refuses them to a request without credentials "
				+ "(management.endpoints.web.exposure.include set in application.properties:4).");
		assertThat(finding.action()).endsWith(" The value comes from application.properties line 4: change that line "
				+ "to management.endpoints.web.exposure.include=health,info.");
	}

	@Test
	void withoutExposedEndpointsThereIsNothingToTell() {
		assertThat(findings(INSPECTOR.plan(List.of(server(null, 8080)), context(null, Map.of())))).isEmpty();
	}

	private static BindingsReport plan(ExposedEndpoints exposed, WebServerConnector... connectors) {
		return INSPECTOR.plan(List.of(connectors), context(exposed, Map.of()));
	}

	private static RunContext context(@Nullable ExposedEndpoints exposed, Map<String, PropertyOrigin> origins) {
		return new RunContext(List.of("prod"), false, Set.of("dev"), origins).withExposedEndpoints(exposed);
	}

	private static List<Finding> findings(BindingsReport report) {
		return report.findings().stream().filter((finding) -> finding.code() == FindingCode.ACTUATOR_EXPOSED).toList();
	}

	private static Finding actuatorExposed(BindingsReport report) {
		List<Finding> findings = findings(report);
		assertThat(findings).hasSize(1);
		return findings.get(0);
	}

	private static WebServerConnector server(@Nullable String literal, int port) {
		return connector(Listener.SERVER, literal, port);
	}

	private static WebServerConnector connector(String role, @Nullable String literal, int port) {
		return new WebServerConnector(role, "tomcat", "http", (literal != null) ? address(literal) : null, port, "");
	}

	private static HostAddress host(String literal, String interfaceName) {
		return HostAddress.of(address(literal), interfaceName);
	}

	private static InetAddress address(String literal) {
		try {
			// Literals only, so no name service lookup happens.
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
