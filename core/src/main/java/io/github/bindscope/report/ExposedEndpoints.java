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

/**
 * The Actuator endpoints a web server serves over HTTP, as the application exposes them
 * and its security guards them: the facts behind {@link FindingCode#ACTUATOR_EXPOSED}.
 * <p>
 * Two sets name the endpoints that matter. {@link #SENSITIVE} holds every endpoint whose
 * response reveals secrets or the application's internals, or whose operations change or
 * stop it: exposed without a guard on a listener that other hosts reach, they make the
 * finding. {@link #FAILING_STRICT_MODE} holds those of them that leak secrets (the
 * environment, the configuration, the heap, the threads, the log) or control the
 * application (stop or restart it, change its log levels, end its users' sessions, run
 * its jobs): with one of these the finding also fails startup in strict mode. Endpoints
 * meant to be read by monitoring over the network ({@code health}, {@code info},
 * {@code metrics}, {@code prometheus}, and Bindscope's own {@code bindings}) are in
 * neither.
 *
 * @param role the role of the listeners that serve them: {@link Listener#SERVER} when
 * they are served on the main server's port (its extra connectors included),
 * {@link Listener#MANAGEMENT} when a management server serves them on a port of its own
 * @param path the path they are served under on those listeners, context path included,
 * such as {@code /actuator}
 * @param endpoints the ids of the endpoints exposed over HTTP, in Actuator's order
 * @param guarded the ids of those that the application's security refuses to an anonymous
 * {@code GET} request
 * @since 0.1.0
 */
public record ExposedEndpoints(String role, String path, List<String> endpoints, Set<String> guarded) {

	/**
	 * The endpoints that leak secrets or control the application: exposed to other hosts
	 * without a guard, they fail strict mode.
	 */
	public static final Set<String> FAILING_STRICT_MODE = Set.of("env", "configprops", "heapdump", "threaddump",
			"logfile", "shutdown", "loggers", "sessions", "quartz", "jolokia", "restart", "pause", "resume", "refresh",
			"busrefresh", "busenv", "gateway", "serviceregistry");

	/**
	 * The endpoints that reveal secrets or the application's internals, or control it:
	 * {@link #FAILING_STRICT_MODE} and those that describe the application's inside (its
	 * beans, request mappings, auto-configuration conditions, dependencies, recorded
	 * requests, audit events, scheduled tasks, caches, database migrations, integration
	 * graph and startup steps).
	 */
	public static final Set<String> SENSITIVE = union(FAILING_STRICT_MODE,
			Set.of("beans", "mappings", "conditions", "sbom", "httpexchanges", "auditevents", "scheduledtasks",
					"caches", "flyway", "liquibase", "integrationgraph", "startup"));

	/**
	 * Create a new {@link ExposedEndpoints}.
	 * @param role the role of the listeners that serve them
	 * @param path the path they are served under, context path included
	 * @param endpoints the ids of the endpoints exposed over HTTP
	 * @param guarded the ids of those that an anonymous request is refused
	 */
	public ExposedEndpoints {
		endpoints = List.copyOf(endpoints);
		guarded = Set.copyOf(guarded);
	}

	/**
	 * Return the {@link #SENSITIVE sensitive} endpoints that anyone who connects may
	 * read.
	 * @return their ids, in Actuator's order
	 */
	public List<String> unguardedSensitive() {
		return this.endpoints.stream()
			.filter((endpoint) -> SENSITIVE.contains(endpoint) && !this.guarded.contains(endpoint))
			.toList();
	}

	private static Set<String> union(Set<String> first, Set<String> second) {
		Set<String> union = new LinkedHashSet<>(first);
		union.addAll(second);
		return Set.copyOf(union);
	}

}
