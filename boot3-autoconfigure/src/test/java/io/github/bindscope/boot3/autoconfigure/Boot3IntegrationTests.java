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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.jetty.JettyServletWebServerFactory;
import org.springframework.boot.web.embedded.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;

import io.github.bindscope.fixture.ReportSchema;
import io.github.bindscope.metrics.BindingsMetrics;
import io.github.bindscope.reporting.WebServerStartedListener;
import io.github.bindscope.strict.StrictModeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A Spring Boot 3.5 application on each of its servers, with Bindscope's Spring Boot 3
 * auto-configuration: the same warning, report and strict mode as on Spring Boot 4, read
 * over HTTP on loopback.
 */
@ExtendWith(OutputCaptureExtension.class)
class Boot3IntegrationTests {

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@ParameterizedTest
	@EnumSource(Stack.class)
	void loopbackBindOutsideDevProfileWarnsWithItsOriginAndTheReportSaysLocalOnly(Stack stack, CapturedOutput output)
			throws Exception {
		try (ConfigurableApplicationContext context = stack.run("--server.address=127.0.0.1",
				"--spring.profiles.active=prod")) {
			assertThat(context.getBeansOfType(WebServerStartedListener.class)).hasSize(1);
			assertThat(context.getBeanNamesForType(Boot3WebServerAutoConfiguration.class)).hasSize(1);
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			String json = report(port);
			assertThat((String) JsonPath.read(json, "$.verdict")).isEqualTo("LOCAL_ONLY");
			List<Map<String, Object>> servers = JsonPath.read(json, "$.listeners[?(@.role == 'server')]");
			assertThat(servers).singleElement()
				.satisfies((server) -> assertThat(server).containsEntry("server", stack.server)
					.containsEntry("address", "127.0.0.1")
					.containsEntry("port", port)
					.containsEntry("reachability", "LOCAL_ONLY")
					.containsEntry("source", Files.isReadable(Path.of("/proc/self/net/tcp")) ? "procfs" : "connector"));
			assertThat((List<String>) JsonPath.read(json, "$.findings[?(@.code == 'LOOPBACK_ONLY')].listener"))
				.containsExactly("server:" + port);
			// The contract's field order, nulls included, as on Spring Boot 4.
			assertThat(json)
				.startsWith("{\"verdict\":\"LOCAL_ONLY\",\"devProfile\":false,\"activeProfiles\":[\"prod\"],"
						+ "\"environment\":{\"os\":");
			assertThat(output.getOut().lines().filter((line) -> line.contains(" WARN ") && line.contains("Bindscope")))
				.anySatisfy((line) -> assertThat(line)
					.contains("The " + stack.server + " server listens on 127.0.0.1:" + port + " only")
					.contains("active profiles: prod")
					.contains("server.address set in command line argument --server.address")
					.contains("server.address=0.0.0.0"));
		}
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void metersAgreeWithTheReportOnSpringBoot3(Stack stack) throws Exception {
		try (ConfigurableApplicationContext context = stack.run("--server.address=127.0.0.1",
				"--spring.profiles.active=prod")) {
			assertThat(context.getBeanNamesForType(BindingsMetrics.class)).containsExactly("bindscopeBindingsMetrics");
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			assertThat(meter(port, "bindscope.verdict?tag=verdict:LOCAL_ONLY")).isEqualTo(1);
			assertThat(meter(port, "bindscope.verdict?tag=verdict:PRIVATE_NETWORK")).isZero();
			assertThat(meter(port, "bindscope.findings?tag=code:LOOPBACK_ONLY&tag=severity:WARN")).isEqualTo(1);
			assertThat(meter(port, "bindscope.findings?tag=code:LOOPBACK_ONLY&tag=severity:INFO")).isZero();
			assertThat(meter(port, "bindscope.listeners?tag=role:server&tag=reachability:LOCAL_ONLY")).isEqualTo(1);
			// Without tags, the endpoint sums every series: the report's whole lists.
			String json = report(port);
			assertThat(meter(port, "bindscope.listeners"))
				.isEqualTo(((List<?>) JsonPath.read(json, "$.listeners")).size());
			assertThat(meter(port, "bindscope.findings"))
				.isEqualTo(((List<?>) JsonPath.read(json, "$.findings")).size());
		}
	}

	private static double meter(int port, String nameAndTags) throws IOException, InterruptedException {
		String json = get(port, "/actuator/metrics/" + nameAndTags);
		List<Double> values = JsonPath.read(json, "$.measurements[?(@.statistic == 'VALUE')].value");
		assertThat(values).as(json).hasSize(1);
		return values.get(0);
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void strictModeFailsBeforeTheServerOpensItsPort(Stack stack, CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> stack.run("--server.address=127.0.0.1", "--spring.profiles.active=prod",
					"--bindscope.strict=true"))
			.satisfies((ex) -> assertThat(strictModeCause(ex).isBeforeStart()).isTrue());
		assertThat(output.getOut())
			.contains("Bindscope strict mode (bindscope.strict=true) failed startup before the "
					+ "server opened its port")
			.doesNotContainIgnoringCase("started on port");
	}

	private static StrictModeException strictModeCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof StrictModeException strictMode) {
				return strictMode;
			}
		}
		throw new AssertionError("No StrictModeException in the cause chain", ex);
	}

	/**
	 * Read the report from {@code /actuator/bindings} and check it against the report's
	 * JSON Schema.
	 */
	private static String report(int port) throws IOException, InterruptedException {
		return ReportSchema.assertValid(get(port, "/actuator/bindings"));
	}

	private static String get(int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static final String[] TOMCAT = { "org.apache.catalina", "org.apache.tomcat", "org.apache.coyote" };

	private static final String[] JETTY = { "org.eclipse.jetty" };

	private static final String[] NETTY = { "reactor.netty.http.server" };

	/**
	 * A server and web stack, alone on the class path as in a real application.
	 */
	enum Stack {

		TOMCAT_MVC("servlet", "tomcat", TomcatMvc.class, JETTY, NETTY),

		JETTY_MVC("servlet", "jetty", JettyMvc.class, TOMCAT, NETTY),

		NETTY_WEBFLUX("reactive", "netty", NettyWebFlux.class, TOMCAT, JETTY);

		private final String type;

		private final String server;

		private final Class<?> configuration;

		private final String[] hidden;

		Stack(String type, String server, Class<?> configuration, String[]... hidden) {
			this.type = type;
			this.server = server;
			this.configuration = configuration;
			this.hidden = Stream.of(hidden).flatMap(Stream::of).toArray(String[]::new);
		}

		ConfigurableApplicationContext run(String... args) {
			List<String> allArgs = new ArrayList<>(List.of(args));
			allArgs.add("--server.port=0");
			allArgs.add("--management.endpoints.web.exposure.include=bindings,metrics");
			allArgs.add("--spring.main.web-application-type=" + this.type);
			allArgs.add("--spring.main.banner-mode=off");
			return new SpringApplicationBuilder(TestApplication.class, this.configuration)
				.resourceLoader(new DefaultResourceLoader(new FilteredClassLoader(this.hidden)))
				.run(allArgs.toArray(String[]::new));
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

	@Configuration(proxyBeanMethods = false)
	static class TomcatMvc {

		@Bean
		TomcatServletWebServerFactory webServerFactory() {
			return new TomcatServletWebServerFactory();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class JettyMvc {

		@Bean
		JettyServletWebServerFactory webServerFactory() {
			return new JettyServletWebServerFactory();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NettyWebFlux {

		@Bean
		NettyReactiveWebServerFactory webServerFactory() {
			return new NettyReactiveWebServerFactory();
		}

	}

}
