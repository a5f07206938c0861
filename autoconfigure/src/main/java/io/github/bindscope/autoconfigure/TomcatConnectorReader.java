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
package io.github.bindscope.autoconfigure;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import io.github.bindscope.report.Listener;
import io.github.bindscope.report.WebServerConnector;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;

/**
 * {@link WebServerConnectorReader} for Tomcat: every connector of the server's service,
 * extra ones included, with the port each one really bound.
 *
 * @since 0.1.0
 */
public class TomcatConnectorReader implements WebServerConnectorReader {

	@Override
	public @Nullable List<WebServerConnector> read(WebServer webServer, String role, String contextPath) {
		if (!(webServer instanceof TomcatWebServer tomcatWebServer)) {
			return null;
		}
		Connector primary = tomcatWebServer.getTomcat().getConnector();
		List<WebServerConnector> connectors = new ArrayList<>();
		for (Connector connector : tomcatWebServer.getTomcat().getService().findConnectors()) {
			int port = connector.getLocalPort();
			if (port <= 0) {
				continue;
			}
			String connectorRole = (connector == primary) ? role : Listener.CONNECTOR;
			connectors.add(new WebServerConnector(connectorRole, "tomcat", connector.getScheme(), address(connector),
					port, contextPath));
		}
		return connectors;
	}

	private @Nullable InetAddress address(Connector connector) {
		return (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) ? protocol.getAddress() : null;
	}

}
