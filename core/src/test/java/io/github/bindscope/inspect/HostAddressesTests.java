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

package io.github.bindscope.inspect;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link HostAddresses} built from an interface table. Only address literals
 * are used, so nothing is resolved.
 */
class HostAddressesTests {

	@Test
	void givenTableIsClassifiedAndOrderedLoopbackFirstLinkLocalLast() throws UnknownHostException {
		Map<String, List<InetAddress>> table = new LinkedHashMap<>();
		table.put("veth1", List.of(address("fe80::1"), address("2001:db8::1"), address("198.18.0.1")));
		table.put("eth0", List.of(address("203.0.113.7"), address("8.8.8.8")));
		table.put("lo", List.of(address("::1"), address("127.0.0.1")));
		assertThat(HostAddresses.of(table).addresses())
			.extracting(HostAddress::text, HostAddress::interfaceName, HostAddress::scope)
			.containsExactly(tuple("127.0.0.1", "lo", AddressScope.LOOPBACK), tuple("::1", "lo", AddressScope.LOOPBACK),
					tuple("203.0.113.7", "eth0", AddressScope.PRIVATE), tuple("8.8.8.8", "eth0", AddressScope.PUBLIC),
					tuple("198.18.0.1", "veth1", AddressScope.PRIVATE),
					tuple("2001:db8::1", "veth1", AddressScope.PRIVATE),
					tuple("fe80::1", "veth1", AddressScope.LINK_LOCAL));
	}

	@Test
	void givenTableIsCopied() throws UnknownHostException {
		Map<String, List<InetAddress>> table = new LinkedHashMap<>();
		table.put("lo", List.of(address("127.0.0.1")));
		HostAddresses hostAddresses = HostAddresses.of(table);
		table.put("eth0", List.of(address("192.0.2.1")));
		assertThat(hostAddresses.addresses()).extracting(HostAddress::text).containsExactly("127.0.0.1");
	}

	@Test
	void unreadableInterfaceTableThrowsNamingTheCause() {
		SystemHostAddresses hostAddresses = new SystemHostAddresses(() -> {
			throw new SocketException("Operation not permitted");
		});
		assertThatExceptionOfType(HostAddressesException.class).isThrownBy(hostAddresses::addresses)
			.withMessageContaining("Operation not permitted");
	}

	@Test
	void interfaceThatVanishesBetweenListingAndReadingIsLeftOut() throws UnknownHostException {
		InetAddress loopback = address("127.0.0.1");
		Map<String, List<InetAddress>> table = SystemHostAddresses
			.upInterfaces(List.of(entry("lo", () -> true, loopback), entry("veth0", () -> {
				throw new SocketException("No such device (getFlags() failed)");
			}, address("198.51.100.7")), entry("eth1", () -> false, address("203.0.113.9"))));
		assertThat(table).containsOnlyKeys("lo").containsEntry("lo", List.of(loopback));
	}

	@Test
	void interfaceListingThatFailsUncheckedThrowsNamingTheCause() {
		SystemHostAddresses hostAddresses = new SystemHostAddresses(() -> {
			throw new IllegalStateException("interface name is not valid UTF-8");
		});
		assertThatExceptionOfType(HostAddressesException.class).isThrownBy(hostAddresses::addresses)
			.withMessageContaining("interface name is not valid UTF-8");
	}

	private static SystemHostAddresses.NetworkInterfaceEntry entry(String name, UpFlag up, InetAddress... addresses) {
		return new SystemHostAddresses.NetworkInterfaceEntry() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public boolean isUp() throws SocketException {
				return up.isUp();
			}

			@Override
			public List<InetAddress> addresses() {
				return List.of(addresses);
			}

		};
	}

	@Test
	void systemListsLoopbackFirstAndLinkLocalLast() {
		// Whether loopback is up is the JDK's answer, not the one under test.
		assumeTrue(loopbackIsUp(), "No loopback interface with an address is up on this host (a network namespace "
				+ "whose lo is down), so no loopback address can come first");
		List<HostAddress> addresses = HostAddresses.system().addresses();
		assertThat(addresses).isNotEmpty();
		assertThat(addresses.get(0).address().isLoopbackAddress()).as("first of %s", addresses).isTrue();
		// The JDK's classification, not AddressScope: loopback, then the rest, link-local
		// last.
		assertThat(addresses)
			.extracting((host) -> host.address().isLoopbackAddress() ? 0 : host.address().isLinkLocalAddress() ? 2 : 1)
			.as("order of %s", addresses)
			.isSorted();
	}

	private static boolean loopbackIsUp() {
		try {
			return NetworkInterface.networkInterfaces().anyMatch(HostAddressesTests::upLoopbackWithAddress);
		}
		catch (SocketException ex) {
			// "No network interfaces configured": not even loopback has an address.
			return false;
		}
	}

	private static boolean upLoopbackWithAddress(NetworkInterface networkInterface) {
		try {
			return networkInterface.isUp() && networkInterface.isLoopback()
					&& networkInterface.getInetAddresses().hasMoreElements();
		}
		catch (SocketException ex) {
			return false;
		}
	}

	private static InetAddress address(String literal) throws UnknownHostException {
		return InetAddress.getByName(literal);
	}

	@FunctionalInterface
	private interface UpFlag {

		boolean isUp() throws SocketException;

	}

}
