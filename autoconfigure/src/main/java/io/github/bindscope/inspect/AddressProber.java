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
import java.net.InetSocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnsupportedAddressTypeException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Connects to addresses of this host, all at once, and says which ones accept. The whole
 * probe never takes longer than its timeout, however many addresses there are: the
 * connections are non-blocking and share one selector, and whatever has not answered at
 * the deadline is a {@link ProbeResult#TIMEOUT}.
 * <p>
 * Callers must only pass addresses of this host; a probe is a real TCP connection.
 *
 * @since 0.1.0
 */
public final class AddressProber {

	private final Duration timeout;

	/**
	 * Create a new {@link AddressProber}.
	 * @param timeout how long the whole probe may take
	 */
	public AddressProber(Duration timeout) {
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("Probe timeout must be positive, but was " + timeout);
		}
		this.timeout = timeout;
	}

	/**
	 * Return the timeout of a whole probe.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * Connect to every target in parallel and close each connection as soon as it is
	 * made.
	 * @param targets the addresses to connect to, all of this host
	 * @return the result for each target, in the order given
	 */
	public Map<InetSocketAddress, ProbeResult> probe(Collection<InetSocketAddress> targets) {
		Map<InetSocketAddress, ProbeResult> results = new LinkedHashMap<>();
		long deadline = System.nanoTime() + this.timeout.toNanos();
		try (Selector selector = Selector.open()) {
			int pending = 0;
			for (InetSocketAddress target : targets) {
				ProbeResult result = connect(selector, target);
				results.put(target, result);
				pending += (result == ProbeResult.TIMEOUT) ? 1 : 0;
			}
			// Cancelled keys stay in keys() until the next select, so count what is
			// pending.
			while (pending > 0) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					break;
				}
				selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
				for (SelectionKey key : selector.selectedKeys()) {
					results.put((InetSocketAddress) key.attachment(), finish(key));
					pending--;
				}
				selector.selectedKeys().clear();
			}
			for (SelectionKey key : selector.keys()) {
				close(key.channel());
			}
		}
		catch (IOException ex) {
			// The selector itself failed; what was not answered counts as not answered.
		}
		return results;
	}

	private ProbeResult connect(Selector selector, InetSocketAddress target) {
		SocketChannel channel = null;
		try {
			channel = SocketChannel.open();
			channel.configureBlocking(false);
			if (channel.connect(target)) {
				close(channel);
				return ProbeResult.OPEN;
			}
			channel.register(selector, SelectionKey.OP_CONNECT, target);
			return ProbeResult.TIMEOUT;
		}
		catch (UnsupportedAddressTypeException ex) {
			close(channel);
			return ProbeResult.SKIPPED;
		}
		catch (IOException ex) {
			close(channel);
			return ProbeResult.REFUSED;
		}
	}

	private ProbeResult finish(SelectionKey key) {
		SocketChannel channel = (SocketChannel) key.channel();
		try {
			return channel.finishConnect() ? ProbeResult.OPEN : ProbeResult.TIMEOUT;
		}
		catch (IOException ex) {
			return ProbeResult.REFUSED;
		}
		finally {
			key.cancel();
			close(channel);
		}
	}

	private static void close(@Nullable Channel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				// Nothing more to do for a probe connection.
			}
		}
	}

}
