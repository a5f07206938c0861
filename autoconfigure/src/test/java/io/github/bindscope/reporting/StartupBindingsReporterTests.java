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

package io.github.bindscope.reporting;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.WebServer;
import org.springframework.mock.env.MockEnvironment;

import io.github.bindscope.inspect.HostAddress;
import io.github.bindscope.inspect.HostEnvironment;
import io.github.bindscope.report.BindingsInspector;
import io.github.bindscope.report.BindingsReport;
import io.github.bindscope.report.Listener;
import io.github.bindscope.report.PropertyOrigin;
import io.github.bindscope.report.RunContext;
import io.github.bindscope.report.WebServerConnector;
import io.github.bindscope.web.RunningWebServers;
import io.github.bindscope.web.StartedWebServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link StartupBindingsReporter}: what reaches the log when the operating
 * system hands out hostile interface names. Addresses are supplied by the test; nothing
 * is listed or connected to.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupBindingsReporterTests {

	private static final List<HostAddress> HOSTS = List.of(host("127.0.0.1", "lo"), host("10.0.0.5", "eth0\u001b[31m"),
			host("10.0.0.6", "eth1\nWARN forged line"), host("10.0.0.7", "eth2\b\b\b\bxx"),
			host("10.0.0.8", "a]@evil.example#"));

	private static final RunContext PROD = new RunContext(List.of("prod"), false, new LinkedHashSet<>(Set.of("dev")),
			Map.of());

	@Test
	void hostileInterfaceNamesNeitherStartALogLineNorReachTheTerminalWithoutBanner(CapturedOutput output) {
		reporter(BannerMode.NEVER).started(started());
		assertThat(output.getOut())
			.contains("Bindscope: server:8080 (tomcat) is reachable from private networks: http://127.0.0.1:8080/, "
					+ "http://10.0.0.5:8080/, http://10.0.0.6:8080/, http://10.0.0.7:8080/, http://10.0.0.8:8080/")
			.doesNotContain("Network:");
		assertThat(output.getOut().lines().filter((line) -> line.contains("forged line"))).singleElement()
			.asString()
			.contains("Bindscope: The tomcat server accepts connections on private addresses only: 10.0.0.5 "
					+ "(eth0\\u001b[31m), 10.0.0.6 (eth1\\u000aWARN forged line), 10.0.0.7 "
					+ "(eth2\\u0008\\u0008\\u0008\\u0008xx), 10.0.0.8 (a]@evil.example#). ");
		assertNoControlCharacters(output);
	}

	@Test
	void hostileInterfaceNamesStayOnTheirBannerLines(CapturedOutput output) {
		reporter(BannerMode.ALWAYS).started(started());
		assertThat(output.getOut().lines().filter((line) -> line.startsWith("  Network: "))).containsExactly(
				"  Network: http://10.0.0.5:8080/   eth0\\u001b[31m",
				"  Network: http://10.0.0.6:8080/   eth1\\u000aWARN forged line",
				"  Network: http://10.0.0.7:8080/   eth2\\u0008\\u0008\\u0008\\u0008xx",
				"  Network: http://10.0.0.8:8080/   a]@evil.example#");
		assertThat(output.getOut().lines()).noneMatch((line) -> line.startsWith("WARN forged line"));
		assertNoControlCharacters(output);
	}

	@Test
	void escapeSequenceThatConfigurationPutInAFindingIsEscapedInTheLogLine(CapturedOutput output) {
		RunContext context = new RunContext(List.of("prod\u001b[2J"), false, new LinkedHashSet<>(Set.of("dev")), Map
			.of(RunContext.SERVER_ADDRESS, PropertyOrigin.file("application.properties\r\nWARN forged line", 0, null)));
		reporter(BannerMode.NEVER, context, address("127.0.0.1")).started(started());
		assertThat(output.getOut().lines().filter((line) -> line.contains("forged line"))).singleElement()
			.asString()
			.contains("(active profiles: prod\\u001b[2J; server.address set in "
					+ "application.properties\\u000d\\u000aWARN forged line)");
		assertNoControlCharacters(output);
	}

	private static void assertNoControlCharacters(CapturedOutput output) {
		assertThat(output.getOut().chars()).noneMatch((c) -> c != '\n' && c != '\r' && Character.isISOControl(c));
	}

	private static StartupBindingsReporter reporter(BannerMode banner) {
		return reporter(banner, PROD, address("0.0.0.0"));
	}

	private static StartupBindingsReporter reporter(BannerMode banner, RunContext context, InetAddress bound) {
		BindingsInspector inspector = new BindingsInspector(() -> HOSTS, null, null,
				() -> List.of(address("127.0.0.1")));
		WebServerConnector connector = new WebServerConnector(Listener.SERVER, "tomcat", "http", bound, 8080, "");
		BindingsReporter reporter = new BindingsReporter(inspector, new RunningWebServers(List.of()),
				new MockEnvironment(), Set::of, HostEnvironment.undetected()) {

			@Override
			public BindingsReport report() {
				return inspector.inspect(List.of(connector), context);
			}

		};
		return new StartupBindingsReporter(reporter, () -> banner, () -> List.of(address("127.0.0.1")));
	}

	private static StartedWebServer started() {
		return new StartedWebServer(mock(WebServer.class), null, new MockEnvironment());
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
