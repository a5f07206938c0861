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
import java.util.Arrays;
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

	// Of the addresses of one interface in one group, ordered by their text.
	private static final Comparator<HostAddress> TEXT_ORDER = Comparator.comparing(HostAddress::text);

	// Loopback, the rest, link-local: each IPv4 then IPv6.
	private static final int GROUPS = 6;

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
		return ordered(table);
	}

	/**
	 * Classify the addresses of an interface table and order them as people would try
	 * them: loopback first, link-local last, the rest between, IPv4 before IPv6 in each
	 * of the three, and then by interface name and by the address as text.
	 * <p>
	 * Interface names are sorted once and every address is put in its group in that
	 * order, rather than the addresses sorted with a comparator of four keys: a startup
	 * report orders thousands of addresses on a busy host before the JIT has compiled
	 * anything, where each comparison costs.
	 * @param table the addresses of each interface, by interface name
	 * @return the classified addresses, in order
	 */
	private static List<HostAddress> ordered(Map<String, List<InetAddress>> table) {
		String[] names = table.keySet().toArray(new String[0]);
		Arrays.sort(names);
		List<List<HostAddress>> groups = new ArrayList<>(GROUPS);
		for (int group = 0; group < GROUPS; group++) {
			groups.add(new ArrayList<>());
		}
		int[] runStarts = new int[GROUPS];
		int total = 0;
		for (String name : names) {
			List<InetAddress> inetAddresses = table.getOrDefault(name, List.of());
			for (int group = 0; group < GROUPS; group++) {
				runStarts[group] = groups.get(group).size();
			}
			for (InetAddress address : inetAddresses) {
				HostAddress host = HostAddress.of(address, name);
				groups.get(group(host)).add(host);
				total++;
			}
			for (int group = 0; group < GROUPS; group++) {
				List<HostAddress> members = groups.get(group);
				if (members.size() - runStarts[group] > 1) {
					members.subList(runStarts[group], members.size()).sort(TEXT_ORDER);
				}
			}
		}
		HostAddress[] ordered = new HostAddress[total];
		int index = 0;
		for (List<HostAddress> members : groups) {
			for (HostAddress host : members) {
				ordered[index++] = host;
			}
		}
		return List.of(ordered);
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

	private static int group(HostAddress address) {
		int rank = switch (address.scope()) {
			case LOOPBACK -> 0;
			case PUBLIC, PRIVATE -> 1;
			case LINK_LOCAL -> 2;
		};
		return rank * 2 + (address.ipv6() ? 1 : 0);
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
