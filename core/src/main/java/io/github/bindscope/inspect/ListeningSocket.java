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
import java.util.Objects;

/**
 * A TCP socket in {@code LISTEN} state owned by this process.
 *
 * @param address the local address the socket is bound to
 * @param port the local port the socket is bound to
 * @param inode the socket inode, which ties the socket to one of this process's file
 * descriptors
 * @since 0.1.0
 */
public record ListeningSocket(InetAddress address, int port, long inode) {

	public ListeningSocket {
		Objects.requireNonNull(address, "'address' must not be null");
		if (port < 0 || port > 0xFFFF) {
			throw new IllegalArgumentException("'port' must be between 0 and 65535, but was " + port);
		}
	}

	/**
	 * Whether the socket accepts connections on every local address.
	 * @return {@code true} for {@code 0.0.0.0} and {@code ::}
	 */
	public boolean wildcard() {
		return this.address.isAnyLocalAddress();
	}

	/**
	 * Whether the socket is bound to an IPv6 address. IPv4-mapped addresses are reported
	 * as IPv4, so a dual-stack socket bound to {@code ::ffff:127.0.0.1} is not IPv6.
	 * @return {@code true} if the address is an IPv6 address
	 */
	public boolean ipv6() {
		return this.address instanceof Inet6Address;
	}

}
