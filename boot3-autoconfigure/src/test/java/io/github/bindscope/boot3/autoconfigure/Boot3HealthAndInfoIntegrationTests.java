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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

import io.github.bindscope.boot3.health.Boot3BindingsHealthIndicator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code bindings} health contributor and info contributor in real Spring Boot 3.5
 * applications on Tomcat, read over HTTP on loopback: the same status, details and info
 * as on Spring Boot 4.
 */
class Boot3HealthAndInfoIntegrationTests {

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void healthShowsTheBindingsComponentWithItsDetailsAndIsUpWhateverTheFindings() throws Exception {
		try (ConfigurableApplicationContext context = start("--server.address=127.0.0.1",
				"--management.endpoint.health.show-details=always")) {
			assertThat(context.getBeansOfType(HealthIndicator.class)).containsKey("bindingsHealthIndicator");
			assertThat(context.getBean("bindingsHealthIndicator")).isInstanceOf(Boot3BindingsHealthIndicator.class);
			int port = port(context);
			Response health = get(port, "/actuator/health");
			assertThat(health.status()).isEqualTo(200);
			Map<String, Object> bindings = JsonPath.read(health.body(), "$.components.bindings");
			assertThat(bindings).containsEntry("status", "UP");
			Map<String, Object> details = (Map<String, Object>) bindings.get("details");
			assertThat(details).containsEntry("verdict", "LOCAL_ONLY")
				.containsEntry("strictModeFindings", List.of("LOOPBACK_ONLY"))
				.containsEntry("webServers",
						List.of(Map.of("role", "server", "server", "tomcat", "reachability", "LOCAL_ONLY")));
			assertThat((Map<String, Object>) details.get("findings")).containsOnlyKeys("INFO", "WARN")
				.hasEntrySatisfying("WARN", (count) -> assertThat((Integer) count).isPositive());
		}
	}

	@Test
	void optInStatusTakesReadinessOutOfServiceWhileLivenessStaysUp() throws Exception {
		try (ConfigurableApplicationContext context = start("--server.address=127.0.0.1", "--management.server.port=0",
				"--management.server.address=127.0.0.1", "--management.endpoint.health.probes.enabled=true",
				"--management.endpoint.health.group.readiness.include=readinessState,bindings",
				"--bindscope.health.strict-mode-status=OUT_OF_SERVICE")) {
			int managementPort = Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
			Response readiness = get(managementPort, "/actuator/health/readiness");
			assertThat(readiness.status()).isEqualTo(503);
			assertThat((String) JsonPath.read(readiness.body(), "$.status")).isEqualTo("OUT_OF_SERVICE");
			Response liveness = get(managementPort, "/actuator/health/liveness");
			assertThat(liveness.status()).isEqualTo(200);
			assertThat((String) JsonPath.read(liveness.body(), "$.status")).isEqualTo("UP");
		}
	}

	@Test
	void healthContributorSwitchedOffTheBootWayIsNotAComponent() throws Exception {
		try (ConfigurableApplicationContext context = start("--server.address=127.0.0.1",
				"--management.endpoint.health.show-details=always", "--management.health.bindings.enabled=false")) {
			Map<String, Object> components = JsonPath.read(get(port(context), "/actuator/health").body(),
					"$.components");
			assertThat(components).containsKey("ping").doesNotContainKey("bindings");
		}
	}

	@Test
	void infoShowsTheVerdictAndTheMainServerUrls() throws Exception {
		try (ConfigurableApplicationContext context = start("--server.address=127.0.0.1")) {
			int port = port(context);
			Map<String, Object> bindings = JsonPath.read(get(port, "/actuator/info").body(), "$.bindings");
			assertThat(bindings).containsExactly(Map.entry("verdict", "LOCAL_ONLY"),
					Map.entry("urls", List.of("http://127.0.0.1:" + port + "/")));
		}
	}

	@Test
	void infoContributorSwitchedOffTheBootWayIsAbsent() throws Exception {
		try (ConfigurableApplicationContext context = start("--server.address=127.0.0.1",
				"--management.info.bindings.enabled=false", "--management.info.env.enabled=true",
				"--info.app.name=shop")) {
			Map<String, Object> info = JsonPath.read(get(port(context), "/actuator/info").body(), "$");
			assertThat(info).containsKey("app").doesNotContainKey("bindings");
		}
	}

	private static ConfigurableApplicationContext start(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--spring.profiles.active=prod");
		all.add("--server.port=0");
		all.add("--management.endpoints.web.exposure.include=health,info");
		all.add("--spring.main.banner-mode=off");
		// Tomcat alone, as in a real application.
		return new SpringApplicationBuilder(TestApplication.class)
			.resourceLoader(new DefaultResourceLoader(
					new FilteredClassLoader("org.eclipse.jetty", "reactor.netty.http.server")))
			.run(all.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static Response get(int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.body());
	}

	private record Response(int status, String body) {

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
