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

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.FilterInvocation;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.debug.DebugFilter;
import org.springframework.web.context.WebApplicationContext;

/**
 * Asks Spring Security's servlet filter chains whether an anonymous {@code GET} request
 * to an endpoint's path is let through, as a real request would be: the first chain that
 * matches the request decides, by its {@link AuthorizationFilter}'s rules; a request no
 * chain matches, or whose chain authorizes nothing, is let through untouched.
 * <p>
 * Spring Security's {@code WebInvocationPrivilegeEvaluator} asks the same rules, but
 * refuses a request that no chain matches (which Spring Security really lets through),
 * and builds its requests on the main server's servlet context, on which the rules that
 * tell a management port apart ({@code EndpointRequest}'s) never match a request to a
 * management server of its own port. So the chains are asked here, with the servlet
 * context of the server that serves the endpoints. Loaded only where Spring Security's
 * servlet support is present.
 */
final class ServletSecurityRules {

	// What Spring Security's AnonymousAuthenticationFilter sets by default.
	private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("bindscope", "anonymousUser",
			AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

	// The interceptor of Spring Security 6's deprecated authorizeRequests(), which
	// Spring Security 7 removed.
	private static final String ACCESS_INTERCEPTOR = "org.springframework.security.web.access.intercept.FilterSecurityInterceptor";

	private ServletSecurityRules() {
	}

	/**
	 * Return the endpoints whose paths Spring Security refuses to an anonymous request.
	 * @param context the application's context, which holds the filter chain proxy
	 * @param filterChainBean the name of the filter chain proxy's bean
	 * @param serverContext the application context of the server that serves the
	 * endpoints, or {@code null} if it has not started
	 * @param contextPath the context path of that server
	 * @param paths the path of each endpoint, by id
	 * @return the ids of the guarded endpoints, or {@code null} when the server has not
	 * started and Spring Security cannot be asked yet
	 */
	static @Nullable Set<String> guarded(ApplicationContext context, String filterChainBean,
			@Nullable ApplicationContext serverContext, String contextPath, Map<String, String> paths) {
		ServletContext servletContext = (serverContext instanceof WebApplicationContext web) ? web.getServletContext()
				: null;
		if (servletContext == null) {
			// Before the server starts, Spring Security's filters do not exist yet, and
			// creating them early would leave them without a servlet context.
			return null;
		}
		FilterChainProxy proxy = filterChainProxy(context.getBean(filterChainBean, Filter.class));
		if (proxy == null) {
			return null;
		}
		List<SecurityFilterChain> chains = proxy.getFilterChains();
		Set<String> guarded = new LinkedHashSet<>();
		paths.forEach((id, path) -> {
			if (!allowsAnonymous(chains, servletContext, contextPath, path)) {
				guarded.add(id);
			}
		});
		return guarded;
	}

	private static @Nullable FilterChainProxy filterChainProxy(Filter filter) {
		if (filter instanceof FilterChainProxy proxy) {
			return proxy;
		}
		return (filter instanceof DebugFilter debug) ? debug.getFilterChainProxy() : null;
	}

	private static boolean allowsAnonymous(List<SecurityFilterChain> chains, ServletContext servletContext,
			String contextPath, String path) {
		HttpServletRequest request = new PathAndMethodRequest(
				new FilterInvocation(contextPath, path, "GET", servletContext).getHttpRequest());
		try {
			for (SecurityFilterChain chain : chains) {
				if (chain.matches(request)) {
					return allows(chain, request);
				}
			}
			// No chain matches: Spring Security lets the request through untouched.
			return true;
		}
		catch (RuntimeException ex) {
			// A rule that needs more of the request than its path and method (a remote
			// address, a header, a session): it guards the endpoint by what Bindscope
			// cannot know.
			return false;
		}
	}

	private static boolean allows(SecurityFilterChain chain, HttpServletRequest request) {
		for (Filter filter : chain.getFilters()) {
			if (filter instanceof AuthorizationFilter authorization) {
				AuthorizationResult result = authorization.getAuthorizationManager()
					.authorize(() -> ANONYMOUS, request);
				return result == null || result.isGranted();
			}
			if (ACCESS_INTERCEPTOR.equals(filter.getClass().getName())) {
				// Rules of the deprecated kind, not asked: taken as a guard.
				return false;
			}
		}
		// The chain authenticates at most, and authorizes nothing.
		return true;
	}

	/**
	 * A request of which only the path and the method are known, as
	 * {@link FilterInvocation} makes it, with the attributes that request matchers keep
	 * (a parsed path) and the dispatch of a request that came from the network.
	 */
	private static final class PathAndMethodRequest extends HttpServletRequestWrapper {

		private final Map<String, Object> attributes = new LinkedHashMap<>();

		PathAndMethodRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable Object getAttribute(String name) {
			return this.attributes.get(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			return Collections.enumeration(List.copyOf(this.attributes.keySet()));
		}

		@Override
		public void setAttribute(String name, @Nullable Object value) {
			if (value == null) {
				this.attributes.remove(name);
			}
			else {
				this.attributes.put(name, value);
			}
		}

		@Override
		public void removeAttribute(String name) {
			this.attributes.remove(name);
		}

		@Override
		public DispatcherType getDispatcherType() {
			return DispatcherType.REQUEST;
		}

	}

}
