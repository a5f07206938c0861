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

import org.jspecify.annotations.Nullable;

/**
 * A JDWP debug agent that listens for debuggers, as the JVM's arguments start it.
 *
 * @param address the address option as written, such as {@code *:5005} or {@code 0}
 * @param bindAddress the address the agent binds: loopback when the option names no host
 * (the default since Java 9), the wildcard for {@code *}, or {@code null} for a host name
 * that is not resolved here
 * @param port the port, or {@code 0} when the agent picks one when it starts
 * @since 0.1.0
 */
public record JdwpAgent(String address, @Nullable InetAddress bindAddress, int port) {

	/**
	 * Whether the agent listens on a port it picks when it starts, which its arguments do
	 * not tell.
	 * @return {@code true} for an ephemeral port
	 */
	public boolean ephemeralPort() {
		return this.port == 0;
	}

}
