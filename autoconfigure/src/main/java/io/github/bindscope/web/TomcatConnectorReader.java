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
import java.util.List;
import java.util.function.Function;

import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.AbstractProtocol;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.server.WebServer;

import io.github.bindscope.report.Listener;
import io.github.bindscope.report.WebServerConnector;

/**
 * {@link WebServerConnectorReader} for Tomcat: every connector of the server's service,
 * extra ones included, with the port each one really bound.
 *
 * @since 0.1.0
 */
public class TomcatConnectorReader implements WebServerConnectorReader {

	private final Function<WebServer, @Nullable Tomcat> tomcats;

	/**
	 * Create a new {@link TomcatConnectorReader}.
	 * @param <W> the type of web server
	 * @param type the web server that runs Tomcat (each Spring Boot line has its own
	 * {@code TomcatWebServer})
	 * @param tomcat how to read the Tomcat out of it
	 */
	public <W extends WebServer> TomcatConnectorReader(Class<W> type, Function<W, Tomcat> tomcat) {
		this.tomcats = WebServerConnectorReader.embedded(type, tomcat);
	}

	@Override
	public @Nullable List<WebServerConnector> read(WebServer webServer, String role, String contextPath) {
		Tomcat tomcat = this.tomcats.apply(webServer);
		if (tomcat == null) {
			return null;
		}
		Connector primary = tomcat.getConnector();
		List<WebServerConnector> connectors = new ArrayList<>();
		for (Connector connector : tomcat.getService().findConnectors()) {
			int port = connector.getLocalPort();
			if (port <= 0) {
				continue;
			}
			String connectorRole = (connector == primary) ? role : Listener.CONNECTOR;
			connectors.add(new WebServerConnector(connectorRole, "tomcat", scheme(connector), address(connector), port,
					contextPath));
		}
		return connectors;
	}

	// The connector's own scheme is what requests report, which an application may set to
	// https behind a proxy that ends TLS: ask whether the connector itself speaks TLS.
	private String scheme(Connector connector) {
		return WebServerConnector
			.scheme(connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http && http.isSSLEnabled());
	}

	private @Nullable InetAddress address(Connector connector) {
		return (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) ? protocol.getAddress() : null;
	}

}
