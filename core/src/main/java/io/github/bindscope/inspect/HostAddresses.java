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
import java.util.List;
import java.util.Map;

/**
 * The addresses of this host's interfaces that are up. Implementations other than
 * {@link #system()} exist so that tests and benchmarks can supply an interface list.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface HostAddresses {

	/**
	 * Return the addresses of the interfaces that are up, loopback included.
	 * @return the addresses
	 * @throws HostAddressesException if the interfaces cannot be listed
	 */
	List<HostAddress> addresses();

	/**
	 * Return the addresses of this host, read from the operating system.
	 * @return the host addresses of this machine
	 */
	static HostAddresses system() {
		return new SystemHostAddresses();
	}

	/**
	 * Return the addresses of the given interfaces, classified and ordered exactly as
	 * {@link #system()} does with the operating system's, for tests and benchmarks that
	 * need an interface table of their own.
	 * @param interfaces the addresses of each interface that is up, by interface name
	 * @return host addresses that classify the given table on every call
	 * @since 0.1.0
	 */
	static HostAddresses of(Map<String, List<InetAddress>> interfaces) {
		Map<String, List<InetAddress>> table = Map.copyOf(interfaces);
		return new SystemHostAddresses(() -> table);
	}

}
