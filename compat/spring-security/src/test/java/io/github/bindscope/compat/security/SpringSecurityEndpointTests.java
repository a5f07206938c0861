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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import io.github.bindscope.actuate.BindingsEndpoint;
import io.github.bindscope.autoconfigure.BindscopeProperties;
import io.github.bindscope.fixture.ReportSchema;
import io.github.bindscope.inspect.HostEnvironment;
import io.github.bindscope.report.BindingsInspector;
import io.github.bindscope.report.BindingsReport;
import io.github.bindscope.reporting.BindingsReporter;
import io.github.bindscope.web.RunningWebServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts an application secured by Spring Security on a real Tomcat bound to loopback,
 * and reads the report over HTTP with and without credentials. Every request that is
 * turned away must be turned away before the endpoint runs: the report is never built for
 * it.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringSecurityEndpointTests {

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final Pattern GENERATED_PASSWORD = Pattern.compile("Using generated security password: (\\S+)");

	@Test
	void defaultSecurityAnswersUnauthorizedWithoutCredentialsAndServesTheReportToTheGeneratedUser(CapturedOutput output)
			throws Exception {
		try (ConfigurableApplicationContext context = start(null,
				"--management.endpoints.web.exposure.include=health,bindings")) {
			int port = port(context);
			CountingBindingsReporter reporter = context.getBean(CountingBindingsReporter.class);
			int builds = reporter.builds.get();
			Matcher generated = GENERATED_PASSWORD.matcher(output.getOut());
			assertThat(generated.find()).as("generated password logged").isTrue();
			String password = generated.group(1);
			HttpResponse<String> anonymous = get(port, "/actuator/bindings", null, null);
			assertThat(anonymous.statusCode()).isEqualTo(401);
			assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Basic "));
			assertThat(anonymous.body()).doesNotContain("verdict");
			assertThat(get(port, "/actuator/bindings", "user", password + "-wrong").statusCode()).isEqualTo(401);
			assertThat(reporter.reads.get()).isZero();
			assertThat(reporter.builds.get()).isEqualTo(builds);
			assertReport(get(port, "/actuator/bindings", "user", password), port);
			assertThat(reporter.reads.get()).isOne();
		}
	}

	@Test
	void defaultSecurityServesTheReportToAConfiguredUser() throws Exception {
		try (ConfigurableApplicationContext context = start(null,
				"--management.endpoints.web.exposure.include=health,bindings", "--spring.security.user.name=ops",
				"--spring.security.user.password=s3cret")) {
			int port = port(context);
			CountingBindingsReporter reporter = context.getBean(CountingBindingsReporter.class);
			assertThat(get(port, "/actuator/bindings", null, null).statusCode()).isEqualTo(401);
			assertThat(get(port, "/actuator/bindings", "user", "s3cret").statusCode()).isEqualTo(401);
			assertThat(reporter.reads.get()).isZero();
			assertReport(get(port, "/actuator/bindings", "ops", "s3cret"), port);
			assertThat(reporter.reads.get()).isOne();
		}
	}

	@Test
	void actuatorRoleChainPermitsHealthAndGuardsTheReportUnderBothIds() throws Exception {
		try (ConfigurableApplicationContext context = start(ActuatorRoleSecurityConfiguration.class,
				"--management.endpoints.web.exposure.include=health,bindings,bindscope")) {
			int port = port(context);
			CountingBindingsReporter reporter = context.getBean(CountingBindingsReporter.class);
			HttpResponse<String> health = get(port, "/actuator/health", null, null);
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat((String) JsonPath.read(health.body(), "$.status")).isEqualTo("UP");
			// Health reads the report for its bindings contributor; no refused request
			// below may read one.
			int reads = reporter.reads.get();
			int builds = reporter.builds.get();
			for (String path : List.of("/actuator/bindings", "/actuator/bindscope")) {
				assertThat(get(port, path, null, null).statusCode()).as("anonymous %s", path).isEqualTo(401);
				assertThat(get(port, path, "user", "user-password").statusCode()).as("user without role at %s", path)
					.isEqualTo(403);
				assertThat(get(port, path, "ops", "wrong-password").statusCode()).as("wrong password at %s", path)
					.isEqualTo(401);
			}
			assertThat(reporter.reads.get()).isEqualTo(reads);
			assertThat(reporter.builds.get()).isEqualTo(builds);
			assertReport(get(port, "/actuator/bindings", "ops", "ops-password"), port);
			assertReport(get(port, "/actuator/bindscope", "ops", "ops-password"), port);
			assertThat(reporter.reads.get()).isEqualTo(reads + 2);
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(classes = { BindingsByIdSecurityConfiguration.class, BindingsByTypeSecurityConfiguration.class })
	void endpointRequestToTheBindingsEndpointGuardsItsPathOnly(Class<?> configuration) throws Exception {
		try (ConfigurableApplicationContext context = start(configuration,
				"--management.endpoints.web.exposure.include=health,bindings")) {
			int port = port(context);
			CountingBindingsReporter reporter = context.getBean(CountingBindingsReporter.class);
			// Everything else is open in this chain: a 401 here can only come from the
			// matcher.
			assertThat(get(port, "/actuator/health", null, null).statusCode()).isEqualTo(200);
			// Health reads the report for its bindings contributor; the refused requests
			// read none.
			int reads = reporter.reads.get();
			assertThat(get(port, "/actuator/bindings", null, null).statusCode()).isEqualTo(401);
			assertThat(get(port, "/actuator/bindings", "user", "user-password").statusCode()).isEqualTo(403);
			assertThat(reporter.reads.get()).isEqualTo(reads);
			assertReport(get(port, "/actuator/bindings", "ops", "ops-password"), port);
		}
	}

	@Test
	void startupReportIsLoggedOnceWithSecurityInPlace(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = start(ActuatorRoleSecurityConfiguration.class,
				"--spring.profiles.active=prod")) {
			int port = port(context);
			assertThat(context.isRunning()).isTrue();
			assertThat(output).contains("Bindscope: server:" + port + " (tomcat) is reachable from this host only: "
					+ "http://127.0.0.1:" + port + "/");
			assertThat(output.getOut().lines().filter((line) -> line.contains(" WARN ") && line.contains("Bindscope")))
				.singleElement()
				.asString()
				.contains("127.0.0.1:" + port)
				.contains("active profiles: prod");
			assertThat(output).doesNotContain("APPLICATION FAILED TO START");
			// One web server, one startup report.
			assertThat(context.getBean(CountingBindingsReporter.class).builds.get()).isOne();
		}
	}

	private static void assertReport(HttpResponse<String> response, int port) {
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/vnd.spring-boot.actuator.v3+json"));
		String json = ReportSchema.assertValid(response.body());
		assertThat((String) JsonPath.read(json, "$.verdict")).isEqualTo("LOCAL_ONLY");
		List<Map<String, Object>> servers = JsonPath.read(json, "$.listeners[?(@.role == 'server')]");
		assertThat(servers).singleElement()
			.satisfies((server) -> assertThat(server).containsEntry("address", "127.0.0.1")
				.containsEntry("port", port)
				.containsEntry("server", "tomcat"));
	}

	private static ConfigurableApplicationContext start(@Nullable Class<?> configuration, String... args) {
		List<Class<?>> sources = new ArrayList<>(List.of(SecuredApplication.class));
		if (configuration != null) {
			sources.add(configuration);
		}
		List<String> allArgs = new ArrayList<>(
				List.of("--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off"));
		allArgs.addAll(List.of(args));
		return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(allArgs.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static HttpResponse<String> get(int port, String path, @Nullable String user, @Nullable String password)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10));
		if (user != null) {
			String credentials = user + ":" + password;
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class SecuredApplication {

		@Bean
		CountingBindingsReporter countingBindingsReporter(BindingsInspector inspector, RunningWebServers webServers,
				Environment environment, BindscopeProperties properties, HostEnvironment hostEnvironment) {
			return new CountingBindingsReporter(inspector, webServers, environment, properties, hostEnvironment);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UsersConfiguration {

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("ops").password("{noop}ops-password").roles("ACTUATOR").build(),
					User.withUsername("user").password("{noop}user-password").roles("USER").build());
		}

	}

	/**
	 * The chain Spring Boot's reference documentation suggests for Actuator: health for
	 * everyone, every other endpoint for one role.
	 */
	@Configuration(proxyBeanMethods = false)
	static class ActuatorRoleSecurityConfiguration extends UsersConfiguration {

		@Bean
		SecurityFilterChain actuatorSecurityFilterChain(HttpSecurity http) {
			http.securityMatcher(EndpointRequest.toAnyEndpoint())
				.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
					.permitAll()
					.anyRequest()
					.hasRole("ACTUATOR"))
				.httpBasic(Customizer.withDefaults());
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BindingsByIdSecurityConfiguration extends UsersConfiguration {

		@Bean
		SecurityFilterChain bindingsSecurityFilterChain(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to("bindings"))
				.hasRole("ACTUATOR")
				.anyRequest()
				.permitAll()).httpBasic(Customizer.withDefaults());
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BindingsByTypeSecurityConfiguration extends UsersConfiguration {

		@Bean
		SecurityFilterChain bindingsSecurityFilterChain(HttpSecurity http) {
			http.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(EndpointRequest.to(BindingsEndpoint.class))
						.hasRole("ACTUATOR")
						.anyRequest()
						.permitAll())
				.httpBasic(Customizer.withDefaults());
			return http.build();
		}

	}

	/**
	 * Counts calls to the endpoint ({@link #recentReport()}) and reports really built
	 * ({@link #report()}, which the endpoint's cache calls only when it has no report
	 * young enough).
	 */
	static class CountingBindingsReporter extends BindingsReporter {

		final AtomicInteger reads = new AtomicInteger();

		final AtomicInteger builds = new AtomicInteger();

		CountingBindingsReporter(BindingsInspector inspector, RunningWebServers webServers, Environment environment,
				BindscopeProperties properties, HostEnvironment hostEnvironment) {
			super(inspector, webServers, environment, properties::getDevProfiles, hostEnvironment);
		}

		@Override
		public BindingsReport report() {
			this.builds.incrementAndGet();
			return super.report();
		}

		@Override
		public BindingsReport recentReport() {
			this.reads.incrementAndGet();
			return super.recentReport();
		}

	}

}
