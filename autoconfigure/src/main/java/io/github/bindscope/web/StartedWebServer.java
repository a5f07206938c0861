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

package io.github.bindscope.web;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.server.WebServer;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

import io.github.bindscope.report.Listener;

/**
 * A web server that has just started, as each Spring Boot line's event describes it.
 *
 * @param webServer the server
 * @param serverNamespace the namespace of its application context, {@code management} for
 * the management server on its own port
 * @param environment the environment of its application context
 * @param applicationContext its application context, whose servlet context requests to it
 * carry, or {@code null} where it is not known
 * @since 0.1.0
 */
public record StartedWebServer(WebServer webServer, @Nullable String serverNamespace, Environment environment,
		@Nullable ApplicationContext applicationContext) {

	private static final String MANAGEMENT_NAMESPACE = "management";

	/**
	 * Create a new {@link StartedWebServer} whose application context is not known.
	 * @param webServer the server
	 * @param serverNamespace the namespace of its application context
	 * @param environment the environment of its application context
	 */
	public StartedWebServer(WebServer webServer, @Nullable String serverNamespace, Environment environment) {
		this(webServer, serverNamespace, environment, null);
	}

	/**
	 * Return the role of the server's first connector in the report.
	 * @return {@link Listener#MANAGEMENT} for the management server on its own port, else
	 * {@link Listener#SERVER}
	 */
	public String role() {
		return MANAGEMENT_NAMESPACE.equals(this.serverNamespace) ? Listener.MANAGEMENT : Listener.SERVER;
	}

}
