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
import java.net.UnknownHostException;
import java.util.List;

/**
 * What the name {@code localhost} resolves to on this host, usually from the hosts file.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Localhost {

	/**
	 * Return the addresses {@code localhost} resolves to, in the resolver's order.
	 * @return the addresses, empty if it does not resolve
	 */
	List<InetAddress> addresses();

	/**
	 * Return the system's resolution of {@code localhost}.
	 * @return the system's localhost
	 */
	static Localhost system() {
		return () -> {
			try {
				return List.of(InetAddress.getAllByName("localhost"));
			}
			catch (UnknownHostException ex) {
				return List.of();
			}
		};
	}

}
