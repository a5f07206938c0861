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

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An address assigned to one of this host's network interfaces.
 *
 * @param address the address
 * @param interfaceName the name of the interface that holds it, such as {@code eth0}
 * @param scope the scope of the address
 * @since 0.1.0
 */
public record HostAddress(InetAddress address, String interfaceName, AddressScope scope) {

	/**
	 * Create a new {@link HostAddress}, classifying its scope.
	 * @param address the address
	 * @param interfaceName the name of the interface that holds it
	 * @return the host address
	 */
	public static HostAddress of(InetAddress address, String interfaceName) {
		return new HostAddress(address, interfaceName, AddressScope.of(address));
	}

	/**
	 * Find the host address equal to the given address, ignoring IPv6 zones.
	 * @param hosts the host addresses
	 * @param address the address to look for
	 * @return the host address, or {@code null} if the address is not one of them
	 */
	public static @Nullable HostAddress find(List<HostAddress> hosts, InetAddress address) {
		byte[] bytes = address.getAddress();
		for (HostAddress host : hosts) {
			if (Arrays.equals(host.address().getAddress(), bytes)) {
				return host;
			}
		}
		return null;
	}

	/**
	 * Whether this is an IPv6 address.
	 * @return {@code true} for IPv6
	 */
	public boolean ipv6() {
		return this.address instanceof Inet6Address;
	}

	/**
	 * The address as text: dotted IPv4, or compressed IPv6 without brackets and with the
	 * zone of link-local addresses (for example {@code fe80::1%eth0}).
	 * @return the address as text
	 */
	public String text() {
		return InetAddresses.toText(this.address);
	}

	/**
	 * The address with its interface, as messages name this host's addresses (for example
	 * {@code 198.51.100.7 (eth0)}), unprintable characters of the interface's name
	 * escaped.
	 * @return the address and its interface
	 */
	public String describe() {
		return text() + " (" + PrintableText.of(this.interfaceName) + ")";
	}

}
