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

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every socket of the JVM, on every server stack: the app runs with a debug agent on all
 * interfaces, the main server on the wildcard and the management server on loopback, and
 * the report must name each socket's role, list exactly what {@code ss} shows, and agree
 * with what a second host reaches on each port.
 */
@ExtendWith(TestHostsExtension.class)
class ServerStackNamespaceTests {

	private static final int MANAGEMENT_PORT = 9091;

	private static final int JDWP_PORT = 5005;

	private static final String JDWP_AGENT = "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:"
			+ JDWP_PORT;

	private static final String JDWP_AGENT_EPHEMERAL = "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:0";

	@ParameterizedTest(name = "{0}")
	@EnumSource(ServerStack.class)
	void everySocketAgreesWithAnotherHostAndWithSs(ServerStack stack, TestHosts hosts) {
		try (SampleAppProcess app = SampleAppProcess.start(hosts, stack, "stack-" + stack.name(), List.of(JDWP_AGENT),
				List.of("--server.address=0.0.0.0", "--management.server.port=" + MANAGEMENT_PORT,
						"--management.server.address=127.0.0.1"))) {
			ReportedBindings report = app.report("127.0.0.1", MANAGEMENT_PORT);
			List<SsRow> rows = app.listeningSockets();
			// ss first: the handshakes below attach a debugger for a moment.
			List<BoundSocket> kernel = rows.stream().map(SsRow::socket).sorted().toList();
			Map<String, String> server = hosts.getFromClient(SampleAppProcess.PORT);
			Map<String, String> management = hosts.getFromClient(MANAGEMENT_PORT);
			Map<String, Boolean> debugger = hosts.jdwpHandshakeFromClient(JDWP_PORT);
			String facts = "[" + stack + "] client got " + server + " from the server port, " + management
					+ " from the management port, debugger handshakes " + debugger + "; ss shows "
					+ rows.stream().map(SsRow::line).toList() + " for pid " + app.pid() + app.pidNote();
			System.out.println(facts);
			facts += ".\n" + report.json();
			SoftAssertions softly = new SoftAssertions();
			softly.assertThat(new TreeSet<>(report.sockets()))
				.as("the report's listeners must be the sockets ss shows for the app %s (%s)", kernel, facts)
				.isEqualTo(new TreeSet<>(kernel));
			softly.assertThat(report.listeners())
				.as("roles of the listeners (%s)", facts)
				.extracting(ReportedBindings.Listener::role, ReportedBindings.Listener::port)
				.containsExactlyInAnyOrder(tuple("server", SampleAppProcess.PORT), tuple("management", MANAGEMENT_PORT),
						tuple("jdwp", JDWP_PORT));
			softly.assertThat(report.listener("server").server())
				.as("the server named in the report (%s)", facts)
				.isEqualTo(stack.serverName());
			softly.assertThat(reached(server, "200"))
				.as("the client reaches the wildcard-bound server on every address of the server host (%s)", facts)
				.containsExactlyInAnyOrderElementsOf(hosts.serverHostAddresses());
			softly.assertThat(beyondLoopback(report.listener("server")))
				.as("beyond loopback, the report lists what the client reached on the server port (%s)", facts)
				.containsExactlyInAnyOrderElementsOf(reached(server, "200"));
			softly.assertThat(management.values())
				.as("the client reaches nothing on the loopback management port (%s)", facts)
				.containsOnly("000");
			softly.assertThat(report.listener("management").reachability())
				.as("the management listener's reachability (%s)", facts)
				.isEqualTo("LOCAL_ONLY");
			softly.assertThat(reachedByDebugger(debugger))
				.as("a debugger on the client attaches on every address of the server host (%s)", facts)
				.containsExactlyInAnyOrderElementsOf(hosts.serverHostAddresses());
			softly.assertThat(beyondLoopback(report.listener("jdwp")))
				.as("beyond loopback, the report lists where the debugger attached (%s)", facts)
				.containsExactlyInAnyOrderElementsOf(reachedByDebugger(debugger));
			softly.assertThat(report.findings())
				.as("findings (%s)", facts)
				.extracting(ReportedBindings.Finding::severity, ReportedBindings.Finding::code,
						ReportedBindings.Finding::listener)
				.contains(tuple("WARN", "JDWP_EXPOSED", "jdwp:" + JDWP_PORT));
			softly.assertThat(report.findingCodes())
				.as("no warning about the management server on loopback (%s)", facts)
				.doesNotContain("MANAGEMENT_WIDER");
			softly.assertThat(app.log())
				.as("the startup log warns about the debug port. %s", app.logTail())
				.containsPattern("WARN .*JDWP.*" + JDWP_PORT);
			softly.assertAll();
		}
	}

	@Test
	void strictModeRefusesToStartWithADebugAgentOnEveryInterface(TestHosts hosts) {
		SampleAppProcess.Exit exit = SampleAppProcess.runUntilExit(hosts, "strict-jdwp", List.of(JDWP_AGENT),
				List.of("--server.address=0.0.0.0", "--bindscope.strict=true"));
		System.out.println("[strict jdwp] exit code " + exit.exitCode());
		assertThat(exit.exitCode()).as("exit code. %s", exit.logTail()).isNotZero();
		assertThat(exit.log()).as(exit.logTail())
			.contains("APPLICATION FAILED TO START")
			.containsPattern("JDWP.*" + JDWP_PORT)
			.contains("before the server opened its port")
			.doesNotContain("Tomcat started on port")
			.doesNotContain("Started SampleApplication");
	}

	@Test
	void debugAgentOnAPortItPicksIsFoundWithThatPortAndADebuggerAttachesThere(TestHosts hosts) {
		try (SampleAppProcess app = SampleAppProcess.start(hosts, "jdwp-ephemeral", List.of(JDWP_AGENT_EPHEMERAL),
				List.of("--server.address=0.0.0.0"))) {
			ReportedBindings report = app.report("127.0.0.1", SampleAppProcess.PORT);
			List<SsRow> rows = app.listeningSockets();
			int agentPort = report.listener("jdwp").port();
			Map<String, Boolean> debugger = hosts.jdwpHandshakeFromClient(agentPort);
			String facts = "debugger handshakes " + debugger + "; ss shows " + rows.stream().map(SsRow::line).toList()
					+ ".\n" + report.json();
			System.out.println("[jdwp *:0] " + facts);
			assertThat(rows).as(facts).extracting((row) -> row.socket().port()).contains(agentPort);
			assertThat(agentPort).as(facts).isNotIn(0, SampleAppProcess.PORT);
			// After a debugger leaves, an agent on port 0 listens again on a new port:
			// only
			// the first handshake can find it on this one.
			assertThat(reachedByDebugger(debugger)).as(facts).isNotEmpty();
			assertThat(report.findings()).as(facts)
				.extracting(ReportedBindings.Finding::severity, ReportedBindings.Finding::code,
						ReportedBindings.Finding::listener)
				.contains(tuple("WARN", "JDWP_EXPOSED", "jdwp:" + agentPort));
		}
	}

	@Test
	void strictModeRefusesToStartWithADebugAgentOnAPortItPicks(TestHosts hosts) {
		SampleAppProcess.Exit exit = SampleAppProcess.runUntilExit(hosts, "strict-jdwp-ephemeral",
				List.of(JDWP_AGENT_EPHEMERAL), List.of("--server.address=0.0.0.0", "--bindscope.strict=true"));
		System.out.println("[strict jdwp *:0] exit code " + exit.exitCode());
		assertThat(exit.exitCode()).as("exit code. %s", exit.logTail()).isNotZero();
		assertThat(exit.log()).as(exit.logTail())
			.contains("APPLICATION FAILED TO START")
			.contains("The JDWP debug agent listens on")
			.contains("before the server opened its port")
			.doesNotContain("Tomcat started on port")
			.doesNotContain("Started SampleApplication");
	}

	private static List<String> beyondLoopback(ReportedBindings.Listener listener) {
		return listener.addressesWithoutZone()
			.stream()
			.filter((address) -> !address.startsWith("127.") && !address.equals("::1"))
			.toList();
	}

	private static List<String> reached(Map<String, String> statuses, String status) {
		return statuses.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals(status))
			.map(Map.Entry::getKey)
			.toList();
	}

	private static List<String> reachedByDebugger(Map<String, Boolean> handshakes) {
		return handshakes.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
	}

}
