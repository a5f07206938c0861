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

package io.github.bindscope.report;

import java.net.InetAddress;

import org.jspecify.annotations.Nullable;

import io.github.bindscope.inspect.AddressScope;
import io.github.bindscope.inspect.InetAddresses;
import io.github.bindscope.inspect.PrintableText;
import io.github.bindscope.inspect.ProbeResult;

/**
 * One concrete address on which a listener accepts connections.
 * <p>
 * A class rather than a record because the contract names a field {@code interface}.
 *
 * @since 0.1.0
 */
public final class ListenerAddress {

	private final InetAddress inetAddress;

	private final String address;

	private final @Nullable String interfaceName;

	private final AddressScope scope;

	private final @Nullable String url;

	private final ProbeResult probe;

	/**
	 * Create a new {@link ListenerAddress}.
	 * @param address the address
	 * @param interfaceName the interface that holds it, or {@code null} if not known
	 * @param scope its scope
	 * @param url the URL that reaches the listener on this address, or {@code null} for a
	 * listener that does not speak HTTP
	 * @param probe the result of connecting to it
	 */
	public ListenerAddress(InetAddress address, @Nullable String interfaceName, AddressScope scope,
			@Nullable String url, ProbeResult probe) {
		this(address, InetAddresses.toText(address), interfaceName, scope, url, probe);
	}

	// The text is given when it is at hand, so that it is not worked out again.
	ListenerAddress(InetAddress address, String text, @Nullable String interfaceName, AddressScope scope,
			@Nullable String url, ProbeResult probe) {
		this.inetAddress = address;
		this.address = text;
		this.interfaceName = interfaceName;
		this.scope = scope;
		this.url = url;
		this.probe = probe;
	}

	public String getAddress() {
		return this.address;
	}

	public @Nullable String getInterface() {
		return this.interfaceName;
	}

	public AddressScope getScope() {
		return this.scope;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public ProbeResult getProbe() {
		return this.probe;
	}

	/**
	 * Return the address itself, with its zone for link-local IPv6.
	 * @return the address
	 */
	InetAddress inetAddress() {
		return this.inetAddress;
	}

	/**
	 * Return a copy of this address with the given probe result.
	 * @param probe the probe result
	 * @return the copy
	 */
	ListenerAddress withProbe(ProbeResult probe) {
		return new ListenerAddress(this.inetAddress, this.address, this.interfaceName, this.scope, this.url, probe);
	}

	@Override
	public String toString() {
		String name = (this.interfaceName != null) ? PrintableText.of(this.interfaceName) : null;
		return this.address + " (" + name + ", " + this.scope + ")";
	}

}
