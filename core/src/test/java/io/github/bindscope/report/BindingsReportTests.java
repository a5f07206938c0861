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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.bindscope.inspect.HostAddress;
import io.github.bindscope.inspect.HostEnvironment;
import io.github.bindscope.inspect.JdwpAgent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BindingsReport}.
 */
class BindingsReportTests {

	private static final List<HostAddress> HOSTS = List.of(host("127.0.0.1", "lo"), host("::1", "lo"),
			host("198.51.100.7", "eth0"), host("2001:db8::7", "eth0"));

	private static final RunContext PROD = new RunContext(List.of("prod"), false, new LinkedHashSet<>(Set.of("dev")),
			Map.of(), Map.of(), HostEnvironment.undetected(), new JdwpAgent("*:5005", null, 5005));

	@Test
	void mainServerUrlsAreThoseOfTheServerAndItsConnectorsWithTheirContextPath() {
		BindingsReport report = plan(
				new WebServerConnector(Listener.SERVER, "tomcat", "https", address("0.0.0.0"), 8443, "/shop"),
				new WebServerConnector(Listener.CONNECTOR, "tomcat", "http", address("::1"), 8080, "/shop"),
				new WebServerConnector(Listener.MANAGEMENT, "tomcat", "http", address("198.51.100.7"), 9091, ""));
		// The JVM binds 0.0.0.0 as a dual-stack socket: IPv6 addresses answer too.
		assertThat(report.mainServerUrls()).containsExactly("https://127.0.0.1:8443/shop/", "https://[::1]:8443/shop/",
				"https://198.51.100.7:8443/shop/", "https://[2001:db8::7]:8443/shop/", "http://[::1]:8080/shop/");
	}

	@Test
	void mainServerUrlsAreEmptyBeforeTheMainServerStarted() {
		BindingsReport report = plan(
				new WebServerConnector(Listener.MANAGEMENT, "tomcat", "http", address("127.0.0.1"), 9091, ""));
		assertThat(report.verdict()).isNull();
		assertThat(report.mainServerUrls()).isEmpty();
	}

	@Test
	void listenersOfTheMainServerAreItsOwnAndItsConnectors() {
		BindingsReport report = plan(
				new WebServerConnector(Listener.SERVER, "jetty", "http", address("127.0.0.1"), 8080, ""),
				new WebServerConnector(Listener.CONNECTOR, "jetty", "http", address("127.0.0.1"), 8081, ""),
				new WebServerConnector(Listener.MANAGEMENT, "jetty", "http", address("127.0.0.1"), 9091, ""));
		assertThat(report.listeners()).filteredOn(Listener::isMainServer)
			.extracting(Listener::id)
			.containsExactly("server:8080", "connector:8081");
		assertThat(report.listeners()).extracting(Listener::id).contains("management:9091", "jdwp:5005");
	}

	private static BindingsReport plan(WebServerConnector... connectors) {
		return new BindingsInspector(() -> HOSTS, null, null, () -> List.of(address("127.0.0.1")))
			.plan(List.of(connectors), PROD);
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
