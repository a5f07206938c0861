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
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;

/**
 * {@link HostAddresses} read from {@link NetworkInterface}.
 *
 */
final class SystemHostAddresses implements HostAddresses {

	// Loopback first, link-local last: the order in which people would try the addresses.
	private static final Comparator<HostAddress> ORDER = Comparator.comparingInt(SystemHostAddresses::rank)
		.thenComparing(HostAddress::ipv6)
		.thenComparing(HostAddress::interfaceName)
		.thenComparing(HostAddress::text);

	@Override
	public List<HostAddress> addresses() {
		List<HostAddress> addresses = new ArrayList<>();
		try {
			Enumeration<NetworkInterface> interfaces = NetworkInterface.getNetworkInterfaces();
			while (interfaces != null && interfaces.hasMoreElements()) {
				NetworkInterface networkInterface = interfaces.nextElement();
				if (!networkInterface.isUp()) {
					continue;
				}
				Enumeration<InetAddress> inetAddresses = networkInterface.getInetAddresses();
				while (inetAddresses.hasMoreElements()) {
					addresses.add(HostAddress.of(inetAddresses.nextElement(), networkInterface.getName()));
				}
			}
		}
		catch (SocketException ex) {
			throw new HostAddressesException("Could not list this host's network interfaces (" + ex.getMessage()
					+ "); wildcard binds cannot be expanded to addresses. Check that the JVM may read the "
					+ "interface table.", ex);
		}
		addresses.sort(ORDER);
		return List.copyOf(addresses);
	}

	private static int rank(HostAddress address) {
		return switch (address.scope()) {
			case LOOPBACK -> 0;
			case PUBLIC, PRIVATE -> 1;
			case LINK_LOCAL -> 2;
		};
	}

}
