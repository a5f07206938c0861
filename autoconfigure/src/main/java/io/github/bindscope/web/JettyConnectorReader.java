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

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.NetworkChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.server.WebServer;

import io.github.bindscope.report.Listener;
import io.github.bindscope.report.WebServerConnector;

/**
 * {@link WebServerConnectorReader} for Jetty: every network connector of the server, with
 * the address its channel really bound.
 *
 * @since 0.1.0
 */
public class JettyConnectorReader implements WebServerConnectorReader {

	private final Function<WebServer, @Nullable Server> servers;

	/**
	 * Create a new {@link JettyConnectorReader}.
	 * @param <W> the type of web server
	 * @param type the web server that runs Jetty (each Spring Boot line has its own
	 * {@code JettyWebServer})
	 * @param server how to read the Jetty server out of it
	 */
	public <W extends WebServer> JettyConnectorReader(Class<W> type, Function<W, Server> server) {
		this.servers = WebServerConnectorReader.embedded(type, server);
	}

	@Override
	public @Nullable List<WebServerConnector> read(WebServer webServer, String role, String contextPath) {
		Server server = this.servers.apply(webServer);
		if (server == null) {
			return null;
		}
		List<WebServerConnector> connectors = new ArrayList<>();
		boolean first = true;
		for (Connector connector : server.getConnectors()) {
			if (!(connector instanceof NetworkConnector network) || network.getLocalPort() <= 0) {
				continue;
			}
			String scheme = WebServerConnector
				.scheme(connector.getProtocols().stream().anyMatch((protocol) -> protocol.startsWith("ssl")));
			connectors.add(new WebServerConnector(first ? role : Listener.CONNECTOR, "jetty", scheme, address(network),
					network.getLocalPort(), contextPath));
			first = false;
		}
		return connectors;
	}

	private @Nullable InetAddress address(NetworkConnector connector) {
		if (connector instanceof ServerConnector serverConnector
				&& serverConnector.getTransport() instanceof NetworkChannel channel) {
			try {
				SocketAddress local = channel.getLocalAddress();
				if (local instanceof InetSocketAddress inet) {
					return inet.getAddress();
				}
			}
			catch (IOException ex) {
				// Closed meanwhile: fall back to the configured host.
			}
		}
		String host = connector.getHost();
		if (host == null) {
			return null;
		}
		try {
			return InetAddress.getByName(host);
		}
		catch (IOException ex) {
			return null;
		}
	}

}
