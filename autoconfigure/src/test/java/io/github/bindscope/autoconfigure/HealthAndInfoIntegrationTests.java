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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code bindings} health contributor and info contributor in real applications on
 * Tomcat, read over HTTP on loopback.
 */
class HealthAndInfoIntegrationTests {

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * A Kubernetes-like layout: the management server on a port of its own answers the
	 * probes, and readiness includes {@code bindings}.
	 */
	private static final String[] PROBES = { "--management.server.port=0", "--management.server.address=127.0.0.1",
			"--management.endpoint.health.probes.enabled=true",
			"--management.endpoint.health.group.readiness.include=readinessState,bindings" };

	@Test
	void healthShowsTheBindingsComponentWithItsDetailsAndIsUpWhateverTheFindings() throws Exception {
		try (ConfigurableApplicationContext context = start(Profile.PROD, "--server.address=127.0.0.1",
				"--management.endpoint.health.show-details=always")) {
			int port = port(context);
			Response health = get(port, "/actuator/health");
			assertThat(health.status()).isEqualTo(200);
			assertThat((String) JsonPath.read(health.body(), "$.status")).isEqualTo("UP");
			Map<String, Object> bindings = JsonPath.read(health.body(), "$.components.bindings");
			assertThat(bindings).containsEntry("status", "UP");
			Map<String, Object> details = (Map<String, Object>) bindings.get("details");
			assertThat(details).containsEntry("verdict", "LOCAL_ONLY")
				.containsEntry("strictModeFindings", List.of("LOOPBACK_ONLY"));
			assertThat((List<Map<String, Object>>) details.get("webServers"))
				.contains(Map.of("role", "server", "server", "tomcat", "reachability", "LOCAL_ONLY"));
			// The same report as the endpoint's: health checks read it, never build their
			// own.
			String report = get(port, "/actuator/bindings").body();
			List<String> severities = JsonPath.read(report, "$.findings[*].severity");
			assertThat((Map<String, Object>) details.get("findings")).containsOnlyKeys("INFO", "WARN")
				.containsEntry("WARN", (int) severities.stream().filter("WARN"::equals).count())
				.containsEntry("INFO", (int) severities.stream().filter("INFO"::equals).count());
			assertThat(severities).contains("WARN");
		}
	}

	@Test
	void optInStatusTakesReadinessOutOfServiceWhileLivenessStaysUp() throws Exception {
		try (ConfigurableApplicationContext context = start(Profile.PROD, PROBES, "--server.address=127.0.0.1",
				"--bindscope.health.strict-mode-status=out_of_service")) {
			int managementPort = managementPort(context);
			Response readiness = get(managementPort, "/actuator/health/readiness");
			assertThat(readiness.status()).isEqualTo(503);
			assertThat((String) JsonPath.read(readiness.body(), "$.status")).isEqualTo("OUT_OF_SERVICE");
			Response liveness = get(managementPort, "/actuator/health/liveness");
			assertThat(liveness.status()).isEqualTo(200);
			assertThat((String) JsonPath.read(liveness.body(), "$.status")).isEqualTo("UP");
			// The application itself runs: it is only out of the readiness group.
			assertThat(get(port(context), "/").body()).isEqualTo("Hello");
		}
	}

	@Test
	void readinessIncludingBindingsStaysUpWithoutTheOptInStatus() throws Exception {
		try (ConfigurableApplicationContext context = start(Profile.PROD, PROBES, "--server.address=127.0.0.1")) {
			Response readiness = get(managementPort(context), "/actuator/health/readiness");
			assertThat(readiness.status()).isEqualTo(200);
			assertThat((String) JsonPath.read(readiness.body(), "$.status")).isEqualTo("UP");
		}
	}

	@Test
	void optInStatusLeavesReadinessUpInADevProfile() throws Exception {
		try (ConfigurableApplicationContext context = start(Profile.DEV, PROBES, "--server.address=127.0.0.1",
				"--bindscope.health.strict-mode-status=OUT_OF_SERVICE")) {
			assertThat(get(managementPort(context), "/actuator/health/readiness").status()).isEqualTo(200);
		}
	}

	@Test
	void healthChecksReadTheRecentReportAndBuildNoMoreThanTheEndpointWould() throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class,
				CountingBindingsReporter.CountingReporterConfiguration.class)
			.resourceLoader(new DefaultResourceLoader(
					new FilteredClassLoader("org.eclipse.jetty", "reactor.netty.http.server")))
			.run(args(Profile.PROD, "--server.address=127.0.0.1"))) {
			CountingBindingsReporter reporter = context.getBean(CountingBindingsReporter.class);
			int port = port(context);
			int reads = reporter.reads.get();
			int builds = reporter.builds.get();
			int requests = 20;
			long start = System.nanoTime();
			for (int i = 0; i < requests; i++) {
				assertThat(get(port, "/actuator/health").status()).isEqualTo(200);
			}
			long elapsed = System.nanoTime() - start;
			assertThat(reporter.reads.get() - reads).isEqualTo(requests);
			// A report is built only when the last one is a second old: a run of d
			// seconds builds at most 1 + floor(d).
			assertThat(reporter.builds.get() - builds)
				.as("reports built by %d checks in %d ms", requests, TimeUnit.NANOSECONDS.toMillis(elapsed))
				.isBetween(1, 1 + (int) TimeUnit.NANOSECONDS.toSeconds(elapsed));
		}
	}

	@Test
	void healthContributorSwitchedOffTheBootWayIsNotAComponent() throws Exception {
		try (ConfigurableApplicationContext context = start(Profile.PROD, "--server.address=127.0.0.1",
				"--management.endpoint.health.show-details=always", "--management.health.bindings.enabled=false")) {
			Map<String, Object> components = JsonPath.read(get(port(context), "/actuator/health").body(),
					"$.components");
			assertThat(components).containsKey("ping").doesNotContainKey("bindings");
		}
	}

	@Test
	void infoShowsTheVerdictAndTheMainServerUrls() throws Exception {
		try (ConfigurableApplicationContext context = start(Profile.PROD, "--server.address=127.0.0.1",
				"--server.servlet.context-path=/app")) {
			int port = port(context);
			Response info = get(port, "/app/actuator/info");
			assertThat(info.status()).isEqualTo(200);
			assertThat((Map<String, Object>) JsonPath.read(info.body(), "$.bindings")).containsExactly(
					Map.entry("verdict", "LOCAL_ONLY"),
					Map.entry("urls", List.of("http://127.0.0.1:" + port + "/app/")));
			// Each URL works.
			assertThat(get(port, "/app/").body()).isEqualTo("Hello");
		}
	}

	@Test
	void infoContributorSwitchedOffTheBootWayIsAbsent() throws Exception {
		try (ConfigurableApplicationContext context = start(Profile.PROD, "--server.address=127.0.0.1",
				"--management.info.bindings.enabled=false", "--management.info.env.enabled=true",
				"--info.app.name=shop")) {
			Map<String, Object> info = JsonPath.read(get(port(context), "/actuator/info").body(), "$");
			assertThat(info).containsKey("app").doesNotContainKey("bindings");
		}
	}

	private static ConfigurableApplicationContext start(Profile profile, String... args) {
		return start(profile, new String[0], args);
	}

	private static ConfigurableApplicationContext start(Profile profile, String[] layout, String... args) {
		List<String> all = new ArrayList<>(List.of(layout));
		all.addAll(List.of(args));
		// The test class path holds every server; these tests are about Tomcat.
		return new SpringApplicationBuilder(TestApplication.class)
			.resourceLoader(new DefaultResourceLoader(
					new FilteredClassLoader("org.eclipse.jetty", "reactor.netty.http.server")))
			.run(args(profile, all.toArray(String[]::new)));
	}

	private static String[] args(Profile profile, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--spring.profiles.active=" + profile.name().toLowerCase());
		all.add("--server.port=0");
		all.add("--management.endpoints.web.exposure.include=health,info,bindings");
		all.add("--spring.main.banner-mode=off");
		all.add("--spring.autoconfigure.exclude=org.springframework.boot.jetty.autoconfigure.actuate.web.server."
				+ "JettyServletManagementContextAutoConfiguration");
		return all.toArray(String[]::new);
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static int managementPort(ConfigurableApplicationContext context) {
		int port = Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
		assertThat(port).isNotEqualTo(port(context));
		return port;
	}

	private static Response get(int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.body());
	}

	private enum Profile {

		PROD, DEV

	}

	private record Response(int status, String body) {

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@RestController
	static class TestApplication {

		@GetMapping("/")
		String hello() {
			return "Hello";
		}

	}

}
