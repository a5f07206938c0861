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

package io.github.bindscope.compat.stream;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.cloud.stream.binder.test.EnableTestBinder;
import org.springframework.cloud.stream.binder.test.InputDestination;
import org.springframework.cloud.stream.binder.test.OutputDestination;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import io.github.bindscope.fixture.ReportSchema;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts a Spring Cloud Stream application with Bindscope on a real Tomcat bound to
 * loopback, and reads both projects' endpoints over HTTP.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringCloudStreamEndpointsTests {

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void bindingsExposedForBothProjectsStartsAndServesEachProjectsEndpoint(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = start(
				"--management.endpoints.web.exposure.include=health,bindings")) {
			int port = port(context);
			String bindings = get(port, "/actuator/bindings");
			assertThat((List<String>) JsonPath.read(bindings, "$[*].bindingName"))
				.containsExactlyInAnyOrder("uppercase-in-0", "uppercase-out-0");
			assertThat((List<String>) JsonPath.read(bindings, "$[?(@.bindingName == 'uppercase-in-0')].state"))
				.containsExactly("running");
			assertThat((List<String>) JsonPath.read(get(port, "/actuator/bindings/uppercase-in-0"), "$[*].bindingName"))
				.containsExactly("uppercase-in-0");
			String report = report(port);
			assertThat((String) JsonPath.read(report, "$.verdict")).isEqualTo("LOCAL_ONLY");
			List<Map<String, Object>> servers = JsonPath.read(report, "$.listeners[?(@.role == 'server')]");
			assertThat(servers).singleElement().satisfies((server) -> {
				assertThat(server).containsEntry("address", "127.0.0.1").containsEntry("port", port);
				assertThat(server).containsEntry("server", "tomcat");
			});
			assertThat(output.getOut().lines().filter((line) -> line.contains("/actuator/bindscope"))).singleElement()
				.asString()
				.contains(" INFO ")
				.contains("'bindingsEndpoint', org.springframework.cloud.stream.endpoint.BindingsEndpoint")
				.contains("management.endpoints.web.exposure.include lists bindings");
		}
	}

	@Test
	void functionIsBoundAndProcessesMessagesWithBindscopePresent() throws Exception {
		try (ConfigurableApplicationContext context = start("--management.endpoints.web.exposure.include=bindings")) {
			context.getBean(InputDestination.class)
				.send(MessageBuilder.withPayload("hello".getBytes(StandardCharsets.UTF_8)).build(), "uppercase-in-0");
			Message<byte[]> result = context.getBean(OutputDestination.class).receive(5000, "uppercase-out-0");
			assertThat(result).isNotNull();
			assertThat(new String(result.getPayload(), StandardCharsets.UTF_8)).isEqualTo("HELLO");
		}
	}

	@Test
	void bindscopeIncludedExplicitlyIsServedWithSpringCloudStreamsBindings() throws Exception {
		try (ConfigurableApplicationContext context = start(
				"--management.endpoints.web.exposure.include=bindings,bindscope")) {
			int port = port(context);
			assertThat((List<String>) JsonPath.read(get(port, "/actuator/bindings"), "$[*].bindingName"))
				.contains("uppercase-in-0");
			assertThat((String) JsonPath.read(report(port), "$.verdict")).isEqualTo("LOCAL_ONLY");
		}
	}

	private static ConfigurableApplicationContext start(String... args) {
		String[] common = { "--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
				"--spring.cloud.function.definition=uppercase" };
		String[] all = new String[common.length + args.length];
		System.arraycopy(common, 0, all, 0, common.length);
		System.arraycopy(args, 0, all, common.length, args.length);
		return new SpringApplicationBuilder(StreamApplication.class).run(all);
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/**
	 * Read Bindscope's report, served as the endpoint {@code bindscope}, and check it
	 * against the report's JSON Schema.
	 */
	private static String report(int port) throws IOException, InterruptedException {
		return ReportSchema.assertValid(get(port, "/actuator/bindscope"));
	}

	private static String get(int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("status of %s", path).isEqualTo(200);
		return response.body();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableTestBinder
	static class StreamApplication {

		@Bean
		Function<String, String> uppercase() {
			return (text) -> text.toUpperCase(java.util.Locale.ROOT);
		}

	}

}
