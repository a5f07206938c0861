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

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.bindscope.reporting.StartupBindingsReporter;
import io.github.bindscope.reporting.WebServerStartedListener;
import io.github.bindscope.strict.StrictMode;
import io.github.bindscope.web.JettyConnectorReader;
import io.github.bindscope.web.RunningWebServers;
import io.github.bindscope.web.StartedWebServer;
import io.github.bindscope.web.TomcatConnectorReader;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for what Spring Boot 4 alone names:
 * the event a web server publishes once it has started, and the Tomcat and Jetty web
 * servers whose live connectors Bindscope reads. On another Spring Boot line it backs
 * off, and that line's own auto-configuration takes its place.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = BindscopeAutoConfiguration.class)
@ConditionalOnClass(WebServerInitializedEvent.class)
@ConditionalOnBean(RunningWebServers.class)
public final class BindscopeWebServerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WebServerStartedListener bindscopeWebServerStartedListener(RunningWebServers webServers,
			StartupBindingsReporter startupReporter, StrictMode strictMode) {
		return new WebServerStartedListener(WebServerInitializedEvent.class,
				(event) -> new StartedWebServer(event.getWebServer(),
						event.getApplicationContext().getServerNamespace(),
						event.getApplicationContext().getEnvironment(), event.getApplicationContext()),
				webServers, startupReporter, strictMode);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JettyWebServer.class)
	static class JettyConnectorReaderConfiguration {

		@Bean
		@ConditionalOnMissingBean
		JettyConnectorReader jettyConnectorReader() {
			return new JettyConnectorReader(JettyWebServer.class, JettyWebServer::getServer);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TomcatWebServer.class)
	static class TomcatConnectorReaderConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TomcatConnectorReader tomcatConnectorReader() {
			return new TomcatConnectorReader(TomcatWebServer.class, TomcatWebServer::getTomcat);
		}

	}

}
