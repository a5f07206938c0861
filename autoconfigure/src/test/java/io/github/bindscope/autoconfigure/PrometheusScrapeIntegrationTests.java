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
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.yaml.snakeyaml.Yaml;

import io.github.bindscope.report.FindingCode;
import io.github.bindscope.report.Severity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real application on Tomcat, bound to loopback in the {@code prod} profile, with
 * Micrometer's Prometheus registry: {@code /actuator/prometheus} carries Bindscope's
 * families, they agree with {@code /actuator/bindings}, and Prometheus's own lint accepts
 * them.
 */
class PrometheusScrapeIntegrationTests {

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final Pattern SAMPLE = Pattern.compile("^(bindscope_\\w+)\\{([^}]*)\\} (\\S+)$");

	private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\",?");

	private static final String INSTANCE = "app-1:8080";

	private static final String JOB = "app";

	private static ConfigurableApplicationContext context;

	private static int port;

	@BeforeAll
	static void startLoopbackApplicationInProd() {
		context = start("--server.address=127.0.0.1", "--spring.profiles.active=prod");
		port = ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void scrapeCarriesBindscopesFamiliesInAgreementWithTheEndpoint() throws Exception {
		String json = get("/actuator/bindings");
		String families = bindscopeFamilies(get("/actuator/prometheus"));
		List<Sample> samples = samples(families);

		assertThat(families).contains("# TYPE bindscope_listeners gauge\n")
			.contains("# TYPE bindscope_findings gauge\n")
			.contains("# TYPE bindscope_verdict gauge\n");
		assertThat(samples).extracting(Sample::name)
			.containsOnly("bindscope_listeners", "bindscope_findings", "bindscope_verdict");
		// Every role and reachability (9 x 4), code and severity (each code x 2), and
		// verdict (4): a series exists whatever the report holds.
		assertThat(samples).filteredOn((sample) -> sample.name().equals("bindscope_listeners")).hasSize(36);
		assertThat(samples).filteredOn((sample) -> sample.name().equals("bindscope_findings"))
			.hasSize(FindingCode.values().length * Severity.values().length);
		assertThat(samples).filteredOn((sample) -> sample.name().equals("bindscope_verdict")).hasSize(4);
		// Low cardinality: the labels name roles, scopes, codes and severities, never
		// an address or a port.
		assertThat(samples).allSatisfy((sample) -> assertThat(sample.labels().keySet()).isSubsetOf("role",
				"reachability", "code", "severity", "verdict"));
		assertThat(families).doesNotContain("127.0.0.1").doesNotContain(Integer.toString(port));

		assertThat(value(samples, "bindscope_verdict", "verdict", "LOCAL_ONLY")).isEqualTo(1);
		assertThat(value(samples, "bindscope_verdict", "verdict", "PRIVATE_NETWORK")).isZero();
		assertThat(value(samples, "bindscope_verdict", "verdict", "PUBLIC")).isZero();
		assertThat(value(samples, "bindscope_verdict", "verdict", "LINK_LOCAL")).isZero();
		assertThat(value(samples, "bindscope_findings", "code", "LOOPBACK_ONLY", "severity", "WARN")).isEqualTo(1);
		assertThat(value(samples, "bindscope_findings", "code", "LOOPBACK_ONLY", "severity", "INFO")).isZero();
		assertThat(value(samples, "bindscope_listeners", "role", "server", "reachability", "LOCAL_ONLY")).isEqualTo(1);
		assertThat(value(samples, "bindscope_listeners", "role", "server", "reachability", "PRIVATE_NETWORK")).isZero();

		// The whole scrape agrees with the endpoint, series by series.
		assertThat(nonZero(samples, "bindscope_findings", "code", "severity"))
			.isEqualTo(counts(JsonPath.read(json, "$.findings[*]"), "code", "severity"));
		assertThat(nonZero(samples, "bindscope_listeners", "role", "reachability"))
			.isEqualTo(counts(JsonPath.read(json, "$.listeners[*]"), "role", "reachability"));
		assertThat(nonZero(samples, "bindscope_verdict", "verdict"))
			.containsOnlyKeys((String) JsonPath.read(json, "$.verdict"));
	}

	@Test
	void bindscopesFamiliesPassPromtoolCheckMetrics() throws Exception {
		String families = bindscopeFamilies(get("/actuator/prometheus"));
		assertThat(families).contains("bindscope_verdict{");
		Promtool.Result lint = Promtool.run(families, "check", "metrics");
		assertThat(lint.exitCode()).as(lint.output()).isZero();
		assertThat(lint.output()).isEmpty();
	}

	@Test
	void seriesOfTheScrapeFireTheLoopbackAlertAndNotTheJdwpOne(@TempDir Path temp) throws Exception {
		List<Sample> samples = samples(bindscopeFamilies(get("/actuator/prometheus")));
		Path rules = PrometheusAlertRulesTests.RULES.toAbsolutePath();
		List<Map<String, Object>> inputSeries = new ArrayList<>();
		for (Sample sample : samples) {
			Map<String, String> labels = new LinkedHashMap<>(sample.labels());
			labels.put("instance", INSTANCE);
			labels.put("job", JOB);
			inputSeries.add(Map.of("series", series(sample.name(), labels), "values",
					BigDecimal.valueOf(sample.value()).stripTrailingZeros().toPlainString() + "x15"));
		}
		Map<String, Object> loopbackAlert = Map.of("exp_labels",
				Map.of("severity", "warning", "code", "LOOPBACK_ONLY", "instance", INSTANCE, "job", JOB),
				"exp_annotations", PrometheusAlertRulesTests.annotations("BindscopeMainServerLocalOnly"));
		Map<String, Object> test = Map.of("interval", "1m", "input_series", inputSeries, "alert_rule_test",
				List.of(Map.of("eval_time", "10m", "alertname", "BindscopeMainServerLocalOnly", "exp_alerts",
						List.of(loopbackAlert)),
						Map.of("eval_time", "10m", "alertname", "BindscopeJdwpAgentExposed", "exp_alerts", List.of())));
		Path tests = temp.resolve("scrape-tests.yml");
		Files.writeString(tests, new Yaml().dump(
				Map.of("rule_files", List.of(rules.toString()), "evaluation_interval", "1m", "tests", List.of(test))));
		Promtool.Result result = Promtool.run("", "test", "rules", tests.toString());
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS");
	}

	@Test
	void seriesOfTheRuleTestsAreTheOnesTheScrapeCarries() throws Exception {
		List<Sample> samples = samples(bindscopeFamilies(get("/actuator/prometheus")));
		List<String> inputs = PrometheusAlertRulesTests.inputSeries();
		assertThat(inputs).hasSizeGreaterThan(5);
		for (String input : inputs) {
			Matcher series = Pattern.compile("^(\\w+)\\{([^}]*)\\} (.+)$").matcher(input);
			assertThat(series.matches()).as(input).isTrue();
			Map<String, String> labels = labels(series.group(2));
			String instance = labels.remove("instance");
			labels.remove("job");
			// Each series is one the scrape has, with the scrape's labels and nothing
			// else.
			double scraped = value(samples, series.group(1), labels);
			if (INSTANCE.equals(instance)) {
				// The first application of the rule tests is this one: the same values.
				String values = series.group(3);
				assertThat(Double.parseDouble(values.substring(0, values.indexOf('x')))).as(input).isEqualTo(scraped);
			}
		}
		assertThat(inputs).anyMatch((input) -> input.contains("instance=\"" + INSTANCE + "\""));
	}

	/**
	 * Return the families of Bindscope in a scrape, with their {@code HELP} and
	 * {@code TYPE} lines: Spring Boot's and the JVM's own meters do not all pass
	 * {@code promtool}'s lint, and are not Bindscope's to fix.
	 * @param scrape the scrape in Prometheus's text format
	 * @return the lines of Bindscope's families
	 */
	static String bindscopeFamilies(String scrape) {
		return scrape.lines()
			.filter((line) -> line.startsWith("bindscope_") || line.startsWith("# HELP bindscope_")
					|| line.startsWith("# TYPE bindscope_"))
			.collect(Collectors.joining("\n", "", "\n"));
	}

	static List<Sample> samples(String families) {
		return families.lines().filter((line) -> !line.startsWith("#")).map((line) -> {
			Matcher sample = SAMPLE.matcher(line);
			assertThat(sample.matches()).as(line).isTrue();
			return new Sample(sample.group(1), labels(sample.group(2)), Double.parseDouble(sample.group(3)));
		}).toList();
	}

	static Map<String, String> labels(String text) {
		Map<String, String> labels = new LinkedHashMap<>();
		Matcher label = LABEL.matcher(text);
		while (label.find()) {
			labels.put(label.group(1), label.group(2));
		}
		return labels;
	}

	private static String series(String name, Map<String, String> labels) {
		return labels.entrySet()
			.stream()
			.map((label) -> label.getKey() + "=\"" + label.getValue() + "\"")
			.collect(Collectors.joining(",", name + "{", "}"));
	}

	private static double value(List<Sample> samples, String name, String... labels) {
		Map<String, String> wanted = new LinkedHashMap<>();
		for (int i = 0; i < labels.length; i += 2) {
			wanted.put(labels[i], labels[i + 1]);
		}
		return value(samples, name, wanted);
	}

	private static double value(List<Sample> samples, String name, Map<String, String> wanted) {
		return samples.stream()
			.filter((sample) -> sample.name().equals(name) && sample.labels().equals(wanted))
			.map(Sample::value)
			.reduce((one, two) -> {
				throw new AssertionError("Two series " + name + wanted);
			})
			.orElseThrow(() -> new AssertionError("No series " + name + wanted + " in " + samples));
	}

	private static Map<String, Integer> nonZero(List<Sample> samples, String name, String... labels) {
		Map<String, Integer> counts = new TreeMap<>();
		samples.stream().filter((sample) -> sample.name().equals(name) && sample.value() != 0).forEach((sample) -> {
			assertThat(sample.value()).as(sample.toString()).isEqualTo(Math.rint(sample.value()));
			counts.put(key(sample.labels(), labels), (int) sample.value());
		});
		return counts;
	}

	private static Map<String, Integer> counts(List<Map<String, Object>> objects, String... fields) {
		Map<String, Integer> counts = new TreeMap<>();
		for (Map<String, Object> object : objects) {
			counts.merge(key(object, fields), 1, Integer::sum);
		}
		return counts;
	}

	private static String key(Map<String, ?> values, String... fields) {
		return Arrays.stream(fields).map((field) -> String.valueOf(values.get(field))).collect(Collectors.joining(","));
	}

	private static ConfigurableApplicationContext start(String... args) {
		List<String> allArgs = new ArrayList<>(List.of(args));
		allArgs.add("--server.port=0");
		allArgs.add("--management.endpoints.web.exposure.include=bindings,prometheus");
		allArgs.add("--spring.main.banner-mode=off");
		// The test classpath holds every server; this application runs on Tomcat.
		allArgs.add("--spring.autoconfigure.exclude=org.springframework.boot.jetty.autoconfigure.actuate.web.server."
				+ "JettyServletManagementContextAutoConfiguration");
		FilteredClassLoader classLoader = new FilteredClassLoader("org.eclipse.jetty", "reactor.netty.http.server");
		return new SpringApplicationBuilder(TestApplication.class)
			.resourceLoader(new DefaultResourceLoader(classLoader))
			.run(allArgs.toArray(String[]::new));
	}

	private static String get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	record Sample(String name, Map<String, String> labels, double value) {

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
