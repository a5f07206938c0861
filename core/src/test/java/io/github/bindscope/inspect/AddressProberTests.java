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
import java.net.ProtocolFamily;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.AbstractSelector;
import java.nio.channels.spi.SelectorProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Probes real sockets on loopback only. Many distinct targets are made of distinct
 * loopback addresses on one port, which needs Linux: it routes all of 127.0.0.0/8 to the
 * loopback interface, where a socket bound to the IPv4 wildcard accepts them all.
 * Timeouts are made by filling a server's accept queue, which makes the kernel drop new
 * connections; the network namespace tests drop packets with a firewall instead.
 */
class AddressProberTests {

	private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

	private static final InetAddress IPV4_WILDCARD = address(0, 0, 0, 0);

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

	// Answers come long before the probe's 60s deadline; a probe that waited for it would
	// hang the test, which fails after 30s instead.
	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void manyTargetsAreAllAnsweredBeforeTheTimeout() throws IOException {
		try (ServerSocket open = new ServerSocket(0, 200, address(127, 0, 0, 1))) {
			List<InetSocketAddress> targets = IntStream.rangeClosed(1, 100)
				.mapToObj((i) -> new InetSocketAddress(address(127, 0, 0, i), open.getLocalPort()))
				.toList();
			Map<InetSocketAddress, ProbeResult> results = new AddressProber(Duration.ofSeconds(60)).probe(targets);
			assertThat(results).containsOnlyKeys(targets);
			assertThat(results.get(targets.get(0))).isEqualTo(ProbeResult.OPEN);
			assertThat(results.values().stream().skip(1)).containsOnly(ProbeResult.REFUSED);
		}
	}

	@Test
	void slowServerWithSmallAcceptQueueIsOpenOnEveryOneOfManyAddresses() throws Exception {
		assumeLinux();
		// Connections made all at once overflow an accept queue of 8 at once: the
		// kernel drops the overflow and resends it only a second later.
		try (TestServer server = TestServer.acceptingSlowly(8)) {
			List<InetSocketAddress> targets = loopbackTargets(600, server.port());
			RecordingSelectorProvider provider = new RecordingSelectorProvider(-1);
			Map<InetSocketAddress, ProbeResult> results = new AddressProber(Duration.ofSeconds(30), provider)
				.probe(targets);
			assertThat(results.keySet()).containsExactlyElementsOf(targets);
			assertThat(results.values()).containsOnly(ProbeResult.OPEN);
			assertThat(provider.mostOpenAtOnce).isPositive().isLessThanOrEqualTo(16);
		}
	}

	@Test
	void serverThatAcceptsButNeverAnswersIsOpen() throws Exception {
		assumeLinux();
		try (TestServer server = TestServer.acceptingAndHolding()) {
			List<InetSocketAddress> targets = loopbackTargets(3, server.port());
			Map<InetSocketAddress, ProbeResult> results = new AddressProber(Duration.ofSeconds(5)).probe(targets);
			assertThat(results).containsExactly(Map.entry(targets.get(0), ProbeResult.OPEN),
					Map.entry(targets.get(1), ProbeResult.OPEN), Map.entry(targets.get(2), ProbeResult.OPEN));
		}
	}

	@Test
	void addressesNotTriedBeforeTheTimeoutAreSkippedAndUnansweredOnesTimeOut() throws Exception {
		assumeLinux();
		try (TestServer server = TestServer.withFullAcceptQueue()) {
			List<InetSocketAddress> targets = loopbackTargets(200, server.port());
			// Shorter than the 20 ms a connection is waited for: each of the 16 places in
			// the window is used once.
			Duration timeout = Duration.ofMillis(15);
			List<ProbeResult> results = List.copyOf(new AddressProber(timeout).probe(targets).values());
			long timeouts = results.stream().takeWhile((result) -> result == ProbeResult.TIMEOUT).count();
			assertThat(timeouts).isBetween(1L, 16L);
			assertThat(results.subList((int) timeouts, results.size())).hasSize(200 - (int) timeouts)
				.containsOnly(ProbeResult.SKIPPED);
		}
	}

	@Test
	void selectorThatCannotBeOpenedLeavesEveryTargetSkippedAndOpensNothing() throws IOException {
		try (ServerSocket open = new ServerSocket(0, 50, LOOPBACK)) {
			RecordingSelectorProvider provider = new RecordingSelectorProvider(-1) {

				@Override
				public AbstractSelector openSelector() throws IOException {
					throw new IOException("Too many open files");
				}

			};
			InetSocketAddress target = new InetSocketAddress(LOOPBACK, open.getLocalPort());
			Map<InetSocketAddress, ProbeResult> results = new AddressProber(Duration.ofSeconds(2), provider)
				.probe(List.of(target));
			assertThat(results).containsExactly(Map.entry(target, ProbeResult.SKIPPED));
			assertThat(provider.channels).isEmpty();
		}
	}

	@Test
	void selectorThatFailsDuringTheProbeLeavesNoChannelOrThreadBehind() throws Exception {
		assumeLinux();
		try (TestServer server = TestServer.withFullAcceptQueue()) {
			List<InetSocketAddress> targets = loopbackTargets(40, server.port());
			// Warm up, so that class loading leaves nothing open during the count.
			new AddressProber(Duration.ofMillis(20)).probe(targets.subList(0, 1));
			List<String> descriptorsBefore = socketDescriptors();
			Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
			// Closes the selector when the fifth channel opens: connections to a full
			// queue are pending, so registering or selecting fails next.
			RecordingSelectorProvider provider = new RecordingSelectorProvider(5);
			Map<InetSocketAddress, ProbeResult> results = new AddressProber(Duration.ofSeconds(5), provider)
				.probe(targets);
			assertThat(provider.selectorClosed).isTrue();
			assertThat(provider.channels).hasSizeGreaterThanOrEqualTo(5)
				.allSatisfy((channel) -> assertThat(channel.isOpen()).isFalse());
			assertThat(results.keySet()).containsExactlyElementsOf(targets);
			assertThat(results.values()).containsOnly(ProbeResult.SKIPPED);
			assertThat(socketDescriptors()).isEqualTo(descriptorsBefore);
			assertThat(threadsStartedSince(threadsBefore)).isEmpty();
		}
	}

	@Test
	void targetThatCannotBeConnectedToIsSkippedAndLeavesNoChannelBehind() throws Exception {
		assumeLinux();
		try (ServerSocket open = new ServerSocket(0, 50, LOOPBACK)) {
			InetSocketAddress openTarget = new InetSocketAddress(LOOPBACK, open.getLocalPort());
			// connect throws UnresolvedAddressException, a RuntimeException; nothing is
			// looked up.
			InetSocketAddress unresolved = InetSocketAddress.createUnresolved("localhost", open.getLocalPort());
			InetSocketAddress closedTarget = new InetSocketAddress(LOOPBACK, closedPort());
			new AddressProber(Duration.ofMillis(20)).probe(List.of(openTarget));
			List<String> descriptorsBefore = socketDescriptors();
			RecordingSelectorProvider provider = new RecordingSelectorProvider(-1);
			Map<InetSocketAddress, ProbeResult> results = new AddressProber(Duration.ofSeconds(2), provider)
				.probe(List.of(openTarget, unresolved, closedTarget));
			assertThat(results).containsExactly(Map.entry(openTarget, ProbeResult.OPEN),
					Map.entry(unresolved, ProbeResult.SKIPPED), Map.entry(closedTarget, ProbeResult.REFUSED));
			assertThat(provider.channels).hasSize(3).allSatisfy((channel) -> assertThat(channel.isOpen()).isFalse());
			assertThat(socketDescriptors()).isEqualTo(descriptorsBefore);
		}
	}

	@Test
	void interruptedThreadProbesNothingAndKeepsItsInterrupt() throws IOException {
		try (ServerSocket open = new ServerSocket(0, 50, LOOPBACK)) {
			InetSocketAddress target = new InetSocketAddress(LOOPBACK, open.getLocalPort());
			Thread.currentThread().interrupt();
			Map<InetSocketAddress, ProbeResult> results;
			try {
				results = new AddressProber(Duration.ofSeconds(30)).probe(List.of(target));
			}
			finally {
				assertThat(Thread.interrupted()).isTrue();
			}
			assertThat(results).containsExactly(Map.entry(target, ProbeResult.SKIPPED));
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "PT0S", "PT-1S", "PT0.000000001S", "PT0.009S", "PT1M0.001S", "PT23999976H" })
	void timeoutOutsideOfTenMillisecondsToOneMinuteIsRejected(String timeout) {
		assertThatIllegalArgumentException().isThrownBy(() -> new AddressProber(Duration.parse(timeout)))
			.withMessage("Probe timeout must be from PT0.01S to PT1M (such as PT0.25S), but was " + timeout);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "PT0.01S", "PT0.25S", "PT1M" })
	void timeoutFromTenMillisecondsToOneMinuteIsAccepted(String timeout) {
		assertThatNoException().isThrownBy(() -> new AddressProber(Duration.parse(timeout)));
	}

	private static void assumeLinux() {
		assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"),
				"Needs Linux, which routes all of 127.0.0.0/8 to loopback and lists descriptors in /proc/self/fd");
	}

	/**
	 * Return distinct loopback addresses 127.0.y.x on one port.
	 */
	private static List<InetSocketAddress> loopbackTargets(int count, int port) {
		return IntStream.range(0, count)
			.mapToObj((i) -> new InetSocketAddress(address(127, 0, i / 254, i % 254 + 1), port))
			.toList();
	}

	/**
	 * Return what the sockets, selectors and pipes of this process point to, sorted.
	 * Class loading opens jar files, never these.
	 */
	private static List<String> socketDescriptors() throws IOException {
		Path descriptors = Path.of("/proc/self/fd");
		assumeTrue(Files.isDirectory(descriptors), "Needs /proc/self/fd to count open descriptors");
		List<String> targets = new ArrayList<>();
		try (Stream<Path> list = Files.list(descriptors)) {
			for (Path descriptor : list.toList()) {
				try {
					targets.add(Files.readSymbolicLink(descriptor).toString());
				}
				catch (IOException ex) {
					// The listing's own descriptor, closed by now.
				}
			}
		}
		return targets.stream()
			.filter((target) -> target.startsWith("socket:") || target.startsWith("anon_inode:")
					|| target.startsWith("pipe:"))
			.sorted()
			.toList();
	}

	private static Set<Thread> threadsStartedSince(Set<Thread> before) {
		Set<Thread> started = new HashSet<>(Thread.getAllStackTraces().keySet());
		started.removeAll(before);
		started.removeIf((thread) -> !thread.isAlive());
		return started;
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

	/**
	 * A server on the IPv4 wildcard, so that every loopback address reaches it.
	 */
	private static final class TestServer implements AutoCloseable {

		private static final Duration MAX_LIFETIME = Duration.ofSeconds(60);

		private final ServerSocket socket;

		private final List<Socket> held = new CopyOnWriteArrayList<>();

		private final List<Socket> clients = new ArrayList<>();

		private final Thread acceptor;

		private TestServer(int backlog, long pauseMillis, boolean hold, boolean accept) throws IOException {
			this.socket = new ServerSocket();
			this.socket.bind(new InetSocketAddress(IPV4_WILDCARD, 0), backlog);
			this.socket.setSoTimeout(100);
			this.acceptor = new Thread(() -> accept(pauseMillis, hold), "slow-acceptor");
			if (accept) {
				this.acceptor.start();
			}
		}

		/**
		 * A server that takes a connection off its queue every millisecond or so.
		 */
		static TestServer acceptingSlowly(int backlog) throws IOException {
			return new TestServer(backlog, 1, false, true);
		}

		/**
		 * A server that accepts connections and keeps them open without a word.
		 */
		static TestServer acceptingAndHolding() throws IOException {
			return new TestServer(50, 0, true, true);
		}

		/**
		 * A server that never accepts and whose queue is full, so that the kernel drops
		 * every new connection to it.
		 */
		static TestServer withFullAcceptQueue() throws IOException {
			TestServer server = new TestServer(1, 0, false, false);
			// Linux queues one more connection than the backlog.
			for (int i = 0; i < 10; i++) {
				Socket client = new Socket();
				server.clients.add(client);
				try {
					client.connect(new InetSocketAddress(LOOPBACK, server.port()), 500);
				}
				catch (SocketTimeoutException ex) {
					return server;
				}
			}
			server.close();
			throw new IllegalStateException("The accept queue of the test server never filled");
		}

		int port() {
			return this.socket.getLocalPort();
		}

		private void accept(long pauseMillis, boolean hold) {
			long deadline = System.nanoTime() + MAX_LIFETIME.toNanos();
			while (!this.socket.isClosed() && System.nanoTime() < deadline) {
				try {
					Socket accepted = this.socket.accept();
					if (hold) {
						this.held.add(accepted);
					}
					else {
						accepted.close();
					}
					if (pauseMillis > 0) {
						Thread.sleep(pauseMillis);
					}
				}
				catch (SocketTimeoutException ex) {
					// Look at the deadline again.
				}
				catch (IOException ex) {
					return;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
			try {
				this.acceptor.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			for (Socket socket : this.held) {
				socket.close();
			}
			for (Socket client : this.clients) {
				client.close();
			}
		}

	}

	/**
	 * Opens real selectors and channels and remembers every channel it opened; when told
	 * to, closes the selector as the given channel opens, as if the selector had failed.
	 */
	private static class RecordingSelectorProvider extends SelectorProvider {

		private final SelectorProvider delegate = SelectorProvider.provider();

		private final int closeSelectorAtChannel;

		final List<SocketChannel> channels = new ArrayList<>();

		int mostOpenAtOnce;

		private AbstractSelector selector;

		boolean selectorClosed;

		RecordingSelectorProvider(int closeSelectorAtChannel) {
			this.closeSelectorAtChannel = closeSelectorAtChannel;
		}

		@Override
		public AbstractSelector openSelector() throws IOException {
			this.selector = this.delegate.openSelector();
			return this.selector;
		}

		@Override
		public SocketChannel openSocketChannel() throws IOException {
			SocketChannel channel = this.delegate.openSocketChannel();
			this.channels.add(channel);
			int open = (int) this.channels.stream().filter(SocketChannel::isOpen).count();
			this.mostOpenAtOnce = Math.max(this.mostOpenAtOnce, open);
			if (this.channels.size() == this.closeSelectorAtChannel) {
				this.selector.close();
				this.selectorClosed = true;
			}
			return channel;
		}

		@Override
		public DatagramChannel openDatagramChannel() throws IOException {
			return this.delegate.openDatagramChannel();
		}

		@Override
		public DatagramChannel openDatagramChannel(ProtocolFamily family) throws IOException {
			return this.delegate.openDatagramChannel(family);
		}

		@Override
		public Pipe openPipe() throws IOException {
			return this.delegate.openPipe();
		}

		@Override
		public ServerSocketChannel openServerSocketChannel() throws IOException {
			return this.delegate.openServerSocketChannel();
		}

	}

}
