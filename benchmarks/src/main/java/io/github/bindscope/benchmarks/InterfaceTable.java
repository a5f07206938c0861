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

package io.github.bindscope.benchmarks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated table of this host's interfaces, for the benchmarks of what is built on
 * {@link io.github.bindscope.inspect.HostAddresses}.
 *
 * @since 0.1.0
 */
public final class InterfaceTable {

	private InterfaceTable() {
	}

	/**
	 * Return an interface table with the given number of addresses: loopback, then
	 * interfaces that each hold one address from the benchmarking range
	 * {@code 198.18.0.0/15} and one from the documentation range {@code 2001:db8::/32}.
	 * @param addresses the number of addresses, loopback's two included
	 * @return the addresses of each interface, by interface name
	 */
	public static Map<String, List<InetAddress>> generate(int addresses) {
		Map<String, List<InetAddress>> table = new LinkedHashMap<>();
		table.put("lo", List.of(address(new byte[] { 127, 0, 0, 1 }), address(ipv6(1))));
		for (int index = 0; table.size() * 2 < addresses; index++) {
			// 198.18.0.1 upwards: the /15 holds 131,070 usable addresses.
			int host = index + 1;
			InetAddress ipv4 = address(
					new byte[] { (byte) 198, (byte) (18 + (host >>> 16)), (byte) (host >>> 8), (byte) host });
			byte[] documentation = ipv6(host);
			documentation[0] = 0x20;
			documentation[1] = 0x01;
			documentation[2] = 0x0d;
			documentation[3] = (byte) 0xb8;
			table.put("veth" + index, List.of(ipv4, address(documentation)));
		}
		return table;
	}

	private static byte[] ipv6(int low) {
		byte[] bytes = new byte[16];
		bytes[12] = (byte) (low >>> 24);
		bytes[13] = (byte) (low >>> 16);
		bytes[14] = (byte) (low >>> 8);
		bytes[15] = (byte) low;
		return bytes;
	}

	private static InetAddress address(byte[] bytes) {
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
