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

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.bindscope.fixture.ReportSchema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Puts a real application under the load a busy scraper or a misbehaving dashboard makes:
 * 10,000 requests over 64 keep-alive connections on loopback, first to
 * {@code /actuator/health} (which grows Tomcat's own pool; its {@code bindings}
 * contributor is off, so that it reads no report) and then to {@code /actuator/bindings}.
 * Nothing may fail, the report may be built at most once a second whatever the
 * concurrency, and afterwards threads, descriptors and heap must be back where the health
 * load left them.
 */
class LoadIntegrationTests {

	private static final int REQUESTS = 10_000;

	private static final int CONNECTIONS = 64;

	@ParameterizedTest(name = "probes enabled: {0}")
	@ValueSource(booleans = { false, true })
	void tenThousandRequestsOverSixtyFourConnectionsFailNoneAndLeaveNothingBehind(boolean probes) throws Exception {
		try (ConfigurableApplicationContext context = TomcatBindingsIntegrationTests.start(
				CountingBindingsReporter.CountingReporterConfiguration.class, "--server.address=127.0.0.1",
				"--bindscope.probe.enabled=" + probes, "--management.endpoints.web.exposure.include=health",
				"--management.health.bindings.enabled=false", "--logging.level.org.apache=WARN")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			CountingBindingsReporter reporter = context.getBean(CountingBindingsReporter.class);
			Load health = load(port, "/actuator/health");
			ProcessResources baseline = ProcessResources.now();
			int buildsBefore = reporter.builds.get();
			long start = System.nanoTime();
			Load bindings = load(port, "/actuator/bindings");
			double seconds = (System.nanoTime() - start) / 1e9;
			int builds = reporter.builds.get() - buildsBefore;
			ProcessResources after = ProcessResources.settledTo(baseline, 2, 4);
			String figures = String.format(
					"health: %s; bindings: %s, %d report builds in %.2f s; before: %s; after: %s", health, bindings,
					builds, seconds, baseline, after);
			System.out.println("[load, probes " + probes + "] " + figures);
			assertThat(health.failures()).as(figures).isZero();
			assertThat(bindings.failures()).as(figures).isZero();
			assertThat(bindings.ok()).as(figures).isEqualTo(REQUESTS);
			// Requests that shared a report got the same text: each text is checked once.
			assertThat(bindings.bodies()).as(figures).isNotEmpty();
			bindings.bodies().forEach(ReportSchema::assertValid);
			// One build per second at most, plus one for the second the load began in.
			assertThat(builds).as(figures).isBetween(1, (int) Math.ceil(seconds) + 1);
			assertThat(after.threads()).as(figures).isLessThanOrEqualTo(baseline.threads() + 2);
			assertThat(after.heap()).as(figures).isLessThanOrEqualTo(baseline.heap() + 16 * 1024 * 1024);
			// Last, so that a host without it still runs every other check.
			assumeTrue(ProcessResources.countsDescriptors(), "No /proc/self/fd to count descriptors with");
			assertThat(after.descriptors()).as(figures).isLessThanOrEqualTo(baseline.descriptors() + 4);
		}
	}

	/**
	 * Send {@link #REQUESTS} GET requests over {@link #CONNECTIONS} keep-alive
	 * connections, then close them all.
	 */
	private static Load load(int port, String path) throws Exception {
		AtomicInteger remaining = new AtomicInteger(REQUESTS);
		AtomicInteger ok = new AtomicInteger();
		AtomicInteger failures = new AtomicInteger();
		Set<String> bodies = ConcurrentHashMap.newKeySet();
		ExecutorService executor = Executors.newFixedThreadPool(CONNECTIONS);
		try {
			List<Future<?>> connections = new ArrayList<>();
			for (int i = 0; i < CONNECTIONS; i++) {
				connections.add(executor.submit(() -> {
					byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
						.getBytes(StandardCharsets.US_ASCII);
					// Tomcat closes a connection after 100 requests: open the next one
					// then.
					while (remaining.get() > 0) {
						try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
							socket.setSoTimeout(10_000);
							InputStream in = new BufferedInputStream(socket.getInputStream());
							OutputStream out = socket.getOutputStream();
							boolean open = true;
							while (open && remaining.getAndDecrement() > 0) {
								out.write(request);
								out.flush();
								Response response = readResponse(in);
								((response.status() == 200) ? ok : failures).incrementAndGet();
								bodies.add(response.body());
								open = !response.close();
							}
						}
						catch (IOException ex) {
							failures.incrementAndGet();
						}
					}
					return null;
				}));
			}
			for (Future<?> connection : connections) {
				connection.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			executor.shutdownNow();
			executor.awaitTermination(10, TimeUnit.SECONDS);
		}
		return new Load(ok.get(), failures.get(), Set.copyOf(bodies));
	}

	/**
	 * Read one HTTP/1.1 response, its body included, as text.
	 */
	private static Response readResponse(InputStream in) throws IOException {
		String statusLine = readLine(in);
		int status = Integer.parseInt(statusLine.split(" ")[1]);
		long contentLength = -1;
		boolean chunked = false;
		boolean close = false;
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				contentLength = Long.parseLong(lower.substring("content-length:".length()).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				close = true;
			}
		}
		if (chunked) {
			for (long size = Long.parseLong(readLine(in).split(";")[0].trim(), 16); size > 0; size = Long
				.parseLong(readLine(in).split(";")[0].trim(), 16)) {
				body.write(in.readNBytes((int) size));
				readLine(in);
			}
			while (!readLine(in).isEmpty()) {
				// Trailers.
			}
		}
		else if (contentLength > 0) {
			body.write(in.readNBytes((int) contentLength));
		}
		return new Response(status, close, body.toString(StandardCharsets.UTF_8));
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				throw new IOException("Connection closed mid-response");
			}
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}

	record Response(int status, boolean close, String body) {

	}

	/**
	 * What a load got back: how many answers were 200 and how many were not, and the
	 * distinct bodies of the answers.
	 */
	record Load(int ok, int failures, Set<String> bodies) {

		@Override
		public String toString() {
			return this.ok + " ok, " + this.failures + " failed";
		}

	}

}
