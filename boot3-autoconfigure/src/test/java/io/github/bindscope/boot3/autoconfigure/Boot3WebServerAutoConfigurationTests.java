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
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import io.github.bindscope.autoconfigure.BindscopeAutoConfiguration;
import io.github.bindscope.reporting.WebServerStartedListener;
import io.github.bindscope.web.JettyConnectorReader;
import io.github.bindscope.web.TomcatConnectorReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Boot3WebServerAutoConfiguration}: on Spring Boot 3 the server classes
 * live in spring-boot itself, so a reader is configured only where its server is on the
 * class path.
 */
class Boot3WebServerAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(BindscopeAutoConfiguration.class, Boot3WebServerAutoConfiguration.class));

	@Test
	void everyServerOnTheClassPathGetsItsReader() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(WebServerStartedListener.class)
			.hasSingleBean(TomcatConnectorReader.class)
			.hasSingleBean(JettyConnectorReader.class));
	}

	@Test
	void tomcatAloneGetsNoJettyReader() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Server.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(TomcatConnectorReader.class)
				.doesNotHaveBean(JettyConnectorReader.class));
	}

	@Test
	void jettyAloneGetsNoTomcatReader() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Tomcat.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(JettyConnectorReader.class)
				.doesNotHaveBean(TomcatConnectorReader.class));
	}

	@Test
	void disabledBindscopeBacksOffCompletely() {
		this.contextRunner.withPropertyValues("bindscope.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(WebServerStartedListener.class)
				.doesNotHaveBean(TomcatConnectorReader.class));
	}

}
