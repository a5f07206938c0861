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
package io.github.bindscope.autoconfigure;

import java.net.InetAddress;
import java.util.List;
import java.util.stream.Collectors;

import io.github.bindscope.inspect.HostAddress;
import io.github.bindscope.inspect.HostAddresses;
import io.github.bindscope.inspect.HostAddressesException;
import io.github.bindscope.inspect.InetAddresses;
import io.github.bindscope.inspect.PrintableText;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.WebServerException;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Explains a web server that failed to start because {@code server.address} (or
 * {@code management.server.address}) is not an address of this host, which the operating
 * system reports only as "Cannot assign requested address".
 * <p>
 * Ordered first so that it wins over the servers' generic "failed to start" analyses.
 */
class AddressNotOnHostFailureAnalyzer extends AbstractFailureAnalyzer<WebServerException> implements Ordered {

	private static final List<String> PROPERTIES = List.of("server.address", "management.server.address");

	private final Environment environment;

	private final HostAddresses hostAddresses;

	AddressNotOnHostFailureAnalyzer(Environment environment) {
		this.environment = environment;
		this.hostAddresses = HostAddresses.system();
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, WebServerException cause) {
		List<HostAddress> hosts;
		try {
			hosts = this.hostAddresses.addresses();
		}
		catch (HostAddressesException ex) {
			return null;
		}
		for (String property : PROPERTIES) {
			InetAddress address = address(property);
			if (address != null && !address.isAnyLocalAddress() && HostAddress.find(hosts, address) == null) {
				return analysis(property, address, hosts, cause);
			}
		}
		return null;
	}

	private FailureAnalysis analysis(String property, InetAddress address, List<HostAddress> hosts,
			WebServerException cause) {
		String origin = (property.equals("server.address"))
				? EnvironmentRunContext.serverAddressOrigin(this.environment) : null;
		String description = "The web server could not bind to " + property + "=" + InetAddresses.toText(address)
				+ ((origin != null) ? " (set in " + origin + ")" : "")
				+ " because it is not an address of this host (the operating system answers 'Cannot assign "
				+ "requested address').";
		String ownAddresses = hosts.stream()
			.map((host) -> host.text() + " (" + PrintableText.of(host.interfaceName()) + ")")
			.distinct()
			.collect(Collectors.joining(", "));
		String action = "Set " + property + " to one of this host's addresses: "
				+ (ownAddresses.isEmpty() ? "(none found)" : ownAddresses)
				+ "; or to 0.0.0.0 to listen on all of them. "
				+ "Inside a container or VM, the outer machine's address is not an address of this host.";
		return new FailureAnalysis(description, action, cause);
	}

	private @Nullable InetAddress address(String property) {
		try {
			return this.environment.getProperty(property, InetAddress.class);
		}
		catch (RuntimeException ex) {
			// Not convertible: Boot's own binding failure explains that better.
			return null;
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
