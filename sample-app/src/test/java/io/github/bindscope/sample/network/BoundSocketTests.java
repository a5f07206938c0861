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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link BoundSocket}: the network tests compare the report with {@code ss}
 * only through this normalisation, so a mistake here would hide a real disagreement. The
 * samples are what {@code ss -ltn} printed for sockets bound each way.
 */
class BoundSocketTests {

	@Test
	void ssStarIsDualStackIpv6Wildcard() {
		assertThat(BoundSocket.fromSs("*:8080")).isEqualTo(new BoundSocket("::", 8080, false));
	}

	@Test
	void ssBracketedWildcardIsIpv6Only() {
		assertThat(BoundSocket.fromSs("[::]:8080")).isEqualTo(new BoundSocket("::", 8080, true));
	}

	@Test
	void ssIpv4WildcardStaysIpv4() {
		assertThat(BoundSocket.fromSs("0.0.0.0:8080")).isEqualTo(new BoundSocket("0.0.0.0", 8080, false));
	}

	@Test
	void ssIpv4MappedAddressIsPlainIpv4() {
		assertThat(BoundSocket.fromSs("[::ffff:127.0.0.1]:8080")).isEqualTo(new BoundSocket("127.0.0.1", 8080, false));
	}

	@Test
	void ssConcreteIpv6AddressLosesBrackets() {
		assertThat(BoundSocket.fromSs("[2001:db8:1::1]:8080")).isEqualTo(new BoundSocket("2001:db8:1::1", 8080, false));
		assertThat(BoundSocket.fromSs("[::1]:8080")).isEqualTo(new BoundSocket("::1", 8080, false));
	}

	@Test
	void ssLinkLocalKeepsZoneWrittenAfterBrackets() {
		assertThat(BoundSocket.fromSs("[fe80::1]%eth0:8080")).isEqualTo(new BoundSocket("fe80::1%eth0", 8080, false));
	}

	@Test
	void ssLinkLocalKeepsZoneWrittenInsideBrackets() {
		assertThat(BoundSocket.fromSs("[fe80::1%eth0]:8080")).isEqualTo(new BoundSocket("fe80::1%eth0", 8080, false));
	}

	@Test
	void reportAndSsFormsOfOneSocketAreEqual() {
		assertThat(BoundSocket.of("::", 8080, false)).isEqualTo(BoundSocket.fromSs("*:8080"));
		assertThat(BoundSocket.of("fe80::c0:ffee%bs1s", 8080, false))
			.isEqualTo(BoundSocket.fromSs("[fe80::c0:ffee]%bs1s:8080"));
	}

	@Test
	void canonicalAddressCompressesLongestZeroRunOnce() {
		assertThat(BoundSocket.canonicalAddress("2001:0db8:0001:0000:0000:0000:0000:0001")).isEqualTo("2001:db8:1::1");
		assertThat(BoundSocket.canonicalAddress("2001:db8:0:0:1:0:0:0")).isEqualTo("2001:db8:0:0:1::");
		assertThat(BoundSocket.canonicalAddress("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
		assertThat(BoundSocket.canonicalAddress("0:0:0:0:0:0:0:0")).isEqualTo("::");
	}

	@Test
	void canonicalAddressDropsZoneOfGlobalAddress() {
		assertThat(BoundSocket.canonicalAddress("2001:db8:1::1%eth0")).isEqualTo("2001:db8:1::1");
	}

	@Test
	void withoutZoneStripsLinkLocalZone() {
		assertThat(BoundSocket.withoutZone("fe80::1%eth0")).isEqualTo("fe80::1");
		assertThat(BoundSocket.withoutZone("198.51.100.1")).isEqualTo("198.51.100.1");
	}

	@Test
	void canonicalAddressRejectsNamesInsteadOfResolvingThem() {
		assertThatIllegalArgumentException().isThrownBy(() -> BoundSocket.canonicalAddress("localhost"));
		assertThatIllegalArgumentException().isThrownBy(() -> BoundSocket.canonicalAddress("beef"));
	}

}
