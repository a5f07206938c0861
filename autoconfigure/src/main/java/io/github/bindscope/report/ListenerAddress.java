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

import io.github.bindscope.inspect.AddressScope;
import org.jspecify.annotations.Nullable;

/**
 * One concrete address on which a listener accepts connections.
 * <p>
 * A class rather than a record because the contract names a field {@code interface}.
 *
 * @since 0.1.0
 */
public final class ListenerAddress {

	private final String address;

	private final @Nullable String interfaceName;

	private final AddressScope scope;

	private final @Nullable String url;

	private final Probe probe;

	/**
	 * Create a new {@link ListenerAddress}.
	 * @param address the address as text
	 * @param interfaceName the interface that holds it, or {@code null} if not known
	 * @param scope its scope
	 * @param url the URL that reaches the listener on this address, or {@code null} for a
	 * listener that does not speak HTTP
	 * @param probe the result of connecting to it
	 */
	public ListenerAddress(String address, @Nullable String interfaceName, AddressScope scope, @Nullable String url,
			Probe probe) {
		this.address = address;
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

	public Probe getProbe() {
		return this.probe;
	}

	@Override
	public String toString() {
		return this.address + " (" + this.interfaceName + ", " + this.scope + ")";
	}

}
