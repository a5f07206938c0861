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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AddressScope}. Only address literals are used, so nothing is resolved.
 */
class AddressScopeTests {

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(textBlock = """
			# Loopback (RFC 1122)
			126.255.255.255, PUBLIC
			127.0.0.0,       LOOPBACK
			127.0.0.1,       LOOPBACK
			127.255.255.255, LOOPBACK
			128.0.0.0,       PUBLIC
			# Link-local (RFC 3927)
			169.253.255.255, PUBLIC
			169.254.0.0,     LINK_LOCAL
			169.254.169.254, LINK_LOCAL
			169.254.255.255, LINK_LOCAL
			169.255.0.0,     PUBLIC
			""")
	void ofWhenIpv4InOrNextToLoopbackOrLinkLocalBlockReturnsScopeOfBlock(String literal, AddressScope expected)
			throws Exception {
		assertThat(AddressScope.of(InetAddress.getByName(literal))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(textBlock = """
			# "This network" (RFC 791)
			0.0.0.0,         PRIVATE
			0.255.255.255,   PRIVATE
			1.0.0.0,         PUBLIC
			# Private-use (RFC 1918)
			9.255.255.255,   PUBLIC
			10.0.0.0,        PRIVATE
			10.255.255.255,  PRIVATE
			11.0.0.0,        PUBLIC
			172.15.255.255,  PUBLIC
			172.16.0.0,      PRIVATE
			172.31.255.255,  PRIVATE
			172.32.0.0,      PUBLIC
			192.167.255.255, PUBLIC
			192.168.0.0,     PRIVATE
			192.168.255.255, PRIVATE
			192.169.0.0,     PUBLIC
			# Shared address space (RFC 6598)
			100.63.255.255,  PUBLIC
			100.64.0.0,      PRIVATE
			100.127.255.255, PRIVATE
			100.128.0.0,     PUBLIC
			# Documentation (RFC 5737)
			192.0.1.255,     PUBLIC
			192.0.2.0,       PRIVATE
			192.0.2.255,     PRIVATE
			192.0.3.0,       PUBLIC
			198.51.99.255,   PUBLIC
			198.51.100.0,    PRIVATE
			198.51.100.255,  PRIVATE
			198.51.101.0,    PUBLIC
			203.0.112.255,   PUBLIC
			203.0.113.0,     PRIVATE
			203.0.113.255,   PRIVATE
			203.0.114.0,     PUBLIC
			# Benchmarking (RFC 2544)
			198.17.255.255,  PUBLIC
			198.18.0.0,      PRIVATE
			198.19.255.255,  PRIVATE
			198.20.0.0,      PUBLIC
			# 6a44 relay anycast (RFC 6751) inside the deprecated 6to4 relay block (RFC 7526)
			192.88.99.1,     PUBLIC
			192.88.99.2,     PRIVATE
			192.88.99.3,     PUBLIC
			# Reserved (RFC 1112) and limited broadcast (RFC 919)
			239.255.255.255, PUBLIC
			240.0.0.0,       PRIVATE
			255.255.255.254, PRIVATE
			255.255.255.255, PRIVATE
			""")
	void ofWhenIpv4InOrNextToNonGloballyReachableBlockReturnsPrivateOnlyInside(String literal, AddressScope expected)
			throws Exception {
		assertThat(AddressScope.of(InetAddress.getByName(literal))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(textBlock = """
			# IETF protocol assignments (RFC 6890)
			191.255.255.255, PUBLIC
			192.0.0.0,       PRIVATE
			192.0.0.7,       PRIVATE
			192.0.0.8,       PRIVATE
			# PCP anycast (RFC 7723) and TURN anycast (RFC 8155)
			192.0.0.9,       PUBLIC
			192.0.0.10,      PUBLIC
			192.0.0.11,      PRIVATE
			# NAT64/DNS64 discovery (RFC 7050)
			192.0.0.170,     PRIVATE
			192.0.0.171,     PRIVATE
			192.0.0.255,     PRIVATE
			192.0.1.0,       PUBLIC
			""")
	void ofWhenIpv4InIetfProtocolAssignmentsReturnsPublicOnlyForGloballyReachableEntries(String literal,
			AddressScope expected) throws Exception {
		assertThat(AddressScope.of(InetAddress.getByName(literal))).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = {
			// AS112 (RFC 7535, RFC 7534) and AMT (RFC 7450)
			"192.31.196.0", "192.31.196.255", "192.52.193.0", "192.52.193.255", "192.175.48.0", "192.175.48.255",
			// Ordinary addresses
			"8.8.8.8", "1.1.1.1", "9.9.9.9", "223.255.255.255" })
	void ofWhenIpv4GloballyReachableReturnsPublic(String literal) throws Exception {
		assertThat(AddressScope.of(InetAddress.getByName(literal))).isEqualTo(AddressScope.PUBLIC);
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(textBlock = """
			# Loopback and unspecified (RFC 4291)
			::1,                                     LOOPBACK
			::,                                      PRIVATE
			# Link-local (RFC 4291) and deprecated site-local (RFC 3879)
			fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff, PUBLIC
			fe80::,                                  LINK_LOCAL
			fe80::1,                                 LINK_LOCAL
			febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff, LINK_LOCAL
			fec0::,                                  PRIVATE
			feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, PRIVATE
			ff00::,                                  PUBLIC
			""")
	void ofWhenIpv6InOrNextToLoopbackOrLinkLocalBlockReturnsScopeOfBlock(String literal, AddressScope expected)
			throws Exception {
		assertThat(AddressScope.of(InetAddress.getByName(literal))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(textBlock = """
			# Unique-local (RFC 4193)
			fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, PUBLIC
			fc00::,                                  PRIVATE
			fd12:3456:789a::1,                       PRIVATE
			fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, PRIVATE
			fe00::,                                  PUBLIC
			# Local-use IPv4/IPv6 translation (RFC 8215)
			64:ff9b:0:ffff:ffff:ffff:ffff:ffff,      PUBLIC
			64:ff9b:1::,                             PRIVATE
			64:ff9b:1:ffff:ffff:ffff:ffff:ffff,      PRIVATE
			64:ff9b:2::,                             PUBLIC
			# Discard-only (RFC 6666) and dummy prefix (RFC 9780)
			ff:ffff:ffff:ffff:ffff:ffff:ffff:ffff,   PUBLIC
			100::,                                   PRIVATE
			100::ffff:ffff:ffff:ffff,                PRIVATE
			100:0:0:1::,                             PRIVATE
			100:0:0:1:ffff:ffff:ffff:ffff,           PRIVATE
			100:0:0:2::,                             PUBLIC
			# Documentation (RFC 3849, RFC 9637)
			2001:db7:ffff:ffff:ffff:ffff:ffff:ffff,  PUBLIC
			2001:db8::,                              PRIVATE
			2001:db8:ffff:ffff:ffff:ffff:ffff:ffff,  PRIVATE
			2001:db9::,                              PUBLIC
			3ffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff, PUBLIC
			3fff::,                                  PRIVATE
			3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff,  PRIVATE
			3fff:1000::,                             PUBLIC
			# SRv6 SIDs (RFC 9602)
			5eff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, PUBLIC
			5f00::,                                  PRIVATE
			5f00:ffff:ffff:ffff:ffff:ffff:ffff:ffff, PRIVATE
			5f01::,                                  PUBLIC
			""")
	void ofWhenIpv6InOrNextToNonGloballyReachableBlockReturnsPrivateOnlyInside(String literal, AddressScope expected)
			throws Exception {
		assertThat(AddressScope.of(InetAddress.getByName(literal))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(textBlock = """
			# IETF protocol assignments (RFC 2928)
			2000:ffff:ffff:ffff:ffff:ffff:ffff:ffff, PUBLIC
			2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff,  PRIVATE
			2001:200::,                              PUBLIC
			# Teredo (RFC 4380)
			2001::,                                  PUBLIC
			2001:0:ffff:ffff:ffff:ffff:ffff:ffff,    PUBLIC
			2001:1::,                                PRIVATE
			# PCP (RFC 7723), TURN (RFC 8155) and SRP (RFC 9665) anycast
			2001:1::1,                               PUBLIC
			2001:1::2,                               PUBLIC
			2001:1::3,                               PUBLIC
			2001:1::4,                               PRIVATE
			# Benchmarking (RFC 5180)
			2001:2::,                                PRIVATE
			2001:2:0:ffff:ffff:ffff:ffff:ffff,       PRIVATE
			2001:2:1::,                              PRIVATE
			# AMT (RFC 7450)
			2001:2:ffff:ffff:ffff:ffff:ffff:ffff,    PRIVATE
			2001:3::,                                PUBLIC
			2001:3:ffff:ffff:ffff:ffff:ffff:ffff,    PUBLIC
			2001:4::,                                PRIVATE
			# AS112 (RFC 7535)
			2001:4:111:ffff:ffff:ffff:ffff:ffff,     PRIVATE
			2001:4:112::,                            PUBLIC
			2001:4:112:ffff:ffff:ffff:ffff:ffff,     PUBLIC
			2001:4:113::,                            PRIVATE
			# Former ORCHID (RFC 4843), ORCHIDv2 (RFC 7343) and DRIP (RFC 9374)
			2001:f:ffff:ffff:ffff:ffff:ffff:ffff,    PRIVATE
			2001:10::,                               PRIVATE
			2001:1f:ffff:ffff:ffff:ffff:ffff:ffff,   PRIVATE
			2001:20::,                               PUBLIC
			2001:2f:ffff:ffff:ffff:ffff:ffff:ffff,   PUBLIC
			2001:30::,                               PUBLIC
			2001:3f:ffff:ffff:ffff:ffff:ffff:ffff,   PUBLIC
			2001:40::,                               PRIVATE
			""")
	void ofWhenIpv6InIetfProtocolAssignmentsReturnsPublicOnlyForGloballyReachableEntries(String literal,
			AddressScope expected) throws Exception {
		assertThat(AddressScope.of(InetAddress.getByName(literal))).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = {
			// IPv4/IPv6 translation well-known prefix (RFC 6052)
			"64:ff9b::", "64:ff9b::808:808", "64:ff9b::ffff:ffff",
			// 6to4 (RFC 3056) and AS112 (RFC 7534)
			"2002::", "2002:c000:201::1", "2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "2620:4f:8000::",
			"2620:4f:8000:ffff:ffff:ffff:ffff:ffff",
			// Ordinary addresses
			"2606:4700::1", "2001:4860:4860::8888", "2a00:1450:4001::1" })
	void ofWhenIpv6GloballyReachableReturnsPublic(String literal) throws Exception {
		assertThat(AddressScope.of(InetAddress.getByName(literal))).isEqualTo(AddressScope.PUBLIC);
	}

	@ParameterizedTest(name = "::ffff:{0} is {1}")
	@CsvSource({ "127.0.0.1, LOOPBACK", "169.254.1.1, LINK_LOCAL", "10.1.2.3, PRIVATE", "100.64.0.1, PRIVATE",
			"192.0.0.8, PRIVATE", "192.0.0.9, PUBLIC", "0.0.0.0, PRIVATE", "255.255.255.255, PRIVATE",
			"8.8.8.8, PUBLIC" })
	void ofWhenIpv4MappedInet6AddressReturnsScopeOfEmbeddedIpv4(String ipv4, AddressScope expected) throws Exception {
		byte[] bytes = new byte[16];
		bytes[10] = (byte) 0xff;
		bytes[11] = (byte) 0xff;
		System.arraycopy(InetAddress.getByName(ipv4).getAddress(), 0, bytes, 12, 4);
		InetAddress mapped = Inet6Address.getByAddress(null, bytes, null);
		assertThat(mapped).isInstanceOf(Inet6Address.class);
		assertThat(AddressScope.of(mapped)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({ "::ffff:127.0.0.1, LOOPBACK", "::ffff:169.254.1.1, LINK_LOCAL", "::ffff:172.16.0.1, PRIVATE",
			"::ffff:808:808, PUBLIC" })
	void ofWhenIpv4MappedLiteralReturnsScopeOfEmbeddedIpv4(String literal, AddressScope expected) throws Exception {
		assertThat(AddressScope.of(InetAddress.getByName(literal))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({ "::127.0.0.1, LOOPBACK", "::169.254.1.1, LINK_LOCAL", "::192.168.1.1, PRIVATE", "::0.0.0.2, PRIVATE",
			"::8.8.8.8, PUBLIC" })
	void ofWhenIpv4CompatibleAddressReturnsScopeOfEmbeddedIpv4(String literal, AddressScope expected) throws Exception {
		InetAddress compatible = InetAddress.getByName(literal);
		assertThat(compatible).isInstanceOf(Inet6Address.class);
		assertThat(AddressScope.of(compatible)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "fe80::1%1", "fe80::abcd:ef01:2345:6789%42" })
	void ofWhenLinkLocalHasScopeIdReturnsLinkLocal(String literal) throws Exception {
		assertThat(AddressScope.of(InetAddress.getByName(literal))).isEqualTo(AddressScope.LINK_LOCAL);
	}

	@ParameterizedTest
	@ValueSource(strings = { "224.0.0.1", "239.255.255.250", "ff02::1", "ff05::1:3" })
	void ofWhenMulticastReturnsPublicWithoutFailing(String literal) throws Exception {
		assertThat(AddressScope.of(InetAddress.getByName(literal))).isEqualTo(AddressScope.PUBLIC);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.0.0.0", "::" })
	void ofWhenWildcardReturnsPrivate(String literal) throws Exception {
		InetAddress wildcard = InetAddress.getByName(literal);
		assertThat(wildcard.isAnyLocalAddress()).isTrue();
		assertThat(AddressScope.of(wildcard)).isEqualTo(AddressScope.PRIVATE);
	}

}
