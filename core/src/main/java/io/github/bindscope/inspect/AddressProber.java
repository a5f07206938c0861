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
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Connects to addresses of this host and says which ones accept.
 * <p>
 * At most 16 connections are in flight at once, each started as another one is answered,
 * so that the probes do not overflow the accept queue of the server they test: a full
 * queue drops new connections silently, and they would look like timeouts. The whole
 * probe ends when its timeout runs out, however many addresses there are: no connection
 * is started after the deadline, an address tried but not answered by then is a
 * {@link ProbeResult#TIMEOUT}, and one never tried is {@link ProbeResult#SKIPPED}.
 * <p>
 * A connection to an address of this host is answered within microseconds unless its
 * first packet was dropped, which the operating system resends only a second later. A
 * connection unanswered after 20 ms is therefore closed, its place given to the next
 * address, and its address tried again later with a new connection, after a pause that
 * doubles at each attempt up to a second. A queue that was full for a moment, because its
 * server accepts slowly, then does not turn into a timeout, and an address whose packets
 * a firewall drops costs a few attempts, not a place in the window for the whole probe.
 * <p>
 * Every connection and the selector are closed before {@link #probe} returns, whatever
 * happens, and no thread is started. Callers must only pass addresses of this host; a
 * probe is a real TCP connection.
 *
 * @since 0.1.0
 */
public final class AddressProber {

	/**
	 * The shortest timeout accepted: below it the probing thread is scheduled too late on
	 * a busy host to see answers that did come, and open addresses would be reported as
	 * timeouts.
	 */
	public static final Duration MIN_TIMEOUT = Duration.ofMillis(10);

	/**
	 * The longest timeout accepted: a probe runs while the application starts, which it
	 * must not hold up for longer.
	 */
	public static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);

	/**
	 * How many connections are in flight at once: well below the smallest accept queue
	 * Java servers get by default (50 for {@code ServerSocket} and Jetty, 100 for
	 * Tomcat), so that the probes alone do not fill it.
	 */
	static final int WINDOW = 16;

	/**
	 * How long a connection may go unanswered before it is taken for dropped.
	 */
	static final long ANSWER_WITHIN_MILLIS = 20;

	private static final long ANSWER_WITHIN_NANOS = TimeUnit.MILLISECONDS.toNanos(ANSWER_WITHIN_MILLIS);

	private static final long MAX_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final Duration timeout;

	private final SelectorProvider provider;

	/**
	 * Create a new {@link AddressProber}.
	 * @param timeout how long the whole probe may take, from {@link #MIN_TIMEOUT} to
	 * {@link #MAX_TIMEOUT}
	 * @throws IllegalArgumentException if the timeout is out of that range
	 */
	public AddressProber(Duration timeout) {
		this(timeout, SelectorProvider.provider());
	}

	AddressProber(Duration timeout, SelectorProvider provider) {
		Objects.requireNonNull(timeout, "'timeout' must not be null");
		if (!isAcceptedTimeout(timeout)) {
			throw new IllegalArgumentException("Probe timeout must be from " + MIN_TIMEOUT + " to " + MAX_TIMEOUT
					+ " (such as PT0.25S), but was " + timeout);
		}
		this.timeout = timeout;
		this.provider = provider;
	}

	/**
	 * Whether the given timeout is in the range a prober accepts.
	 * @param timeout the timeout
	 * @return whether it is from {@link #MIN_TIMEOUT} to {@link #MAX_TIMEOUT}
	 */
	public static boolean isAcceptedTimeout(Duration timeout) {
		return timeout.compareTo(MIN_TIMEOUT) >= 0 && timeout.compareTo(MAX_TIMEOUT) <= 0;
	}

	/**
	 * Return the timeout of a whole probe.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * Connect to every target, a few at a time, and close each connection as soon as it
	 * is made. The probe itself never fails: a target that could not be probed, because
	 * its address cannot be connected to from here or because the probe failed, is
	 * {@link ProbeResult#SKIPPED}.
	 * @param targets the addresses to connect to, all of this host
	 * @return the result for each target, in the order given
	 */
	public Map<InetSocketAddress, ProbeResult> probe(Collection<InetSocketAddress> targets) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		Map<InetSocketAddress, ProbeResult> results = new LinkedHashMap<>();
		for (InetSocketAddress target : targets) {
			results.put(target, ProbeResult.SKIPPED);
		}
		if (results.isEmpty()) {
			return results;
		}
		Selector selector;
		try {
			selector = this.provider.openSelector();
		}
		catch (IOException | RuntimeException ex) {
			return results;
		}
		Probe probe = new Probe(selector, results);
		try {
			probe.run(deadline);
		}
		catch (IOException | RuntimeException ex) {
			// The selector failed (the failure of one target never gets here): what was
			// not answered yet could not be probed.
			results.replaceAll((target, result) -> (result == ProbeResult.TIMEOUT) ? ProbeResult.SKIPPED : result);
		}
		finally {
			probe.closeAll();
			close(selector);
		}
		return results;
	}

	private static long earlier(long nanoTime, long otherNanoTime) {
		return (nanoTime - otherNanoTime < 0) ? nanoTime : otherNanoTime;
	}

	private static void close(Channel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// Nothing more to do for a probe connection.
		}
	}

	private static void close(Selector selector) {
		try {
			selector.close();
		}
		catch (IOException ex) {
			// Nothing more to do: its keys are cancelled and its channels closed.
		}
	}

	/**
	 * One run of {@link #probe}: the targets never tried, in order, the targets to try
	 * again, by when, and the connections in flight.
	 */
	private final class Probe {

		private final Selector selector;

		private final Map<InetSocketAddress, ProbeResult> results;

		private final Deque<Target> untried = new ArrayDeque<>();

		private final PriorityQueue<Target> toRetry = new PriorityQueue<>(
				Comparator.comparingLong((Target target) -> target.notBefore));

		private final List<Attempt> inFlight = new ArrayList<>(WINDOW);

		Probe(Selector selector, Map<InetSocketAddress, ProbeResult> results) {
			this.selector = selector;
			this.results = results;
			for (InetSocketAddress address : results.keySet()) {
				this.untried.add(new Target(address));
			}
		}

		void run(long deadline) throws IOException {
			// Each pass starts connections, or waits in select for an answer, a
			// connection to give up on, a retry or the deadline, so the deadline bounds
			// the loop.
			while (!(this.untried.isEmpty() && this.toRetry.isEmpty() && this.inFlight.isEmpty())
					&& System.nanoTime() - deadline < 0) {
				if (Thread.currentThread().isInterrupted()) {
					// select would return at once, again and again: give up, and leave
					// the interrupt to the caller.
					throw new InterruptedIOException();
				}
				startConnections(deadline);
				long wait = nextEvent(deadline) - System.nanoTime();
				if (wait > 0) {
					// Rounded up: select(0) would wait forever.
					this.selector.select(TimeUnit.NANOSECONDS.toMillis(wait + 999_999));
				}
				for (SelectionKey key : this.selector.selectedKeys()) {
					finish((Attempt) key.attachment());
				}
				this.selector.selectedKeys().clear();
				giveUpUnanswered();
			}
		}

		private void startConnections(long deadline) throws IOException {
			while (this.inFlight.size() < WINDOW && System.nanoTime() - deadline < 0) {
				Target target = nextTarget();
				if (target == null) {
					return;
				}
				start(target);
			}
		}

		private @Nullable Target nextTarget() {
			Target untried = this.untried.poll();
			if (untried != null) {
				return untried;
			}
			Target retry = this.toRetry.peek();
			return (retry != null && System.nanoTime() - retry.notBefore >= 0) ? this.toRetry.poll() : null;
		}

		private long nextEvent(long deadline) {
			long next = deadline;
			for (Attempt attempt : this.inFlight) {
				next = earlier(next, attempt.startNanos + ANSWER_WITHIN_NANOS);
			}
			Target retry = this.toRetry.peek();
			if (retry != null && this.inFlight.size() < WINDOW) {
				next = earlier(next, retry.notBefore);
			}
			return next;
		}

		private void start(Target target) throws IOException {
			SocketChannel channel;
			try {
				channel = AddressProber.this.provider.openSocketChannel();
			}
			catch (IOException | RuntimeException ex) {
				// No descriptor left, for example: this attempt was not made.
				return;
			}
			Attempt attempt = new Attempt(target, channel, System.nanoTime());
			// From here on the channel is closed whatever happens.
			this.inFlight.add(attempt);
			target.attempts++;
			try {
				channel.configureBlocking(false);
			}
			catch (IOException ex) {
				done(attempt, ProbeResult.SKIPPED);
				return;
			}
			try {
				if (channel.connect(target.address)) {
					done(attempt, ProbeResult.OPEN);
					return;
				}
			}
			catch (IOException ex) {
				done(attempt, ProbeResult.REFUSED);
				return;
			}
			catch (RuntimeException ex) {
				// An address this channel cannot connect to (unresolved, of an
				// unsupported type) or a connection that is not permitted: this target
				// cannot be probed, the others still can.
				done(attempt, ProbeResult.SKIPPED);
				return;
			}
			this.results.put(target.address, ProbeResult.TIMEOUT);
			channel.register(this.selector, SelectionKey.OP_CONNECT, attempt);
		}

		private void finish(Attempt attempt) {
			try {
				if (attempt.channel.finishConnect()) {
					done(attempt, ProbeResult.OPEN);
				}
			}
			catch (IOException ex) {
				done(attempt, ProbeResult.REFUSED);
			}
		}

		private void done(Attempt attempt, ProbeResult result) {
			this.results.put(attempt.target.address, result);
			this.inFlight.remove(attempt);
			close(attempt.channel);
		}

		private void giveUpUnanswered() {
			long now = System.nanoTime();
			for (Attempt attempt : List.copyOf(this.inFlight)) {
				if (now - attempt.startNanos >= ANSWER_WITHIN_NANOS) {
					// On a busy host this thread may run long after select returned, and
					// the answer may have come meanwhile: ask the connection itself
					// first.
					finish(attempt);
					if (!this.inFlight.contains(attempt)) {
						continue;
					}
					// A TIMEOUT unless a later attempt is answered.
					this.inFlight.remove(attempt);
					close(attempt.channel);
					long pause = Math.min(ANSWER_WITHIN_NANOS << Math.min(attempt.target.attempts - 1, 16),
							MAX_PAUSE_NANOS);
					attempt.target.notBefore = now + pause;
					this.toRetry.add(attempt.target);
				}
			}
		}

		void closeAll() {
			for (Attempt attempt : this.inFlight) {
				close(attempt.channel);
			}
			this.inFlight.clear();
		}

	}

	private static final class Target {

		private final InetSocketAddress address;

		private int attempts;

		private long notBefore;

		Target(InetSocketAddress address) {
			this.address = address;
		}

	}

	private record Attempt(Target target, SocketChannel channel, long startNanos) {

	}

}
