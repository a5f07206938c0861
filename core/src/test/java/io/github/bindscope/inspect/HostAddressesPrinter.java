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

/**
 * Prints this host's addresses as {@link HostAddresses#system()} lists them, one a line:
 * the address as text, its interface and its scope, separated by tabs. Run by
 * {@link HostAddressesKernelTests} inside a test host of its own, since a process lists
 * the interfaces of its own network namespace.
 */
public final class HostAddressesPrinter {

	private HostAddressesPrinter() {
	}

	public static void main(String[] args) {
		for (HostAddress address : HostAddresses.system().addresses()) {
			System.out.println(address.text() + "\t" + address.interfaceName() + "\t" + address.scope());
		}
	}

}
