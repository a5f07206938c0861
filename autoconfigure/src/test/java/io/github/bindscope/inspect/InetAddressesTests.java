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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InetAddresses}. Only address literals are used, so nothing is
 * resolved.
 */
class InetAddressesTests {

	@ParameterizedTest(name = "{0} is written as {1}")
	@CsvSource(textBlock = """
			# Unspecified and loopback
			0:0:0:0:0:0:0:0,                  ::
			0:0:0:0:0:0:0:1,                  ::1
			# Leading zeros of a group are dropped, one zero run is compressed
			2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1
			# Trailing and leading runs
			2001:db8:0:0:0:0:0:0,             2001:db8::
			0:0:0:0:0:0:0:2001,               ::2001
			# The longest run is compressed
			2001:0:0:1:0:0:0:1,               2001:0:0:1::1
			2001:0:0:0:1:0:0:1,               2001::1:0:0:1
			# Of equal runs the first is compressed
			2001:db8:0:0:1:0:0:1,             2001:db8::1:0:0:1
			2001:db8:0:1:1:0:0:1,             2001:db8:0:1:1::1
			# A single zero group is not compressed
			2001:db8:0:1:1:1:1:1,             2001:db8:0:1:1:1:1:1
			2001:db8:1:1:1:1:1:0,             2001:db8:1:1:1:1:1:0
			0:1:2:3:4:5:6:7,                  0:1:2:3:4:5:6:7
			# Lowercase hexadecimal digits
			2001:DB8:ABCD:EF01:0:0:0:FFFF,    2001:db8:abcd:ef01::ffff
			FE80:0:0:0:0:0:0:AB,              fe80::ab
			# No zero group
			2001:db8:1:2:3:4:5:6,             2001:db8:1:2:3:4:5:6
			""")
	void toTextCompressesIpv6PerRfc5952(String literal, String expected) throws UnknownHostException {
		InetAddress address = InetAddress.getByName(literal);
		assertThat(address).isInstanceOf(Inet6Address.class);
		assertThat(InetAddresses.toText(address)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} is unchanged")
	@ValueSource(strings = { "127.0.0.1", "0.0.0.0", "198.51.100.7", "203.0.113.9", "255.255.255.255" })
	void toTextLeavesIpv4Unchanged(String literal) throws UnknownHostException {
		assertThat(InetAddresses.toText(InetAddress.getByName(literal))).isEqualTo(literal);
	}

	@ParameterizedTest(name = "{0} is unchanged")
	@ValueSource(strings = { "127.0.0.1", "0.0.0.0", "198.51.100.7" })
	void toUrlHostLeavesIpv4WithoutBrackets(String literal) throws UnknownHostException {
		assertThat(InetAddresses.toUrlHost(InetAddress.getByName(literal))).isEqualTo(literal);
	}

	@Test
	void toTextOfLinkLocalWithScopeIdAppendsZone() throws UnknownHostException {
		assertThat(InetAddresses.toText(scoped("fe80::1", 3))).isEqualTo("fe80::1%3");
	}

	@Test
	void toTextOfLinkLocalWithoutScopeIdHasNoZone() throws UnknownHostException {
		assertThat(InetAddresses.toText(InetAddress.getByName("fe80::1"))).isEqualTo("fe80::1");
	}

	@Test
	void toTextOfScopedGlobalAddressHasNoZone() throws UnknownHostException {
		assertThat(InetAddresses.toText(scoped("2001:db8::1", 3))).isEqualTo("2001:db8::1");
	}

	@Test
	void toUrlHostWrapsIpv6InBrackets() throws UnknownHostException {
		assertThat(InetAddresses.toUrlHost(InetAddress.getByName("2001:0db8:0:0:0:0:0:1"))).isEqualTo("[2001:db8::1]");
		assertThat(InetAddresses.toUrlHost(InetAddress.getByName("::1"))).isEqualTo("[::1]");
		assertThat(InetAddresses.toUrlHost(InetAddress.getByName("::"))).isEqualTo("[::]");
	}

	@Test
	void toUrlHostEscapesZoneOfLinkLocalAddress() throws UnknownHostException {
		assertThat(InetAddresses.toUrlHost(scoped("fe80::1", 3))).isEqualTo("[fe80::1%253]");
		assertThat(InetAddresses.toUrlHost(scoped("fe80:0:0:0:abcd:0:0:1", 12))).isEqualTo("[fe80::abcd:0:0:1%2512]");
	}

	@Test
	void toUrlHostOfLinkLocalWithoutScopeIdHasNoZone() throws UnknownHostException {
		assertThat(InetAddresses.toUrlHost(InetAddress.getByName("fe80::1"))).isEqualTo("[fe80::1]");
	}

	private static Inet6Address scoped(String literal, int scopeId) throws UnknownHostException {
		return Inet6Address.getByAddress(null, InetAddress.getByName(literal).getAddress(), scopeId);
	}

}
