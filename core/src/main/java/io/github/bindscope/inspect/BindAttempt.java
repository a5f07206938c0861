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

import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnsupportedAddressTypeException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What the operating system answers when a socket of this JVM is bound to an address.
 * <p>
 * The attempt binds a TCP socket to the address and an ephemeral port, without listening
 * or connecting, and closes it at once: it sends nothing and cannot take a port that a
 * server needs. A web server that failed to bind an address can be asked about this way
 * after the fact, whatever the server made of the error it got.
 *
 * @param address the address that was bound
 * @param outcome what the operating system answered
 * @param error the operating system's own words when the bind failed, such as
 * {@code Cannot assign requested address}
 * @since 0.1.0
 */
public record BindAttempt(InetAddress address, Outcome outcome, @Nullable String error) {

	/**
	 * Bind a socket to the address and an ephemeral port and close it again.
	 * @param address the address to bind, an IP literal's or one already resolved
	 * @return what the operating system answered
	 */
	public static BindAttempt bind(InetAddress address) {
		try (SocketChannel channel = SocketChannel.open()) {
			channel.bind(new InetSocketAddress(address, 0));
			return new BindAttempt(address, Outcome.BOUND, null);
		}
		catch (UnsupportedAddressTypeException ex) {
			// An IPv6 address in a JVM that has IPv4 sockets only
			return new BindAttempt(address, Outcome.IPV6_UNAVAILABLE, null);
		}
		catch (IOException ex) {
			return of(address, ex);
		}
	}

	/**
	 * Classify a failed bind by the exception the JDK threw for it.
	 * @param address the address that could not be bound
	 * @param failure what the bind threw
	 * @return the attempt
	 */
	static BindAttempt of(InetAddress address, IOException failure) {
		String error = failure.getMessage();
		String text = (error != null) ? error.toLowerCase(Locale.ROOT) : "";
		if (address instanceof Inet6Address
				&& (text.contains("address family not supported") || text.contains("protocol family unavailable"))) {
			return new BindAttempt(address, Outcome.IPV6_UNAVAILABLE, error);
		}
		if (failure instanceof SocketException && needsZone(address)) {
			// Linux answers EINVAL and others EADDRNOTAVAIL: either way the zone is
			// missing
			return new BindAttempt(address, Outcome.ZONE_REQUIRED, error);
		}
		if (failure instanceof BindException && text.contains("assign requested address")) {
			// EADDRNOTAVAIL: "Cannot assign" on Linux and Windows, "Can't assign" on
			// macOS
			return new BindAttempt(address, Outcome.NOT_ON_HOST, error);
		}
		return new BindAttempt(address, Outcome.FAILED, error);
	}

	/**
	 * Whether the address is a link-local IPv6 address without a zone, which the kernel
	 * binds only once told the interface. Java's own sockets look up the interface of
	 * such an address when it is one of this host's; native transports, such as Reactor
	 * Netty's epoll, pass it on without one.
	 * @param address the address
	 * @return {@code true} for a link-local IPv6 address without a zone
	 */
	public static boolean needsZone(InetAddress address) {
		return address instanceof Inet6Address ipv6 && ipv6.isLinkLocalAddress() && ipv6.getScopeId() == 0
				&& ipv6.getScopedInterface() == null;
	}

	/**
	 * What the operating system answered.
	 */
	public enum Outcome {

		/**
		 * The address could be bound: it is not what keeps a server from starting.
		 */
		BOUND,

		/**
		 * The address is not an address of this host ({@code EADDRNOTAVAIL}).
		 */
		NOT_ON_HOST,

		/**
		 * The address is a link-local IPv6 address without a zone, which the operating
		 * system cannot bind without knowing the interface.
		 */
		ZONE_REQUIRED,

		/**
		 * The address is IPv6 and this JVM has no IPv6 sockets
		 * ({@code java.net.preferIPv4Stack=true}, or no IPv6 in the operating system).
		 */
		IPV6_UNAVAILABLE,

		/**
		 * The bind failed for another reason.
		 */
		FAILED

	}

}
