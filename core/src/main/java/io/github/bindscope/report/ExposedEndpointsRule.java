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

import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The rule behind {@link FindingCode#ACTUATOR_EXPOSED}: sensitive Actuator endpoints
 * served without a guard on a listener that other hosts reach.
 */
final class ExposedEndpointsRule {

	private static final String MONITORING_ONLY = "health";

	private ExposedEndpointsRule() {
	}

	/**
	 * Return the finding for the Actuator endpoints the context describes, if they are
	 * served, unguarded, beyond this host.
	 * @param listeners every listener of the report
	 * @param context the run context, with the endpoints served over HTTP
	 * @return the finding, or {@code null} when there is nothing to tell
	 */
	static @Nullable Finding finding(List<Listener> listeners, RunContext context) {
		ExposedEndpoints exposed = context.exposedEndpoints();
		if (exposed == null) {
			return null;
		}
		List<String> unguarded = exposed.unguardedSensitive();
		if (unguarded.isEmpty()) {
			return null;
		}
		Listener listener = listeners.stream()
			.filter((candidate) -> serves(candidate, exposed.role()))
			.filter((candidate) -> candidate.reachability() != Reachability.LOCAL_ONLY)
			.max(Comparator.comparing(Listener::reachability))
			.orElse(null);
		if (listener == null) {
			return null;
		}
		List<String> leaking = unguarded.stream().filter(ExposedEndpoints.FAILING_STRICT_MODE::contains).toList();
		List<String> revealing = unguarded.stream().filter((endpoint) -> !leaking.contains(endpoint)).toList();
		StringBuilder message = new StringBuilder();
		message.append("Actuator endpoints under ").append(exposed.path()).append(" are served by ");
		message.append((listener.server() != null) ? "the " + listener.server() + " " : "the ");
		message.append(Listener.MANAGEMENT.equals(listener.role()) ? "management server" : "server");
		message.append(" (").append(listener.id()).append(") to anyone who can connect to ");
		message.append(FindingRules.describeListener(listener)).append(": ");
		if (!leaking.isEmpty()) {
			message.append(String.join(", ", leaking))
				.append((leaking.size() == 1) ? " leaks secrets or controls" : " leak secrets or control")
				.append(" the application");
			message.append(revealing.isEmpty() ? "" : "; ");
		}
		if (!revealing.isEmpty()) {
			message.append(String.join(", ", revealing))
				.append((revealing.size() == 1) ? " reveals" : " reveal")
				.append(" its internals");
		}
		message.append(". No security rule refuses them to a request without credentials");
		PropertyOrigin include = context.origin(RunContext.WEB_EXPOSURE_INCLUDE);
		if (include != null) {
			message.append(" (")
				.append(RunContext.setIn(RunContext.WEB_EXPOSURE_INCLUDE, include.describe()))
				.append(')');
		}
		message.append('.');
		List<String> guarded = exposed.endpoints()
			.stream()
			.filter((endpoint) -> ExposedEndpoints.SENSITIVE.contains(endpoint) && exposed.guarded().contains(endpoint))
			.toList();
		if (!guarded.isEmpty()) {
			message.append(" Security rules guard ").append(String.join(", ", guarded)).append('.');
		}
		return new Finding(Severity.WARN, FindingCode.ACTUATOR_EXPOSED, listener.id(), message.toString(),
				action(listener, exposed, context), !leaking.isEmpty());
	}

	private static boolean serves(Listener listener, String role) {
		return Listener.MANAGEMENT.equals(role) ? Listener.MANAGEMENT.equals(listener.role()) : listener.isMainServer();
	}

	private static String action(Listener listener, ExposedEndpoints exposed, RunContext context) {
		StringBuilder action = new StringBuilder();
		if (Listener.MANAGEMENT.equals(exposed.role())) {
			action.append("Bind the management server to loopback (management.server.address=127.0.0.1) and reach ");
			action.append("it through an SSH tunnel or your platform's port forwarding");
		}
		else {
			action.append("Serve Actuator on a management port of its own bound to loopback (management.server.port=");
			action.append(managementPort(listener.port())).append(" with management.server.address=127.0.0.1) ");
			action.append("and reach it through an SSH tunnel or your platform's port forwarding");
		}
		String include = String.join(",",
				exposed.endpoints()
					.stream()
					.filter((endpoint) -> !ExposedEndpoints.SENSITIVE.contains(endpoint))
					.toList());
		include = include.isEmpty() ? MONITORING_ONLY : include;
		action.append("; expose only what monitoring needs (").append(RunContext.WEB_EXPOSURE_INCLUDE).append('=');
		action.append(include).append("); or require authentication for them with Spring Security (a ");
		action.append("SecurityFilterChain whose rules refuse anonymous requests to EndpointRequest.toAnyEndpoint()).");
		if (Listener.MANAGEMENT.equals(exposed.role())) {
			action.append(FindingRules.change(context, RunContext.MANAGEMENT_SERVER_ADDRESS, "127.0.0.1"));
		}
		action.append(FindingRules.change(context, RunContext.WEB_EXPOSURE_INCLUDE, include));
		return action.toString();
	}

	// A port for the management server beside the main one; 8081 when the main server's
	// is picked at startup or the last there is.
	private static int managementPort(int port) {
		return (port > 0 && port < 65535) ? port + 1 : 8081;
	}

}
