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
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Comparator;

/**
 * How far a unicast address can be reached, as told by the IANA IPv4 and IPv6
 * Special-Purpose Address Registries.
 * <p>
 * Loopback and link-local blocks have a scope of their own. Every other block that the
 * registries mark as not globally reachable is {@link #PRIVATE}, unless a more specific
 * entry marks part of it as globally reachable. Everything else, including blocks whose
 * reachability the registries give as "N/A" (Teredo, 6to4), is {@link #PUBLIC}.
 * IPv4-mapped and IPv4-compatible IPv6 addresses are classified by their embedded IPv4
 * address.
 *
 * @since 0.1.0
 */
public enum AddressScope {

	/**
	 * The host itself: {@code 127.0.0.0/8} and {@code ::1}.
	 */
	LOOPBACK,

	/**
	 * The attached link only: {@code 169.254.0.0/16} and {@code fe80::/10}.
	 */
	LINK_LOCAL,

	/**
	 * Not globally reachable: private-use, shared, unique-local and other special-purpose
	 * blocks.
	 */
	PRIVATE,

	/**
	 * Globally reachable, as far as the registries can tell.
	 */
	PUBLIC;

	private static final Block[] IPV4_BLOCKS = longestFirst(4,
			// Loopback (RFC 1122) and link-local (RFC 3927)
			block("127.0.0.0/8", LOOPBACK), block("169.254.0.0/16", LINK_LOCAL),
			// Private-use (RFC 1918) and shared address space (RFC 6598)
			block("10.0.0.0/8", PRIVATE), block("172.16.0.0/12", PRIVATE), block("192.168.0.0/16", PRIVATE),
			block("100.64.0.0/10", PRIVATE),
			// "This network" (RFC 791), reserved (RFC 1112), limited broadcast (RFC 919)
			block("0.0.0.0/8", PRIVATE), block("240.0.0.0/4", PRIVATE), block("255.255.255.255/32", PRIVATE),
			// Documentation (RFC 5737) and benchmarking (RFC 2544)
			block("192.0.2.0/24", PRIVATE), block("198.51.100.0/24", PRIVATE), block("203.0.113.0/24", PRIVATE),
			block("198.18.0.0/15", PRIVATE),
			// IETF protocol assignments (RFC 6890), except the reachable PCP (RFC 7723)
			// and TURN (RFC 8155) anycast addresses
			block("192.0.0.0/24", PRIVATE), block("192.0.0.9/32", PUBLIC), block("192.0.0.10/32", PUBLIC),
			// 6a44 relay anycast (RFC 6751) in the former 6to4 relay block (RFC 7526)
			block("192.88.99.2/32", PRIVATE),
			// Reachable anyway: AS112 (RFC 7534, RFC 7535) and AMT (RFC 7450)
			block("192.31.196.0/24", PUBLIC), block("192.52.193.0/24", PUBLIC), block("192.175.48.0/24", PUBLIC));

	private static final Block[] IPV6_BLOCKS = longestFirst(16,
			// Loopback, unspecified and link-local (RFC 4291)
			block("::1/128", LOOPBACK), block("::/128", PRIVATE), block("fe80::/10", LINK_LOCAL),
			// Unique-local (RFC 4193) and deprecated site-local (RFC 3879)
			block("fc00::/7", PRIVATE), block("fec0::/10", PRIVATE),
			// IPv4/IPv6 translation: well-known (RFC 6052), local-use (RFC 8215)
			block("64:ff9b::/96", PUBLIC), block("64:ff9b:1::/48", PRIVATE),
			// Discard-only (RFC 6666) and dummy (RFC 9780) prefixes
			block("100::/64", PRIVATE), block("100:0:0:1::/64", PRIVATE),
			// Documentation (RFC 3849, RFC 9637) and SRv6 SIDs (RFC 9602)
			block("2001:db8::/32", PRIVATE), block("3fff::/20", PRIVATE), block("5f00::/16", PRIVATE),
			// IETF protocol assignments (RFC 2928), benchmarking (RFC 5180) and
			// former ORCHID (RFC 4843)
			block("2001::/23", PRIVATE), block("2001:2::/48", PRIVATE), block("2001:10::/28", PRIVATE),
			// Reachable inside 2001::/23: Teredo (RFC 4380), PCP, TURN and SRP
			// (RFC 9665) anycast, AMT (RFC 7450), AS112 (RFC 7535), ORCHIDv2
			// (RFC 7343) and DRIP (RFC 9374)
			block("2001::/32", PUBLIC), block("2001:1::1/128", PUBLIC), block("2001:1::2/128", PUBLIC),
			block("2001:1::3/128", PUBLIC), block("2001:3::/32", PUBLIC), block("2001:4:112::/48", PUBLIC),
			block("2001:20::/28", PUBLIC), block("2001:30::/28", PUBLIC),
			// Reachable anyway: 6to4 (RFC 3056) and AS112 (RFC 7534)
			block("2002::/16", PUBLIC), block("2620:4f:8000::/48", PUBLIC));

	// The blocks that can contain an address, by its first byte: a report classifies each
	// of the host's addresses, thousands on a busy host, mostly before the JIT has
	// compiled anything, so each is tested against the one or two blocks it may be in
	// rather than all of them.
	private static final Block[][] IPV4_INDEX = byFirstByte(IPV4_BLOCKS);

	private static final Block[][] IPV6_INDEX = byFirstByte(IPV6_BLOCKS);

	/**
	 * Classify a unicast address.
	 * @param address the address to classify
	 * @return the scope of the most specific registry block that contains the address, or
	 * {@link #PUBLIC} if none does
	 */
	public static AddressScope of(InetAddress address) {
		return of(address.getAddress());
	}

	/**
	 * Classify a unicast address given by its bytes.
	 * @param bytes the 4 bytes of an IPv4 address or the 16 of an IPv6 one, in network
	 * order
	 * @return the scope of the most specific registry block that contains the address, or
	 * {@link #PUBLIC} if none does
	 */
	static AddressScope of(byte[] bytes) {
		if (bytes.length == 4) {
			return lookup(IPV4_INDEX[bytes[0] & 0xff], bytes, 0);
		}
		// Only addresses in ::/8 can embed an IPv4 address.
		if (bytes[0] == 0 && embedsIpv4(bytes)) {
			return lookup(IPV4_INDEX[bytes[12] & 0xff], bytes, 12);
		}
		return lookup(IPV6_INDEX[bytes[0] & 0xff], bytes, 0);
	}

	private static AddressScope lookup(Block[] blocks, byte[] address, int offset) {
		for (Block block : blocks) {
			if (block.contains(address, offset)) {
				return block.scope();
			}
		}
		return PUBLIC;
	}

	/**
	 * Whether the IPv6 address is IPv4-mapped ({@code ::ffff:0:0/96}) or IPv4-compatible
	 * ({@code ::/96}, RFC 4291) other than the unspecified and loopback addresses.
	 * @param address the 16 bytes of an IPv6 address
	 * @return whether the address embeds an IPv4 address
	 */
	private static boolean embedsIpv4(byte[] address) {
		for (int i = 0; i < 10; i++) {
			if (address[i] != 0) {
				return false;
			}
		}
		if (address[10] == (byte) 0xff && address[11] == (byte) 0xff) {
			return true;
		}
		return address[10] == 0 && address[11] == 0
				&& (address[12] != 0 || address[13] != 0 || address[14] != 0 || (address[15] & 0xff) > 1);
	}

	private static Block block(String cidr, AddressScope scope) {
		int slash = cidr.indexOf('/');
		int length = Integer.parseInt(cidr.substring(slash + 1));
		try {
			byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
			if (length > prefix.length * 8 || !Arrays.equals(prefix, hostBitsCleared(prefix, length))) {
				throw new IllegalStateException("Invalid block " + cidr);
			}
			return new Block(prefix, length, scope);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("Invalid block " + cidr, ex);
		}
	}

	private static byte[] hostBitsCleared(byte[] prefix, int length) {
		byte[] cleared = new byte[prefix.length];
		for (int bit = 0; bit < length; bit++) {
			cleared[bit / 8] |= (byte) (prefix[bit / 8] & (0x80 >>> (bit % 8)));
		}
		return cleared;
	}

	/**
	 * Index blocks by the first byte of the addresses they contain, keeping the longest
	 * first in each entry.
	 * @param blocks the blocks, longest first
	 * @return for each value of the first byte, the blocks that contain addresses
	 * starting with it
	 */
	private static Block[][] byFirstByte(Block[] blocks) {
		Block[][] index = new Block[256][];
		Arrays.fill(index, new Block[0]);
		for (Block block : blocks) {
			// A block shorter than a byte covers a range of first bytes.
			int free = 8 - Math.min(block.length(), 8);
			int first = (block.prefix()[0] & 0xff) >>> free << free;
			for (int value = first; value < first + (1 << free); value++) {
				Block[] entry = Arrays.copyOf(index[value], index[value].length + 1);
				entry[entry.length - 1] = block;
				index[value] = entry;
			}
		}
		return index;
	}

	private static Block[] longestFirst(int addressLength, Block... blocks) {
		for (Block block : blocks) {
			if (block.prefix().length != addressLength) {
				throw new IllegalStateException("Block of the wrong address family");
			}
		}
		Arrays.sort(blocks, Comparator.comparingInt(Block::length).reversed());
		return blocks;
	}

	/**
	 * A registry block: the first {@code length} bits of {@code prefix}.
	 */
	private record Block(byte[] prefix, int length, AddressScope scope) {

		boolean contains(byte[] address, int offset) {
			int whole = this.length / 8;
			for (int i = 0; i < whole; i++) {
				if (address[offset + i] != this.prefix[i]) {
					return false;
				}
			}
			int rest = this.length % 8;
			return rest == 0 || ((address[offset + whole] ^ this.prefix[whole]) & (0xff00 >>> rest) & 0xff) == 0;
		}

	}

}
