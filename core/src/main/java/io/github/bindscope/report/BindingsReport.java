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

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.bindscope.inspect.HostEnvironment;
import io.github.bindscope.inspect.PublicAddressLookup;

/**
 * Who can reach this application: every listening socket, its reachability, and what is
 * worth fixing.
 *
 * @param verdict the main web server's reachability, widest of its listeners, or
 * {@code null} before it has started
 * @param devProfile whether a dev profile is active
 * @param activeProfiles the active profiles
 * @param environment where this process runs: container, Kubernetes, WSL, remote session
 * @param listeners the listening sockets
 * @param findings what is worth telling
 * @param publicAddresses what the cloud's instance metadata service said about this
 * machine's public addresses, or {@code null} where it was not asked
 * @since 0.1.0
 */
public record BindingsReport(@Nullable Reachability verdict, boolean devProfile, List<String> activeProfiles,
		HostEnvironment environment, List<Listener> listeners, List<Finding> findings,
		@Nullable PublicAddressLookup publicAddresses) {

	/**
	 * Create a new {@link BindingsReport} whose cloud's metadata service was not asked.
	 * @param verdict the main web server's reachability, or {@code null}
	 * @param devProfile whether a dev profile is active
	 * @param activeProfiles the active profiles
	 * @param environment where this process runs
	 * @param listeners the listening sockets
	 * @param findings what is worth telling
	 */
	public BindingsReport(@Nullable Reachability verdict, boolean devProfile, List<String> activeProfiles,
			HostEnvironment environment, List<Listener> listeners, List<Finding> findings) {
		this(verdict, devProfile, activeProfiles, environment, listeners, findings, null);
	}

	/**
	 * Create a new {@link BindingsReport} in an environment that was not detected.
	 * @param verdict the main web server's reachability, or {@code null}
	 * @param devProfile whether a dev profile is active
	 * @param activeProfiles the active profiles
	 * @param listeners the listening sockets
	 * @param findings what is worth telling
	 */
	public BindingsReport(@Nullable Reachability verdict, boolean devProfile, List<String> activeProfiles,
			List<Listener> listeners, List<Finding> findings) {
		this(verdict, devProfile, activeProfiles, HostEnvironment.undetected(), listeners, findings);
	}

	/**
	 * Return the URLs the main web server answers on: the URL of each address its
	 * listeners accept connections on, as the endpoint writes it, in the report's order.
	 * @return the URLs, empty before the main server has started
	 */
	public List<String> mainServerUrls() {
		List<String> urls = new ArrayList<>();
		for (Listener listener : this.listeners) {
			if (listener.isMainServer()) {
				for (ListenerAddress address : listener.addresses()) {
					String url = address.getUrl();
					if (url != null && !urls.contains(url)) {
						urls.add(url);
					}
				}
			}
		}
		return List.copyOf(urls);
	}

}
