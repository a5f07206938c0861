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

package io.github.bindscope.strict;

import java.util.List;
import java.util.function.Function;

import org.springframework.boot.web.server.AbstractConfigurableWebServerFactory;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

import io.github.bindscope.report.BindingsReport;
import io.github.bindscope.report.Listener;
import io.github.bindscope.report.WebServerConnector;
import io.github.bindscope.web.ServerName;

/**
 * Checks the main web server's configured address in strict mode before the server is
 * created, so that an application that would be reachable from this host only fails
 * before its port is ever opened.
 * <p>
 * Runs after every other customizer so that it sees the address the server will really
 * bind.
 *
 * @since 0.1.0
 */
public class StrictModeWebServerFactoryCustomizer
		implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

	private final StrictMode strictMode;

	private final Function<List<WebServerConnector>, BindingsReport> planner;

	/**
	 * Create a new {@link StrictModeWebServerFactoryCustomizer}.
	 * @param strictMode what refuses to start when the plan fails strict mode
	 * @param planner what reports on the connectors a server is about to open, beside the
	 * sockets already open
	 */
	public StrictModeWebServerFactoryCustomizer(StrictMode strictMode,
			Function<List<WebServerConnector>, BindingsReport> planner) {
		this.strictMode = strictMode;
		this.planner = planner;
	}

	@Override
	public void customize(ConfigurableWebServerFactory factory) {
		if (!this.strictMode.isEnabled() || !(factory instanceof AbstractConfigurableWebServerFactory configurable)) {
			return;
		}
		int port = configurable.getPort();
		// server.port=-1 runs no server socket, and a port out of range fails on its own:
		// only the sockets already open (a debug agent) are judged then.
		List<WebServerConnector> planned = (port < 0 || port > 65535) ? List.of()
				: List.of(new WebServerConnector(Listener.SERVER, ServerName.of(factory.getClass()),
						WebServerConnector.scheme(configurable.getSsl() != null && configurable.getSsl().isEnabled()),
						configurable.getAddress(), port, ""));
		this.strictMode.enforce(this.planner.apply(planned), true);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
