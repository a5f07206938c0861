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

package io.github.bindscope.exposure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.ExposableEndpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

import io.github.bindscope.report.ExposedEndpoints;
import io.github.bindscope.report.Listener;
import io.github.bindscope.web.RunningWebServers;

/**
 * The Actuator endpoints exposed over HTTP, as Actuator's {@link PathMappedEndpoints}
 * maps them. Loaded only where Actuator is present.
 */
final class WebEndpoints {

	// The bean Spring Security's servlet configuration registers its FilterChainProxy as.
	private static final String SERVLET_FILTER_CHAIN = "springSecurityFilterChain";

	private static final String FILTER_CHAIN_PROXY = "org.springframework.security.web.FilterChainProxy";

	private static final String SERVLET_REQUEST = "jakarta.servlet.http.HttpServletRequest";

	private static final String WEB_FILTER_CHAIN_PROXY = "org.springframework.security.web.server.WebFilterChainProxy";

	private static final Supplier<Boolean> SERVLET_SECURITY_PRESENT = SingletonSupplier
		.of(() -> isPresent(FILTER_CHAIN_PROXY) && isPresent(SERVLET_REQUEST));

	private static final Supplier<Boolean> REACTIVE_SECURITY_PRESENT = SingletonSupplier
		.of(() -> isPresent(WEB_FILTER_CHAIN_PROXY));

	private WebEndpoints() {
	}

	/**
	 * Read the endpoints exposed over HTTP and which of them are guarded.
	 * @param context the application's context
	 * @param serverContexts the application context of a started server, by role
	 * @return the endpoints, or {@code null} where none are served over HTTP or their
	 * guard cannot be judged
	 */
	static @Nullable ExposedEndpoints read(ApplicationContext context,
			Function<String, @Nullable ApplicationContext> serverContexts) {
		Environment environment = context.getEnvironment();
		ManagementPortType portType = ManagementPortType.get(environment);
		if (portType == ManagementPortType.DISABLED) {
			return null;
		}
		PathMappedEndpoints mapped = context.getBeanProvider(PathMappedEndpoints.class).getIfUnique();
		if (mapped == null) {
			return null;
		}
		Map<String, String> paths = new LinkedHashMap<>();
		for (PathMappedEndpoint endpoint : mapped) {
			if (endpoint instanceof ExposableEndpoint<?> exposable) {
				EndpointId id = exposable.getEndpointId();
				String path = mapped.getPath(id);
				if (path != null) {
					paths.put(id.toString(), path);
				}
			}
		}
		if (paths.isEmpty()) {
			return null;
		}
		String role = (portType == ManagementPortType.DIFFERENT) ? Listener.MANAGEMENT : Listener.SERVER;
		String contextPath = RunningWebServers.contextPath(role, environment);
		ApplicationContext serverContext = Listener.SERVER.equals(role) ? context : serverContexts.apply(role);
		Set<String> guarded = guarded(context, serverContext, contextPath, paths);
		if (guarded == null) {
			return null;
		}
		String basePath = mapped.getBasePath();
		String path = contextPath + ("/".equals(basePath) ? "" : basePath);
		return new ExposedEndpoints(role, path.isEmpty() ? "/" : path, List.copyOf(paths.keySet()), guarded);
	}

	private static @Nullable Set<String> guarded(ApplicationContext context, @Nullable ApplicationContext serverContext,
			String contextPath, Map<String, String> paths) {
		if (SERVLET_SECURITY_PRESENT.get() && context.containsBean(SERVLET_FILTER_CHAIN)) {
			return ServletSecurityRules.guarded(context, SERVLET_FILTER_CHAIN, serverContext, contextPath, paths);
		}
		if (REACTIVE_SECURITY_PRESENT.get() && context.getBeanNamesForType(
				ClassUtils.resolveClassName(WEB_FILTER_CHAIN_PROXY, WebEndpoints.class.getClassLoader()), false,
				false).length > 0) {
			// Spring Security's reactive chains cannot be asked about a request that was
			// never made: their rules are not judged.
			return null;
		}
		return Set.of();
	}

	private static boolean isPresent(String className) {
		return ClassUtils.isPresent(className, WebEndpoints.class.getClassLoader());
	}

}
