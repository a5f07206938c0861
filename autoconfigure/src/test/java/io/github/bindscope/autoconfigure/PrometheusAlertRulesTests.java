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
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus alerting rules that the README offers, checked by {@code promtool}: the
 * rule file is valid, and its unit tests prove that each alert fires on the series
 * Bindscope exposes and stays quiet where it should.
 * {@link PrometheusScrapeIntegrationTests} holds those series against a real scrape.
 */
class PrometheusAlertRulesTests {

	private static final Path PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();

	static final Path RULES = PROJECT.resolve("docs/prometheus/bindscope-alerts.yml");

	static final Path RULE_TESTS = PROJECT.resolve("docs/prometheus/bindscope-alerts-tests.yml");

	@Test
	void ruleFilePassesPromtoolCheckRules() {
		Promtool.Result result = Promtool.run("", "check", "rules", RULES.toString());
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS: 2 rules found");
	}

	@Test
	void eachAlertFiresInItsUnitTests() {
		Promtool.Result result = Promtool.run("", "test", "rules", RULE_TESTS.toString());
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS");
	}

	@Test
	void unitTestsFailForARuleThatNoLongerFires(@TempDir Path temp) throws IOException {
		String rules = Files.readString(RULES);
		assertThat(rules).contains("code=\"JDWP_EXPOSED\"})");
		Files.writeString(temp.resolve(RULES.getFileName()),
				rules.replace("code=\"JDWP_EXPOSED\"})", "code=\"JDWP_EXPOSED\", severity=\"INFO\"})"));
		Files.copy(RULE_TESTS, temp.resolve(RULE_TESTS.getFileName()));
		Promtool.Result result = Promtool.run("", "test", "rules", temp.resolve(RULE_TESTS.getFileName()).toString());
		assertThat(result.exitCode()).as(result.output()).isNotZero();
		assertThat(result.output()).contains("BindscopeJdwpAgentExposed");
	}

	@Test
	void readmeShowsTheRuleFileAsItIs() throws IOException {
		String readme = Files.readString(PROJECT.resolve("README.md"));
		String block = "```yaml\n" + Files.readString(RULES) + "```\n";
		assertThat(readme.contains(block)).as("README.md shows %s as it is, in a yaml block", RULES.getFileName())
			.isTrue();
	}

	/**
	 * Return the annotations of an alert of the rule file.
	 * @param alert the alert's name
	 * @return its annotations
	 */
	@SuppressWarnings("unchecked")
	static Map<String, String> annotations(String alert) throws IOException {
		for (Map<String, Object> group : (List<Map<String, Object>>) load(RULES).get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				if (alert.equals(rule.get("alert"))) {
					return (Map<String, String>) rule.get("annotations");
				}
			}
		}
		throw new AssertionError("No alert " + alert + " in " + RULES);
	}

	/**
	 * Return every input series of the unit tests, as {@code series values}.
	 * @return the input series
	 */
	@SuppressWarnings("unchecked")
	static List<String> inputSeries() throws IOException {
		List<String> inputs = new ArrayList<>();
		for (Map<String, Object> test : (List<Map<String, Object>>) load(RULE_TESTS).get("tests")) {
			for (Map<String, Object> input : (List<Map<String, Object>>) test.get("input_series")) {
				inputs.add(input.get("series") + " " + input.get("values"));
			}
		}
		return inputs;
	}

	private static Map<String, Object> load(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file)) {
			return new Yaml().load(reader);
		}
	}

}
