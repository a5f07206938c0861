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
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app on a server host that is odd in ways real hosts are: IPv6 switched off
 * in its network namespace, and no name service it can reach. Nothing leaves the test
 * hosts: the server host has no route beyond their own link.
 */
@ExtendWith(TestHostsExtension.class)
class HostileHostNamespaceTests {

	@BeforeAll
	static void switchOffIpv6(TestHosts hosts) {
		hosts.disableIpv6OnServer();
	}

	@Test
	void ipv4WildcardOnAHostWithoutIpv6ListsWhatAnotherHostReaches(TestHosts hosts) {
		String address = "0.0.0.0";
		try (SampleAppProcess app = SampleAppProcess.start(hosts, "no-ipv6-wildcard", List.of(),
				List.of("--server.address=" + address))) {
			ReportedBindings report = app.report("127.0.0.1");
			List<BoundSocket> kernel = app.listeningSockets().stream().map(SsRow::socket).sorted().toList();
			Map<String, String> statuses = hosts.getFromClient(SampleAppProcess.PORT);
			List<String> reached = statuses.entrySet()
				.stream()
				.filter((entry) -> entry.getValue().equals("200"))
				.map(Map.Entry::getKey)
				.toList();
			List<String> reported = report.listener("server")
				.addressesWithoutZone()
				.stream()
				.filter((reportedAddress) -> !reportedAddress.startsWith("127.") && !reportedAddress.equals("::1"))
				.toList();
			String facts = "[no IPv6, " + address + "] client got " + statuses + "; report lists " + reported
					+ "; ss shows " + kernel + ".\n" + report.json();
			System.out.println(facts.lines().findFirst().orElse(""));
			assertThat(reached).as(facts).containsExactly(TestHosts.SERVER_IPV4);
			assertThat(reported).as(facts).containsExactlyElementsOf(reached);
			assertThat(new TreeSet<>(report.sockets())).as(facts).isEqualTo(new TreeSet<>(kernel));
			assertThat(report.verdict()).as(facts).isEqualTo("PRIVATE_NETWORK");
		}
	}

	/**
	 * Without IPv6 on the host the JVM has no IPv6 sockets at all, so {@code ::} cannot
	 * be bound; the failure must say that, not leave a stack trace.
	 */
	@Test
	void ipv6WildcardOnAHostWithoutIpv6FailsSayingIpv6IsUnavailable(TestHosts hosts) {
		SampleAppProcess.Exit exit = SampleAppProcess.runUntilExit(hosts, "no-ipv6-ipv6-wildcard", List.of(),
				List.of("--server.address=::"));
		assertThat(exit.exitCode()).as(exit.logTail()).isNotZero();
		assertThat(exit.log()).as(exit.logTail())
			.contains("APPLICATION FAILED TO START")
			.contains("server.address=::")
			.contains("IPv6")
			.contains("0.0.0.0");
	}

	@Test
	void serverAddressThatDoesNotResolveFailsWithTheNameAndTheProperty(TestHosts hosts) {
		long start = System.nanoTime();
		SampleAppProcess.Exit exit = SampleAppProcess.runUntilExit(hosts, "unresolvable", List.of(),
				List.of("--server.address=no-such-host.invalid"));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		System.out.println("[unresolvable server.address] exit code " + exit.exitCode() + " after " + took.toMillis()
				+ " ms (JVM start included)");
		assertThat(exit.exitCode()).as(exit.logTail()).isNotZero();
		assertThat(exit.log()).as(exit.logTail())
			.contains("APPLICATION FAILED TO START")
			.contains("server.address")
			.contains("no-such-host.invalid")
			.doesNotContain("Tomcat started on port");
	}

}
