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

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.github.bindscope.inspect.HostEnvironment;
import io.github.bindscope.inspect.JdwpAgent;
import io.github.bindscope.inspect.PublicAddressLookup;

/**
 * What the report needs to know about the running application besides its sockets.
 *
 * @param activeProfiles the active profiles
 * @param devProfile whether one of them is a dev profile (or DevTools restart is active)
 * @param devProfiles the profiles that count as dev profiles
 * @param origins where the properties Bindscope may tell to change were set
 * ({@code server.address}, {@code management.server.address},
 * {@code management.endpoints.web.exposure.include}), by property; a property that is not
 * set, or whose origin is unknown, is absent
 * @param portRoles the roles of sockets known by their port, such as {@code jdwp}
 * @param environment where this process runs: container, Kubernetes, WSL, remote session
 * @param jdwpAgent the JDWP debug agent the JVM's arguments start, or {@code null}
 * @param exposedEndpoints the Actuator endpoints served over HTTP and whether they are
 * guarded, or {@code null} where there are none or they cannot be judged yet
 * @param publicAddresses what the cloud's instance metadata service said about this
 * machine's public addresses, or {@code null} where it was not asked
 * @since 0.1.0
 */
public record RunContext(List<String> activeProfiles, boolean devProfile, Set<String> devProfiles,
		Map<String, PropertyOrigin> origins, Map<Integer, String> portRoles, HostEnvironment environment,
		@Nullable JdwpAgent jdwpAgent, @Nullable ExposedEndpoints exposedEndpoints,
		@Nullable PublicAddressLookup publicAddresses) {

	/**
	 * The property that sets the main server's address.
	 */
	public static final String SERVER_ADDRESS = "server.address";

	/**
	 * The property that sets the management server's address.
	 */
	public static final String MANAGEMENT_SERVER_ADDRESS = "management.server.address";

	/**
	 * The property that lists the Actuator endpoints exposed over HTTP.
	 */
	public static final String WEB_EXPOSURE_INCLUDE = "management.endpoints.web.exposure.include";

	/**
	 * Create a new {@link RunContext}.
	 * @param activeProfiles the active profiles
	 * @param devProfile whether one of them is a dev profile (or DevTools restart is
	 * active)
	 * @param devProfiles the profiles that count as dev profiles
	 * @param origins where properties were set, by property
	 * @param portRoles the roles of sockets known by their port
	 * @param environment where this process runs
	 * @param jdwpAgent the JDWP debug agent the JVM's arguments start, or {@code null}
	 * @param exposedEndpoints the Actuator endpoints served over HTTP, or {@code null}
	 * @param publicAddresses what the cloud's instance metadata service said, or
	 * {@code null} where it was not asked
	 */
	public RunContext {
		origins = Map.copyOf(origins);
	}

	/**
	 * Create a new {@link RunContext} without Actuator endpoints served over HTTP.
	 * @param activeProfiles the active profiles
	 * @param devProfile whether one of them is a dev profile (or DevTools restart is
	 * active)
	 * @param devProfiles the profiles that count as dev profiles
	 * @param origins where properties were set, by property
	 * @param portRoles the roles of sockets known by their port
	 * @param environment where this process runs
	 * @param jdwpAgent the JDWP debug agent the JVM's arguments start, or {@code null}
	 */
	public RunContext(List<String> activeProfiles, boolean devProfile, Set<String> devProfiles,
			Map<String, PropertyOrigin> origins, Map<Integer, String> portRoles, HostEnvironment environment,
			@Nullable JdwpAgent jdwpAgent) {
		this(activeProfiles, devProfile, devProfiles, origins, portRoles, environment, jdwpAgent, null, null);
	}

	/**
	 * Create a new {@link RunContext} without a JDWP agent.
	 * @param activeProfiles the active profiles
	 * @param devProfile whether one of them is a dev profile
	 * @param devProfiles the profiles that count as dev profiles
	 * @param origins where properties were set, by property
	 * @param portRoles the roles of sockets known by their port
	 * @param environment where this process runs
	 */
	public RunContext(List<String> activeProfiles, boolean devProfile, Set<String> devProfiles,
			Map<String, PropertyOrigin> origins, Map<Integer, String> portRoles, HostEnvironment environment) {
		this(activeProfiles, devProfile, devProfiles, origins, portRoles, environment, null);
	}

	/**
	 * Create a new {@link RunContext} in an environment that was not detected.
	 * @param activeProfiles the active profiles
	 * @param devProfile whether one of them is a dev profile
	 * @param devProfiles the profiles that count as dev profiles
	 * @param origins where properties were set, by property
	 * @param portRoles the roles of sockets known by their port
	 */
	public RunContext(List<String> activeProfiles, boolean devProfile, Set<String> devProfiles,
			Map<String, PropertyOrigin> origins, Map<Integer, String> portRoles) {
		this(activeProfiles, devProfile, devProfiles, origins, portRoles, HostEnvironment.undetected());
	}

	/**
	 * Create a new {@link RunContext} without known port roles, in an environment that
	 * was not detected.
	 * @param activeProfiles the active profiles
	 * @param devProfile whether one of them is a dev profile
	 * @param devProfiles the profiles that count as dev profiles
	 * @param origins where properties were set, by property
	 */
	public RunContext(List<String> activeProfiles, boolean devProfile, Set<String> devProfiles,
			Map<String, PropertyOrigin> origins) {
		this(activeProfiles, devProfile, devProfiles, origins, Map.of());
	}

	/**
	 * Return this run context with the given Actuator endpoints served over HTTP.
	 * @param exposedEndpoints the endpoints, or {@code null} where there are none or they
	 * cannot be judged yet
	 * @return the run context
	 */
	public RunContext withExposedEndpoints(@Nullable ExposedEndpoints exposedEndpoints) {
		return new RunContext(this.activeProfiles, this.devProfile, this.devProfiles, this.origins, this.portRoles,
				this.environment, this.jdwpAgent, exposedEndpoints, this.publicAddresses);
	}

	/**
	 * Return this run context with what the cloud's instance metadata service said.
	 * @param publicAddresses the lookup's result, or {@code null} where it was not asked
	 * @return the run context
	 */
	public RunContext withPublicAddresses(@Nullable PublicAddressLookup publicAddresses) {
		return new RunContext(this.activeProfiles, this.devProfile, this.devProfiles, this.origins, this.portRoles,
				this.environment, this.jdwpAgent, this.exposedEndpoints, publicAddresses);
	}

	/**
	 * Return where a property was set.
	 * @param property the property, such as {@code server.address}
	 * @return where it was set, or {@code null} if it is not set or its origin is unknown
	 */
	public @Nullable PropertyOrigin origin(String property) {
		return this.origins.get(property);
	}

	/**
	 * Name a property with where it was set, in the words every finding uses:
	 * {@code server.address set in application-prod.properties:3}.
	 * @param property the property, such as {@code server.address}
	 * @param origin where it was set
	 * @return the property and its origin
	 */
	public static String setIn(String property, String origin) {
		return property + " set in " + origin;
	}

	/**
	 * Name a property's value with where it was set, in the words every failure analysis
	 * uses: {@code server.port=70000 (set in application.properties:2)}.
	 * @param property the property, such as {@code server.port}
	 * @param value its value
	 * @param origin where it was set, or {@code null} when that is unknown
	 * @return the property, its value and, when known, its origin
	 */
	public static String setting(String property, Object value, @Nullable String origin) {
		return property + "=" + value + ((origin != null) ? " (set in " + origin + ")" : "");
	}

}
