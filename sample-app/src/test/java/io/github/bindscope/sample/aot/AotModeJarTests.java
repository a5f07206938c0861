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

package io.github.bindscope.sample.aot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app's jar, as the build packages it, run with
 * {@code -Dspring.aot.enabled=true}: it must log the same banner and warning and serve
 * the same report as the same jar run without AOT. Run by Failsafe after the jar is
 * built, which names it in the {@value #JAR_PROPERTY} system property; both runs bind
 * {@code 127.0.0.1} on a port of the kernel's choosing under the {@code prod} profile.
 */
class AotModeJarTests {

	static final String JAR_PROPERTY = "bindscope.sample.jar";

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

	private static final Pattern TOMCAT_PORT = Pattern.compile("Tomcat started on port (\\d+)");

	// A console log line of Bindscope's startup reporter: level, message.
	private static final Pattern REPORTER_LINE = Pattern
		.compile("\\S+\\s+([A-Z]+) \\d+ --- .* i\\.g\\.b\\.reporting\\.StartupBindingsReporter\\s+: (.*)");

	private final List<Process> processes = new ArrayList<>();

	// Should this JVM end before the test does, the apps end with it.
	private final Thread cleanup = new Thread(() -> this.processes.forEach(Process::destroyForcibly),
			"bindscope-aot-jar-cleanup");

	@BeforeEach
	void addCleanup() {
		Runtime.getRuntime().addShutdownHook(this.cleanup);
	}

	@AfterEach
	void stopApps() throws InterruptedException {
		for (Process process : this.processes) {
			process.destroy();
			if (!process.waitFor(15, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		Runtime.getRuntime().removeShutdownHook(this.cleanup);
	}

	@Test
	void aotModeLogsAndServesWhatTheJarDoesWithoutAot() throws Exception {
		Path jar = Path.of(System.getProperty(JAR_PROPERTY, "missing"));
		assertThat(jar).as("the packaged sample app (system property %s)", JAR_PROPERTY).isRegularFile();
		Run aot = start(jar, "aot", List.of("-Dspring.aot.enabled=true"));
		Run plain = start(jar, "plain", List.of());
		aot.awaitStarted();
		plain.awaitStarted();

		assertThat(aot.log()).contains("Starting AOT-processed SampleApplication");
		assertThat(plain.log()).doesNotContain("AOT-processed");
		int port = aot.port();
		List<String> logged = aot.bindscopeLines();
		assertThat(logged).startsWith("INFO Bindscope: server:PORT (tomcat) is reachable from this host only:")
			.contains("  Local:   http://127.0.0.1:PORT/  lo",
					"  Network: none, 127.0.0.1 is this host only; set server.address=0.0.0.0 to expose it");
		assertThat(logged).filteredOn((line) -> line.startsWith("WARN "))
			.singleElement(InstanceOfAssertFactories.STRING)
			.startsWith("WARN Bindscope: The tomcat server listens on 127.0.0.1:PORT only, so it can be reached from "
					+ "this host alone (active profiles: prod; server.address set in command line argument "
					+ "--server.address).");
		assertThat(logged).isEqualTo(plain.bindscopeLines());

		Map<String, Object> aotReport = aot.report();
		assertThat(JsonPath.<String>read(aotReport, "$.verdict")).isEqualTo("LOCAL_ONLY");
		assertThat(JsonPath.<List<String>>read(aotReport, "$.findings[*].code")).containsExactly("LOOPBACK_ONLY");
		assertThat(JsonPath.<List<String>>read(aotReport, "$.findings[*].severity")).containsExactly("WARN");
		assertThat(JsonPath.<List<String>>read(aotReport, "$.listeners[*].address")).containsExactly("127.0.0.1");
		assertThat(JsonPath.<List<Integer>>read(aotReport, "$.listeners[*].port")).containsExactly(port);
		assertThat(withoutPort(aot.reportJson(), port)).isEqualTo(withoutPort(plain.reportJson(), plain.port()));
	}

	private Run start(Path jar, String name, List<String> jvmArguments) {
		Path log = jar.resolveSibling("aot-tests").resolve(name + ".log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmArguments);
		command.addAll(List.of("-jar", jar.toString(), "--server.address=127.0.0.1", "--server.port=0",
				"--spring.profiles.active=prod"));
		try {
			Files.createDirectories(log.getParent());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			this.processes.add(process);
			process.getOutputStream().close();
			return new Run(process, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + String.join(" ", command), ex);
		}
	}

	/**
	 * Replace a port number with a placeholder, so that two runs on ports of the kernel's
	 * choosing compare equal.
	 */
	private static String withoutPort(String text, int port) {
		return text.replaceAll("(?<!\\d)" + port + "(?!\\d)", "PORT");
	}

	/**
	 * One run of the jar.
	 */
	private record Run(Process process, Path logFile) {

		void awaitStarted() throws InterruptedException {
			long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
			while (!log().contains("Started SampleApplication")) {
				assertThat(this.process.isAlive()).as("the app is running; its log:%n%s", log()).isTrue();
				assertThat(System.nanoTime()).as("the app starts within %s; its log:%n%s", STARTUP_TIMEOUT, log())
					.isLessThan(deadline);
				Thread.sleep(100);
			}
		}

		String log() {
			try {
				return Files.readString(this.logFile, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				return "";
			}
		}

		/**
		 * Return the port Tomcat says it bound, from Spring Boot's own log line.
		 */
		int port() {
			Matcher matcher = TOMCAT_PORT.matcher(log());
			assertThat(matcher.find()).as("Tomcat logged its port:%n%s", log()).isTrue();
			return Integer.parseInt(matcher.group(1));
		}

		/**
		 * Return what Bindscope logged at startup: the level and message of each of its
		 * lines, each followed by the banner's lines under it, with the port replaced.
		 */
		List<String> bindscopeLines() {
			List<String> lines = new ArrayList<>();
			boolean inBanner = false;
			for (String line : log().lines().toList()) {
				Matcher matcher = REPORTER_LINE.matcher(line);
				if (matcher.matches()) {
					lines.add(withoutPort(matcher.group(1) + " " + matcher.group(2), port()));
					inBanner = true;
				}
				else if (inBanner && line.startsWith("  ")) {
					lines.add(withoutPort(line, port()));
				}
				else {
					inBanner = false;
				}
			}
			assertThat(lines).as("Bindscope's startup lines in:%n%s", log()).isNotEmpty();
			return lines;
		}

		String reportJson() throws IOException, InterruptedException {
			HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port() + "/actuator/bindings"))
				.timeout(Duration.ofSeconds(10))
				.build();
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("GET /actuator/bindings: %s", response.body()).isEqualTo(200);
			return response.body();
		}

		Map<String, Object> report() throws IOException, InterruptedException {
			return JsonPath.parse(reportJson()).json();
		}

	}

}
