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

package io.github.bindscope.boot3.autoconfigure;

import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.server.Server;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.embedded.jetty.JettyWebServer;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.bindscope.autoconfigure.BindscopeAutoConfiguration;
import io.github.bindscope.reporting.StartupBindingsReporter;
import io.github.bindscope.reporting.WebServerStartedListener;
import io.github.bindscope.strict.StrictMode;
import io.github.bindscope.web.JettyConnectorReader;
import io.github.bindscope.web.RunningWebServers;
import io.github.bindscope.web.StartedWebServer;
import io.github.bindscope.web.TomcatConnectorReader;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for what Spring Boot 3.5 names
 * differently from Spring Boot 4: the event a web server publishes once it has started,
 * and the Tomcat and Jetty web servers whose live connectors Bindscope reads. It takes
 * the place of the Spring Boot 4 line's, which backs off here.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = BindscopeAutoConfiguration.class)
@ConditionalOnClass(WebServerInitializedEvent.class)
@ConditionalOnBean(RunningWebServers.class)
public final class Boot3WebServerAutoConfiguration {

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

	// Spring Boot 3 keeps its server classes in spring-boot itself: ask for the server's.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ JettyWebServer.class, Server.class })
	static class JettyConnectorReaderConfiguration {

		@Bean
		@ConditionalOnMissingBean
		JettyConnectorReader jettyConnectorReader() {
			return new JettyConnectorReader(JettyWebServer.class, JettyWebServer::getServer);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ TomcatWebServer.class, Tomcat.class })
	static class TomcatConnectorReaderConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TomcatConnectorReader tomcatConnectorReader() {
			return new TomcatConnectorReader(TomcatWebServer.class, TomcatWebServer::getTomcat);
		}

	}

}
