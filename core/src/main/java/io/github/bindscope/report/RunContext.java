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
 * @param addressOrigin where {@code server.address} was set, such as
 * {@code application-prod.properties:3}, or {@code null} if it was not set
 * @param portRoles the roles of sockets known by their port, such as {@code jdwp}
 * @param environment where this process runs: container, Kubernetes, WSL, remote session
 * @param jdwpAgent the JDWP debug agent the JVM's arguments start, or {@code null}
 * @param publicAddresses what the cloud's instance metadata service said about this
 * machine's public addresses, or {@code null} where it was not asked
 * @since 0.1.0
 */
public record RunContext(List<String> activeProfiles, boolean devProfile, Set<String> devProfiles,
		@Nullable String addressOrigin, Map<Integer, String> portRoles, HostEnvironment environment,
		@Nullable JdwpAgent jdwpAgent, @Nullable PublicAddressLookup publicAddresses) {

	/**
	 * Create a new {@link RunContext} whose cloud's metadata service was not asked.
	 * @param activeProfiles the active profiles
	 * @param devProfile whether one of them is a dev profile
	 * @param devProfiles the profiles that count as dev profiles
	 * @param addressOrigin where {@code server.address} was set, or {@code null}
	 * @param portRoles the roles of sockets known by their port
	 * @param environment where this process runs
	 * @param jdwpAgent the JDWP debug agent the JVM's arguments start, or {@code null}
	 */
	public RunContext(List<String> activeProfiles, boolean devProfile, Set<String> devProfiles,
			@Nullable String addressOrigin, Map<Integer, String> portRoles, HostEnvironment environment,
			@Nullable JdwpAgent jdwpAgent) {
		this(activeProfiles, devProfile, devProfiles, addressOrigin, portRoles, environment, jdwpAgent, null);
	}

	/**
	 * Create a new {@link RunContext} without a JDWP agent.
	 * @param activeProfiles the active profiles
	 * @param devProfile whether one of them is a dev profile
	 * @param devProfiles the profiles that count as dev profiles
	 * @param addressOrigin where {@code server.address} was set, or {@code null}
	 * @param portRoles the roles of sockets known by their port
	 * @param environment where this process runs
	 */
	public RunContext(List<String> activeProfiles, boolean devProfile, Set<String> devProfiles,
			@Nullable String addressOrigin, Map<Integer, String> portRoles, HostEnvironment environment) {
		this(activeProfiles, devProfile, devProfiles, addressOrigin, portRoles, environment, null);
	}

	/**
	 * Create a new {@link RunContext} in an environment that was not detected.
	 * @param activeProfiles the active profiles
	 * @param devProfile whether one of them is a dev profile
	 * @param devProfiles the profiles that count as dev profiles
	 * @param addressOrigin where {@code server.address} was set, or {@code null}
	 * @param portRoles the roles of sockets known by their port
	 */
	public RunContext(List<String> activeProfiles, boolean devProfile, Set<String> devProfiles,
			@Nullable String addressOrigin, Map<Integer, String> portRoles) {
		this(activeProfiles, devProfile, devProfiles, addressOrigin, portRoles, HostEnvironment.undetected());
	}

	/**
	 * Create a new {@link RunContext} without known port roles, in an environment that
	 * was not detected.
	 * @param activeProfiles the active profiles
	 * @param devProfile whether one of them is a dev profile
	 * @param devProfiles the profiles that count as dev profiles
	 * @param addressOrigin where {@code server.address} was set, or {@code null}
	 */
	public RunContext(List<String> activeProfiles, boolean devProfile, Set<String> devProfiles,
			@Nullable String addressOrigin) {
		this(activeProfiles, devProfile, devProfiles, addressOrigin, Map.of());
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
