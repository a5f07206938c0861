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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Probes real sockets on loopback. Timeouts need dropped packets, which the network
 * namespace tests arrange.
 */
class AddressProberTests {

	private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

	@Test
	void listeningPortIsOpenAndClosedPortIsRefused() throws IOException {
		try (ServerSocket open = new ServerSocket(0, 50, LOOPBACK)) {
			int closedPort = closedPort();
			InetSocketAddress openTarget = new InetSocketAddress(LOOPBACK, open.getLocalPort());
			InetSocketAddress closedTarget = new InetSocketAddress(LOOPBACK, closedPort);
			Map<InetSocketAddress, ProbeResult> results = new AddressProber(Duration.ofSeconds(2))
				.probe(List.of(openTarget, closedTarget));
			assertThat(results).containsExactly(Map.entry(openTarget, ProbeResult.OPEN),
					Map.entry(closedTarget, ProbeResult.REFUSED));
		}
	}

	@Test
	void manyTargetsAreAllAnsweredBeforeTheTimeout() throws IOException {
		try (ServerSocket open = new ServerSocket(0, 200, address(127, 0, 0, 1))) {
			List<InetSocketAddress> targets = IntStream.rangeClosed(1, 100)
				.mapToObj((i) -> new InetSocketAddress(address(127, 0, 0, i), open.getLocalPort()))
				.toList();
			// Answers come long before a 60s deadline; a probe that waited for it would
			// hang the test.
			assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
				Map<InetSocketAddress, ProbeResult> results = new AddressProber(Duration.ofSeconds(60)).probe(targets);
				assertThat(results).containsOnlyKeys(targets);
				assertThat(results.get(targets.get(0))).isEqualTo(ProbeResult.OPEN);
				assertThat(results.values().stream().skip(1)).containsOnly(ProbeResult.REFUSED);
			});
		}
	}

	@Test
	void nonPositiveTimeoutIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AddressProber(Duration.ZERO))
			.withMessageContaining("positive");
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
			return socket.getLocalPort();
		}
	}

	private static InetAddress address(int a, int b, int c, int d) {
		try {
			return InetAddress.getByAddress(new byte[] { (byte) a, (byte) b, (byte) c, (byte) d });
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
