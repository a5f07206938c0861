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

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.bindscope.fixture.ProcFixture;
import io.github.bindscope.inspect.AddressScope;
import io.github.bindscope.inspect.HostAddress;
import io.github.bindscope.inspect.HostAddresses;
import io.github.bindscope.inspect.HostAddressesException;
import io.github.bindscope.inspect.HostEnvironment;
import io.github.bindscope.inspect.JdwpAgent;
import io.github.bindscope.inspect.ListeningSocket;
import io.github.bindscope.inspect.Localhost;
import io.github.bindscope.inspect.ProbeResult;
import io.github.bindscope.inspect.ProcSocketTable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link BindingsInspector}. Host addresses are supplied by the test and
 * sockets are read from a fixture {@code procfs} tree, so no interface is listed and no
 * connection is made. Only loopback and documentation addresses are used.
 */
class BindingsInspectorTests {

	private static final int LINK_LOCAL_SCOPE_ID = 2;

	private static final List<HostAddress> HOSTS = List.of(host("127.0.0.1", "lo"), host("::1", "lo"),
			host("198.51.100.7", "eth0"), host("2001:db8::7", "eth0"), linkLocalHost("fe80::1", "eth0"),
			host("203.0.113.9", "wlan0"));

	// What localhost resolves to is fixed, so that no name is looked up.
	private static final Localhost LOCALHOST = () -> List.of(address("127.0.0.1"), address("::1"));

	private static final Set<String> DEV_PROFILES = new LinkedHashSet<>(List.of("dev", "local"));

	private static final Map<String, PropertyOrigin> PROD_ORIGINS = Map.of(RunContext.SERVER_ADDRESS,
			PropertyOrigin.file("application-prod.properties", 3, "server.address=127.0.0.1"));

	private static final RunContext PROD = new RunContext(List.of("prod"), false, DEV_PROFILES, PROD_ORIGINS);

	private static final RunContext DEV = new RunContext(List.of("dev"), true, DEV_PROFILES, Map.of());

	private static final RunContext NO_PROFILE = new RunContext(List.of(), false, DEV_PROFILES, Map.of());

	@TempDir
	private Path temp;

	@Test
	void loopbackConnectorIsLocalOnlyAndWarnedOutsideDevProfile() throws IOException {
		BindingsInspector inspector = inspector(socketTable(socket("127.0.0.1", 8080, 100)));
		BindingsReport report = inspector.inspect(List.of(server("127.0.0.1", 8080)), PROD);
		assertThat(report.verdict()).isEqualTo(Reachability.LOCAL_ONLY);
		assertThat(report.listeners()).singleElement().satisfies((listener) -> {
			assertThat(listener.role()).isEqualTo(Listener.SERVER);
			assertThat(listener.server()).isEqualTo("tomcat");
			assertThat(listener.address()).isEqualTo("127.0.0.1");
			assertThat(listener.port()).isEqualTo(8080);
			assertThat(listener.wildcard()).isFalse();
			assertThat(listener.source()).isEqualTo(Listener.SOURCE_PROCFS);
			assertThat(listener.reachability()).isEqualTo(Reachability.LOCAL_ONLY);
			assertThat(listener.addresses())
				.extracting(ListenerAddress::getAddress, ListenerAddress::getInterface, ListenerAddress::getScope,
						ListenerAddress::getUrl, ListenerAddress::getProbe)
				.containsExactly(
						tuple("127.0.0.1", "lo", AddressScope.LOOPBACK, "http://127.0.0.1:8080/", ProbeResult.SKIPPED));
		});
		assertThat(findings(report, FindingCode.LOOPBACK_ONLY)).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.WARN);
			assertThat(finding.listener()).isEqualTo("server:8080");
			assertThat(finding.message()).contains("tomcat")
				.contains("127.0.0.1:8080")
				.contains("active profiles: prod")
				.contains("application-prod.properties:3");
			assertThat(finding.action()).contains("203.0.113.9 (wlan0). The value comes from "
					+ "application-prod.properties line 3: change that line to server.address=0.0.0.0. If only local");
		});
	}

	@Test
	void loopbackConnectorInDevProfileIsReportedAsInfo() throws IOException {
		BindingsInspector inspector = inspector(socketTable(socket("127.0.0.1", 8080, 100)));
		BindingsReport report = inspector.inspect(List.of(server("127.0.0.1", 8080)), DEV);
		assertThat(report.verdict()).isEqualTo(Reachability.LOCAL_ONLY);
		assertThat(report.devProfile()).isTrue();
		assertThat(report.activeProfiles()).containsExactly("dev");
		assertThat(findings(report, FindingCode.LOOPBACK_ONLY)).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.INFO);
			assertThat(finding.message()).contains("active profiles: dev");
		});
	}

	@Test
	void loopbackFindingWithoutProfileSaysNoActiveProfileAndOmitsUnknownOrigin() throws IOException {
		BindingsInspector inspector = inspector(socketTable(socket("127.0.0.1", 8080, 100)));
		BindingsReport report = inspector.inspect(List.of(server("127.0.0.1", 8080)), NO_PROFILE);
		assertThat(report.devProfile()).isFalse();
		assertThat(report.activeProfiles()).isEmpty();
		assertThat(findings(report, FindingCode.LOOPBACK_ONLY)).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.WARN);
			assertThat(finding.message()).contains("no active profile").doesNotContain("server.address set in");
		});
	}

	@Test
	void loopbackFindingActionListsNonLoopbackHostAddressesOnly() throws IOException {
		BindingsInspector inspector = inspector(socketTable(socket("127.0.0.1", 8080, 100)));
		Finding finding = findings(inspector.inspect(List.of(server("127.0.0.1", 8080)), PROD),
				FindingCode.LOOPBACK_ONLY)
			.get(0);
		assertThat(finding.action()).contains("198.51.100.7 (eth0)")
			.contains("2001:db8::7 (eth0)")
			.contains("fe80::1%" + LINK_LOCAL_SCOPE_ID + " (eth0)")
			.contains("203.0.113.9 (wlan0)")
			.contains("dev, local")
			.doesNotContain("(lo)")
			.doesNotContain("127.0.0.1");
	}

	@Test
	void loopbackFindingWithoutNonLoopbackHostAddressSaysSo() throws IOException {
		BindingsInspector inspector = inspector(() -> List.of(host("127.0.0.1", "lo"), host("::1", "lo")),
				socketTable(socket("127.0.0.1", 8080, 100)));
		Finding finding = findings(inspector.inspect(List.of(server("127.0.0.1", 8080)), PROD),
				FindingCode.LOOPBACK_ONLY)
			.get(0);
		assertThat(finding.action()).contains("no non-loopback address").doesNotContain("(lo)");
	}

	@Test
	void loopbackFindingNamesEveryLoopbackAddressWithIpv6InBrackets() throws IOException {
		// The main connector on 127.0.0.1 and an additional one on ::1, on the same port.
		BindingsInspector inspector = inspector(socketTable(socket("127.0.0.1", 8080, 100), socket("::1", 8080, 101)));
		BindingsReport report = inspector
			.inspect(List.of(server("127.0.0.1", 8080), connector(Listener.CONNECTOR, "::1", 8080)), PROD);
		assertThat(report.listeners()).extracting(Listener::role, Listener::address)
			.containsExactly(tuple(Listener.SERVER, "127.0.0.1"), tuple(Listener.CONNECTOR, "::1"));
		assertThat(report.verdict()).isEqualTo(Reachability.LOCAL_ONLY);
		assertThat(findings(report, FindingCode.LOOPBACK_ONLY)).singleElement()
			.extracting(Finding::message)
			.asString()
			.contains("127.0.0.1:8080, [::1]:8080");
	}

	@Test
	void dualStackWildcardAcceptsEveryHostAddress() throws IOException {
		BindingsInspector inspector = inspector(socketTable(socket("::", 8080, 100)));
		BindingsReport report = inspector.inspect(List.of(server(null, 8080)), PROD);
		assertThat(report.listeners()).singleElement().satisfies((listener) -> {
			assertThat(listener.address()).isEqualTo("::");
			assertThat(listener.wildcard()).isTrue();
			assertThat(listener.source()).isEqualTo(Listener.SOURCE_PROCFS);
			assertThat(listener.addresses()).extracting(ListenerAddress::getAddress, ListenerAddress::getInterface)
				.containsExactly(tuple("127.0.0.1", "lo"), tuple("::1", "lo"), tuple("198.51.100.7", "eth0"),
						tuple("2001:db8::7", "eth0"), tuple("fe80::1%" + LINK_LOCAL_SCOPE_ID, "eth0"),
						tuple("203.0.113.9", "wlan0"));
			assertThat(listener.reachability()).isEqualTo(Reachability.PRIVATE_NETWORK);
		});
		assertThat(report.verdict()).isEqualTo(Reachability.PRIVATE_NETWORK);
		assertThat(report.findings()).extracting(Finding::code).containsExactly(FindingCode.PRIVATE_ADDRESS_ONLY);
	}

	@Test
	void ipv4WildcardAcceptsOnlyIpv4HostAddresses() throws IOException {
		BindingsInspector inspector = inspector(socketTable(socket("0.0.0.0", 8080, 100)));
		BindingsReport report = inspector.inspect(List.of(server(null, 8080)), PROD);
		assertThat(report.listeners()).singleElement().satisfies((listener) -> {
			assertThat(listener.address()).isEqualTo("0.0.0.0");
			assertThat(listener.wildcard()).isTrue();
			assertThat(listener.addresses()).extracting(ListenerAddress::getAddress)
				.containsExactly("127.0.0.1", "198.51.100.7", "203.0.113.9");
			assertThat(listener.addresses()).extracting(ListenerAddress::getUrl)
				.containsExactly("http://127.0.0.1:8080/", "http://198.51.100.7:8080/", "http://203.0.113.9:8080/");
		});
		assertThat(report.verdict()).isEqualTo(Reachability.PRIVATE_NETWORK);
		assertThat(report.findings()).extracting(Finding::code).doesNotContain(FindingCode.LOOPBACK_ONLY);
	}

	@Test
	void concreteAddressAcceptsOnlyThatAddress() throws IOException {
		BindingsInspector inspector = inspector(socketTable(socket("198.51.100.7", 8080, 100)));
		BindingsReport report = inspector.inspect(List.of(server("198.51.100.7", 8080)), PROD);
		assertThat(report.listeners()).singleElement().satisfies((listener) -> {
			assertThat(listener.address()).isEqualTo("198.51.100.7");
			assertThat(listener.wildcard()).isFalse();
			assertThat(listener.reachability()).isEqualTo(Reachability.PRIVATE_NETWORK);
			assertThat(listener.addresses())
				.extracting(ListenerAddress::getAddress, ListenerAddress::getInterface, ListenerAddress::getScope,
						ListenerAddress::getUrl)
				.containsExactly(tuple("198.51.100.7", "eth0", AddressScope.PRIVATE, "http://198.51.100.7:8080/"));
		});
		assertThat(report.verdict()).isEqualTo(Reachability.PRIVATE_NETWORK);
		assertThat(report.findings()).extracting(Finding::code).doesNotContain(FindingCode.LOOPBACK_ONLY);
	}

	@Test
	void ipv6LinkLocalAddressIsLinkLocalWithEscapedZoneInUrl() throws IOException {
		BindingsInspector inspector = inspector(socketTable(socket("fe80::1", 8080, 100)));
		BindingsReport report = inspector.inspect(List.of(server("fe80::1", 8080)), PROD);
		assertThat(report.listeners()).singleElement().satisfies((listener) -> {
			assertThat(listener.reachability()).isEqualTo(Reachability.LINK_LOCAL);
			assertThat(listener.addresses())
				.extracting(ListenerAddress::getAddress, ListenerAddress::getInterface, ListenerAddress::getScope,
						ListenerAddress::getUrl)
				.containsExactly(tuple("fe80::1%" + LINK_LOCAL_SCOPE_ID, "eth0", AddressScope.LINK_LOCAL,
						"http://[fe80::1%25" + LINK_LOCAL_SCOPE_ID + "]:8080/"));
		});
		assertThat(report.verdict()).isEqualTo(Reachability.LINK_LOCAL);
		assertThat(report.findings()).extracting(Finding::code).doesNotContain(FindingCode.LOOPBACK_ONLY);
	}

	@Test
	void ipv6GlobalAddressUrlHasCompressedAddressInBrackets() throws IOException {
		BindingsInspector inspector = inspector(socketTable(socket("2001:db8::7", 8443, 100)));
		BindingsReport report = inspector
			.inspect(List.of(new WebServerConnector(Listener.SERVER, "tomcat", "https", null, 8443, "")), PROD);
		assertThat(report.listeners()).singleElement()
			.satisfies((listener) -> assertThat(listener.addresses()).extracting(ListenerAddress::getUrl)
				.containsExactly("https://[2001:db8::7]:8443/"));
	}

	@Test
	void socketsNotMatchingAnyConnectorPortAreReportedAsOther() throws IOException {
		ProcSocketTable table = socketTable(
				List.of(socket("0.0.0.0", 8080, 100), socket("127.0.0.1", 9010, 101), socket("::", 22, 102)), 100, 101);
		BindingsReport report = inspector(table).inspect(List.of(server(null, 8080)), PROD);
		assertThat(report.listeners()).extracting(Listener::role, Listener::address, Listener::port, Listener::source)
			.containsExactly(tuple(Listener.SERVER, "0.0.0.0", 8080, Listener.SOURCE_PROCFS),
					tuple(Listener.OTHER, "127.0.0.1", 9010, Listener.SOURCE_PROCFS));
		Listener other = report.listeners().get(1);
		assertThat(other.server()).isNull();
		assertThat(other.scheme()).isNull();
		assertThat(other.id()).isEqualTo("other:9010");
		assertThat(other.reachability()).isEqualTo(Reachability.LOCAL_ONLY);
		assertThat(other.addresses()).singleElement().satisfies((address) -> {
			assertThat(address.getAddress()).isEqualTo("127.0.0.1");
			assertThat(address.getUrl()).isNull();
		});
		assertThat(report.verdict()).isEqualTo(Reachability.PRIVATE_NETWORK);
		assertThat(report.findings()).extracting(Finding::code).doesNotContain(FindingCode.LOOPBACK_ONLY);
	}

	@Test
	void connectorHeldBySeveralSocketsGetsOneListenerPerSocket() throws IOException {
		BindingsInspector inspector = inspector(
				socketTable(socket("127.0.0.1", 8080, 100), socket("198.51.100.7", 8080, 101)));
		BindingsReport report = inspector.inspect(List.of(server(null, 8080)), PROD);
		assertThat(report.listeners()).extracting(Listener::role, Listener::address)
			.containsExactly(tuple(Listener.SERVER, "127.0.0.1"), tuple(Listener.SERVER, "198.51.100.7"));
		assertThat(report.verdict()).isEqualTo(Reachability.PRIVATE_NETWORK);
		assertThat(report.findings()).extracting(Finding::code).doesNotContain(FindingCode.LOOPBACK_ONLY);
	}

	@Test
	void withoutSocketTableConnectorIsReportedWithDefaultWildcardForNullAddress() {
		BindingsInspector inspector = inspector(null);
		BindingsReport report = inspector.inspect(List.of(server(null, 8080), server("198.51.100.7", 8081)), PROD);
		boolean preferIpv4 = Boolean.getBoolean("java.net.preferIPv4Stack");
		assertThat(report.listeners())
			.extracting(Listener::address, Listener::port, Listener::wildcard, Listener::source)
			.containsExactly(tuple(preferIpv4 ? "0.0.0.0" : "::", 8080, true, Listener.SOURCE_CONNECTOR),
					tuple("198.51.100.7", 8081, false, Listener.SOURCE_CONNECTOR));
		assertThat(report.listeners().get(0).addresses()).hasSize(preferIpv4 ? 3 : HOSTS.size());
		assertThat(report.findings()).extracting(Finding::code).doesNotContain(FindingCode.LOOPBACK_ONLY);
	}

	@Test
	void socketTableThatIsNotAvailableIsNotReadAndTheReportSaysSo() throws IOException {
		Path root = Files.createDirectories(this.temp.resolve("not-procfs"));
		BindingsInspector inspector = inspector(new ProcSocketTable(root));
		BindingsReport report = inspector.inspect(List.of(server("127.0.0.1", 8080)), PROD);
		assertThat(report.listeners()).extracting(Listener::source).containsExactly(Listener.SOURCE_CONNECTOR);
		assertThat(report.findings()).extracting(Finding::code, Finding::severity)
			.contains(tuple(FindingCode.LOOPBACK_ONLY, Severity.WARN),
					tuple(FindingCode.SOCKET_TABLE_UNAVAILABLE, Severity.INFO));
	}

	@Test
	void connectorWithoutMatchingSocketIsReportedFromConnector() throws IOException {
		BindingsInspector inspector = inspector(socketTable(socket("0.0.0.0", 9010, 100)));
		BindingsReport report = inspector.inspect(List.of(server("198.51.100.7", 8080)), PROD);
		assertThat(report.listeners()).extracting(Listener::role, Listener::address, Listener::source)
			.containsExactly(tuple(Listener.SERVER, "198.51.100.7", Listener.SOURCE_CONNECTOR),
					tuple(Listener.OTHER, "0.0.0.0", Listener.SOURCE_PROCFS));
	}

	@Test
	void planJudgesThePlannedConnectorAsConfiguredAndAddsSocketsAlreadyOpen() throws IOException {
		Path root = procRoot(List.of(socket("0.0.0.0", 8080, 100), socket("127.0.0.1", 9010, 101)), 100, 101);
		BindingsInspector inspector = inspector(new ProcSocketTable(root));
		BindingsReport planned = inspector.plan(List.of(server("127.0.0.1", 8080)), PROD);
		assertThat(planned.listeners()).extracting(Listener::role, Listener::address, Listener::source)
			.containsExactly(tuple(Listener.SERVER, "127.0.0.1", Listener.SOURCE_CONNECTOR),
					tuple(Listener.OTHER, "127.0.0.1", Listener.SOURCE_PROCFS));
		assertThat(planned.verdict()).isEqualTo(Reachability.LOCAL_ONLY);
		assertThat(planned.findings()).extracting(Finding::code).contains(FindingCode.LOOPBACK_ONLY);
		BindingsReport inspected = inspector.inspect(List.of(server("127.0.0.1", 8080)), PROD);
		assertThat(inspected.listeners()).extracting(Listener::role, Listener::address, Listener::source)
			.containsExactly(tuple(Listener.SERVER, "0.0.0.0", Listener.SOURCE_PROCFS),
					tuple(Listener.OTHER, "127.0.0.1", Listener.SOURCE_PROCFS));
	}

	@Test
	void bindToOneInterfaceAddressWarnsThatLoopbackCallersCannotConnectAndNamesTheOrigin() {
		BindingsReport report = inspector(null).plan(List.of(server("198.51.100.7", 8080)), PROD);
		assertThat(findings(report, FindingCode.LOOPBACK_UNREACHABLE)).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.WARN);
			assertThat(finding.message()).startsWith("The tomcat server listens on 198.51.100.7:8080 only "
					+ "(server.address set in application-prod.properties:3), so callers on this host");
			assertThat(finding.action()).isEqualTo("Point local callers at 198.51.100.7:8080, or set "
					+ "server.address=0.0.0.0 to accept connections on every interface, loopback included. The value "
					+ "comes from application-prod.properties line 3: change that line to server.address=0.0.0.0.");
		});
	}

	@Test
	void ipv6LoopbackBindWhileLocalhostIsIpv4OnlyWarnsAndNamesTheOrigin() {
		BindingsInspector inspector = new BindingsInspector(() -> HOSTS, null, null,
				() -> List.of(address("127.0.0.1")));
		BindingsReport report = inspector.plan(List.of(server("::1", 8080)), PROD);
		assertThat(findings(report, FindingCode.LOCALHOST_MISMATCH)).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.WARN);
			assertThat(finding.message()).isEqualTo("The tomcat server accepts loopback connections on ::1 "
					+ "only (server.address set in application-prod.properties:3), but localhost resolves to "
					+ "127.0.0.1 on this host, so clients using localhost are refused.");
		});
	}

	@Test
	void ipv4LoopbackBindWhileLocalhostResolvesToBothIsOnlyInfo() {
		BindingsReport report = inspector(null).plan(List.of(server("127.0.0.1", 8080)), NO_PROFILE);
		assertThat(findings(report, FindingCode.LOCALHOST_MISMATCH)).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.INFO);
			assertThat(finding.message()).contains("localhost resolves to 127.0.0.1, ::1")
				.doesNotContain("server.address set in");
		});
	}

	@Test
	void planSeesADebugAgentThatListenedBeforeTheServer() throws IOException {
		ProcSocketTable table = new ProcSocketTable(procRoot(List.of(socket("::", 5005, 2)), 2));
		RunContext context = new RunContext(List.of("prod"), false, DEV_PROFILES, Map.of(),
				Map.of(5005, Listener.JDWP));
		BindingsReport planned = inspector(table).plan(List.of(server("0.0.0.0", 8080)), context);
		assertThat(planned.listeners()).extracting(Listener::role, Listener::port)
			.containsExactly(tuple(Listener.SERVER, 8080), tuple(Listener.JDWP, 5005));
		assertThat(findings(planned, FindingCode.JDWP_EXPOSED)).singleElement()
			.satisfies((finding) -> assertThat(finding.severity()).isEqualTo(Severity.WARN));
	}

	@Test
	void planIgnoresUnreadableSocketTable() throws IOException {
		BindingsInspector inspector = inspector(new ProcSocketTable(unlistableDescriptors()));
		BindingsReport report = inspector.plan(List.of(server("198.51.100.7", 8080)), PROD);
		assertThat(report.findings()).extracting(Finding::code).doesNotContain(FindingCode.SOCKET_TABLE_UNAVAILABLE);
		assertThat(report.listeners()).extracting(Listener::source).containsExactly(Listener.SOURCE_CONNECTOR);
	}

	@Test
	void hostAddressesFailureIsReportedAsFindingWithoutFailingTheReport() throws IOException {
		HostAddresses failing = () -> {
			throw new HostAddressesException("Could not list this host's network interfaces",
					new IllegalStateException("denied"));
		};
		BindingsInspector inspector = inspector(failing, socketTable(socket("198.51.100.7", 8080, 100)));
		BindingsReport report = inspector.inspect(List.of(server("198.51.100.7", 8080)), PROD);
		assertThat(findings(report, FindingCode.INTERFACES_UNAVAILABLE)).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.WARN);
			assertThat(finding.listener()).isNull();
			assertThat(finding.message()).isEqualTo("Could not list this host's network interfaces");
		});
		assertThat(report.listeners()).singleElement().satisfies((listener) -> {
			assertThat(listener.reachability()).isEqualTo(Reachability.PRIVATE_NETWORK);
			assertThat(listener.addresses())
				.extracting(ListenerAddress::getAddress, ListenerAddress::getInterface, ListenerAddress::getUrl)
				.containsExactly(tuple("198.51.100.7", null, "http://198.51.100.7:8080/"));
		});
		assertThat(report.verdict()).isEqualTo(Reachability.PRIVATE_NETWORK);
		assertThat(report.findings()).extracting(Finding::code).doesNotContain(FindingCode.LOOPBACK_ONLY);
	}

	@Test
	void unreadableDescriptorsAreReportedAsFindingAndConnectorIsUsed() throws IOException {
		BindingsInspector inspector = inspector(new ProcSocketTable(unlistableDescriptors()));
		BindingsReport report = inspector.inspect(List.of(server("198.51.100.7", 8080)), PROD);
		assertThat(findings(report, FindingCode.SOCKET_TABLE_UNAVAILABLE)).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.INFO);
			assertThat(finding.listener()).isNull();
			assertThat(finding.message()).contains("fd");
		});
		assertThat(report.listeners()).extracting(Listener::address, Listener::source)
			.containsExactly(tuple("198.51.100.7", Listener.SOURCE_CONNECTOR));
		assertThat(report.verdict()).isEqualTo(Reachability.PRIVATE_NETWORK);
	}

	@Test
	void verdictIgnoresManagementAndOtherListeners() throws IOException {
		ProcSocketTable table = socketTable(socket("127.0.0.1", 8080, 100), socket("0.0.0.0", 8081, 101),
				socket("::", 9010, 102));
		BindingsReport report = inspector(table)
			.inspect(List.of(server("127.0.0.1", 8080), connector(Listener.MANAGEMENT, null, 8081)), PROD);
		assertThat(report.listeners()).extracting(Listener::role, Listener::reachability)
			.containsExactly(tuple(Listener.SERVER, Reachability.LOCAL_ONLY),
					tuple(Listener.MANAGEMENT, Reachability.PRIVATE_NETWORK),
					tuple(Listener.OTHER, Reachability.PRIVATE_NETWORK));
		assertThat(report.verdict()).isEqualTo(Reachability.LOCAL_ONLY);
		assertThat(findings(report, FindingCode.LOOPBACK_ONLY)).singleElement().satisfies((finding) -> {
			assertThat(finding.listener()).isEqualTo("server:8080");
			assertThat(finding.message()).contains("127.0.0.1:8080").doesNotContain("8081").doesNotContain("9010");
		});
	}

	@Test
	void verdictIsWidestOfServerAndAdditionalConnectors() throws IOException {
		ProcSocketTable table = socketTable(socket("127.0.0.1", 8080, 100), socket("198.51.100.7", 8443, 101));
		BindingsReport report = inspector(table)
			.inspect(List.of(server("127.0.0.1", 8080), connector(Listener.CONNECTOR, "198.51.100.7", 8443)), PROD);
		assertThat(report.verdict()).isEqualTo(Reachability.PRIVATE_NETWORK);
		assertThat(report.findings()).extracting(Finding::code).doesNotContain(FindingCode.LOOPBACK_ONLY);
	}

	@Test
	void verdictIsNullWithoutServerOrConnectorListener() throws IOException {
		ProcSocketTable table = socketTable(socket("127.0.0.1", 8081, 100), socket("127.0.0.1", 9010, 101));
		BindingsReport report = inspector(table).inspect(List.of(connector(Listener.MANAGEMENT, "127.0.0.1", 8081)),
				PROD);
		assertThat(report.listeners()).extracting(Listener::role).containsExactly(Listener.MANAGEMENT, Listener.OTHER);
		assertThat(report.verdict()).isNull();
		assertThat(report.findings()).isEmpty();
	}

	@Test
	void contextPathAppearsInUrls() throws IOException {
		BindingsInspector inspector = inspector(socketTable(socket("198.51.100.7", 8080, 100)));
		BindingsReport report = inspector
			.inspect(List.of(new WebServerConnector(Listener.SERVER, "tomcat", "http", null, 8080, "/app")), PROD);
		assertThat(report.listeners()).singleElement()
			.satisfies((listener) -> assertThat(listener.addresses()).extracting(ListenerAddress::getUrl)
				.containsExactly("http://198.51.100.7:8080/app/"));
	}

	@Test
	void wildcardWithUnlistableInterfacesIsNotReportedAsLoopbackOnly() {
		HostAddresses failing = () -> {
			throw new HostAddressesException("cannot list", new IllegalStateException());
		};
		BindingsReport report = inspector(failing, null).plan(List.of(server(null, 8080)), PROD);
		assertThat(findings(report, FindingCode.LOOPBACK_ONLY)).isEmpty();
		assertThat(report.verdict()).isEqualTo(Reachability.PUBLIC);
	}

	@Test
	void plannedIpv4WildcardAcceptsIpv6LikeTheJdkBindsIt() {
		BindingsReport report = inspector(null).plan(List.of(server("0.0.0.0", 8080)), PROD);
		assertThat(report.listeners()).singleElement().satisfies((listener) -> {
			assertThat(listener.address()).isEqualTo(Boolean.getBoolean("java.net.preferIPv4Stack") ? "0.0.0.0" : "::");
			assertThat(listener.wildcard()).isTrue();
		});
		assertThat(findings(report, FindingCode.LOOPBACK_ONLY)).isEmpty();
	}

	@Test
	void jdwpAgentOnTheWildcardIsExposed() throws IOException {
		ProcSocketTable table = new ProcSocketTable(
				procRoot(List.of(socket("127.0.0.1", 8080, 1), socket("::", 5005, 2)), 1, 2));
		RunContext context = new RunContext(List.of("prod"), false, DEV_PROFILES, Map.of(),
				Map.of(5005, Listener.JDWP));
		BindingsReport report = inspector(table).inspect(List.of(server("127.0.0.1", 8080)), context);
		assertThat(report.listeners()).filteredOn((listener) -> listener.port() == 5005)
			.singleElement()
			.satisfies((listener) -> assertThat(listener.role()).isEqualTo(Listener.JDWP));
		assertThat(findings(report, FindingCode.JDWP_EXPOSED)).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.WARN);
			assertThat(finding.listener()).isEqualTo("jdwp:5005");
			assertThat(finding.message()).contains("run any code");
			assertThat(finding.action()).contains("address=127.0.0.1:5005");
		});
	}

	@Test
	void jdwpAgentOnLoopbackIsNotExposed() throws IOException {
		ProcSocketTable table = new ProcSocketTable(
				procRoot(List.of(socket("::", 8080, 1), socket("127.0.0.1", 5005, 2)), 1, 2));
		RunContext context = new RunContext(List.of("prod"), false, DEV_PROFILES, Map.of(),
				Map.of(5005, Listener.JDWP));
		BindingsReport report = inspector(table).inspect(List.of(server(null, 8080)), context);
		assertThat(findings(report, FindingCode.JDWP_EXPOSED)).isEmpty();
	}

	@Test
	void jmxAndLiveReloadBeyondLoopbackAreExposed() throws IOException {
		ProcSocketTable table = new ProcSocketTable(procRoot(
				List.of(socket("::", 8080, 1), socket("::", 9010, 2), socket("198.51.100.7", 35729, 3)), 1, 2, 3));
		RunContext context = new RunContext(List.of("prod"), false, DEV_PROFILES, Map.of(),
				Map.of(9010, Listener.JMX, 35729, Listener.LIVERELOAD));
		BindingsReport report = inspector(table).inspect(List.of(server(null, 8080)), context);
		assertThat(findings(report, FindingCode.JMX_EXPOSED)).extracting(Finding::listener).containsExactly("jmx:9010");
		assertThat(findings(report, FindingCode.LIVERELOAD_EXPOSED)).extracting(Finding::listener)
			.containsExactly("livereload:35729");
	}

	@Test
	void managementOnTheWildcardWhileServerIsOnLoopbackIsWider() throws IOException {
		ProcSocketTable table = new ProcSocketTable(
				procRoot(List.of(socket("127.0.0.1", 8080, 1), socket("::", 9091, 2)), 1, 2));
		BindingsReport report = inspector(table)
			.inspect(List.of(server("127.0.0.1", 8080), connector(Listener.MANAGEMENT, null, 9091)), PROD);
		assertThat(findings(report, FindingCode.MANAGEMENT_WIDER)).singleElement()
			.satisfies((finding) -> assertThat(finding.action()).contains("management.server.address=127.0.0.1"));
	}

	@Test
	void managementOnLoopbackIsNeverWider() throws IOException {
		ProcSocketTable table = new ProcSocketTable(
				procRoot(List.of(socket("::", 8080, 1), socket("127.0.0.1", 9091, 2)), 1, 2));
		BindingsReport report = inspector(table)
			.inspect(List.of(server(null, 8080), connector(Listener.MANAGEMENT, "127.0.0.1", 9091)), PROD);
		assertThat(findings(report, FindingCode.MANAGEMENT_WIDER)).isEmpty();
		assertThat(report.findings()).extracting(Finding::severity).doesNotContain(Severity.WARN);
	}

	@Test
	void devProfileOnPrivateNetworksSaysWhoElseCanReachTheDevServer() {
		List<HostAddress> hosts = List.of(host("127.0.0.1", "lo"), host("192.168.1.23", "wlan0"),
				host("10.8.0.2", "tun0"));
		BindingsReport report = inspector(() -> hosts, null).plan(List.of(server(null, 8080)), DEV);
		assertThat(report.verdict()).isEqualTo(Reachability.PRIVATE_NETWORK);
		assertThat(findings(report, FindingCode.DEV_PROFILE_SHARED)).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.INFO);
			assertThat(finding.listener()).isEqualTo("server:8080");
			assertThat(finding.message()).isEqualTo("A dev profile is active (active profiles: dev) and server:8080 "
					+ "listens on [::]:8080 (reachable from private networks), so anyone on the networks of "
					+ "192.168.1.23 (wlan0), 10.8.0.2 (tun0) can reach the development server now: on a shared "
					+ "network (a café's Wi-Fi, a conference, an office) that is everyone on it. This is why "
					+ "development servers such as Vite listen on localhost by default.");
			assertThat(finding.action()).isEqualTo("If only you should reach it, set server.address=127.0.0.1 in the "
					+ "dev profile (application-dev.properties); if others on this network should, nothing needs to "
					+ "change.");
		});
		// Outside a dev profile, on loopback, or where DEV_PROFILE_PUBLIC says more:
		// nothing.
		assertThat(findings(inspector(() -> hosts, null).plan(List.of(server(null, 8080)), PROD),
				FindingCode.DEV_PROFILE_SHARED))
			.isEmpty();
		assertThat(findings(inspector(() -> hosts, null).plan(List.of(server("127.0.0.1", 8080)), DEV),
				FindingCode.DEV_PROFILE_SHARED))
			.isEmpty();
		List<HostAddress> withPublic = List.of(host("127.0.0.1", "lo"), host("192.168.1.23", "wlan0"),
				host("192.31.196.1", "eth0"));
		assertThat(findings(inspector(() -> withPublic, null).plan(List.of(server(null, 8080)), DEV),
				FindingCode.DEV_PROFILE_SHARED))
			.isEmpty();
	}

	@Test
	void devProfileOnAPublicAddressWarns() {
		// Classification only: nothing is connected to.
		List<HostAddress> hosts = List.of(host("127.0.0.1", "lo"), host("192.31.196.1", "eth0"));
		BindingsReport report = inspector(() -> hosts, null).plan(List.of(server(null, 8080)), DEV);
		assertThat(report.verdict()).isEqualTo(Reachability.PUBLIC);
		assertThat(findings(report, FindingCode.DEV_PROFILE_PUBLIC)).singleElement()
			.satisfies((finding) -> assertThat(finding.message()).contains("active profiles: dev"));
		assertThat(findings(inspector(() -> hosts, null).plan(List.of(server(null, 8080)), PROD),
				FindingCode.DEV_PROFILE_PUBLIC))
			.isEmpty();
	}

	@Test
	void reportCarriesTheEnvironmentOfTheRunContext() throws IOException {
		HostEnvironment environment = environment(null, "docker", false, false, null);
		BindingsReport report = inspector(socketTable(socket("127.0.0.1", 8080, 100)))
			.inspect(List.of(server("127.0.0.1", 8080)), prod(environment));
		assertThat(report.environment()).isSameAs(environment);
		assertThat(inspector(null).inspect(List.of(server("127.0.0.1", 8080)), PROD).environment())
			.isEqualTo(HostEnvironment.undetected());
	}

	@Test
	void loopbackFindingWithoutDetectedEnvironmentHasNoHint() {
		Finding finding = loopbackOnly(PROD);
		assertThat(finding.action()).doesNotContain("This process runs").endsWith("(dev, local).");
	}

	@Test
	void loopbackFindingInAVscodeRemoteSessionExplainsPortForwarding() {
		Finding finding = loopbackOnly(prod(environment(HostEnvironment.VSCODE_REMOTE, null, false, false, null)));
		assertThat(finding.action()).endsWith("(dev, local). This process runs in a VS Code remote session: "
				+ "localhost:8080 on your own machine may work only because VS Code forwards the port. Other machines "
				+ "connect to this host's own address, which needs server.address=0.0.0.0.");
	}

	@Test
	void loopbackFindingInAnSshSessionNamesEditorsAndTunnels() {
		Finding finding = loopbackOnly(prod(environment(HostEnvironment.SSH, null, false, false, null)));
		assertThat(finding.action()).contains("This process runs in an SSH session: localhost:8080 on your own machine "
				+ "may work only because your editor (such as VS Code Remote-SSH) or an ssh -L tunnel forwards the port.")
			.contains("which needs server.address=0.0.0.0.");
	}

	@Test
	void loopbackFindingInADevContainerExplainsForwardingAndPublishedPorts() {
		Finding finding = loopbackOnly(prod(environment(HostEnvironment.DEV_CONTAINER, "docker", false, false, null)));
		assertThat(finding.action())
			.contains("This process runs in a Dev Container: localhost:8080 on your own machine may work only because "
					+ "the editor forwards the port into the container.")
			.contains("This process runs in a container (docker): ports published with docker run -p (or Compose "
					+ "ports:) forward to the container's own address, not to its loopback, so they cannot reach "
					+ "this server; set server.address=0.0.0.0.");
		assertThat(finding.action().indexOf("Dev Container")).isLessThan(finding.action().indexOf("docker run -p"));
	}

	@Test
	void loopbackFindingInADevpodWorkspaceExplainsForwarding() {
		Finding finding = loopbackOnly(prod(environment(HostEnvironment.DEVPOD, null, false, false, null)));
		assertThat(finding.action()).contains("This process runs in a DevPod workspace: localhost:8080 on your own "
				+ "machine may work only because DevPod forwards the port into the workspace.");
	}

	@Test
	void loopbackFindingInCodespacesNamesTheForwardedUrlOfThePort() {
		HostEnvironment codespace = HostEnvironment.detect(
				Map.of("CODESPACES", "true", "CODESPACE_NAME", "fuzzy-space-guide-7x9"), this.temp.resolve("none"),
				"Linux");
		Finding finding = loopbackOnly(prod(codespace));
		assertThat(finding.action()).contains("This process runs in GitHub Codespaces: the forwarded URL "
				+ "https://fuzzy-space-guide-7x9-8080.app.github.dev/ and localhost:8080 on your own machine may work "
				+ "only because Codespaces forwards the port. Other machines connect to this host's own address, "
				+ "which needs server.address=0.0.0.0.");
	}

	@Test
	void loopbackFindingInCodespacesWithoutNameStillExplainsForwarding() {
		Finding finding = loopbackOnly(prod(environment(HostEnvironment.CODESPACES, "docker", false, false, null)));
		assertThat(finding.action())
			.contains("This process runs in GitHub Codespaces: the port's forwarded URL and "
					+ "localhost:8080 on your own machine may work only because Codespaces forwards the port.")
			.doesNotContain("docker run -p");
	}

	@Test
	void loopbackFindingInAContainerExplainsPublishedPorts() {
		Finding finding = loopbackOnly(prod(environment(null, "podman", false, false, null)));
		assertThat(finding.action())
			.contains("This process runs in a container (podman): ports published with " + "docker run -p")
			.doesNotContain("forwards the port")
			.doesNotContain("Kubernetes");
	}

	@Test
	void loopbackFindingInAContainerOfUnknownRuntimeDoesNotNameIt() {
		Finding finding = loopbackOnly(prod(environment(null, HostEnvironment.UNKNOWN_CONTAINER, false, false, null)));
		assertThat(finding.action()).contains("This process runs in a container: ports published")
			.doesNotContain("(unknown)");
	}

	@Test
	void loopbackFindingInAKubernetesPodNamesServicesAndProbes() {
		Finding finding = loopbackOnly(prod(environment(null, "containerd", true, false, null)));
		assertThat(finding.action()).contains("This process runs in a Kubernetes pod: Services and kubelet HTTP probes "
				+ "(httpGet liveness, readiness and startup probes) connect to the pod IP, not to loopback, so they "
				+ "cannot reach this server; set server.address=0.0.0.0. kubectl port-forward still works because it "
				+ "connects from inside the pod, which can hide the problem.")
			.doesNotContain("docker run -p");
	}

	@Test
	void loopbackFindingUnderWsl2ExplainsLocalhostForwarding() {
		Finding finding = loopbackOnly(prod(environment(null, null, false, true, 2)));
		assertThat(finding.action()).contains("This process runs under WSL 2: Windows reaches localhost:8080 only "
				+ "through WSL's localhost forwarding, and other machines on the LAN never reach it that way: they "
				+ "need server.address=0.0.0.0 and a port proxy on Windows (netsh interface portproxy) or WSL's "
				+ "mirrored networking mode.");
	}

	@Test
	void loopbackFindingUnderWslOfUnknownVersionExplainsLocalhostForwarding() {
		Finding finding = loopbackOnly(prod(environment(null, null, false, true, null)));
		assertThat(finding.action()).contains("This process runs under WSL: Windows reaches localhost:8080 only "
				+ "through WSL's localhost forwarding");
	}

	@Test
	void loopbackFindingUnderWsl1ExplainsTheSharedNetworkStack() {
		Finding finding = loopbackOnly(prod(environment(null, null, false, true, 1)));
		assertThat(finding.action())
			.contains("This process runs under WSL 1, which shares the network stack of "
					+ "Windows: Windows programs reach localhost:8080, and other machines need server.address=0.0.0.0 "
					+ "and a Windows Firewall rule that allows port 8080.")
			.doesNotContain("portproxy");
	}

	@Test
	void loopbackFindingInDevProfileStillHasHints() {
		RunContext context = new RunContext(List.of("dev"), true, DEV_PROFILES, Map.of(), Map.of(),
				environment(HostEnvironment.VSCODE_REMOTE, null, false, false, null));
		Finding finding = loopbackOnly(context);
		assertThat(finding.severity()).isEqualTo(Severity.INFO);
		assertThat(finding.action()).contains("VS Code forwards the port");
	}

	@Test
	void hintsAreOnlyForLoopbackOnlyServers() throws IOException {
		RunContext context = prod(environment(HostEnvironment.VSCODE_REMOTE, null, true, true, 2));
		BindingsReport report = inspector(socketTable(socket("::", 8080, 100))).inspect(List.of(server(null, 8080)),
				context);
		// Without a finding, the check below would pass whatever the hints.
		assertThat(report.findings()).extracting(Finding::code).containsExactly(FindingCode.PRIVATE_ADDRESS_ONLY);
		assertThat(report.findings()).allSatisfy(
				(finding) -> assertThat(finding.message() + finding.action()).doesNotContain("This process runs"));
	}

	@Test
	void privateAddressesOnlyAreOneInfoFindingNamingThem() {
		// Classification only: nothing is connected to.
		List<HostAddress> hosts = List.of(host("127.0.0.1", "lo"), host("172.31.3.163", "eth0"),
				host("10.0.0.5", "eth1"), host("fd00::5", "eth1"));
		BindingsReport report = inspector(() -> hosts, null).plan(List.of(server(null, 8080)), PROD);
		assertThat(report.verdict()).isEqualTo(Reachability.PRIVATE_NETWORK);
		assertThat(findings(report, FindingCode.PRIVATE_ADDRESS_ONLY)).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.INFO);
			assertThat(finding.listener()).isEqualTo("server:8080");
			assertThat(finding.message())
				.startsWith("The tomcat server accepts connections on private addresses "
						+ "only: 172.31.3.163 (eth0), 10.0.0.5 (eth1)")
				.contains("fd00::5 (eth1)")
				.contains("RFC 1918")
				.contains("none of them is a public IP")
				.doesNotContain("127.0.0.1");
			assertThat(finding.action())
				.contains("NAT, load balancers, security groups and firewalls that Bindscope " + "cannot see")
				.contains("port 8080");
		});
	}

	@Test
	void privateAddressFindingConcernsTheMainServerOnly() throws IOException {
		ProcSocketTable table = socketTable(socket("127.0.0.1", 8080, 100), socket("198.51.100.7", 8081, 101),
				socket("198.51.100.7", 8443, 102));
		BindingsReport local = inspector(table)
			.inspect(List.of(server("127.0.0.1", 8080), connector(Listener.MANAGEMENT, "198.51.100.7", 8081)), PROD);
		assertThat(findings(local, FindingCode.PRIVATE_ADDRESS_ONLY)).isEmpty();
		BindingsReport connectors = inspector(table)
			.inspect(List.of(server("127.0.0.1", 8080), connector(Listener.CONNECTOR, "198.51.100.7", 8443)), PROD);
		assertThat(findings(connectors, FindingCode.PRIVATE_ADDRESS_ONLY)).singleElement().satisfies((finding) -> {
			assertThat(finding.listener()).isEqualTo("connector:8443");
			assertThat(finding.message()).contains("198.51.100.7 (eth0)").doesNotContain("127.0.0.1");
			assertThat(finding.action()).contains("port 8443");
		});
	}

	@Test
	void publicOrLoopbackServerHasNoPrivateAddressFinding() {
		// Classification only: nothing is connected to.
		List<HostAddress> hosts = List.of(host("127.0.0.1", "lo"), host("172.31.3.163", "eth0"),
				host("192.31.196.1", "eth1"));
		BindingsReport open = inspector(() -> hosts, null).plan(List.of(server(null, 8080)), PROD);
		assertThat(open.verdict()).isEqualTo(Reachability.PUBLIC);
		assertThat(findings(open, FindingCode.PRIVATE_ADDRESS_ONLY)).isEmpty();
		BindingsReport local = inspector(() -> hosts, null).plan(List.of(server("127.0.0.1", 8080)), PROD);
		assertThat(findings(local, FindingCode.PRIVATE_ADDRESS_ONLY)).isEmpty();
	}

	@Test
	void jdwpAgentOnAnEphemeralWildcardPortIsFoundInTheTableAndFailsThePlan() throws IOException {
		// -agentlib:jdwp=...,address=*:0 picks its port when the JVM starts.
		ProcSocketTable table = new ProcSocketTable(
				procRoot(List.of(socket("0.0.0.0", 8080, 1), socket("::", 41873, 2)), 1, 2));
		RunContext context = jdwp("*:0", InetAddress.getByAddress(new byte[16]), 0);
		BindingsReport report = inspector(table).inspect(List.of(server(null, 8080)), context);
		assertThat(report.listeners()).extracting(Listener::role, Listener::port, Listener::source)
			.containsExactly(tuple(Listener.SERVER, 8080, Listener.SOURCE_PROCFS),
					tuple(Listener.JDWP, 41873, Listener.SOURCE_PROCFS));
		assertThat(findings(report, FindingCode.JDWP_EXPOSED)).extracting(Finding::severity, Finding::listener)
			.containsExactly(tuple(Severity.WARN, "jdwp:41873"));
		// Before the server starts, only the agent's socket is there.
		ProcSocketTable beforeStart = new ProcSocketTable(procRoot(List.of(socket("::", 41873, 2)), 2));
		BindingsReport plan = inspector(beforeStart).plan(List.of(server(null, 8080)), context);
		assertThat(findings(plan, FindingCode.JDWP_EXPOSED)).extracting(Finding::listener)
			.containsExactly("jdwp:41873");
	}

	@Test
	void jdwpAgentOnAnEphemeralPortAmongSeveralUnknownSocketsIsReportedFromTheArguments() throws IOException {
		ProcSocketTable table = new ProcSocketTable(
				procRoot(List.of(socket("::", 8080, 1), socket("::", 41873, 2), socket("::", 41874, 3)), 1, 2, 3));
		RunContext context = jdwp("*:0", InetAddress.getByAddress(new byte[16]), 0);
		BindingsReport report = inspector(table).inspect(List.of(server(null, 8080)), context);
		assertThat(report.listeners()).extracting(Listener::role, Listener::port, Listener::source)
			.containsExactly(tuple(Listener.SERVER, 8080, Listener.SOURCE_PROCFS),
					tuple(Listener.OTHER, 41873, Listener.SOURCE_PROCFS),
					tuple(Listener.OTHER, 41874, Listener.SOURCE_PROCFS),
					tuple(Listener.JDWP, 0, Listener.SOURCE_ARGUMENTS));
		assertThat(findings(report, FindingCode.JDWP_EXPOSED)).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.WARN);
			assertThat(finding.message()).contains("a port it picked at startup").contains("address=*:0");
		});
	}

	@Test
	void jdwpAgentMissingFromAnEmptySocketTableIsReportedFromTheArgumentsAndTheTableIsCalledIncomplete()
			throws IOException {
		ProcSocketTable empty = new ProcSocketTable(procRoot(List.of()));
		RunContext context = jdwp("*:5005", InetAddress.getByAddress(new byte[16]), 5005);
		BindingsReport report = inspector(empty).inspect(List.of(server(null, 8080)), context);
		assertThat(report.listeners()).extracting(Listener::role, Listener::address, Listener::port, Listener::source)
			.containsExactly(tuple(Listener.SERVER, "::", 8080, Listener.SOURCE_CONNECTOR),
					tuple(Listener.JDWP, "::", 5005, Listener.SOURCE_ARGUMENTS));
		assertThat(report.findings()).extracting(Finding::code, Finding::severity)
			.contains(tuple(FindingCode.JDWP_EXPOSED, Severity.WARN),
					tuple(FindingCode.SOCKET_TABLE_UNAVAILABLE, Severity.INFO));
		assertThat(findings(inspector(empty).plan(List.of(server(null, 8080)), context), FindingCode.JDWP_EXPOSED))
			.extracting(Finding::listener)
			.containsExactly("jdwp:5005");
	}

	@Test
	void jdwpAgentWithoutAHostListensOnLoopbackEvenWithoutASocketTable() throws IOException {
		// address=5005 binds loopback only since Java 9.
		RunContext context = jdwp("5005", InetAddress.getLoopbackAddress(), 5005);
		BindingsReport report = inspector(null).inspect(List.of(server(null, 8080)), context);
		assertThat(report.listeners()).filteredOn((listener) -> Listener.JDWP.equals(listener.role()))
			.extracting(Listener::address, Listener::reachability)
			.containsExactly(tuple("127.0.0.1", Reachability.LOCAL_ONLY));
		assertThat(findings(report, FindingCode.JDWP_EXPOSED)).isEmpty();
	}

	@Test
	void jdwpAgentBoundToAHostNameIsAssumedReachableFromAnywhere() throws IOException {
		RunContext context = jdwp("debug.example:5005", null, 5005);
		BindingsReport report = inspector(null).inspect(List.of(server(null, 8080)), context);
		assertThat(findings(report, FindingCode.JDWP_EXPOSED)).extracting(Finding::listener)
			.containsExactly("jdwp:5005");
	}

	@Test
	void secondLoopbackAddressRefusesEveryLocalhostClient() throws IOException {
		BindingsInspector inspector = inspector(socketTable(socket("127.0.0.2", 8080, 100)));
		BindingsReport report = inspector.inspect(List.of(server("127.0.0.2", 8080)), PROD);
		assertThat(findings(report, FindingCode.LOCALHOST_MISMATCH)).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.WARN);
			assertThat(finding.message()).contains("on 127.0.0.2 only")
				.contains("localhost resolves to 127.0.0.1, ::1")
				.contains("clients using localhost are refused");
			assertThat(finding.action()).contains("have clients use 127.0.0.2 instead of localhost");
		});
	}

	@Test
	void wildcardOnAHostWithOnlyLoopbackDoesNotAskForTheWildcard() throws IOException {
		List<HostAddress> loopbackOnly = List.of(host("127.0.0.1", "lo"), host("::1", "lo"));
		BindingsInspector inspector = inspector(() -> loopbackOnly, socketTable(socket("::", 8080, 100)));
		BindingsReport report = inspector.inspect(List.of(server(null, 8080)),
				prod(environment(null, "docker", false, false, null)));
		assertThat(report.verdict()).isEqualTo(Reachability.LOCAL_ONLY);
		assertThat(findings(report, FindingCode.LOOPBACK_ONLY)).singleElement().satisfies((finding) -> {
			assertThat(finding.message()).contains("no interface up besides loopback");
			assertThat(finding.action()).contains("server.address needs no change")
				.doesNotContain("set server.address=0.0.0.0");
		});
	}

	@Test
	void wildcardOnAHostWithNoInterfaceUpIsLocalOnlyNotPublic() throws IOException {
		BindingsInspector inspector = inspector(List::of, socketTable(socket("::", 8080, 100)));
		BindingsReport report = inspector.inspect(List.of(server(null, 8080)), PROD);
		assertThat(report.verdict()).isEqualTo(Reachability.LOCAL_ONLY);
		String banner = BindingsBanner.render(report.listeners().get(0), LOCALHOST.addresses());
		assertThat(banner).contains("is reachable from this host only")
			.contains("no interface up besides loopback")
			.doesNotContain("public");
	}

	@Test
	void localhostThatDoesNotResolveLeavesLoopbackFindingsAndBannerIntact() throws IOException {
		BindingsInspector inspector = new BindingsInspector(() -> HOSTS, socketTable(socket("127.0.0.1", 8080, 100)),
				null, List::of);
		BindingsReport report = inspector.inspect(List.of(server("127.0.0.1", 8080)), PROD);
		assertThat(report.findings()).extracting(Finding::code).containsExactly(FindingCode.LOOPBACK_ONLY);
		String banner = BindingsBanner.render(report.listeners().get(0), List.of());
		assertThat(banner).contains("Local:   http://127.0.0.1:8080/").doesNotContain("localhost");
	}

	@Test
	void jdwpAgentBehindUnlistableDescriptorsIsReportedFromTheArgumentsAndFailsThePlan() throws IOException {
		ProcSocketTable table = new ProcSocketTable(unlistableDescriptors());
		RunContext context = jdwp("*:5005", InetAddress.getByAddress(new byte[16]), 5005);
		BindingsReport report = inspector(table).inspect(List.of(server(null, 8080)), context);
		assertThat(report.findings()).extracting(Finding::code, Finding::listener)
			.contains(tuple(FindingCode.JDWP_EXPOSED, "jdwp:5005"), tuple(FindingCode.SOCKET_TABLE_UNAVAILABLE, null));
		assertThat(findings(inspector(table).plan(List.of(server(null, 8080)), context), FindingCode.JDWP_EXPOSED))
			.extracting(Finding::listener)
			.containsExactly("jdwp:5005");
	}

	@Test
	void garbledSocketTableIsCalledIncompleteAndTheConnectorsAreReported() throws IOException {
		Path root = procRoot(List.of());
		Files.writeString(root.resolve("self/net/tcp"), "\u0000\u0001garbage\n:::: 0A\nnot a table at all\n");
		BindingsReport report = inspector(new ProcSocketTable(root)).inspect(List.of(server("198.51.100.7", 8080)),
				PROD);
		assertThat(report.listeners()).extracting(Listener::address, Listener::source)
			.containsExactly(tuple("198.51.100.7", Listener.SOURCE_CONNECTOR));
		assertThat(findings(report, FindingCode.SOCKET_TABLE_UNAVAILABLE)).singleElement()
			.satisfies((finding) -> assertThat(finding.message()).contains("port 8080").contains("incomplete"));
	}

	@Test
	void plannedServerOnAPortPickedAtStartupIsNotCalledPortZero() {
		BindingsReport plan = inspector(() -> HOSTS, null).plan(List.of(server("127.0.0.1", 0)), PROD);
		assertThat(findings(plan, FindingCode.LOOPBACK_ONLY)).singleElement()
			.satisfies((finding) -> assertThat(finding.message())
				.contains("listens on 127.0.0.1 (on a port picked at startup) only")
				.doesNotContain("127.0.0.1:0"));
	}

	@Test
	void socketOfAnotherComponentOnTheSamePortNumberIsNotTheServers() throws IOException {
		// IPv4 and IPv6 ports are apart: something else may hold ::1 on the port the
		// server holds on 127.0.0.1.
		ProcSocketTable table = new ProcSocketTable(
				procRoot(List.of(socket("127.0.0.1", 8080, 1), socket("::1", 8080, 2)), 1, 2));
		BindingsReport report = inspector(table).inspect(List.of(server("127.0.0.1", 8080)), PROD);
		assertThat(report.listeners()).extracting(Listener::role, Listener::address)
			.containsExactly(tuple(Listener.SERVER, "127.0.0.1"), tuple(Listener.OTHER, "::1"));
	}

	@Test
	void serverBoundElsewhereThanItSaysOwnsWhatListensOnItsPort() throws IOException {
		// A customizer bound the server to ::1 while the connector still says 127.0.0.1.
		ProcSocketTable table = new ProcSocketTable(procRoot(List.of(socket("::1", 8080, 1)), 1));
		BindingsReport report = inspector(table).inspect(List.of(server("127.0.0.1", 8080)), PROD);
		assertThat(report.listeners()).extracting(Listener::role, Listener::address, Listener::source)
			.containsExactly(tuple(Listener.SERVER, "::1", Listener.SOURCE_PROCFS));
	}

	private static RunContext jdwp(String address, @Nullable InetAddress bindAddress, int port) {
		return new RunContext(List.of("prod"), false, DEV_PROFILES, Map.of(), Map.of(), HostEnvironment.undetected(),
				new JdwpAgent(address, bindAddress, port));
	}

	@Test
	void hostileInterfaceNamesAreEscapedInFindingMessages() {
		// Classification only: nothing is connected to.
		String longName = "n".repeat(200);
		List<HostAddress> hosts = List.of(host("127.0.0.1", "lo"), host("10.0.0.5", "eth0\u001b[31m"),
				host("10.0.0.6", "eth1\b\b\b\bxx"), host("10.0.0.7", "eth2\nWARN forged line"),
				host("10.0.0.8", "a]@evil.example#"), host("10.0.0.9", longName), host("10.0.0.10", "veth1@if5"));
		String named = "10.0.0.5 (eth0\\u001b[31m), 10.0.0.6 (eth1\\u0008\\u0008\\u0008\\u0008xx), "
				+ "10.0.0.7 (eth2\\u000aWARN forged line), 10.0.0.8 (a]@evil.example#), 10.0.0.9 (" + longName
				+ "), 10.0.0.10 (veth1@if5)";
		BindingsReport wildcard = inspector(() -> hosts, null).plan(List.of(server(null, 8080)), PROD);
		assertThat(findings(wildcard, FindingCode.PRIVATE_ADDRESS_ONLY)).singleElement()
			.satisfies((finding) -> assertThat(finding.message())
				.startsWith("The tomcat server accepts connections on private addresses only: " + named + ". "));
		BindingsReport loopback = inspector(() -> hosts, null).plan(List.of(server("127.0.0.1", 8080)), PROD);
		assertThat(findings(loopback, FindingCode.LOOPBACK_ONLY)).singleElement()
			.satisfies((finding) -> assertThat(finding.action())
				.contains("or one of this host's own addresses: " + named + ". "));
		for (BindingsReport report : List.of(wildcard, loopback)) {
			assertThat(report.findings()).isNotEmpty()
				.allSatisfy((finding) -> assertThat((finding.message() + finding.action()).chars())
					.noneMatch(Character::isISOControl));
		}
	}

	@Test
	void findingsNameTenAddressesOfABusyHostAndCountTheRest() {
		List<HostAddress> hosts = new ArrayList<>(List.of(host("127.0.0.1", "lo")));
		for (int index = 1; index <= 25; index++) {
			hosts.add(host("10.0.0." + index, "veth" + index));
		}
		String named = "10.0.0.1 (veth1), 10.0.0.2 (veth2), 10.0.0.3 (veth3), 10.0.0.4 (veth4), 10.0.0.5 (veth5), "
				+ "10.0.0.6 (veth6), 10.0.0.7 (veth7), 10.0.0.8 (veth8), 10.0.0.9 (veth9), 10.0.0.10 (veth10) "
				+ "and 15 more (the report lists every one)";
		BindingsReport wildcard = inspector(() -> hosts, null).plan(List.of(server(null, 8080)), PROD);
		assertThat(wildcard.listeners().get(0).addresses()).hasSize(26);
		assertThat(findings(wildcard, FindingCode.PRIVATE_ADDRESS_ONLY)).singleElement()
			.satisfies((finding) -> assertThat(finding.message())
				.startsWith("The tomcat server accepts connections on private addresses only: " + named + ". "));
		BindingsReport loopback = inspector(() -> hosts, null).plan(List.of(server("127.0.0.1", 8080)), PROD);
		assertThat(findings(loopback, FindingCode.LOOPBACK_ONLY)).singleElement()
			.satisfies((finding) -> assertThat(finding.action())
				.contains("or one of this host's own addresses: " + named + ". "));
		BindingsReport dev = inspector(() -> hosts, null).plan(List.of(server(null, 8080)), DEV);
		assertThat(findings(dev, FindingCode.DEV_PROFILE_SHARED)).singleElement()
			.satisfies(
					(finding) -> assertThat(finding.message()).contains("anyone on the networks of " + named + " can"));
	}

	private static Finding loopbackOnly(RunContext context) {
		BindingsReport report = inspector(null).plan(List.of(server("127.0.0.1", 8080)), context);
		List<Finding> loopbackOnly = findings(report, FindingCode.LOOPBACK_ONLY);
		assertThat(loopbackOnly).hasSize(1);
		return loopbackOnly.get(0);
	}

	private static RunContext prod(HostEnvironment environment) {
		return new RunContext(List.of("prod"), false, DEV_PROFILES, PROD_ORIGINS, Map.of(), environment);
	}

	private static HostEnvironment environment(@Nullable String remoteSession, @Nullable String container,
			boolean kubernetes, boolean wsl, @Nullable Integer wslVersion) {
		return new HostEnvironment("linux", container, kubernetes, wsl, wslVersion, remoteSession, null, List.of());
	}

	private static BindingsInspector inspector(@Nullable ProcSocketTable socketTable) {
		return inspector(() -> HOSTS, socketTable);
	}

	private static BindingsInspector inspector(HostAddresses hosts, @Nullable ProcSocketTable socketTable) {
		// Without a prober nothing is ever connected to.
		return new BindingsInspector(hosts, socketTable, null, LOCALHOST);
	}

	private static List<Finding> findings(BindingsReport report, FindingCode code) {
		return report.findings().stream().filter((finding) -> finding.code() == code).toList();
	}

	private ProcSocketTable socketTable(ListeningSocket... sockets) throws IOException {
		long[] inodes = new long[sockets.length];
		for (int i = 0; i < sockets.length; i++) {
			inodes[i] = sockets[i].inode();
		}
		return socketTable(List.of(sockets), inodes);
	}

	private ProcSocketTable socketTable(List<ListeningSocket> sockets, long... ownInodes) throws IOException {
		return new ProcSocketTable(procRoot(sockets, ownInodes));
	}

	/**
	 * Write the sockets to {@code self/net/tcp} and {@code self/net/tcp6} in this
	 * machine's byte order, as its kernel does, and link the given inodes from
	 * {@code self/fd}.
	 */
	private Path procRoot(List<ListeningSocket> sockets, long... ownInodes) throws IOException {
		ProcFixture fixture = ProcFixture.inNativeOrder();
		for (ListeningSocket socket : sockets) {
			fixture.listen(socket.address(), socket.port(), socket.inode());
		}
		return fixture.own(ownInodes).write(Files.createTempDirectory(this.temp, "proc"));
	}

	private Path unlistableDescriptors() throws IOException {
		Path root = procRoot(List.of(socket("198.51.100.7", 8080, 100)), 100);
		ProcFixture.makeDescriptorsUnlistable(root);
		return root;
	}

	private static ListeningSocket socket(String literal, int port, long inode) {
		return new ListeningSocket(address(literal), port, inode);
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

	private static HostAddress linkLocalHost(String literal, String interfaceName) {
		try {
			return HostAddress.of(Inet6Address.getByAddress(null, address(literal).getAddress(), LINK_LOCAL_SCOPE_ID),
					interfaceName);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
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
