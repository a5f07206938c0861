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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

import io.github.bindscope.fixture.ReportSchema;
import io.github.bindscope.report.Listener;
import io.github.bindscope.report.WebServerConnector;
import io.github.bindscope.reporting.BindingsReporter;
import io.github.bindscope.web.TomcatConnectorReader;
import io.github.bindscope.web.WebServerConnectorReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sends requests of every shape but a read to the endpoint on a real Tomcat on loopback
 * and proves, by counting, that none of them builds a report or probes an address; and
 * that reads share reports as documented.
 * <p>
 * Counting: Bindscope's beans back off, so the test application provides a
 * {@link BindingsReporter} that counts calls to the endpoint and reports built. Probes
 * are counted outside Bindscope: {@code AddressProber} is final, so instead a server
 * socket of the test, reported as one more connector, counts the connections the prober
 * makes to it, one per probed report.
 */
class BindingsEndpointRequestShapesTests {

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final int KIB = 1024;

	@Test
	void otherMethodsAreRefusedAndNeverBuildAReport() throws Exception {
		try (ConfigurableApplicationContext context = start()) {
			Counts before = Counts.of(context);
			Map<String, Integer> statuses = new LinkedHashMap<>();
			for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "TRACE", "OPTIONS")) {
				HttpRequest request = HttpRequest.newBuilder(uri(context, "/actuator/bindings"))
					.method(method, HttpRequest.BodyPublishers.ofString("{}"))
					.header("Content-Type", "application/json")
					.timeout(Duration.ofSeconds(10))
					.build();
				statuses.put(method, client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
			}
			assertThat(statuses)
				.isEqualTo(Map.of("POST", 405, "PUT", 405, "DELETE", 405, "PATCH", 405, "TRACE", 405, "OPTIONS", 200));
			assertNothingBuiltSince(before, context);
		}
	}

	@Test
	void pathSuffixesAndEncodedVariantsGetTheUsualAnswersAndNeverBuildAReport() throws Exception {
		try (ConfigurableApplicationContext context = start()) {
			Counts before = Counts.of(context);
			Map<String, Integer> expected = new LinkedHashMap<>();
			expected.put("/actuator/health", 200);
			expected.put("/actuator/bindings/x", 404);
			expected.put("/actuator/bindings/x/y", 404);
			expected.put("/actuator/bindings/", 404);
			expected.put("/actuator/bindings.json", 404);
			expected.put("/actuator/BINDINGS", 404);
			expected.put("/actuator/bindings%20", 404);
			expected.put("/actuator/bindings%3Bx", 404);
			// Spring MVC maps the path as it was sent, not as Tomcat normalized it for
			// the
			// servlet path: an empty or a dot segment, encoded or not, stays a segment of
			// its own and leads to no endpoint, not even health.
			expected.put("/actuator//bindings", 404);
			expected.put("/actuator/bindings/../health", 404);
			expected.put("/actuator/bindings/%2e%2e/health", 404);
			expected.put("/actuator/bindings/%2E%2E/health", 404);
			expected.put("/actuator/./bindings", 404);
			expected.put("/actuator/bindings/x/..", 404);
			expected.put("/actuator/bindings/%2e", 404);
			// Tomcat refuses an encoded slash, an encoded backslash and an encoded NUL.
			expected.put("/actuator/bindings%2Fx", 400);
			expected.put("/actuator/bindings%2F..%2Fhealth", 400);
			expected.put("/actuator/bindings%5Cx", 400);
			expected.put("/actuator/bindings%00", 400);
			expected.put("/actuator/bindings/x%00", 400);
			Map<String, Integer> statuses = new LinkedHashMap<>();
			for (String path : expected.keySet()) {
				statuses.put(path, rawStatus(context, "GET " + path + " HTTP/1.1", ""));
			}
			assertThat(statuses).isEqualTo(expected);
			assertNothingBuiltSince(before, context);
		}
	}

	@Test
	void oversizedRequestHeadsAreRefusedByTomcatAndNeverBuildAReport() throws Exception {
		try (ConfigurableApplicationContext context = start()) {
			Counts before = Counts.of(context);
			Map<String, Integer> statuses = new LinkedHashMap<>();
			statuses.put("64 KiB header", rawStatus(context, "GET /actuator/bindings HTTP/1.1",
					"X-Filler: " + "a".repeat(64 * KIB) + "\r\n"));
			statuses.put("64 KiB query string",
					rawStatus(context, "GET /actuator/bindings?x=" + "a".repeat(64 * KIB) + " HTTP/1.1", ""));
			statuses.put("64 KiB path suffix",
					rawStatus(context, "GET /actuator/bindings/" + "a".repeat(64 * KIB) + " HTTP/1.1", ""));
			StringBuilder manyHeaders = new StringBuilder();
			for (int i = 0; i < 1000; i++) {
				manyHeaders.append("X-Filler-").append(i).append(": a\r\n");
			}
			statuses.put("1000 headers", rawStatus(context, "GET /actuator/bindings HTTP/1.1", manyHeaders.toString()));
			assertThat(statuses).isEqualTo(Map.of("64 KiB header", 400, "64 KiB query string", 400,
					"64 KiB path suffix", 400, "1000 headers", 400));
			assertNothingBuiltSince(before, context);
		}
	}

	@Test
	void getWithAQueryStringOrAPathParameterAndHeadAreNormalReads() throws Exception {
		try (ConfigurableApplicationContext context = start()) {
			Counts before = Counts.of(context);
			HttpResponse<String> query = client.send(HttpRequest.newBuilder(uri(context, "/actuator/bindings?x=1"))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(query.statusCode()).isEqualTo(200);
			assertThat((String) JsonPath.read(ReportSchema.assertValid(query.body()), "$.verdict"))
				.isEqualTo("LOCAL_ONLY");
			// No report was built for the endpoint before: this read builds one.
			assertThat(Counts.of(context)).isEqualTo(before.plus(1, 1));
			awaitProbes(context, before.builds() + 1);
			// Tomcat takes ";x=1" as a path parameter, off the path.
			assertThat(rawStatus(context, "GET /actuator/bindings;x=1 HTTP/1.1", "")).isEqualTo(200);
			assertThat(Counts.of(context).reads()).isEqualTo(before.reads() + 2);
			HttpResponse<String> head = client.send(HttpRequest.newBuilder(uri(context, "/actuator/bindings"))
				.method("HEAD", HttpRequest.BodyPublishers.noBody())
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(head.statusCode()).isEqualTo(200);
			assertThat(head.body()).isEmpty();
			assertThat(Counts.of(context).reads()).isEqualTo(before.reads() + 3);
		}
	}

	@Test
	void burstOfConcurrentGetsSharesReports() throws Exception {
		try (ConfigurableApplicationContext context = start()) {
			Counts before = Counts.of(context);
			int requests = 200;
			ExecutorService executor = Executors.newFixedThreadPool(32);
			try {
				CountDownLatch go = new CountDownLatch(1);
				List<Future<HttpResponse<String>>> responses = new ArrayList<>();
				HttpRequest request = HttpRequest.newBuilder(uri(context, "/actuator/bindings"))
					.timeout(Duration.ofSeconds(30))
					.build();
				for (int i = 0; i < requests; i++) {
					responses.add(executor.submit(() -> {
						go.await();
						return client.send(request, HttpResponse.BodyHandlers.ofString());
					}));
				}
				long start = System.nanoTime();
				go.countDown();
				Set<String> reports = new HashSet<>();
				for (Future<HttpResponse<String>> response : responses) {
					assertThat(response.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
					reports.add(response.get().body());
				}
				long elapsed = System.nanoTime() - start;
				// Requests that shared a report got the same text: each text is checked
				// once.
				reports.forEach(ReportSchema::assertValid);
				Counts after = Counts.of(context);
				assertThat(after.reads() - before.reads()).isEqualTo(requests);
				// A report is built only when the last one is at least a second old, and
				// one at a time: each build is stamped at least a second after the one
				// before, and all are stamped within the burst. A burst of d seconds thus
				// builds at most 1 + floor(d) reports: one if it takes under a second,
				// two
				// under two seconds. The endpoint had built none before, so at least one.
				long bound = 1 + TimeUnit.NANOSECONDS.toSeconds(elapsed);
				int builds = after.builds() - before.builds();
				assertThat(builds).as("reports built by %d GETs in %d ms", requests, elapsed / 1_000_000)
					.isBetween(1, (int) bound);
				awaitProbes(context, before.builds() + builds);
			}
			finally {
				executor.shutdownNow();
			}
		}
	}

	private static void assertNothingBuiltSince(Counts before, ConfigurableApplicationContext context)
			throws Exception {
		assertThat(Counts.of(context)).isEqualTo(before);
		// A read afterwards is counted, so the counters above could have moved; its probe
		// comes after any probe the requests above made, so waiting for it waits for
		// those too.
		HttpResponse<String> read = client.send(
				HttpRequest.newBuilder(uri(context, "/actuator/bindings")).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(read.statusCode()).isEqualTo(200);
		ReportSchema.assertValid(read.body());
		assertThat(Counts.of(context)).isEqualTo(before.plus(1, 1));
		awaitProbes(context, before.builds() + 1);
	}

	/**
	 * Wait until the witness has accepted the given number of connections, one for each
	 * report built so far (the one at startup included), and make sure there are no more.
	 */
	private static void awaitProbes(ConfigurableApplicationContext context, int reportsBuilt) {
		ProbeWitness witness = context.getBean(ProbeWitness.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> witness.connections.get() >= reportsBuilt);
		assertThat(witness.connections.get()).isEqualTo(reportsBuilt);
	}

	private static ConfigurableApplicationContext start() {
		// Command-line values of one key add up: health is exposed next to bindings, so
		// that a path that led to it would answer 200, not 404. Its bindings contributor,
		// which reads the report by design, is off so that health reads none.
		return TomcatBindingsIntegrationTests.start(CountingConfiguration.class, "--server.address=127.0.0.1",
				"--spring.profiles.active=dev", "--bindscope.probe.enabled=true", "--bindscope.probe.timeout=5s",
				"--management.endpoints.web.exposure.include=health", "--management.health.bindings.enabled=false");
	}

	private static URI uri(ConfigurableApplicationContext context, String path) {
		return URI.create("http://127.0.0.1:" + port(context) + path);
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/**
	 * Send a request head as given, byte for byte (an HTTP client library would resolve
	 * dot segments or refuse some of these), and return the status Tomcat answers.
	 */
	private static int rawStatus(ConfigurableApplicationContext context, String requestLine, String headers)
			throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port(context)), 5000);
			socket.setSoTimeout(10_000);
			String head = requestLine + "\r\nHost: 127.0.0.1:" + port(context) + "\r\n" + headers
					+ "Connection: close\r\n\r\n";
			OutputStream out = socket.getOutputStream();
			try {
				out.write(head.getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
			}
			catch (IOException ex) {
				// Tomcat may answer and close before it has read an oversized head.
			}
			InputStream in = socket.getInputStream();
			StringBuilder statusLine = new StringBuilder();
			for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
				statusLine.append((char) b);
			}
			assertThat(statusLine)
				.as("status line for %s", requestLine.substring(0, Math.min(80, requestLine.length())))
				.startsWith("HTTP/1.1 ");
			return Integer.parseInt(statusLine.substring(9, 12));
		}
	}

	/**
	 * Calls to the endpoint and reports built.
	 */
	record Counts(int reads, int builds) {

		static Counts of(ConfigurableApplicationContext context) {
			CountingBindingsReporter reporter = context.getBean(CountingBindingsReporter.class);
			return new Counts(reporter.reads.get(), reporter.builds.get());
		}

		Counts plus(int reads, int builds) {
			return new Counts(this.reads + reads, this.builds + builds);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(CountingBindingsReporter.CountingReporterConfiguration.class)
	static class CountingConfiguration {

		@Bean
		ProbeWitness probeWitness() throws IOException {
			return new ProbeWitness();
		}

		@Bean
		WitnessConnectorReader witnessConnectorReader(ProbeWitness witness) {
			return new WitnessConnectorReader(witness);
		}

	}

	/**
	 * A loopback server socket that nothing but the prober connects to, counting the
	 * connections it accepts.
	 */
	static final class ProbeWitness implements AutoCloseable {

		private final ServerSocket socket;

		final AtomicInteger connections = new AtomicInteger();

		private final Thread thread;

		ProbeWitness() throws IOException {
			this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			this.thread = new Thread(this::accept, "probe-witness");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		private void accept() {
			while (!this.socket.isClosed()) {
				try (Socket accepted = this.socket.accept()) {
					this.connections.incrementAndGet();
				}
				catch (IOException ex) {
					// Closed: the application is stopping.
				}
			}
		}

		@Override
		public void close() throws Exception {
			this.socket.close();
			this.thread.join(5000);
		}

	}

	/**
	 * Reads Tomcat's connectors and adds the witness as one more, so that every probe
	 * connects to it too.
	 */
	static final class WitnessConnectorReader implements WebServerConnectorReader, Ordered {

		private final TomcatConnectorReader tomcat = new TomcatConnectorReader(TomcatWebServer.class,
				TomcatWebServer::getTomcat);

		private final ProbeWitness witness;

		WitnessConnectorReader(ProbeWitness witness) {
			this.witness = witness;
		}

		@Override
		public @Nullable List<WebServerConnector> read(WebServer webServer, String role, String contextPath) {
			List<WebServerConnector> connectors = this.tomcat.read(webServer, role, contextPath);
			if (connectors == null) {
				return null;
			}
			List<WebServerConnector> withWitness = new ArrayList<>(connectors);
			withWitness.add(new WebServerConnector(Listener.CONNECTOR, "witness", "http",
					InetAddress.getLoopbackAddress(), this.witness.port(), ""));
			return withWitness;
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

}
