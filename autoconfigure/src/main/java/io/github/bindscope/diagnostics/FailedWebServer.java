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

package io.github.bindscope.diagnostics;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The web server of an application that failed to start: the main server, or the
 * management server when it runs on its own port.
 * <p>
 * Told apart by the {@code local.server.port} and {@code local.management.port}
 * properties, which Spring Boot sets once each server has started: the main server starts
 * first, so while it has no local port it is the one that failed.
 */
enum FailedWebServer {

	/**
	 * The main web server.
	 */
	MAIN("server", "local.server.port", "web server"),

	/**
	 * The management server on its own port.
	 */
	MANAGEMENT("management.server", "local.management.port", "management server");

	private static final String MANAGEMENT_PORT_TYPE = "org.springframework.boot.actuate.autoconfigure.web.server."
			+ "ManagementPortType";

	private final String prefix;

	private final String localPortProperty;

	private final String description;

	FailedWebServer(String prefix, String localPortProperty, String description) {
		this.prefix = prefix;
		this.localPortProperty = localPortProperty;
		this.description = description;
	}

	/**
	 * Return the property of this server with the given name.
	 * @param name the name after the prefix, such as {@code address}
	 * @return the property, such as {@code management.server.address}
	 */
	String property(String name) {
		return this.prefix + "." + name;
	}

	/**
	 * Return the server as a reader calls it.
	 * @return {@code web server} or {@code management server}
	 */
	String description() {
		return this.description;
	}

	/**
	 * Return the server that has not started, if the failure can be one of a server's.
	 * @param environment the environment of the application that failed
	 * @return the main server if it has not started, else the management server if it
	 * runs on its own port and has not started, else {@code null}
	 */
	static @Nullable FailedWebServer of(Environment environment) {
		if (!environment.containsProperty(MAIN.localPortProperty)) {
			return MAIN;
		}
		if (managementServerRunsSeparately(environment)
				&& !environment.containsProperty(MANAGEMENT.localPortProperty)) {
			return MANAGEMENT;
		}
		return null;
	}

	private static boolean managementServerRunsSeparately(Environment environment) {
		if (!ClassUtils.isPresent(MANAGEMENT_PORT_TYPE, FailedWebServer.class.getClassLoader())) {
			return false;
		}
		try {
			return Actuator.managementServerRunsSeparately(environment);
		}
		catch (RuntimeException ex) {
			// A port that is not a number: Boot's own binding failure explains it.
			return false;
		}
	}

	/**
	 * Keeps the optional Actuator classes out of {@link FailedWebServer}'s own linking.
	 */
	private static final class Actuator {

		static boolean managementServerRunsSeparately(Environment environment) {
			return ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
		}

	}

	/**
	 * {@link RuntimeHintsRegistrar} for the class that {@link FailedWebServer} looks up
	 * by name.
	 */
	static class FailedWebServerRuntimeHints implements RuntimeHintsRegistrar {

		@Override
		public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
			// A native image finds a class by name only if it is registered: without this
			// hint a management server that failed to start would be taken for the main
			// server. The type alone is enough, as no member of it is used reflectively.
			hints.reflection().registerTypeIfPresent(classLoader, MANAGEMENT_PORT_TYPE);
		}

	}

}
