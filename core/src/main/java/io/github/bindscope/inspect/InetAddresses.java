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
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Text forms of addresses as people write them: IPv6 compressed per RFC 5952, which
 * {@link InetAddress#getHostAddress()} does not do.
 * <p>
 * The zone of a link-local IPv6 address is the name of an interface, which the operating
 * system lets a privileged process choose freely: in text it is made {@link PrintableText
 * printable}, and in a URL it is percent-encoded per RFC 6874, so that the URL always
 * points at the address it shows.
 *
 * @since 0.1.0
 */
public final class InetAddresses {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private InetAddresses() {
	}

	/**
	 * Return the address as text, IPv6 compressed and without brackets, link-local IPv6
	 * with its zone, whose unprintable characters are escaped.
	 * @param address the address
	 * @return the text
	 */
	public static String toText(InetAddress address) {
		if (!(address instanceof Inet6Address ipv6)) {
			return address.getHostAddress();
		}
		return toText(ipv6.getAddress(), zone(ipv6));
	}

	/**
	 * Return an IPv6 address as text.
	 * @param ipv6 the 16 bytes of the address
	 * @param zone its zone, or {@code null}
	 * @return the text
	 */
	static String toText(byte[] ipv6, @Nullable String zone) {
		String text = compress(ipv6);
		return (zone != null) ? text + "%" + PrintableText.of(zone) : text;
	}

	/**
	 * Return the address as it appears in a URL's host: IPv6 in brackets, the zone of
	 * link-local IPv6 after {@code %25} and percent-encoded per RFC 6874.
	 * @param address the address
	 * @return the URL host
	 */
	public static String toUrlHost(InetAddress address) {
		if (!(address instanceof Inet6Address ipv6)) {
			return address.getHostAddress();
		}
		return toUrlHost(ipv6.getAddress(), zone(ipv6));
	}

	/**
	 * Return an IPv6 address as it appears in a URL's host.
	 * @param ipv6 the 16 bytes of the address
	 * @param zone its zone, or {@code null}
	 * @return the URL host
	 */
	static String toUrlHost(byte[] ipv6, @Nullable String zone) {
		String text = compress(ipv6);
		return "[" + ((zone != null) ? text + "%25" + encodeZone(zone) : text) + "]";
	}

	/**
	 * Encode a zone per RFC 6874: {@code ZoneID = 1*( unreserved / pct-encoded )}, so
	 * that only letters, digits, {@code -}, {@code .}, {@code _} and {@code ~} stay as
	 * they are and every other byte of its UTF-8 form is written {@code %XX}. A zone such
	 * as {@code a]@evil.example#} cannot close the brackets, add user information or
	 * start a fragment.
	 * @param zone the zone, an interface name or index
	 * @return the encoded zone
	 */
	private static String encodeZone(String zone) {
		StringBuilder encoded = new StringBuilder(zone.length());
		for (byte b : zone.getBytes(StandardCharsets.UTF_8)) {
			if (isUnreserved(b)) {
				encoded.append((char) b);
			}
			else {
				encoded.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
			}
		}
		return encoded.toString();
	}

	/**
	 * Parse an IP address literal, never asking the name service: a dotted-quad IPv4
	 * address or an IPv6 address without zone, in brackets or not.
	 * @param text the text
	 * @return the address, or {@code null} if the text is not such a literal
	 */
	public static @Nullable InetAddress parseLiteral(String text) {
		String literal = (text.startsWith("[") && text.endsWith("]")) ? text.substring(1, text.length() - 1) : text;
		if (literal.isEmpty() || literal.length() > 45 || literal.indexOf('%') >= 0) {
			return null;
		}
		boolean ipv6 = literal.indexOf(':') >= 0;
		if (!literal.chars().allMatch((c) -> isHexDigit(c) || c == '.' || (ipv6 && c == ':'))
				|| (!ipv6 && !isDottedQuad(literal))) {
			return null;
		}
		try {
			// In brackets getByName takes the text as an IPv6 literal or fails; a dotted
			// quad is a literal too. Neither is ever looked up.
			return InetAddress.getByName(ipv6 ? "[" + literal + "]" : literal);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/**
	 * Return whether text is a dotted-quad IPv4 literal: four decimal parts of 0 to 255.
	 * @param text the text
	 * @return whether it is one
	 */
	static boolean isDottedQuad(String text) {
		String[] parts = text.split("\\.", -1);
		if (parts.length != 4) {
			return false;
		}
		for (String part : parts) {
			if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch((c) -> c >= '0' && c <= '9')
					|| Integer.parseInt(part) > 255) {
				return false;
			}
		}
		return true;
	}

	private static boolean isHexDigit(int c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	private static boolean isUnreserved(byte b) {
		return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '.'
				|| b == '_' || b == '~';
	}

	private static @Nullable String zone(Inet6Address address) {
		if (!address.isLinkLocalAddress()) {
			return null;
		}
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
