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

import java.net.InetAddress;
import java.util.Objects;

/**
 * A public address of this machine as its cloud's instance metadata service tells it,
 * with the private address the cloud delivers its traffic to.
 *
 * @param address the public address that clients on the internet connect to
 * @param privateAddress the address of this machine that the cloud translates it to (1:1
 * NAT); the public address itself where the cloud puts it on the machine's interface
 * @since 0.1.0
 */
public record PublicAddress(InetAddress address, InetAddress privateAddress) {

	/**
	 * Create a new {@link PublicAddress}.
	 * @param address the public address
	 * @param privateAddress the address it is translated to
	 */
	public PublicAddress {
		Objects.requireNonNull(address, "'address' must not be null");
		Objects.requireNonNull(privateAddress, "'privateAddress' must not be null");
	}

	/**
	 * Whether the cloud translates this address to another one of this machine.
	 * @return {@code false} where the public address is on this machine's interface
	 */
	public boolean translated() {
		return !this.address.equals(this.privateAddress);
	}

	@Override
	public String toString() {
		return InetAddresses.toText(this.address)
				+ (translated() ? " (translated to " + InetAddresses.toText(this.privateAddress) + ")" : "");
	}

}
