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

package io.github.bindscope.health;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.bindscope.inspect.HostAddress;
import io.github.bindscope.inspect.JdwpAgent;
import io.github.bindscope.report.BindingsInspector;
import io.github.bindscope.report.BindingsReport;
import io.github.bindscope.report.Finding;
import io.github.bindscope.report.FindingCode;
import io.github.bindscope.report.Listener;
import io.github.bindscope.report.Reachability;
import io.github.bindscope.report.RunContext;
import io.github.bindscope.report.Severity;
import io.github.bindscope.report.WebServerConnector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BindingsHealth}: the status and the details of the {@code bindings}
 * health contributor.
 */
class BindingsHealthTests {

	private static final List<HostAddress> HOSTS = List.of(host("127.0.0.1", "lo"), host("::1", "lo"),
			host("198.51.100.7", "eth0"));

	private static final Set<String> DEV_PROFILES = new LinkedHashSet<>(List.of("dev"));

	private static final RunContext PROD = new RunContext(List.of("prod"), false, DEV_PROFILES, Map.of());

	private static final RunContext DEV = new RunContext(List.of("dev"), true, DEV_PROFILES, Map.of());

	@Test
	void loopbackServerInProdIsUpByDefaultWithItsFacts() {
		BindingsReport report = plan(PROD, server("127.0.0.1", 8080), management("127.0.0.1", 9091));
		BindingsHealth.Assessment health = BindingsHealth.assess(report, null);
		assertThat(health.status()).isEqualTo("UP");
		assertThat(health.details()).containsOnlyKeys("verdict", "webServers", "findings", "strictModeFindings")
			.containsEntry("verdict", "LOCAL_ONLY")
			.containsEntry("webServers",
					List.of(Map.of("role", "server", "server", "tomcat", "reachability", "LOCAL_ONLY"),
							Map.of("role", "management", "server", "tomcat", "reachability", "LOCAL_ONLY")))
			.containsEntry("findings", Map.of("INFO", 0, "WARN", 1))
			.containsEntry("strictModeFindings", List.of("LOOPBACK_ONLY"));
		assertThat(health.details().keySet()).containsExactly("verdict", "webServers", "findings",
				"strictModeFindings");
	}

	@Test
	void findingThatFailsStrictModeTakesTheConfiguredStatus() {
		BindingsReport report = plan(PROD, server("127.0.0.1", 8080));
		assertThat(BindingsHealth.assess(report, "OUT_OF_SERVICE").status()).isEqualTo("OUT_OF_SERVICE");
		assertThat(BindingsHealth.assess(report, "DOWN").status()).isEqualTo("DOWN");
	}

	@Test
	void loopbackServerInDevProfileStaysUpWhateverTheConfiguredStatus() {
		BindingsReport report = plan(DEV, server("127.0.0.1", 8080));
		BindingsHealth.Assessment health = BindingsHealth.assess(report, "OUT_OF_SERVICE");
		assertThat(health.status()).isEqualTo("UP");
		assertThat(health.details()).containsEntry("verdict", "LOCAL_ONLY")
			.containsEntry("strictModeFindings", List.of());
		assertThat((Map<String, Integer>) health.details().get("findings")).containsEntry("WARN", 0)
			.hasEntrySatisfying("INFO", (count) -> assertThat(count).isPositive());
	}

	@Test
	void serverOnTheNetworkStaysUpWithTheConfiguredStatus() {
		BindingsReport report = plan(PROD, server("0.0.0.0", 8080));
		BindingsHealth.Assessment health = BindingsHealth.assess(report, "OUT_OF_SERVICE");
		assertThat(health.status()).isEqualTo("UP");
		assertThat(health.details()).containsEntry("verdict", "PRIVATE_NETWORK")
			.containsEntry("strictModeFindings", List.of());
	}

	@Test
	void exposedDebugAgentTakesTheConfiguredStatusEvenWithTheServerOnTheNetwork() {
		RunContext withAgent = new RunContext(List.of("prod"), false, DEV_PROFILES, Map.of(), Map.of(),
				PROD.environment(), new JdwpAgent("*:5005", null, 5005));
		BindingsReport report = plan(withAgent, server("0.0.0.0", 8080));
		BindingsHealth.Assessment health = BindingsHealth.assess(report, "OUT_OF_SERVICE");
		assertThat(health.status()).isEqualTo("OUT_OF_SERVICE");
		assertThat(health.details()).containsEntry("strictModeFindings", List.of("JDWP_EXPOSED"));
		// The agent is no web server.
		assertThat((List<Map<String, Object>>) health.details().get("webServers"))
			.extracting((server) -> server.get("role"))
			.containsExactly("server");
	}

	@ParameterizedTest
	@EnumSource(value = FindingCode.class, names = { "LOOPBACK_ONLY", "JDWP_EXPOSED" }, mode = EnumSource.Mode.EXCLUDE)
	void warningThatDoesNotFailStrictModeLeavesTheStatusUp(FindingCode code) {
		BindingsReport report = report(Reachability.PUBLIC, new Finding(Severity.WARN, code, null, "m", "a"));
		BindingsHealth.Assessment health = BindingsHealth.assess(report, "OUT_OF_SERVICE");
		assertThat(health.status()).isEqualTo("UP");
		assertThat(health.details()).containsEntry("findings", Map.of("INFO", 0, "WARN", 1))
			.containsEntry("strictModeFindings", List.of());
	}

	@Test
	void findingsAreCountedBySeverityAndStrictModeCodesListedOnce() {
		BindingsReport report = report(Reachability.LOCAL_ONLY,
				new Finding(Severity.WARN, FindingCode.LOOPBACK_ONLY, "server:8080", "m", "a"),
				new Finding(Severity.WARN, FindingCode.LOOPBACK_ONLY, "connector:8081", "m", "a"),
				new Finding(Severity.WARN, FindingCode.JMX_EXPOSED, "jmx:9010", "m", "a"),
				new Finding(Severity.INFO, FindingCode.SOCKET_TABLE_UNAVAILABLE, null, "m", "a"));
		BindingsHealth.Assessment health = BindingsHealth.assess(report, "OUT_OF_SERVICE");
		assertThat(health.status()).isEqualTo("OUT_OF_SERVICE");
		assertThat(health.details()).containsEntry("findings", Map.of("INFO", 1, "WARN", 3))
			.containsEntry("strictModeFindings", List.of("LOOPBACK_ONLY"));
	}

	@Test
	void reportBeforeTheMainServerStartedHasNoVerdictAndIsUp() {
		BindingsHealth.Assessment health = BindingsHealth.assess(report(null), "OUT_OF_SERVICE");
		assertThat(health.status()).isEqualTo("UP");
		assertThat(health.details()).doesNotContainKey("verdict")
			.containsEntry("webServers", List.of())
			.containsEntry("findings", Map.of("INFO", 0, "WARN", 0));
	}

	@Test
	void statusIsReadAtEachCheckAndTheReportFromTheSource() {
		AtomicInteger reads = new AtomicInteger();
		BindingsReport report = plan(PROD, server("127.0.0.1", 8080));
		AtomicReference<@Nullable String> status = new AtomicReference<>();
		BindingsHealth health = new BindingsHealth(() -> {
			reads.incrementAndGet();
			return report;
		}, status::get);
		assertThat(health.assess().status()).isEqualTo("UP");
		status.set("OUT_OF_SERVICE");
		assertThat(health.assess().status()).isEqualTo("OUT_OF_SERVICE");
		assertThat(reads).hasValue(2);
	}

	@Test
	void reportThatCannotBeReadIsUnknownAndSaysWhy() {
		BindingsHealth health = new BindingsHealth(() -> {
			throw new IllegalStateException("no socket table");
		}, () -> "OUT_OF_SERVICE");
		BindingsHealth.Assessment assessment = health.assess();
		assertThat(assessment.status()).isEqualTo("UNKNOWN");
		assertThat(assessment.details())
			.containsExactly(Map.entry("error", "java.lang.IllegalStateException: no socket table"));
	}

	private static BindingsReport report(@Nullable Reachability verdict, Finding... findings) {
		return new BindingsReport(verdict, false, List.of("prod"), List.of(), List.of(findings));
	}

	private static BindingsReport plan(RunContext context, WebServerConnector... connectors) {
		return new BindingsInspector(() -> HOSTS, null, null, () -> List.of(address("127.0.0.1")))
			.plan(List.of(connectors), context);
	}

	private static WebServerConnector server(String address, int port) {
		return new WebServerConnector(Listener.SERVER, "tomcat", "http", address(address), port, "");
	}

	private static WebServerConnector management(String address, int port) {
		return new WebServerConnector(Listener.MANAGEMENT, "tomcat", "http", address(address), port, "");
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
