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

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServer;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

import io.github.bindscope.report.Listener;
import io.github.bindscope.report.WebServerConnector;

/**
 * The connectors of the web servers of this application (the main server and, on its own
 * port, the management server), as each one reported them when it started.
 *
 * @since 0.1.0
 */
public class RunningWebServers {

	private final List<WebServerConnectorReader> readers;

	private final Map<String, List<WebServerConnector>> connectors = new LinkedHashMap<>();

	private final Map<String, ApplicationContext> applicationContexts = new ConcurrentHashMap<>();

	/**
	 * Create a new {@link RunningWebServers}.
	 * @param readers the readers of specific kinds of servers, tried in order
	 */
	public RunningWebServers(List<WebServerConnectorReader> readers) {
		this.readers = List.copyOf(readers);
	}

	/**
	 * Record the connectors of a web server that has just started.
	 * @param started the server
	 */
	public void started(StartedWebServer started) {
		String role = started.role();
		List<WebServerConnector> read = read(started.webServer(), role, contextPath(role, started.environment()),
				started.environment());
		synchronized (this.connectors) {
			this.connectors.put(role, read);
		}
		if (started.applicationContext() != null) {
			this.applicationContexts.put(role, started.applicationContext());
		}
	}

	/**
	 * Return the application context of the server of the given role that has started.
	 * @param role {@link Listener#SERVER} or {@link Listener#MANAGEMENT}
	 * @return its application context, or {@code null} if it has not started or its
	 * context is not known
	 */
	public @Nullable ApplicationContext applicationContext(String role) {
		return this.applicationContexts.get(role);
	}

	/**
	 * Return the connectors of every server that has started, main server first.
	 * @return the connectors
	 */
	public List<WebServerConnector> connectors() {
		List<WebServerConnector> all = new ArrayList<>();
		synchronized (this.connectors) {
			List<WebServerConnector> main = this.connectors.get(Listener.SERVER);
			if (main != null) {
				all.addAll(main);
			}
			this.connectors.forEach((role, connectors) -> {
				if (!Listener.SERVER.equals(role)) {
					all.addAll(connectors);
				}
			});
		}
		return all;
	}

	private List<WebServerConnector> read(WebServer webServer, String role, String contextPath,
			Environment environment) {
		for (WebServerConnectorReader reader : this.readers) {
			List<WebServerConnector> connectors = reader.read(webServer, role, contextPath);
			if (connectors != null) {
				return List.copyOf(connectors);
			}
		}
		// A server no reader knows, Reactor Netty among them: NettyWebServer keeps its
		// DisposableServer (the only holder of the bound address) in a private field, and
		// reflection into it would break silently with any change to that class. The
		// public getPort() is live, the address is what the factory was configured with,
		// and the kernel's socket table then supplies the address really bound on that
		// port (which also covers a NettyServerCustomizer that binds elsewhere). Only
		// where there is no socket table is the configured address the whole story.
		String prefix = Listener.MANAGEMENT.equals(role) ? "management.server." : "server.";
		InetAddress address = environment.getProperty(prefix + "address", InetAddress.class);
		String scheme = WebServerConnector.scheme(tls(role, environment));
		return List.of(new WebServerConnector(role, ServerName.of(webServer.getClass()), scheme, address,
				webServer.getPort(), contextPath));
	}

	// As Boot configures the server: TLS once any server.ssl property is set, unless
	// server.ssl.enabled=false; a management server takes the main server's unless
	// management.server.ssl is set.
	private static boolean tls(String role, Environment environment) {
		Binder binder = Binder.get(environment);
		BindResult<Ssl> ssl = binder.bind("server.ssl", Ssl.class);
		if (Listener.MANAGEMENT.equals(role)) {
			BindResult<Ssl> management = binder.bind("management.server.ssl", Ssl.class);
			ssl = management.isBound() ? management : ssl;
		}
		return Ssl.isEnabled(ssl.orElse(null));
	}

	/**
	 * Return the path a server of the given role serves the application under, as Spring
	 * Boot configures it: {@code server.servlet.context-path} (or
	 * {@code spring.webflux.base-path}) for the main server,
	 * {@code management.server.base-path} for a management server on its own port.
	 * @param role {@link Listener#SERVER} or {@link Listener#MANAGEMENT}
	 * @param environment the environment
	 * @return the path without a trailing slash, empty for the root
	 */
	public static String contextPath(String role, Environment environment) {
		String path = Listener.MANAGEMENT.equals(role) ? environment.getProperty("management.server.base-path", "")
				: environment.getProperty("server.servlet.context-path",
						environment.getProperty("spring.webflux.base-path", ""));
		return (path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
	}

}
