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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jetty.reactive.JettyReactiveWebServerFactory;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.tomcat.reactive.TomcatReactiveWebServerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts every embedded server Spring Boot 4 ships, under Spring MVC and WebFlux, with a
 * management server on its own port, and checks the report against the live sockets that
 * {@code ss} shows. Everything binds loopback.
 */
class ServerStacksIntegrationTests {

	@TempDir
	static Path keyStoreDirectory;

	private static Path keyStore;

	@ParameterizedTest
	@EnumSource(Stack.class)
	void reportMatchesTheLiveSockets(Stack stack) throws Exception {
		try (ConfigurableApplicationContext context = stack.run("--server.port=0", "--server.address=127.0.0.1",
				"--management.server.port=0", "--management.server.address=::1",
				"--management.endpoints.web.exposure.include=bindings", "--spring.profiles.active=prod")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			int managementPort = Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
			String json = TomcatBindingsIntegrationTests.get("[::1]", managementPort, "/actuator/bindings");
			Map<String, Object> server = single(json, "server");
			assertThat(server).containsEntry("server", stack.server)
				.containsEntry("address", "127.0.0.1")
				.containsEntry("port", port);
			Map<String, Object> management = single(json, "management");
			assertThat(management).containsEntry("server", stack.server)
				.containsEntry("address", "::1")
				.containsEntry("port", managementPort);
			assertThat(TomcatBindingsIntegrationTests.get("127.0.0.1", port, "/")).contains("Hello");
			// The kernel's answer through ss, not through the socket table under test.
			Set<String> live = Iproute2.listeningSocketsOfThisProcess()
				.stream()
				.map((socket) -> Iproute2.canonical(socket.address()) + " " + socket.port())
				.collect(Collectors.toSet());
			assertThat(live).contains(Iproute2.canonical("127.0.0.1") + " " + port,
					Iproute2.canonical("::1") + " " + managementPort);
			Set<String> reported = ((List<Map<String, Object>>) JsonPath.read(json, "$.listeners[*]")).stream()
				.map((listener) -> Iproute2.canonical((String) listener.get("address")) + " " + listener.get("port"))
				.collect(Collectors.toSet());
			assertThat(reported).isEqualTo(live);
		}
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void connectorsThatSpeakTlsAreReportedAsHttps(Stack stack) throws Exception {
		try (ConfigurableApplicationContext context = stack.run("--server.port=0", "--server.address=127.0.0.1",
				"--server.ssl.key-store=" + keyStore.toUri(), "--server.ssl.key-store-password=secret",
				"--server.ssl.key-store-type=PKCS12", "--management.server.port=0",
				"--management.server.address=127.0.0.1", "--management.endpoints.web.exposure.include=bindings",
				"--spring.profiles.active=dev")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			int managementPort = Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
			// The server really speaks TLS, and only TLS.
			HttpResponse<String> hello = trustingClient().send(
					HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(hello.body()).contains("Hello");
			assertThat(hello.sslSession()).isPresent();
			// The management server takes the main server's TLS, as Boot configures it.
			String json = trustingClient()
				.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + managementPort + "/actuator/bindings"))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
			assertThat(single(json, "server")).containsEntry("scheme", "https");
			assertThat(JsonPath.<List<String>>read(json, "$.listeners[?(@.role == 'server')].addresses[*].url"))
				.containsExactly("https://127.0.0.1:" + port + "/");
			assertThat(single(json, "management")).containsEntry("scheme", "https");
		}
	}

	@BeforeAll
	static void createKeyStore() throws Exception {
		// A self-signed key pair made by the JDK's own keytool, valid for a day.
		keyStore = keyStoreDirectory.resolve("server.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
				"-ext", "SAN=ip:127.0.0.1", "-validity", "1", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
				"-storepass", "secret", "-keypass", "secret")
			.redirectErrorStream(true)
			.start();
		assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
	}

	private static HttpClient trustingClient() throws Exception {
		// Loopback only, to a certificate this test has just made.
		X509TrustManager trustAll = new X509TrustManager() {

			@Override
			public void checkClientTrusted(X509Certificate[] chain, String authType) {
			}

			@Override
			public void checkServerTrusted(X509Certificate[] chain, String authType) {
			}

			@Override
			public X509Certificate[] getAcceptedIssuers() {
				return new X509Certificate[0];
			}

		};
		SSLContext tls = SSLContext.getInstance("TLS");
		tls.init(null, new TrustManager[] { trustAll }, new SecureRandom());
		return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
	}

	private static Map<String, Object> single(String json, String role) {
		List<Map<String, Object>> listeners = JsonPath.read(json, "$.listeners[?(@.role == '" + role + "')]");
		assertThat(listeners).as("%s listeners", role).hasSize(1);
		return listeners.get(0);
	}

	private static final String[] TOMCAT = { "org.apache.catalina", "org.apache.tomcat", "org.apache.coyote" };

	private static final String[] JETTY = { "org.eclipse.jetty" };

	private static final String[] NETTY = { "reactor.netty.http.server" };

	enum Stack {

		TOMCAT_MVC("servlet", "tomcat", TomcatMvc.class, JETTY, NETTY),

		// Boot's Tomcat management auto-configuration has no Tomcat class condition; a
		// real
		// Jetty application does not have it on the classpath.
		JETTY_MVC("servlet", "jetty", JettyMvc.class, TOMCAT, NETTY) {

			@Override
			String excluded() {
				return "org.springframework.boot.tomcat.autoconfigure.actuate.web.server."
						+ "TomcatServletManagementContextAutoConfiguration";
			}

		},

		NETTY_WEBFLUX("reactive", "netty", NettyWebFlux.class, TOMCAT, JETTY),

		TOMCAT_WEBFLUX("reactive", "tomcat", TomcatWebFlux.class, JETTY, NETTY),

		JETTY_WEBFLUX("reactive", "jetty", JettyWebFlux.class, TOMCAT, NETTY);

		private final String type;

		private final String server;

		private final Class<?> configuration;

		private final String[] hidden;

		String excluded() {
			return "";
		}

		/**
		 * Run the test application on this stack alone.
		 * @param args the application's arguments
		 * @return the running application
		 */
		ConfigurableApplicationContext run(String... args) {
			return run(new Class<?>[0], args);
		}

		/**
		 * Run the test application on this stack alone, with more configuration.
		 * @param extra the configuration classes to add
		 * @param args the application's arguments
		 * @return the running application
		 */
		ConfigurableApplicationContext run(Class<?>[] extra, String... args) {
			List<String> allArgs = new ArrayList<>(List.of(args));
			allArgs.add("--spring.main.web-application-type=" + this.type);
			allArgs.add("--spring.main.banner-mode=off");
			allArgs.add("--spring.autoconfigure.exclude=" + excluded());
			// One server per application, as Boot expects: hide the other servers'
			// classes.
			FilteredClassLoader classLoader = new FilteredClassLoader(this.hidden);
			List<Class<?>> sources = new ArrayList<>(List.of(TestApplication.class, this.configuration));
			sources.addAll(List.of(extra));
			return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
				.resourceLoader(new DefaultResourceLoader(classLoader))
				.run(allArgs.toArray(String[]::new));
		}

		Stack(String type, String server, Class<?> configuration, String[]... hidden) {
			this.type = type;
			this.server = server;
			this.configuration = configuration;
			this.hidden = Stream.of(hidden).flatMap(Stream::of).toArray(String[]::new);
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@RestController
	static class TestApplication {

		@GetMapping("/")
		Mono<String> hello() {
			return Mono.just("Hello");
		}

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

	@Configuration(proxyBeanMethods = false)
	static class TomcatWebFlux {

		@Bean
		TomcatReactiveWebServerFactory webServerFactory() {
			return new TomcatReactiveWebServerFactory();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class JettyWebFlux {

		@Bean
		JettyReactiveWebServerFactory webServerFactory() {
			return new JettyReactiveWebServerFactory();
		}

	}

}
