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
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.util.InvalidUrlException;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InetAddresses}. Only address literals are used, so nothing is
 * resolved.
 */
class InetAddressesTests {

	private static final byte[] LINK_LOCAL = { (byte) 0xfe, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 };

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

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "eth0", "enp0s31f6", "wlp2s0", "docker0", "eth0.100", "wlan_1" })
	void toUrlHostKeepsOrdinaryZoneAsItIsAndJavaNetUriFindsTheHost(String zone) throws URISyntaxException {
		String host = InetAddresses.toUrlHost(LINK_LOCAL, zone);
		assertThat(host).isEqualTo("[fe80::1%25" + zone + "]");
		URI uri = new URI("http://" + host + ":8080/");
		assertThat(uri.getHost()).isEqualTo(host);
		assertThat(uri.getUserInfo()).isNull();
		assertThat(uri.getPort()).isEqualTo(8080);
		assertThat(uri.getFragment()).isNull();
	}

	@ParameterizedTest(name = "{0} is encoded as {1}")
	@MethodSource("encodedZones")
	void toUrlHostPercentEncodesEveryZoneByteButUnreservedOnesPerRfc6874(String zone, String encoded) {
		assertThat(InetAddresses.toUrlHost(LINK_LOCAL, zone)).isEqualTo("[fe80::1%25" + encoded + "]");
	}

	static Stream<Arguments> encodedZones() {
		return Stream.of(Arguments.of("br-1a2b", "br-1a2b"), Arguments.of("a~b", "a~b"),
				Arguments.of("veth1@if5", "veth1%40if5"), Arguments.of("a]@evil.example#", "a%5D%40evil.example%23"),
				Arguments.of("%", "%25"), Arguments.of("a/b?c", "a%2Fb%3Fc"), Arguments.of("\u001b[31m", "%1B%5B31m"),
				Arguments.of("eth0\n", "eth0%0A"), Arguments.of("a b", "a%20b"),
				Arguments.of("caf\u00e9", "caf%C3%A9"));
	}

	@ParameterizedTest(name = "[{index}]")
	@MethodSource("hostileZones")
	void urlWithHostileZonePointsAtTheAddressItShows(String zone) {
		String host = InetAddresses.toUrlHost(LINK_LOCAL, zone);
		String url = "http://" + host + ":8080/";
		// RFC 3986, appendix B: how any conforming parser splits a URI reference.
		Matcher parts = Pattern.compile("^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\\?([^#]*))?(#(.*))?").matcher(url);
		assertThat(parts.matches()).isTrue();
		assertThat(parts.group(2)).isEqualTo("http");
		assertThat(parts.group(4)).as("authority, without user information").isEqualTo(host + ":8080");
		assertThat(parts.group(5)).as("path").isEqualTo("/");
		assertThat(parts.group(6)).as("query").isNull();
		assertThat(parts.group(8)).as("fragment").isNull();
		Matcher literal = Pattern.compile("\\[fe80::1%25((?:[A-Za-z0-9._~-]|%[0-9A-F]{2})+)\\]").matcher(host);
		assertThat(literal.matches()).as("RFC 6874 IP literal: %s", host).isTrue();
		assertThat(URLDecoder.decode(literal.group(1), StandardCharsets.UTF_8)).isEqualTo(zone);
		// Parsers that do not support zones must reject the URL, never find another host
		// in it.
		try {
			URI uri = new URI(url);
			assertThat(uri.getHost()).isEqualTo(host);
			assertThat(uri.getUserInfo()).isNull();
			assertThat(uri.getFragment()).isNull();
		}
		catch (URISyntaxException ex) {
			// java.net.URI allows letters, digits, '.' and '_' in a zone only.
		}
		try {
			// How browsers parse it.
			UriComponents whatwg = UriComponentsBuilder.fromUriString(url, UriComponentsBuilder.ParserType.WHAT_WG)
				.build();
			assertThat(whatwg.getHost()).isEqualTo(host);
			assertThat(whatwg.getUserInfo()).isNull();
			assertThat(whatwg.getFragment()).isNull();
		}
		catch (InvalidUrlException ex) {
			// Browsers do not support zones in URLs.
		}
	}

	static Stream<String> hostileZones() {
		return Stream.of("a]@evil.example#", "a]@evil.example/", "]:1@evil.example", "\u001b[31m", "eth\b\b\b0",
				"eth0\nINFO forged line", "%25", "%", "x".repeat(200), "caf\u00e9", "a b", "a?b=c");
	}

	@Test
	void toTextEscapesUnprintableCharactersOfTheZoneAndKeepsTheOthers() {
		assertThat(InetAddresses.toText(LINK_LOCAL, "eth0\u001b[31m")).isEqualTo("fe80::1%eth0\\u001b[31m");
		assertThat(InetAddresses.toText(LINK_LOCAL, "eth0\nINFO forged")).isEqualTo("fe80::1%eth0\\u000aINFO forged");
		assertThat(InetAddresses.toText(LINK_LOCAL, "veth1@if5")).isEqualTo("fe80::1%veth1@if5");
		assertThat(InetAddresses.toText(LINK_LOCAL, "a]@evil.example#")).isEqualTo("fe80::1%a]@evil.example#");
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			203.0.113.10, 203.0.113.10
			2001:db8::a, 2001:db8::a
			[2001:db8::a], 2001:db8::a
			2001:DB8:0:0:0:0:0:A, 2001:db8::a
			::ffff:10.0.0.1, 10.0.0.1
			""")
	void parseLiteralReadsIpLiterals(String text, String address) {
		InetAddress parsed = InetAddresses.parseLiteral(text);
		assertThat(parsed).isNotNull();
		assertThat(InetAddresses.toText(parsed)).isEqualTo(address);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "localhost", "metadata.google.internal", "evil.example", "10.0.0", "10.0.0.256",
			"10.0.0.1.2", "1e1.0.0.1", "fe80::1%eth0", "[fe80::1", "0x7f.0.0.1", "10.0.0.1 ", "2001:db8::g" })
	void parseLiteralRefusesAnythingThatWouldBeLookedUpOrIsNoAddress(String text) {
		assertThat(InetAddresses.parseLiteral(text)).isNull();
	}

	private static Inet6Address scoped(String literal, int scopeId) throws UnknownHostException {
		return Inet6Address.getByAddress(null, InetAddress.getByName(literal).getAddress(), scopeId);
	}

}
