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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.bindscope.fixture.ReportSchema;
import io.github.bindscope.strict.StrictModeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Starts real Tomcat servers on ephemeral ports and reads their reports over HTTP on
 * loopback.
 */
@ExtendWith(OutputCaptureExtension.class)
class TomcatBindingsIntegrationTests {

	@TempDir
	private Path temp;

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	// Bindscope's endpoint under either id, with a query or path parameters.
	private static final Pattern REPORT_PATH = Pattern.compile("/actuator/(bindings|bindscope)([?;].*)?");

	@Test
	void loopbackBindInProdProfileLogsWarningAndReportsLocalOnly(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = start("--server.address=127.0.0.1",
				"--spring.profiles.active=prod")) {
			int port = port(context);
			String json = get("127.0.0.1", port, "/actuator/bindings");
			assertThat((String) JsonPath.read(json, "$.verdict")).isEqualTo("LOCAL_ONLY");
			assertThat((Boolean) JsonPath.read(json, "$.devProfile")).isFalse();
			assertThat((List<String>) JsonPath.read(json, "$.activeProfiles")).containsExactly("prod");
			Map<String, Object> server = serverListener(json);
			assertThat(server).containsEntry("address", "127.0.0.1")
				.containsEntry("port", port)
				.containsEntry("server", "tomcat")
				.containsEntry("scheme", "http")
				.containsEntry("wildcard", false)
				.containsEntry("reachability", "LOCAL_ONLY")
				.containsEntry("source", expectedSource());
			List<Map<String, Object>> addresses = (List<Map<String, Object>>) server.get("addresses");
			assertThat(addresses).singleElement().satisfies((address) -> {
				assertThat(address).containsEntry("address", "127.0.0.1")
					.containsEntry("scope", "LOOPBACK")
					.containsEntry("url", "http://127.0.0.1:" + port + "/");
				assertThat(address.get("interface")).isNotNull();
			});
			assertThat((List<String>) JsonPath.read(json, "$.findings[?(@.code == 'LOOPBACK_ONLY')].severity"))
				.containsExactly("WARN");
			assertThat((List<String>) JsonPath.read(json, "$.findings[?(@.code == 'LOOPBACK_ONLY')].listener"))
				.containsExactly("server:" + port);
			assertThat(warnLines(output)).singleElement()
				.asString()
				.contains("127.0.0.1:" + port)
				.contains("active profiles: prod")
				.contains("server.address set in command line argument --server.address")
				.contains("The value comes from the command line argument --server.address: pass "
						+ "--server.address=0.0.0.0 instead where the application is started");
		}
	}

	@Test
	void loopbackBindFromAProfileFileGivesTheLineToWrite() throws Exception {
		Files.writeString(this.temp.resolve("application-prod.properties"),
				"# Production\nserver.address = 127.0.0.1\n");
		try (ConfigurableApplicationContext context = start("--spring.config.additional-location=" + this.temp.toUri(),
				"--spring.profiles.active=prod")) {
			assertThat(loopbackOnlyAction(context))
				.contains("The value comes from application-prod.properties line 2: change that line to "
						+ "server.address = 0.0.0.0.");
		}
	}

	@Test
	void loopbackBindFromAnEnvironmentVariableSaysToSetTheVariable() throws Exception {
		// The process's environment, as SpringApplication reads it, with SERVER_ADDRESS.
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("SERVER_ADDRESS", "127.0.0.1")));
		try (ConfigurableApplicationContext context = start(environment, null, "--spring.profiles.active=prod")) {
			assertThat(loopbackOnlyAction(context))
				.contains("The value comes from the environment variable SERVER_ADDRESS: set SERVER_ADDRESS=0.0.0.0 "
						+ "where it is defined");
		}
	}

	private static String loopbackOnlyAction(ConfigurableApplicationContext context) throws Exception {
		String json = get("127.0.0.1", port(context), "/actuator/bindings");
		List<String> actions = JsonPath.read(json, "$.findings[?(@.code == 'LOOPBACK_ONLY')].action");
		assertThat(actions).hasSize(1);
		return actions.get(0);
	}

	@Test
	void loopbackBindInDevProfileLogsInfoNotWarning(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = start("--server.address=127.0.0.1",
				"--spring.profiles.active=dev")) {
			String json = get("127.0.0.1", port(context), "/actuator/bindings");
			assertThat((Boolean) JsonPath.read(json, "$.devProfile")).isTrue();
			assertThat((List<String>) JsonPath.read(json, "$.findings[?(@.code == 'LOOPBACK_ONLY')].severity"))
				.containsExactly("INFO");
			assertThat(warnLines(output)).isEmpty();
			assertThat(output).contains("INFO").contains("can be reached from this host alone");
		}
	}

	@Test
	void noActiveProfileIsNotADevProfile(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = start("--server.address=localhost")) {
			String json = get("127.0.0.1", port(context), "/actuator/bindings");
			assertThat((String) JsonPath.read(json, "$.verdict")).isEqualTo("LOCAL_ONLY");
			assertThat(warnLines(output)).singleElement().asString().contains("no active profile");
		}
	}

	@Test
	void debugLoggingShowsWhatTheStartupReportCost(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = start("--server.address=127.0.0.1",
				"--logging.level.io.github.bindscope=debug")) {
			assertThat(output).containsPattern(
					"Bindscope: report of \\d+ listeners and \\d+ addresses took \\d+\\.\\d ms \\(\\d+\\.\\d ms of CPU\\)");
		}
	}

	@Test
	void startupReportCostIsNotLoggedAtInfo(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = start("--server.address=127.0.0.1")) {
			assertThat(output).contains("Bindscope: ").doesNotContain("addresses took");
		}
	}

	@Test
	void ipv6LoopbackBindReportsLocalOnly() throws Exception {
		try (ConfigurableApplicationContext context = start("--server.address=::1", "--spring.profiles.active=prod")) {
			int port = port(context);
			String json = get("[::1]", port, "/actuator/bindings");
			assertThat((String) JsonPath.read(json, "$.verdict")).isEqualTo("LOCAL_ONLY");
			assertThat(serverListener(json)).containsEntry("address", "::1").containsEntry("wildcard", false);
			assertThat((List<String>) JsonPath.read(json, "$.listeners[?(@.role == 'server')].addresses[*].url"))
				.containsExactly("http://[::1]:" + port + "/");
		}
	}

	@Test
	void wildcardBindListsEveryAddressOfTheHost(CapturedOutput output) throws Exception {
		List<Iproute2.AddressRow> host = Iproute2.upAddresses();
		try (ConfigurableApplicationContext context = start("--spring.profiles.active=prod")) {
			int port = port(context);
			String json = get("127.0.0.1", port, "/actuator/bindings");
			// The JVM binds the wildcard as a dual-stack IPv6 socket: both loopbacks
			// answer, so it is not IPv6-only.
			assertThat(get("[::1]", port, "/")).contains("Hello");
			Map<String, Object> server = serverListener(json);
			assertThat(server).containsEntry("wildcard", true).containsEntry("ipv6Only", false);
			List<Map<String, Object>> reported = (List<Map<String, Object>>) server.get("addresses");
			assertThat(reported).extracting(
					(address) -> Iproute2.canonical((String) address.get("address")) + " " + address.get("interface"))
				.containsExactlyInAnyOrderElementsOf(host.stream()
					.map((address) -> Iproute2.canonical(address.address()) + " " + address.interfaceName())
					.toList());
			if (host.stream().anyMatch((address) -> !address.scope().equals("host"))) {
				assertThat((String) JsonPath.read(json, "$.verdict")).isNotEqualTo("LOCAL_ONLY");
				assertThat((List<?>) JsonPath.read(json, "$.findings[?(@.code == 'LOOPBACK_ONLY')]")).isEmpty();
				assertThat(warnLines(output)).isEmpty();
			}
			else {
				// Loopback is all there is: no bind would reach further.
				assertThat((String) JsonPath.read(json, "$.verdict")).isEqualTo("LOCAL_ONLY");
				assertThat((List<String>) JsonPath.read(json, "$.findings[?(@.code == 'LOOPBACK_ONLY')].message"))
					.singleElement()
					.asString()
					.contains("no interface up besides loopback");
			}
		}
	}

	@Test
	void bannerListsALocalAndANetworkUrlForEveryAddressWithItsInterface(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = start("--spring.profiles.active=dev", "--server.address=0.0.0.0",
				"--server.servlet.context-path=/app", "--bindscope.banner=always")) {
			int port = port(context);
			assertThat(get("127.0.0.1", port, "/app/")).contains("Hello");
			String banner = output.getOut().substring(output.getOut().indexOf("Bindscope: server:" + port));
			assertThat(banner).contains("\n  Local:   http://localhost:" + port + "/app/\n");
			List<Iproute2.AddressRow> hosts = Iproute2.upAddresses();
			for (Iproute2.AddressRow host : hosts) {
				String label = host.scope().equals("host") ? "  Local:   " : "  Network: ";
				String url = "http://" + urlHost(host) + ":" + port + "/app/";
				assertThat(banner).containsPattern(
						"\n" + Pattern.quote(label + url) + " +" + Pattern.quote(host.interfaceName()) + "[ ,\n]");
			}
			// One line for localhost, one for each address.
			assertThat(banner.lines()
				.takeWhile((line) -> !line.isEmpty() && !line.contains(" INFO ") && !line.contains(" WARN "))
				.filter((line) -> line.startsWith("  Local:   http") || line.startsWith("  Network: http"))).as(banner)
				.hasSize(hosts.size() + 1);
		}
	}

	@Test
	void bannerIsLeftOutUnderATestFrameworkByDefault(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = start("--spring.profiles.active=dev",
				"--server.address=127.0.0.1")) {
			int port = port(context);
			assertThat(output).contains("Bindscope: server:" + port + " (tomcat) is reachable from this host only: "
					+ "http://127.0.0.1:" + port + "/");
			assertThat(output).doesNotContain("  Local:").doesNotContain("  Network:");
		}
	}

	@Test
	void bannerShowsHttpsForATlsConnector(CapturedOutput output) throws Exception {
		Path keyStore = this.temp.resolve("server.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost", "-validity", "1",
				"-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", "changeit")
			.redirectErrorStream(true)
			.start();
		assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
		try (ConfigurableApplicationContext context = start("--spring.profiles.active=dev",
				"--server.address=127.0.0.1", "--bindscope.banner=always", "--server.ssl.key-store=file:" + keyStore,
				"--server.ssl.key-store-password=changeit")) {
			int port = port(context);
			assertThat(output).contains("\n  Local:   https://localhost:" + port + "/\n")
				.contains("\n  Local:   https://127.0.0.1:" + port + "/  lo\n");
		}
	}

	@Test
	void probesReportEveryLoopbackAddressOpen(CapturedOutput output) throws Exception {
		// Loopback binds only: probes connect to the addresses a listener accepts.
		try (ConfigurableApplicationContext context = start("--server.address=127.0.0.1",
				"--bindscope.probe.enabled=true", "--bindscope.probe.timeout=2s")) {
			String json = get("127.0.0.1", port(context), "/actuator/bindings");
			assertThat((List<String>) JsonPath.read(json, "$.listeners[?(@.role == 'server')].addresses[*].probe"))
				.containsExactly("OPEN");
			assertThat(output).contains("Bindscope: probed 1 addresses in");
		}
	}

	@Test
	void ipv6LoopbackOnlyWarnsThatLocalhostClientsAreRefused() throws Exception {
		try (ConfigurableApplicationContext context = start("--server.address=::1", "--spring.profiles.active=dev")) {
			String json = get("[::1]", port(context), "/actuator/bindings");
			List<InetAddress> localhost = List.of(InetAddress.getAllByName("localhost"));
			List<String> codes = JsonPath.read(json, "$.findings[*].code");
			if (localhost.stream().anyMatch((address) -> address instanceof java.net.Inet4Address)) {
				assertThat(codes).contains("LOCALHOST_MISMATCH");
			}
			else {
				assertThat(codes).doesNotContain("LOCALHOST_MISMATCH");
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "-1s", "1ns", "999999d" })
	void probeTimeoutOutOfRangeFailsWithTheBindingAnalysisBeforeThePortOpens(String timeout, CapturedOutput output)
			throws Exception {
		int port = freePort();
		PortWatcher watcher = new PortWatcher(port);
		watcher.start();
		try {
			assertThatException().isThrownBy(() -> start("--server.port=" + port, "--server.address=127.0.0.1",
					"--bindscope.probe.enabled=true", "--bindscope.probe.timeout=" + timeout));
		}
		finally {
			watcher.stop();
		}
		assertThat(watcher.attempts.get()).isPositive();
		assertThat(watcher.accepted.get()).isZero();
		assertThat(output).doesNotContain("Tomcat started on")
			.contains("APPLICATION FAILED TO START")
			.contains("Property: bindscope.probe.timeout")
			.contains("Value: \"" + timeout + "\"")
			.contains("bindscope.probe.timeout must be from 10ms to 1m");
	}

	@Test
	void strictModeFailsBeforeThePortOpens(CapturedOutput output) throws Exception {
		int port = freePort();
		PortWatcher watcher = new PortWatcher(port);
		watcher.start();
		try {
			assertThatException()
				.isThrownBy(() -> start("--server.port=" + port, "--server.address=127.0.0.1",
						"--spring.profiles.active=prod", "--bindscope.strict=true"))
				.satisfies((ex) -> assertThat(strictModeCause(ex).isBeforeStart()).isTrue());
		}
		finally {
			watcher.stop();
		}
		assertThat(watcher.attempts.get()).isPositive();
		assertThat(watcher.accepted.get()).isZero();
		assertThat(output).doesNotContain("Tomcat started on")
			.contains("APPLICATION FAILED TO START")
			.contains("before the server opened its port")
			.contains("active profiles: prod")
			.contains("bindscope.strict=false");
	}

	@Test
	void strictModeInDevProfileStarts() throws Exception {
		try (ConfigurableApplicationContext context = start("--server.address=127.0.0.1",
				"--spring.profiles.active=dev", "--bindscope.strict=true")) {
			assertThat(get("127.0.0.1", port(context), "/")).contains("Hello");
		}
	}

	@Test
	void strictModeChecksLiveConnectorsAfterStart(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> start(LoopbackConnectorCustomizerConfiguration.class, "--spring.profiles.active=prod",
					"--bindscope.strict=true"))
			.satisfies((ex) -> assertThat(strictModeCause(ex).isBeforeStart()).isFalse());
		assertThat(output).contains("after the server started, and stopped it");
	}

	@Test
	void extraConnectorIsReportedWithTheAddressItReallyBound() throws Exception {
		try (ConfigurableApplicationContext context = start(ExtraConnectorConfiguration.class,
				"--server.address=127.0.0.1", "--spring.profiles.active=prod")) {
			String json = get("127.0.0.1", port(context), "/actuator/bindings");
			List<Map<String, Object>> connectors = JsonPath.read(json, "$.listeners[?(@.role == 'connector')]");
			assertThat(connectors).singleElement().satisfies((connector) -> {
				assertThat(connector).containsEntry("address", "::1").containsEntry("server", "tomcat");
				assertThat((int) connector.get("port")).isPositive().isNotEqualTo(port(context));
			});
		}
	}

	@Test
	void managementServerOnLoopbackNeverWarns(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = start("--management.server.port=0",
				"--management.server.address=127.0.0.1", "--spring.profiles.active=prod")) {
			int managementPort = Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
			String json = get("127.0.0.1", managementPort, "/actuator/bindings");
			List<Map<String, Object>> management = JsonPath.read(json, "$.listeners[?(@.role == 'management')]");
			assertThat(management).singleElement()
				.satisfies((listener) -> assertThat(listener).containsEntry("address", "127.0.0.1")
					.containsEntry("port", managementPort)
					.containsEntry("reachability", "LOCAL_ONLY"));
			assertThat(warnLines(output)).isEmpty();
		}
	}

	@Test
	void addressThatIsNotOnThisHostFailsWithTheHostsAddresses(CapturedOutput output) {
		// A documentation address: binding to it fails locally, no packet is ever sent.
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> start("--server.address=203.0.113.77", "--spring.profiles.active=prod"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("server.address=203.0.113.77")
			.contains("is not an address of this host")
			.contains("127.0.0.1 (");
	}

	@Test
	void invalidPropertyFailsWithAClearMessage(CapturedOutput output) {
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> start("--bindscope.strict=maybe"));
		assertThat(output).contains("APPLICATION FAILED TO START").contains("bindscope.strict");
	}

	private static StrictModeException strictModeCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof StrictModeException strictMode) {
				return strictMode;
			}
		}
		throw new AssertionError("No StrictModeException in the cause chain", ex);
	}

	private static String expectedSource() {
		return kernelSocketTableReadable() ? "procfs" : "connector";
	}

	// Asked of the file system, not of the socket table under test.
	static boolean kernelSocketTableReadable() {
		return Files.isReadable(Path.of("/proc/self/net/tcp"));
	}

	// RFC 6874: IPv6 in brackets, a link-local address with its interface after "%25".
	private static String urlHost(Iproute2.AddressRow host) {
		if (!host.literal().contains(":")) {
			return host.literal();
		}
		return "[" + host.literal() + (host.scope().equals("link") ? "%25" + host.interfaceName() : "") + "]";
	}

	private static List<String> warnLines(CapturedOutput output) {
		return output.getOut().lines().filter((line) -> line.contains(" WARN ") && line.contains("Bindscope")).toList();
	}

	private static Map<String, Object> serverListener(String json) {
		List<Map<String, Object>> servers = JsonPath.read(json, "$.listeners[?(@.role == 'server')]");
		assertThat(servers).hasSize(1);
		return servers.get(0);
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	static ConfigurableApplicationContext start(String... args) {
		return start(null, args);
	}

	static ConfigurableApplicationContext start(Class<?> extra, String... args) {
		return start(null, extra, args);
	}

	static ConfigurableApplicationContext start(ConfigurableEnvironment environment, Class<?> extra, String... args) {
		List<Class<?>> sources = new ArrayList<>(List.of(TestApplication.class));
		if (extra != null) {
			sources.add(extra);
		}
		List<String> allArgs = new ArrayList<>(List.of(args));
		if (allArgs.stream().noneMatch((arg) -> arg.startsWith("--server.port="))) {
			allArgs.add("--server.port=0");
		}
		allArgs.add("--management.endpoints.web.exposure.include=bindings");
		allArgs.add("--spring.main.banner-mode=off");
		// The test classpath holds every server; these tests are about Tomcat.
		allArgs.add("--spring.autoconfigure.exclude=org.springframework.boot.jetty.autoconfigure.actuate.web.server."
				+ "JettyServletManagementContextAutoConfiguration");
		FilteredClassLoader classLoader = new FilteredClassLoader("org.eclipse.jetty", "reactor.netty.http.server");
		SpringApplicationBuilder builder = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
			.resourceLoader(new DefaultResourceLoader(classLoader));
		if (environment != null) {
			builder.environment(environment);
		}
		return builder.run(allArgs.toArray(String[]::new));
	}

	/**
	 * GET a path and return the body of its 200 answer. The answer to a path of
	 * Bindscope's endpoint ({@code /actuator/bindings} or {@code /actuator/bindscope}) is
	 * a report, checked here against the report's JSON Schema, so that every report a
	 * test reads through this method is.
	 * @param host the URL host
	 * @param port the port
	 * @param path the path, query included
	 * @return the body
	 */
	static String get(String host, int port, String path) throws IOException, InterruptedException {
		String body = getAnswer(host, port, path);
		return REPORT_PATH.matcher(path).matches() ? ReportSchema.assertValid(body) : body;
	}

	/**
	 * GET a path that another project's endpoint answers though it looks like a report's:
	 * {@code /actuator/bindings} when another endpoint owns the id {@code bindings}.
	 * @param host the URL host
	 * @param port the port
	 * @param path the path
	 * @return the body, not checked against the report's schema
	 */
	static String getOtherEndpoint(String host, int port, String path) throws IOException, InterruptedException {
		return getAnswer(host, port, path);
	}

	private static String getAnswer(String host, int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Tries to connect to a loopback port until stopped, counting accepted connections.
	 */
	static final class PortWatcher {

		private final int port;

		private final AtomicBoolean running = new AtomicBoolean(true);

		final AtomicInteger attempts = new AtomicInteger();

		final AtomicInteger accepted = new AtomicInteger();

		private final Thread thread;

		PortWatcher(int port) {
			this.port = port;
			this.thread = new Thread(this::watch, "port-watcher");
		}

		void start() {
			this.thread.start();
		}

		void stop() throws InterruptedException {
			this.running.set(false);
			this.thread.join(10_000);
		}

		private void watch() {
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (this.running.get() && System.nanoTime() < deadline) {
				this.attempts.incrementAndGet();
				try (Socket socket = new Socket()) {
					socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 200);
					this.accepted.incrementAndGet();
				}
				catch (IOException ex) {
					// refused: the port is closed, as it should be
				}
				try {
					Thread.sleep(2);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}

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

	@Configuration(proxyBeanMethods = false)
	static class LoopbackConnectorCustomizerConfiguration {

		// Bypasses server.address, so only the live check after start can see it.
		@Bean
		TomcatConnectorCustomizer loopbackConnector() {
			return (connector) -> connector.setProperty("address", "127.0.0.1");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ExtraConnectorConfiguration {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> extraConnector() {
			return (factory) -> {
				Connector connector = new Connector();
				connector.setPort(0);
				connector.setProperty("address", "::1");
				factory.addAdditionalConnectors(connector);
			};
		}

	}

}
