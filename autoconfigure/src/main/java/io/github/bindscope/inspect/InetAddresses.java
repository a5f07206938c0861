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

import org.jspecify.annotations.Nullable;

/**
 * Text forms of addresses as people write them: IPv6 compressed per RFC 5952, which
 * {@link InetAddress#getHostAddress()} does not do.
 *
 * @since 0.1.0
 */
public final class InetAddresses {

	private InetAddresses() {
	}

	/**
	 * Return the address as text, IPv6 compressed and without brackets, link-local IPv6
	 * with its zone.
	 * @param address the address
	 * @return the text
	 */
	public static String toText(InetAddress address) {
		if (!(address instanceof Inet6Address ipv6)) {
			return address.getHostAddress();
		}
		String text = compress(ipv6.getAddress());
		if (ipv6.isLinkLocalAddress()) {
			String zone = zone(ipv6);
			if (zone != null) {
				return text + "%" + zone;
			}
		}
		return text;
	}

	/**
	 * Return the address as it appears in a URL's host: IPv6 in brackets with its zone
	 * escaped as {@code %25}.
	 * @param address the address
	 * @return the URL host
	 */
	public static String toUrlHost(InetAddress address) {
		if (!(address instanceof Inet6Address)) {
			return address.getHostAddress();
		}
		return "[" + toText(address).replace("%", "%25") + "]";
	}

	private static @Nullable String zone(Inet6Address address) {
		if (address.getScopedInterface() != null) {
			return address.getScopedInterface().getName();
		}
		return (address.getScopeId() != 0) ? Integer.toString(address.getScopeId()) : null;
	}

	private static String compress(byte[] bytes) {
		int[] groups = new int[8];
		for (int i = 0; i < 8; i++) {
			groups[i] = ((bytes[i * 2] & 0xff) << 8) | (bytes[i * 2 + 1] & 0xff);
		}
		int bestStart = -1;
		int bestLength = 0;
		for (int i = 0; i < 8;) {
			if (groups[i] != 0) {
				i++;
				continue;
			}
			int start = i;
			while (i < 8 && groups[i] == 0) {
				i++;
			}
			if (i - start > bestLength) {
				bestStart = start;
				bestLength = i - start;
			}
		}
		if (bestLength < 2) {
			bestStart = -1;
		}
		StringBuilder text = new StringBuilder(39);
		for (int i = 0; i < 8; i++) {
			if (i == bestStart) {
				text.append("::");
				i += bestLength - 1;
				continue;
			}
			if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
				text.append(':');
			}
			text.append(Integer.toHexString(groups[i]));
		}
		return text.toString();
	}

}
