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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Binds real sockets, on loopback and on addresses that are not this host's: a bind sends
 * nothing. The other operating systems' wording is checked on the exceptions their JDKs
 * throw.
 */
class BindAttemptTests {

	@Test
	void everyLoopbackAddressBinds() throws IOException {
		// All of 127.0.0.0/8 is on the loopback interface, not only 127.0.0.1.
		BindAttempt attempt = BindAttempt.bind(InetAddress.getByAddress(new byte[] { 127, 0, 0, 2 }));
		assertThat(attempt.outcome()).isEqualTo(BindAttempt.Outcome.BOUND);
		assertThat(attempt.error()).isNull();
	}

	@Test
	void wildcardBinds() throws IOException {
		assertThat(BindAttempt.bind(InetAddress.getByAddress(new byte[4])).outcome())
			.isEqualTo(BindAttempt.Outcome.BOUND);
	}

	@Test
	void documentationAddressIsNotOnThisHost() throws IOException {
		BindAttempt attempt = BindAttempt.bind(InetAddress.getByAddress(new byte[] { (byte) 203, 0, 113, 77 }));
		assertThat(attempt.outcome()).isEqualTo(BindAttempt.Outcome.NOT_ON_HOST);
		assertThat(attempt.error()).containsPattern("Can(no|')t assign requested address");
	}

	@Test
	void linkLocalAddressWithoutZoneNeedsOne() throws IOException {
		assumeIpv6();
		BindAttempt attempt = BindAttempt.bind(InetAddress.getByName("fe80::1"));
		assertThat(attempt.outcome()).isEqualTo(BindAttempt.Outcome.ZONE_REQUIRED);
		assertThat(attempt.error()).isNotBlank();
	}

	@Test
	void macOsWordingOfAnAddressNotOnThisHostIsRead() throws IOException {
		BindAttempt attempt = BindAttempt.of(InetAddress.getByName("203.0.113.77"),
				new BindException("Can't assign requested address"));
		assertThat(attempt.outcome()).isEqualTo(BindAttempt.Outcome.NOT_ON_HOST);
		assertThat(attempt.error()).isEqualTo("Can't assign requested address");
	}

	@Test
	void linkLocalAddressWithoutZoneThatTheOperatingSystemCannotAssignNeedsOne() throws IOException {
		assertThat(BindAttempt.of(InetAddress.getByName("fe80::1"), new BindException("Can't assign requested address"))
			.outcome()).isEqualTo(BindAttempt.Outcome.ZONE_REQUIRED);
	}

	@Test
	void linkLocalAddressWithZoneThatIsNotOnThisHostIsNotOnThisHost() throws IOException {
		Inet6Address withZone = Inet6Address.getByAddress(null, InetAddress.getByName("fe80::1").getAddress(), 1);
		assertThat(BindAttempt.of(withZone, new BindException("Cannot assign requested address")).outcome())
			.isEqualTo(BindAttempt.Outcome.NOT_ON_HOST);
	}

	@Test
	void ipv6WithoutIpv6InTheOperatingSystemIsUnavailable() throws IOException {
		assertThat(BindAttempt.of(InetAddress.getByName("::1"), new SocketException("Protocol family unavailable"))
			.outcome()).isEqualTo(BindAttempt.Outcome.IPV6_UNAVAILABLE);
		assertThat(BindAttempt
			.of(InetAddress.getByName("::1"), new SocketException("Address family not supported by protocol"))
			.outcome()).isEqualTo(BindAttempt.Outcome.IPV6_UNAVAILABLE);
	}

	@Test
	void otherFailuresAreNotGuessedAt() throws IOException {
		BindAttempt attempt = BindAttempt.of(InetAddress.getByName("127.0.0.1"),
				new BindException("Permission denied"));
		assertThat(attempt.outcome()).isEqualTo(BindAttempt.Outcome.FAILED);
		assertThat(attempt.error()).isEqualTo("Permission denied");
	}

	@Test
	void onlyLinkLocalIpv6AddressesWithoutZoneNeedOne() throws IOException {
		assertThat(BindAttempt.needsZone(InetAddress.getByName("fe80::1"))).isTrue();
		assertThat(BindAttempt
			.needsZone(Inet6Address.getByAddress(null, InetAddress.getByName("fe80::1").getAddress(), 1))).isFalse();
		assertThat(BindAttempt.needsZone(InetAddress.getByName("fd00::2"))).isFalse();
		assertThat(BindAttempt.needsZone(InetAddress.getByName("127.0.0.1"))).isFalse();
	}

	private static void assumeIpv6() {
		try (SocketChannel channel = SocketChannel.open()) {
			channel.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
		}
		catch (IOException | RuntimeException ex) {
			assumeTrue(false, "IPv6 is disabled on this host: binding ::1 failed with " + ex);
		}
	}

}
