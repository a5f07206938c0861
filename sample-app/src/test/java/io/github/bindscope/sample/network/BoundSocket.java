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

package io.github.bindscope.sample.network;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import io.github.bindscope.inspect.InetAddresses;

/**
 * A listening socket reduced to what the report and the kernel must agree on. The address
 * is in one canonical text form, so that {@code ss} and the report can write it
 * differently and still compare equal: IPv6 compressed as RFC 5952 says, an IPv4-mapped
 * address as plain IPv4, a link-local address with its zone ({@code fe80::1%eth0}).
 *
 * @param address the canonical address; {@code ::} for an IPv6 wildcard
 * @param port the port
 * @param ipv6Only whether an IPv6 wildcard socket refuses IPv4 ({@code false} for any
 * other socket)
 */
record BoundSocket(String address, int port, boolean ipv6Only) implements Comparable<BoundSocket> {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");

	/**
	 * Create a socket from an address in any of the usual text forms.
	 * @param address the address, with or without brackets and zone
	 * @param port the port
	 * @param ipv6Only whether an IPv6 wildcard socket refuses IPv4
	 * @return the socket
	 */
	static BoundSocket of(String address, int port, boolean ipv6Only) {
		return new BoundSocket(canonicalAddress(address), port, ipv6Only);
	}

	/**
	 * Parse the local address column of {@code ss -ltn}. {@code ss} writes a dual-stack
	 * IPv6 wildcard as {@code *}, an IPv6-only one as {@code [::]}, and the zone of a
	 * link-local address after the brackets ({@code [fe80::1]%eth0:8080}).
	 * @param local the column
	 * @return the socket
	 */
	static BoundSocket fromSs(String local) {
		int colon = local.lastIndexOf(':');
		if (colon <= 0) {
			throw new IllegalArgumentException("Not an address and port: '" + local + "'");
		}
		String host = local.substring(0, colon);
		int port = Integer.parseInt(local.substring(colon + 1));
		if (host.equals("*")) {
			return new BoundSocket("::", port, false);
		}
		String address = canonicalAddress(host);
		return new BoundSocket(address, port, address.equals("::"));
	}

	/**
	 * Return the canonical text of an address. Never resolves a name: text that is not an
	 * address literal is rejected.
	 * @param text the address, with or without brackets and zone
	 * @return the canonical text
	 */
	static String canonicalAddress(String text) {
		String address = text.strip();
		String zone = null;
		int percent = address.indexOf('%');
		if (percent >= 0) {
			zone = address.substring(percent + 1).replace("]", "");
			address = address.substring(0, percent);
		}
		address = address.replace("[", "").replace("]", "");
		InetAddress parsed = parseLiteral(address, text);
		if (!(parsed instanceof Inet6Address)) {
			return parsed.getHostAddress();
		}
		String canonical = InetAddresses.toText(unscoped(parsed));
		return (zone != null && parsed.isLinkLocalAddress()) ? canonical + "%" + zone : canonical;
	}

	/**
	 * Return the address without its zone, for comparing link-local addresses as seen
	 * from different hosts.
	 * @param address an address in canonical text form
	 * @return the address without zone
	 */
	static String withoutZone(String address) {
		int percent = address.indexOf('%');
		return (percent >= 0) ? address.substring(0, percent) : address;
	}

	private static InetAddress parseLiteral(String address, String text) {
		try {
			if (IPV4.matcher(address).matches()) {
				return InetAddress.getByName(address);
			}
			if (address.contains(":") && IPV6.matcher(address).matches()) {
				// Brackets make the JDK treat the text as an IPv6 literal, never as a
				// name.
				return InetAddress.getByName("[" + address + "]");
			}
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("Not an IP address: '" + text + "'", ex);
		}
		throw new IllegalArgumentException("Not an IP address: '" + text + "'");
	}

	private static InetAddress unscoped(InetAddress address) {
		try {
			return InetAddress.getByAddress(address.getAddress());
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public int compareTo(BoundSocket other) {
		int byPort = Integer.compare(this.port, other.port);
		if (byPort != 0) {
			return byPort;
		}
		int byAddress = this.address.compareTo(other.address);
		return (byAddress != 0) ? byAddress : Boolean.compare(this.ipv6Only, other.ipv6Only);
	}

	@Override
	public String toString() {
		String host = this.address.contains(":") ? "[" + this.address + "]" : this.address;
		return host + ":" + this.port + (this.ipv6Only ? " (IPv6 only)" : "");
	}

}
