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

import io.github.bindscope.inspect.InetAddresses;
import io.github.bindscope.inspect.ProbeResult;
import io.github.bindscope.inspect.PublicAddress;

/**
 * A public address through which clients on the internet reach a listener: an address the
 * cloud translates to one the listener accepts, as the cloud's instance metadata service
 * tells it.
 *
 * @since 0.1.0
 */
public final class ListenerPublicAddress {

	private final PublicAddress publicAddress;

	private final @Nullable String url;

	private final ProbeResult probe;

	/**
	 * Create a new {@link ListenerPublicAddress}.
	 * @param publicAddress the public address and the address it is translated to
	 * @param url the URL that reaches the listener through the public address, or
	 * {@code null} for a listener that does not speak HTTP
	 * @param probe the result of connecting to the public address from this host
	 */
	public ListenerPublicAddress(PublicAddress publicAddress, @Nullable String url, ProbeResult probe) {
		this.publicAddress = publicAddress;
		this.url = url;
		this.probe = probe;
	}

	public String getAddress() {
		return InetAddresses.toText(this.publicAddress.address());
	}

	public String getPrivateAddress() {
		return InetAddresses.toText(this.publicAddress.privateAddress());
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public ProbeResult getProbe() {
		return this.probe;
	}

	/**
	 * Return the public address with the address it is translated to.
	 * @return the public address
	 */
	public PublicAddress publicAddress() {
		return this.publicAddress;
	}

	InetAddress inetAddress() {
		return this.publicAddress.address();
	}

	ListenerPublicAddress withProbe(ProbeResult probe) {
		return new ListenerPublicAddress(this.publicAddress, this.url, probe);
	}

	@Override
	public String toString() {
		return this.publicAddress + " (" + this.probe + ")";
	}

}
