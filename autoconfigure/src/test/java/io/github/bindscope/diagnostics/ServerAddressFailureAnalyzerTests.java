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

package io.github.bindscope.diagnostics;

import java.net.BindException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.tomcat.ConnectorStartFailedException;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.boot.web.server.WebServerException;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link ServerAddressFailureAnalyzer} on failures built as the servers build them,
 * for what real servers cannot easily be made to throw. The binds it makes are real, on
 * addresses that cannot send anything.
 */
class ServerAddressFailureAnalyzerTests {

	private final MockEnvironment environment = new MockEnvironment();

	ServerAddressFailureAnalyzerTests() {
		// As SpringApplication does: it converts text to an InetAddress.
		this.environment.setConversionService(new ApplicationConversionService());
	}

	@Test
	void bindFailureOfAnAddressThatIsNotOnThisHostIsExplained() {
		this.environment.setProperty("server.address", "203.0.113.77");
		FailureAnalysis analysis = analyze(new WebServerException("Unable to start embedded Jetty server",
				new BindException("Cannot assign requested address")));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription())
			.startsWith("The web server could not bind to server.address=203.0.113.77 (set in property source "
					+ "'mockProperties') because it is not an address of this host");
	}

	@Test
	void tomcatConnectorFailureWithoutACauseIsExplained() {
		this.environment.setProperty("server.address", "203.0.113.77");
		FailureAnalysis analysis = analyze(new ConnectorStartFailedException(8080));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("because it is not an address of this host");
	}

	@Test
	void failureThatIsNotASocketErrorIsLeftAlone() {
		this.environment.setProperty("server.address", "203.0.113.77");
		assertThat(analyze(new WebServerException("Unable to start embedded Tomcat",
				new IllegalStateException("StandardEngine[Tomcat].StandardHost[localhost] failed to start"))))
			.isNull();
	}

	@Test
	void addressThatBindsIsLeftToSpringBoot() {
		this.environment.setProperty("server.address", "127.0.0.2");
		assertThat(analyze(new PortInUseException(8080, new BindException("Address already in use")))).isNull();
	}

	@Test
	void failureAfterTheMainServerStartedIsNotBlamedOnItsAddress() {
		this.environment.setProperty("server.address", "203.0.113.77");
		this.environment.setProperty("local.server.port", "8080");
		assertThat(analyze(new WebServerException("Unable to start embedded Jetty server",
				new BindException("Cannot assign requested address"))))
			.isNull();
	}

	@Test
	void managementAddressIsBlamedOnceTheMainServerStarted() {
		this.environment.setProperty("server.address", "127.0.0.1");
		this.environment.setProperty("local.server.port", "8080");
		this.environment.setProperty("management.server.port", "8081");
		this.environment.setProperty("management.server.address", "203.0.113.77");
		FailureAnalysis analysis = analyze(new WebServerException("Unable to start embedded Jetty server",
				new BindException("Cannot assign requested address")));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription())
			.startsWith("The management server could not bind to management.server.address=203.0.113.77 ");
	}

	@Test
	void managementAddressOnTheMainServersPortIsNeverBound() {
		// Boot ignores management.server.address unless the management server has a
		// port of its own.
		this.environment.setProperty("server.address", "127.0.0.1");
		this.environment.setProperty("local.server.port", "8080");
		this.environment.setProperty("management.server.address", "203.0.113.77");
		assertThat(analyze(new WebServerException("Unable to start embedded Jetty server",
				new BindException("Cannot assign requested address"))))
			.isNull();
	}

	private FailureAnalysis analyze(Throwable failure) {
		return new ServerAddressFailureAnalyzer(this.environment).analyze(failure);
	}

}
