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

package io.github.bindscope.compat.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

import io.github.bindscope.inspect.HostAddresses;
import io.github.bindscope.report.Finding;
import io.github.bindscope.report.FindingCode;
import io.github.bindscope.reporting.BindingsReporter;
import io.github.bindscope.strict.StrictModeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Starts applications secured by Spring Security that expose every Actuator endpoint on
 * every interface, on a real Tomcat, and checks {@code ACTUATOR_EXPOSED} against what an
 * anonymous request on loopback really gets: the finding must appear exactly where Spring
 * Security lets that request through.
 * <p>
 * The report sees this host as loopback plus one private address, so that the verdict
 * does not depend on the interfaces of the machine that runs the tests; every request
 * goes to loopback.
 */
@ExtendWith(OutputCaptureExtension.class)
class ActuatorExposureSecurityTests {

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void bootsDefaultSecurityGuardsEveryEndpoint() throws Exception {
		try (ConfigurableApplicationContext context = start(null)) {
			assertThat(anonymousStatus(port(context), "/actuator/env")).isEqualTo(401);
			assertThat(actuatorExposed(context)).isEmpty();
		}
	}

	@Test
	void aChainThatRequiresAuthenticationForTheActuatorPathsGuardsThem() throws Exception {
		try (ConfigurableApplicationContext context = start(AuthenticatedActuatorConfiguration.class)) {
			assertThat(anonymousStatus(port(context), "/actuator/env")).isEqualTo(401);
			assertThat(actuatorExposed(context)).isEmpty();
		}
	}

	@Test
	void aChainThatPermitsTheActuatorPathsToEveryoneExposesThem() throws Exception {
		try (ConfigurableApplicationContext context = start(PermitAllActuatorConfiguration.class)) {
			int port = port(context);
			assertThat(anonymousStatus(port, "/actuator/env")).isEqualTo(200);
			assertThat(anonymousStatus(port, "/private")).isEqualTo(401);
			assertThat(actuatorExposed(context)).singleElement().satisfies((finding) -> {
				assertThat(finding.listener()).isEqualTo("server:" + port);
				assertThat(finding.message()).contains("env", "configprops", "beans", "mappings")
					.contains("No security rule refuses them");
				assertThat(finding.failsStrictMode()).isTrue();
			});
		}
	}

	@Test
	void endpointsPermittedOneByOneAreNamedAndTheOthersAreGuarded() throws Exception {
		try (ConfigurableApplicationContext context = start(PermitSomeEndpointsConfiguration.class)) {
			int port = port(context);
			assertThat(anonymousStatus(port, "/actuator/beans")).isEqualTo(200);
			assertThat(anonymousStatus(port, "/actuator/env")).isEqualTo(401);
			assertThat(actuatorExposed(context)).singleElement().satisfies((finding) -> {
				assertThat(finding.message()).contains(": beans, mappings reveal its internals.")
					.contains(" Security rules guard ")
					.doesNotContain("leak");
				assertThat(finding.failsStrictMode()).isFalse();
			});
		}
	}

	@Test
	void aChainForOtherPathsLeavesTheEndpointsOpenThoughSpringSecuritysEvaluatorSaysNo() throws Exception {
		try (ConfigurableApplicationContext context = start(ApiOnlyConfiguration.class)) {
			int port = port(context);
			assertThat(anonymousStatus(port, "/api/orders")).isEqualTo(401);
			assertThat(anonymousStatus(port, "/actuator/env")).isEqualTo(200);
			// Spring Security's own evaluator refuses a request no chain matches, which
			// the
			// filter chain really lets through: it would hide this exposure.
			WebInvocationPrivilegeEvaluator evaluator = context.getBean(WebInvocationPrivilegeEvaluator.class);
			assertThat(evaluator.isAllowed("", "/actuator/env", "GET", anonymous())).isFalse();
			assertThat(actuatorExposed(context)).singleElement()
				.satisfies((finding) -> assertThat(finding.message()).contains("env"));
		}
	}

	@Test
	void aManagementPortPermittedByEndpointRequestIsExposedAndOneThatRequiresAuthenticationIsNot() throws Exception {
		try (ConfigurableApplicationContext context = start(EndpointRequestPermitAllConfiguration.class,
				"--management.server.port=0")) {
			int managementPort = managementPort(context);
			assertThat(anonymousStatus(managementPort, "/actuator/env")).isEqualTo(200);
			assertThat(anonymousStatus(port(context), "/")).isEqualTo(401);
			// The evaluator asks on the main server's servlet context, where
			// EndpointRequest never matches a management port of its own.
			WebInvocationPrivilegeEvaluator evaluator = context.getBean(WebInvocationPrivilegeEvaluator.class);
			assertThat(evaluator.isAllowed("", "/actuator/env", "GET", anonymous())).isFalse();
			assertThat(actuatorExposed(context)).singleElement()
				.satisfies((finding) -> assertThat(finding.listener()).isEqualTo("management:" + managementPort));
		}
		try (ConfigurableApplicationContext context = start(EndpointRequestAuthenticatedConfiguration.class,
				"--management.server.port=0")) {
			assertThat(anonymousStatus(managementPort(context), "/actuator/env")).isEqualTo(401);
			assertThat(actuatorExposed(context)).isEmpty();
		}
	}

	@Test
	void strictModeAsksSpringSecurityOnceTheServerHasStarted(CapturedOutput output) {
		// Before the server starts, Spring Security's filters do not exist yet: the
		// endpoints are judged, and the application stopped, once it has.
		assertThatException().isThrownBy(() -> start(PermitAllActuatorConfiguration.class, "--bindscope.strict=true"))
			.satisfies((ex) -> {
				StrictModeException strictMode = strictModeCause(ex);
				assertThat(strictMode.getFinding().code()).isEqualTo(FindingCode.ACTUATOR_EXPOSED);
				assertThat(strictMode.isBeforeStart()).isFalse();
			});
		assertThat(output).contains("after the server started, and stopped it");
		try (ConfigurableApplicationContext context = start(AuthenticatedActuatorConfiguration.class,
				"--bindscope.strict=true")) {
			assertThat(context.isRunning()).isTrue();
		}
	}

	private static StrictModeException strictModeCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof StrictModeException strictMode) {
				return strictMode;
			}
		}
		throw new AssertionError("No StrictModeException in the cause chain", ex);
	}

	private static List<Finding> actuatorExposed(ConfigurableApplicationContext context) {
		return context.getBean(BindingsReporter.class)
			.report()
			.findings()
			.stream()
			.filter((finding) -> finding.code() == FindingCode.ACTUATOR_EXPOSED)
			.toList();
	}

	private static AnonymousAuthenticationToken anonymous() {
		return new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
	}

	private static ConfigurableApplicationContext start(Class<?> configuration, String... args) {
		List<Class<?>> sources = new ArrayList<>(List.of(ExposedApplication.class));
		if (configuration != null) {
			sources.add(configuration);
		}
		List<String> allArgs = new ArrayList<>(List.of("--server.port=0", "--server.address=0.0.0.0",
				"--management.endpoints.web.exposure.include=*", "--spring.main.banner-mode=off"));
		allArgs.addAll(List.of(args));
		return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(allArgs.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static int managementPort(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
	}

	private static int anonymousStatus(int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ExposedApplication {

		// This host as the report sees it: loopback and one private address.
		@Bean
		HostAddresses bindscopeHostAddresses() throws IOException {
			return HostAddresses
				.of(Map.of("lo", List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")), "eth0",
						List.of(InetAddress.getByName("10.20.30.40"))));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AuthenticatedActuatorConfiguration {

		@Bean
		SecurityFilterChain actuatorSecurityFilterChain(HttpSecurity http) {
			http.securityMatcher("/actuator/**")
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.httpBasic(Customizer.withDefaults());
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PermitAllActuatorConfiguration {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			http.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/actuator/**").permitAll().anyRequest().authenticated())
				.httpBasic(Customizer.withDefaults());
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PermitSomeEndpointsConfiguration {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to("beans", "mappings"))
				.permitAll()
				.anyRequest()
				.authenticated()).httpBasic(Customizer.withDefaults());
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApiOnlyConfiguration {

		@Bean
		SecurityFilterChain apiSecurityFilterChain(HttpSecurity http) {
			http.securityMatcher("/api/**")
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.httpBasic(Customizer.withDefaults());
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EndpointRequestPermitAllConfiguration {

		@Bean
		@Order(1)
		SecurityFilterChain actuatorSecurityFilterChain(HttpSecurity http) {
			http.securityMatcher(EndpointRequest.toAnyEndpoint())
				.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain applicationSecurityFilterChain(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.httpBasic(Customizer.withDefaults());
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EndpointRequestAuthenticatedConfiguration {

		@Bean
		@Order(1)
		SecurityFilterChain actuatorSecurityFilterChain(HttpSecurity http) {
			http.securityMatcher(EndpointRequest.toAnyEndpoint())
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.httpBasic(Customizer.withDefaults());
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain applicationSecurityFilterChain(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
			return http.build();
		}

	}

}
