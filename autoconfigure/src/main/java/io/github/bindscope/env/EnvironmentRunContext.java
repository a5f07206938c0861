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

package io.github.bindscope.env;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin.Location;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

import io.github.bindscope.inspect.HostEnvironment;
import io.github.bindscope.inspect.JvmArguments;
import io.github.bindscope.inspect.PublicAddressLookup;
import io.github.bindscope.report.Listener;
import io.github.bindscope.report.PropertyOrigin;
import io.github.bindscope.report.RunContext;

/**
 * Reads a {@link RunContext} from Spring's {@link Environment}.
 */
public final class EnvironmentRunContext {

	/**
	 * Name of the property source DevTools adds when it is active.
	 */
	private static final String DEVTOOLS_PROPERTY_SOURCE = "devtools";

	private static final String LIVE_RELOAD_SERVER = "org.springframework.boot.devtools.livereload.LiveReloadServer";

	private static final String GRPC_SERVER = "io.grpc.Server";

	// The JVM's arguments never change, so read them once.
	private static final Supplier<List<String>> JVM_ARGUMENTS = SingletonSupplier
		.of(() -> ManagementFactory.getRuntimeMXBean().getInputArguments());

	// Nor do the classes on the class path. Looking up one that is missing searches every
	// jar and throws, which took more time than the rest of a report.
	private static final Supplier<Boolean> LIVE_RELOAD_PRESENT = SingletonSupplier
		.of(() -> ClassUtils.isPresent(LIVE_RELOAD_SERVER, EnvironmentRunContext.class.getClassLoader()));

	private static final Supplier<Boolean> GRPC_PRESENT = SingletonSupplier
		.of(() -> ClassUtils.isPresent(GRPC_SERVER, EnvironmentRunContext.class.getClassLoader()));

	private EnvironmentRunContext() {
	}

	/**
	 * Read the run context of a report.
	 * @param environment the environment
	 * @param devProfiles the profiles under which local-only access is intended, in any
	 * case
	 * @param hostEnvironment where this process runs
	 * @return the run context
	 */
	public static RunContext of(Environment environment, Collection<String> devProfiles,
			HostEnvironment hostEnvironment) {
		return of(environment, devProfiles, hostEnvironment, null);
	}

	/**
	 * Read the run context of a report on a machine whose public addresses were looked
	 * up.
	 * @param environment the environment
	 * @param devProfiles the profiles under which local-only access is intended, in any
	 * case
	 * @param hostEnvironment where this process runs
	 * @param publicAddresses what the cloud's instance metadata service said, or
	 * {@code null} where it was not asked
	 * @return the run context
	 */
	public static RunContext of(Environment environment, Collection<String> devProfiles,
			HostEnvironment hostEnvironment, @Nullable PublicAddressLookup publicAddresses) {
		List<String> activeProfiles = List.of(environment.getActiveProfiles());
		Set<String> lowerCaseDevProfiles = devProfiles.stream()
			.map((profile) -> profile.toLowerCase(Locale.ROOT))
			.collect(Collectors.toCollection(LinkedHashSet::new));
		boolean devProfile = activeProfiles.stream()
			.anyMatch((profile) -> lowerCaseDevProfiles.contains(profile.toLowerCase(Locale.ROOT)))
				|| devToolsActive(environment);
		return new RunContext(activeProfiles, devProfile, lowerCaseDevProfiles, origins(environment),
				portRoles(environment), hostEnvironment, JvmArguments.jdwpAgent(JVM_ARGUMENTS.get()), null,
				publicAddresses);
	}

	/**
	 * Return the roles of the sockets this JVM may listen on that are known by their
	 * port. Web server connectors are attributed separately, from the servers themselves.
	 * @param environment the environment
	 * @return the role of each known port, by port
	 */
	static Map<Integer, String> portRoles(Environment environment) {
		Map<Integer, String> roles = new LinkedHashMap<>();
		Integer jdwp = JvmArguments.jdwpPort(JVM_ARGUMENTS.get());
		if (jdwp != null) {
			roles.put(jdwp, Listener.JDWP);
		}
		putPort(roles, environment.getProperty("com.sun.management.jmxremote.port"), Listener.JMX);
		putPort(roles, environment.getProperty("com.sun.management.jmxremote.rmi.port"), Listener.JMX);
		if (LIVE_RELOAD_PRESENT.get()
				&& environment.getProperty("spring.devtools.livereload.enabled", Boolean.class, true)) {
			putPort(roles, environment.getProperty("spring.devtools.livereload.port", "35729"), Listener.LIVERELOAD);
		}
		if (GRPC_PRESENT.get()) {
			putPort(roles, environment.getProperty("spring.grpc.server.port", "9090"), Listener.GRPC);
		}
		putPort(roles, environment.getProperty("spring.rsocket.server.port"), Listener.RSOCKET);
		return roles;
	}

	private static void putPort(Map<Integer, String> roles, @Nullable String port, String role) {
		Integer parsed = JvmArguments.parsePort(port);
		if (parsed != null) {
			roles.putIfAbsent(parsed, role);
		}
	}

	private static boolean devToolsActive(Environment environment) {
		return environment instanceof ConfigurableEnvironment configurable
				&& configurable.getPropertySources().contains(DEVTOOLS_PROPERTY_SOURCE);
	}

	static Map<String, PropertyOrigin> origins(Environment environment) {
		Map<String, PropertyOrigin> origins = new LinkedHashMap<>();
		for (String property : List.of(RunContext.SERVER_ADDRESS, RunContext.MANAGEMENT_SERVER_ADDRESS,
				RunContext.WEB_EXPOSURE_INCLUDE)) {
			PropertyOrigin origin = propertyOrigin(environment, property);
			if (origin != null) {
				origins.put(property, origin);
			}
		}
		return origins;
	}

	/**
	 * Name a property's value with where it was set, as
	 * {@link RunContext#setting(String, Object, String)} words it.
	 * @param environment the environment
	 * @param property the property, such as {@code server.port}
	 * @param value its value
	 * @return the property, its value and, when known, where it was set
	 */
	public static String setting(Environment environment, String property, Object value) {
		PropertyOrigin origin = propertyOrigin(environment, property);
		return RunContext.setting(property, value, (origin != null) ? origin.describe() : null);
	}

	/**
	 * Return where a property was set.
	 * @param environment the environment
	 * @param name the property name, such as {@code management.server.port}
	 * @return where it was set, or {@code null} if it is not set or its origin is unknown
	 */
	static @Nullable PropertyOrigin propertyOrigin(Environment environment, String name) {
		ConfigurationPropertyName propertyName = ConfigurationPropertyName.of(name);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			ConfigurationProperty property = source.getConfigurationProperty(propertyName);
			if (property != null) {
				return propertyOrigin(property.getOrigin());
			}
		}
		return null;
	}

	static @Nullable PropertyOrigin propertyOrigin(@Nullable Origin origin) {
		if (origin == null) {
			return null;
		}
		if (origin instanceof TextResourceOrigin text) {
			Resource resource = text.getResource();
			String name = (resource != null && resource.getFilename() != null) ? resource.getFilename()
					: String.valueOf(resource);
			Location location = text.getLocation();
			if (resource == null || location == null) {
				return PropertyOrigin.file(name, 0, null);
			}
			int line = location.getLine() + 1;
			return PropertyOrigin.file(name, line, ResourceLines.line(resource, line));
		}
		if (origin instanceof SystemEnvironmentOrigin environmentVariable) {
			return PropertyOrigin.environmentVariable(environmentVariable.getProperty());
		}
		if (origin instanceof PropertySourceOrigin propertySource) {
			String sourceName = propertySource.getPropertySource().getName();
			if (CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME.equals(sourceName)) {
				return PropertyOrigin.commandLine(propertySource.getPropertyName());
			}
			if (StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME.equals(sourceName)) {
				return PropertyOrigin.systemProperty(propertySource.getPropertyName());
			}
			if (propertySource.getOrigin() != null) {
				return propertyOrigin(propertySource.getOrigin());
			}
			return PropertyOrigin.other("property source '" + sourceName + "'");
		}
		return (origin.getParent() != null) ? propertyOrigin(origin.getParent())
				: PropertyOrigin.other(origin.toString());
	}

	/**
	 * {@link RuntimeHintsRegistrar} for the classes that {@link EnvironmentRunContext}
	 * looks up by name.
	 */
	static class EnvironmentRunContextRuntimeHints implements RuntimeHintsRegistrar {

		@Override
		public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
			// A native image finds a class by name only if it is registered: without this
			// hint the gRPC server's port would be reported with the role "other". The
			// type alone is enough, as no member of it is used reflectively.
			hints.reflection().registerTypeIfPresent(classLoader, GRPC_SERVER);
			// LiveReloadServer needs none: it is DevTools', which Spring Boot leaves out
			// of ahead-of-time processing, so a native image never holds it.
		}

	}

}
