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

package io.github.bindscope.sample.network;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves reachability instead of assuming it: the sample app runs on one test host, a
 * second test host connects to every address of the first, and the report must agree with
 * what really connected and with the kernel's socket table.
 */
@ExtendWith(TestHostsExtension.class)
class NamespaceReachabilityTests {

	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

	private static final Pattern PROBED = Pattern.compile("Bindscope: probed (\\d+) addresses in (\\d+) ms");

	private static final long PROBE_TIMEOUT_MILLIS = 250;

	static Stream<Bind> binds() {
		return Stream.of(new Bind("127.0.0.1", List.of(), EnumSet.noneOf(Target.class)),
				new Bind("::1", List.of(), EnumSet.noneOf(Target.class)),
				new Bind("localhost", List.of(), EnumSet.noneOf(Target.class)),
				new Bind("0.0.0.0", List.of(), EnumSet.allOf(Target.class)),
				new Bind("0.0.0.0", List.of("-Djava.net.preferIPv4Stack=true"), EnumSet.of(Target.IPV4)),
				new Bind("::", List.of(), EnumSet.allOf(Target.class)),
				new Bind(TestHosts.SERVER_IPV4, List.of(), EnumSet.of(Target.IPV4)),
				new Bind(TestHosts.SERVER_IPV6, List.of(), EnumSet.of(Target.IPV6)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("binds")
	void reportAgreesWithWhatAnotherHostReaches(Bind bind, TestHosts hosts) {
		try (SampleAppProcess app = SampleAppProcess.start(hosts, "bind-" + bind, bind.jvmArguments(),
				List.of("--server.address=" + bind.address()))) {
			ReportedBindings report = app.report(reportHost(bind.address()));
			List<SsRow> rows = app.listeningSockets();
			List<BoundSocket> kernel = rows.stream().map(SsRow::socket).sorted().toList();
			Map<String, String> statuses = hosts.getFromClient(SampleAppProcess.PORT);
			List<String> reached = statuses.entrySet()
				.stream()
				.filter((entry) -> entry.getValue().equals("200"))
				.map(Map.Entry::getKey)
				.toList();
			ReportedBindings.Listener server = report.listener("server");
			List<String> reported = server.addressesWithoutZone();
			String facts = "client got " + statuses + "; report lists " + server.addresses() + " with verdict "
					+ report.verdict() + "; ss shows " + rows.stream().map(SsRow::line).toList() + " for pid "
					+ app.pid() + app.pidNote() + ".\n" + report.json();
			System.out.println("[" + bind + "] " + facts.lines().findFirst().orElse(""));
			SoftAssertions softly = new SoftAssertions();
			softly.assertThat(reached)
				.as("addresses the client reached, expected for this bind (%s)", facts)
				.containsExactlyInAnyOrderElementsOf(bind.expectedAddresses(hosts));
			for (String address : hosts.serverHostAddresses()) {
				if (reached.contains(address)) {
					softly.assertThat(reported)
						.as("the client reached %s, so the report must list it (%s)", address, facts)
						.contains(address);
				}
				else {
					softly.assertThat(reported)
						.as("the client could not reach %s, so the report must not list it (%s)", address, facts)
						.doesNotContain(address);
				}
			}
			softly.assertThat("LOCAL_ONLY".equals(report.verdict()))
				.as("verdict LOCAL_ONLY exactly when the client reached nothing (%s)", facts)
				.isEqualTo(reached.isEmpty());
			softly.assertThat(new TreeSet<>(report.sockets()))
				.as("the report's listeners %s must be the sockets ss shows for the app %s (%s)", report.sockets(),
						kernel, facts)
				.isEqualTo(new TreeSet<>(kernel));
			for (ReportedBindings.Address address : server.addresses()) {
				if (address.address().startsWith("fe80:")) {
					softly.assertThat(address.address())
						.as("a link-local address names the server host's interface (%s)", facts)
						.endsWith("%" + hosts.serverInterface());
				}
			}
			softly.assertAll();
		}
	}

	@Test
	void bannerInDevProfileListsTheUrlsAnotherHostReachesWithTheirInterface(TestHosts hosts) {
		try (SampleAppProcess app = SampleAppProcess.start(hosts, "banner", List.of(),
				List.of("--spring.profiles.active=dev", "--server.address=0.0.0.0"))) {
			Map<String, String> statuses = hosts.getFromClient(SampleAppProcess.PORT);
			List<String> banner = app.log()
				.lines()
				.filter((line) -> line.startsWith("  Local:") || line.startsWith("  Network:"))
				.toList();
			System.out.println("[banner] " + banner + "; client got " + statuses);
			String port = ":" + SampleAppProcess.PORT + "/";
			assertThat(banner).as(app.logTail())
				.contains("  Local:   http://localhost" + port)
				.anySatisfy((line) -> assertThat(line).matches("  Local: +http://127\\.0\\.0\\.1" + port + " +lo"));
			List<String> network = banner.stream().filter((line) -> line.startsWith("  Network:")).toList();
			for (String address : hosts.serverHostAddresses()) {
				assertThat(statuses.get(address)).as("client GET / on %s", address).isEqualTo("200");
				String urlHost = address.startsWith("fe80:") ? "[" + address + "%25" + hosts.serverInterface() + "]"
						: address.contains(":") ? "[" + address + "]" : address;
				String expected = "  Network: +" + Pattern.quote("http://" + urlHost + port) + " +"
						+ Pattern.quote(hosts.serverInterface()) + "(, link-local)?";
				assertThat(network).as("a Network line for %s, which the client reached: %s", address, banner)
					.anySatisfy((line) -> assertThat(line).matches(expected));
			}
			assertThat(network).as("one Network line per address of the server host: %s", banner)
				.hasSameSizeAs(hosts.serverHostAddresses());
		}
	}

	@Test
	void probesMarkDroppedAddressAsTimeoutWithoutDelayingStartup(TestHosts hosts) {
		NetworkTestRequirements.requireCommand("iptables", "iptables");
		List<String> rule = List.of("INPUT", "-d", TestHosts.SERVER_IPV4, "-p", "tcp", "--dport",
				Integer.toString(SampleAppProcess.PORT), "-j", "DROP");
		ExternalCommand.Result added = iptables(hosts, "-A", rule);
		if (!added.succeeded()) {
			NetworkTestRequirements.unmet("The probe test could not add a firewall rule to drop packets: "
					+ added.describe() + ". It needs iptables with kernel support for packet filtering.");
		}
		boolean finished = false;
		try (SampleAppProcess app = SampleAppProcess.start(hosts, "probes", List.of(),
				List.of("--server.address=0.0.0.0", "--bindscope.probe.enabled=true",
						"--bindscope.probe.timeout=" + PROBE_TIMEOUT_MILLIS + "ms"))) {
			ReportedBindings report = app.report("127.0.0.1");
			ReportedBindings.Listener server = report.listener("server");
			System.out.println("[probes] " + server.addresses());
			SoftAssertions softly = new SoftAssertions();
			softly.assertThat(server.addresses())
				.as("every address of the server listener is probed: %s", report.json())
				.allSatisfy((address) -> assertThat(address.probe()).as(address.address()).isNotEqualTo("SKIPPED"));
			softly.assertThat(probe(server, TestHosts.SERVER_IPV4))
				.as("probe of %s, whose packets are dropped: %s", TestHosts.SERVER_IPV4, report.json())
				.isEqualTo("TIMEOUT");
			softly.assertThat(probe(server, "127.0.0.1")).as("probe of 127.0.0.1: %s", report.json()).isEqualTo("OPEN");
			softly.assertThat(probe(server, TestHosts.SERVER_IPV6))
				.as("probe of %s: %s", TestHosts.SERVER_IPV6, report.json())
				.isEqualTo("OPEN");
			Matcher probed = PROBED.matcher(app.log());
			if (!probed.find()) {
				softly.fail("The startup log has no line 'Bindscope: probed N addresses in X ms'. " + app.logTail());
			}
			else {
				System.out.println("[probes] " + probed.group());
				// A dropped SYN would hang for minutes without the probe timeout; the
				// margin only absorbs a slow machine.
				softly.assertThat(Long.parseLong(probed.group(2)))
					.as("time the startup probes took (%s)", probed.group())
					.isLessThan(PROBE_TIMEOUT_MILLIS + 1000);
			}
			softly.assertAll();
			finished = true;
		}
		finally {
			ExternalCommand.Result removed = iptables(hosts, "-D", rule);
			// A failure to clean up must not hide why the test itself failed.
			if (finished) {
				removed.requireSuccess();
			}
		}
	}

	@Test
	void ipv6LoopbackBindReportsLocalhostMismatch(TestHosts hosts) {
		try (SampleAppProcess app = SampleAppProcess.start(hosts, "localhost-mismatch", List.of(),
				List.of("--server.address=::1"))) {
			ReportedBindings report = app.report("[::1]");
			assertThat(report.findingCodes()).as(report.json()).contains("LOCALHOST_MISMATCH");
		}
	}

	@Test
	void serverHostAddressBindReportsLoopbackUnreachable(TestHosts hosts) {
		try (SampleAppProcess app = SampleAppProcess.start(hosts, "loopback-unreachable", List.of(),
				List.of("--server.address=" + TestHosts.SERVER_IPV4))) {
			ReportedBindings report = app.report(TestHosts.SERVER_IPV4);
			assertThat(report.findingCodes()).as(report.json()).contains("LOOPBACK_UNREACHABLE");
			ExternalCommand.Result loopback = hosts.inServer(COMMAND_TIMEOUT, "curl", "-s", "-o", "/dev/null", "-w",
					"%{http_code}", "--max-time", "2", "http://127.0.0.1:" + SampleAppProcess.PORT + "/");
			assertThat(loopback.succeeded())
				.as("a caller on the server host using 127.0.0.1 cannot connect: %s", loopback.describe())
				.isFalse();
			assertThat(loopback.output().strip()).as(loopback.describe()).isEqualTo("000");
		}
	}

	private static ExternalCommand.Result iptables(TestHosts hosts, String operation, List<String> rule) {
		List<String> command = new ArrayList<>(List.of("iptables", "-w", "5", operation));
		command.addAll(rule);
		return hosts.inServer(COMMAND_TIMEOUT, command.toArray(String[]::new));
	}

	private static String probe(ReportedBindings.Listener listener, String address) {
		return listener.addresses()
			.stream()
			.filter((candidate) -> BoundSocket.canonicalAddress(candidate.address()).equals(address))
			.map(ReportedBindings.Address::probe)
			.findFirst()
			.orElse("(not listed)");
	}

	/**
	 * Return the host to fetch the report from: the bind address itself when it is one,
	 * loopback otherwise. Fetching from the bind address also proves the app accepts
	 * connections there.
	 */
	private static String reportHost(String bindAddress) {
		if (bindAddress.equals("0.0.0.0") || bindAddress.equals("::") || bindAddress.equals("localhost")) {
			return "127.0.0.1";
		}
		return bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
	}

	/**
	 * An address of the server host that the client tries.
	 */
	enum Target {

		IPV4, IPV6, LINK_LOCAL;

		String address(TestHosts hosts) {
			return switch (this) {
				case IPV4 -> TestHosts.SERVER_IPV4;
				case IPV6 -> TestHosts.SERVER_IPV6;
				case LINK_LOCAL -> hosts.serverLinkLocal();
			};
		}

	}

	/**
	 * A way to start the app, and which server host addresses the client must then reach.
	 * Naming them explicitly keeps a harness that reaches nothing from passing every
	 * agreement check.
	 *
	 * @param address the value of {@code server.address}
	 * @param jvmArguments arguments for the app's JVM
	 * @param reachable what the client must reach
	 */
	record Bind(String address, List<String> jvmArguments, Set<Target> reachable) {

		List<String> expectedAddresses(TestHosts hosts) {
			return this.reachable.stream().map((target) -> target.address(hosts)).toList();
		}

		@Override
		public String toString() {
			return this.address
					+ this.jvmArguments.stream().map((argument) -> " " + argument).collect(Collectors.joining());
		}

	}

}
