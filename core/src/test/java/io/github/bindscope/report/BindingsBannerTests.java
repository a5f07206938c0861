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
import io.github.bindscope.inspect.ProbeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BindingsBanner}.
 */
class BindingsBannerTests {

	private static final List<HostAddress> HOSTS = List.of(host("127.0.0.1", "lo"), host("::1", "lo"),
			host("198.51.100.7", "eth0"), host("2001:db8::7", "eth0"), host("172.17.0.1", "docker0"),
			host("10.8.0.2", "tun0"));

	private static final List<InetAddress> LOCALHOST = List.of(address("127.0.0.1"), address("::1"));

	private static final RunContext DEV = new RunContext(List.of("dev"), true, new LinkedHashSet<>(Set.of("dev")),
			Map.of());

	@Test
	void wildcardBindListsLocalThenNetworkUrlsWithInterfacesAligned() {
		Listener listener = plan(
				new WebServerConnector(Listener.SERVER, "tomcat", "http", address("0.0.0.0"), 8080, ""));
		assertThat(BindingsBanner.render(listener, LOCALHOST)).isEqualTo("""
				Bindscope: server:8080 (tomcat) is reachable from private networks:
				  Local:   http://localhost:8080/
				  Local:   http://127.0.0.1:8080/      lo
				  Local:   http://[::1]:8080/          lo
				  Network: http://198.51.100.7:8080/   eth0
				  Network: http://[2001:db8::7]:8080/  eth0
				  Network: http://172.17.0.1:8080/     docker0 (virtual)
				  Network: http://10.8.0.2:8080/       tun0 (virtual)""");
	}

	@Test
	void contextPathAndHttpsAreInEveryUrl() {
		Listener listener = plan(
				new WebServerConnector(Listener.SERVER, "jetty", "https", address("198.51.100.7"), 8443, "/shop"));
		assertThat(BindingsBanner.render(listener, LOCALHOST)).isEqualTo("""
				Bindscope: server:8443 (jetty) is reachable from private networks:
				  Network: https://198.51.100.7:8443/shop/  eth0""");
	}

	@Test
	void loopbackOnlyServerNamesThePropertyThatExposesIt() {
		Listener listener = plan(
				new WebServerConnector(Listener.SERVER, "tomcat", "http", address("127.0.0.1"), 8080, ""));
		assertThat(BindingsBanner.render(listener, LOCALHOST)).isEqualTo("""
				Bindscope: server:8080 (tomcat) is reachable from this host only:
				  Local:   http://localhost:8080/
				  Local:   http://127.0.0.1:8080/  lo
				  Network: none, 127.0.0.1 is this host only; set server.address=0.0.0.0 to expose it""");
	}

	@Test
	void loopbackOnlyManagementServerNamesItsOwnProperty() {
		Listener listener = plan(
				new WebServerConnector(Listener.MANAGEMENT, "tomcat", "http", address("::1"), 9091, ""));
		assertThat(BindingsBanner.render(listener, LOCALHOST))
			.endsWith("\n  Network: none, ::1 is this host only; that suits a management server, and "
					+ "management.server.address=0.0.0.0 would expose it");
	}

	@Test
	void localhostUrlIsLeftOutWhenLocalhostResolvesToAnotherLoopbackAddress() {
		Listener listener = plan(new WebServerConnector(Listener.SERVER, "netty", "http", address("::1"), 8080, ""));
		assertThat(BindingsBanner.render(listener, List.of(address("127.0.0.1")))).isEqualTo("""
				Bindscope: server:8080 (netty) is reachable from this host only:
				  Local:   http://[::1]:8080/  lo
				  Network: none, ::1 is this host only; set server.address=0.0.0.0 to expose it""");
	}

	@Test
	void probeThatFailedIsShownBesideItsUrl() {
		Listener planned = plan(
				new WebServerConnector(Listener.SERVER, "tomcat", "http", address("198.51.100.7"), 8080, ""));
		Listener probed = new Listener(planned.role(), planned.server(), planned.scheme(), planned.address(),
				planned.port(), planned.wildcard(), planned.ipv6Only(), planned.source(), planned.reachability(),
				List.of(planned.addresses().get(0).withProbe(ProbeResult.TIMEOUT)));
		assertThat(BindingsBanner.render(probed, LOCALHOST))
			.endsWith("  Network: http://198.51.100.7:8080/  eth0, probe timed out, a firewall may drop it");
	}

	@Test
	void hostileInterfaceNamesAreEscapedAndEachUrlStaysOnItsOwnLine() {
		List<HostAddress> hosts = List.of(host("127.0.0.1", "lo"), host("198.51.100.7", "eth0\u001b[31m"),
				host("198.51.100.8", "eth1\b\b\b\bxx"), host("198.51.100.9", "eth2\nINFO forged line"),
				host("198.51.100.10", "a]@evil.example#"), host("172.17.0.2", "veth1@if5"));
		String banner = BindingsBanner.render(
				plan(hosts, new WebServerConnector(Listener.SERVER, "tomcat", "http", address("0.0.0.0"), 8080, "")),
				LOCALHOST);
		assertThat(banner).isEqualTo("""
				Bindscope: server:8080 (tomcat) is reachable from private networks:
				  Local:   http://localhost:8080/
				  Local:   http://127.0.0.1:8080/      lo
				  Network: http://198.51.100.7:8080/   eth0\\u001b[31m
				  Network: http://198.51.100.8:8080/   eth1\\u0008\\u0008\\u0008\\u0008xx
				  Network: http://198.51.100.9:8080/   eth2\\u000aINFO forged line
				  Network: http://198.51.100.10:8080/  a]@evil.example#
				  Network: http://172.17.0.2:8080/     veth1@if5 (virtual)""");
		assertThat(banner.chars()).noneMatch((c) -> (c < 0x20 && c != '\n') || c == 0x7f);
	}

	@Test
	void interfaceNameOf200CharactersIsShownWholeOnItsLine() {
		String name = "n".repeat(200);
		List<HostAddress> hosts = List.of(host("127.0.0.1", "lo"), host("198.51.100.7", name));
		String banner = BindingsBanner.render(
				plan(hosts, new WebServerConnector(Listener.SERVER, "tomcat", "http", address("0.0.0.0"), 8080, "")),
				LOCALHOST);
		assertThat(banner.split("\n")).hasSize(4).endsWith("  Network: http://198.51.100.7:8080/  " + name);
	}

	private static Listener plan(WebServerConnector connector) {
		return plan(HOSTS, connector);
	}

	private static Listener plan(List<HostAddress> hosts, WebServerConnector connector) {
		BindingsReport report = new BindingsInspector(() -> hosts, null, null, () -> LOCALHOST).plan(List.of(connector),
				DEV);
		return report.listeners().get(0);
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
