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
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link HostAddresses} read from {@link NetworkInterface}, or from an interface table
 * that a test or benchmark supplies, classified and ordered the same way.
 *
 */
final class SystemHostAddresses implements HostAddresses {

	// Loopback first, link-local last: the order in which people would try the addresses.
	private static final Comparator<HostAddress> ORDER = Comparator.comparingInt(SystemHostAddresses::rank)
		.thenComparing(HostAddress::ipv6)
		.thenComparing(HostAddress::interfaceName)
		.thenComparing(HostAddress::text);

	private final InterfaceTable interfaces;

	SystemHostAddresses() {
		this(SystemHostAddresses::upInterfaces);
	}

	SystemHostAddresses(InterfaceTable interfaces) {
		this.interfaces = Objects.requireNonNull(interfaces, "'interfaces' must not be null");
	}

	@Override
	public List<HostAddress> addresses() {
		Map<String, List<InetAddress>> table;
		try {
			table = this.interfaces.read();
		}
		catch (SocketException | RuntimeException ex) {
			throw new HostAddressesException("Could not list this host's network interfaces (" + ex.getMessage()
					+ "); wildcard binds cannot be expanded to addresses. Check that the JVM may read the "
					+ "interface table.", ex);
		}
		List<HostAddress> addresses = new ArrayList<>();
		table.forEach((name, inetAddresses) -> {
			for (InetAddress address : inetAddresses) {
				addresses.add(HostAddress.of(address, name));
			}
		});
		addresses.sort(ORDER);
		return List.copyOf(addresses);
	}

	private static Map<String, List<InetAddress>> upInterfaces() throws SocketException {
		Enumeration<NetworkInterface> interfaces = NetworkInterface.getNetworkInterfaces();
		List<NetworkInterfaceEntry> entries = new ArrayList<>();
		while (interfaces != null && interfaces.hasMoreElements()) {
			NetworkInterface networkInterface = interfaces.nextElement();
			entries.add(new NetworkInterfaceEntry() {

				@Override
				public String name() {
					return networkInterface.getName();
				}

				@Override
				public boolean isUp() throws SocketException {
					return networkInterface.isUp();
				}

				@Override
				public List<InetAddress> addresses() {
					return Collections.list(networkInterface.getInetAddresses());
				}

			});
		}
		return upInterfaces(entries);
	}

	/**
	 * Return the addresses of the listed interfaces that are up. An interface that goes
	 * away between the listing and the question whether it is up (a container's veth, a
	 * VPN's tun) is left out, as if it had never been listed, rather than failing the
	 * whole table.
	 * @param entries the listed interfaces
	 * @return the addresses of each interface that is up, by interface name, in listing
	 * order
	 */
	static Map<String, List<InetAddress>> upInterfaces(List<? extends NetworkInterfaceEntry> entries) {
		Map<String, List<InetAddress>> table = new LinkedHashMap<>();
		for (NetworkInterfaceEntry entry : entries) {
			try {
				if (entry.isUp()) {
					table.put(entry.name(), entry.addresses());
				}
			}
			catch (SocketException ex) {
				// Gone: the kernel no longer knows its index.
			}
		}
		return table;
	}

	private static int rank(HostAddress address) {
		return switch (address.scope()) {
			case LOOPBACK -> 0;
			case PUBLIC, PRIVATE -> 1;
			case LINK_LOCAL -> 2;
		};
	}

	/**
	 * A network interface as listed, asked whether it is up only when it is read.
	 */
	interface NetworkInterfaceEntry {

		String name();

		boolean isUp() throws SocketException;

		List<InetAddress> addresses();

	}

	/**
	 * The addresses of the interfaces that are up, by interface name.
	 */
	@FunctionalInterface
	interface InterfaceTable {

		Map<String, List<InetAddress>> read() throws SocketException;

	}

}
