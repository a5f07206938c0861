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

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.bindscope.inspect.AddressScope;
import io.github.bindscope.inspect.HostAddress;
import org.jspecify.annotations.Nullable;

/**
 * The rules that turn listeners into findings.
 */
final class FindingRules {

	private FindingRules() {
	}

	static void addFindings(@Nullable Reachability verdict, List<Listener> listeners, List<HostAddress> hosts,
			RunContext context, List<Finding> findings) {
		if (verdict == Reachability.LOCAL_ONLY) {
			findings.add(loopbackOnly(listeners, hosts, context));
		}
	}

	private static Finding loopbackOnly(List<Listener> listeners, List<HostAddress> hosts, RunContext context) {
		List<Listener> main = listeners.stream().filter(BindingsInspector::isMainServer).toList();
		Listener first = main.get(0);
		String bound = main.stream()
			.map((listener) -> hostAndPort(listener.address(), listener.port()))
			.distinct()
			.collect(Collectors.joining(", "));
		StringBuilder message = new StringBuilder();
		message.append("The ").append((first.server() != null) ? first.server() + " " : "");
		message.append("server listens on ").append(bound).append(" only, so it can be reached from this host alone");
		message.append(" (").append(describeProfiles(context.activeProfiles()));
		if (context.addressOrigin() != null) {
			message.append("; server.address set in ").append(context.addressOrigin());
		}
		message.append(").");
		StringBuilder action = new StringBuilder();
		action.append("To accept connections from other hosts, set server.address=0.0.0.0 (every interface; ");
		action.append("the JVM accepts IPv6 on it too), server.address=::");
		Set<String> ownAddresses = ownAddresses(hosts);
		if (ownAddresses.isEmpty()) {
			action.append(" (this host has no non-loopback address up right now)");
		}
		else {
			action.append(", or one of this host's own addresses: ").append(String.join(", ", ownAddresses));
		}
		action.append(". If only local access is intended, run with a dev profile (")
			.append(String.join(", ", context.devProfiles()))
			.append(").");
		Severity severity = context.devProfile() ? Severity.INFO : Severity.WARN;
		return new Finding(severity, FindingCode.LOOPBACK_ONLY, first.id(), message.toString(), action.toString());
	}

	static String describeProfiles(List<String> activeProfiles) {
		return activeProfiles.isEmpty() ? "no active profile" : "active profiles: " + String.join(", ", activeProfiles);
	}

	private static Set<String> ownAddresses(List<HostAddress> hosts) {
		Set<String> addresses = new LinkedHashSet<>();
		for (HostAddress host : hosts) {
			if (host.scope() != AddressScope.LOOPBACK) {
				addresses.add(host.text() + " (" + host.interfaceName() + ")");
			}
		}
		return addresses;
	}

	private static String hostAndPort(String address, int port) {
		return (address.indexOf(':') >= 0) ? "[" + address + "]:" + port : address + ":" + port;
	}

}
