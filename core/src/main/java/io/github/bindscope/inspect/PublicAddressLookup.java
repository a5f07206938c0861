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

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a cloud's instance metadata service said about this machine's public addresses.
 *
 * @param provider the {@link CloudProvider#id() identifier} of the cloud that was asked
 * @param addresses the public addresses it reported, none where it reported none or the
 * lookup failed
 * @param failure why the lookup failed, as a phrase that completes "the lookup failed:",
 * or {@code null} if it succeeded
 * @param millis how long the lookup took, in milliseconds
 * @since 0.1.0
 */
public record PublicAddressLookup(String provider, List<PublicAddress> addresses, @Nullable String failure,
		long millis) {

	/**
	 * Create a new {@link PublicAddressLookup}.
	 * @param provider the identifier of the cloud that was asked
	 * @param addresses the public addresses it reported
	 * @param failure why the lookup failed, or {@code null}
	 * @param millis how long the lookup took
	 */
	public PublicAddressLookup {
		Objects.requireNonNull(provider, "'provider' must not be null");
		addresses = List.copyOf(addresses);
	}

	/**
	 * Return a lookup that found the given addresses.
	 * @param provider the provider that was asked
	 * @param addresses the public addresses, possibly none
	 * @param millis how long the lookup took
	 * @return the lookup
	 */
	public static PublicAddressLookup found(CloudProvider provider, List<PublicAddress> addresses, long millis) {
		return new PublicAddressLookup(provider.id(), addresses, null, millis);
	}

	/**
	 * Return a lookup that failed.
	 * @param provider the provider that was asked
	 * @param failure why it failed, a phrase that completes "the lookup failed:"
	 * @param millis how long the lookup took
	 * @return the lookup
	 */
	public static PublicAddressLookup failed(CloudProvider provider, String failure, long millis) {
		return new PublicAddressLookup(provider.id(), List.of(), failure, millis);
	}

	/**
	 * Whether the metadata service answered.
	 * @return {@code true} unless the lookup failed
	 */
	public boolean succeeded() {
		return this.failure == null;
	}

	/**
	 * Return the provider that was asked.
	 * @return the provider, or {@code null} for an identifier Bindscope does not know
	 */
	public @Nullable CloudProvider cloudProvider() {
		return CloudProvider.of(this.provider);
	}

}
