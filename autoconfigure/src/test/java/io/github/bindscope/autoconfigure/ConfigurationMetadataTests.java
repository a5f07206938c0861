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
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the metadata the configuration processor generated, which IDEs use to complete
 * and document our keys.
 */
class ConfigurationMetadataTests {

	@Test
	void everyBindscopeKeyIsDocumented() throws IOException {
		List<Map<String, Object>> properties = properties();
		List<Map<String, Object>> ours = properties.stream()
			.filter((property) -> ((String) property.get("name")).startsWith("bindscope."))
			.toList();
		assertThat(ours).extracting((property) -> property.get("name"))
			.contains("bindscope.enabled", "bindscope.strict", "bindscope.dev-profiles");
		assertThat(ours).allSatisfy((property) -> assertThat((String) property.get("description"))
			.as("description of %s", property.get("name"))
			.isNotBlank()
			.endsWith("."));
	}

	@Test
	void endpointKeysAreGenerated() throws IOException {
		assertThat(properties()).extracting((property) -> property.get("name"))
			.contains("management.endpoint.bindings.access", "management.endpoint.bindings.cache.time-to-live",
					"management.endpoint.bindscope.access", "management.endpoint.bindscope.cache.time-to-live");
	}

	@Test
	void healthAndInfoSwitchesAreDocumentedOnByDefault() throws IOException {
		assertThat(properties())
			.filteredOn((property) -> List.of("management.health.bindings.enabled", "management.info.bindings.enabled")
				.contains(property.get("name")))
			.hasSize(2)
			.allSatisfy((property) -> {
				assertThat(property).containsEntry("type", "java.lang.Boolean").containsEntry("defaultValue", true);
				assertThat((String) property.get("description")).startsWith("Whether to enable bindings");
			});
	}

	@Test
	void strictModeStatusIsDocumentedWithTheStatusesToChooseFrom() throws IOException {
		assertThat(properties())
			.filteredOn((property) -> "bindscope.health.strict-mode-status".equals(property.get("name")))
			.singleElement()
			.satisfies((property) -> {
				assertThat(property).containsEntry("type", "java.lang.String").doesNotContainKey("defaultValue");
				assertThat(property.get("description")).asString().contains("OUT_OF_SERVICE").contains("UP");
			});
		try (InputStream metadata = new ClassPathResource("META-INF/spring-configuration-metadata.json")
			.getInputStream()) {
			List<String> values = JsonPath.read(metadata,
					"$.hints[?(@.name == 'bindscope.health.strict-mode-status')].values[*].value");
			assertThat(values).containsExactly("OUT_OF_SERVICE", "DOWN");
		}
	}

	@Test
	void devProfilesDefaultIsDocumented() throws IOException {
		assertThat(properties()).filteredOn((property) -> "bindscope.dev-profiles".equals(property.get("name")))
			.singleElement()
			.satisfies((property) -> assertThat((List<String>) property.get("defaultValue")).containsExactly("dev",
					"local", "development", "test"));
	}

	@Test
	void probeTimeoutDocumentsItsRangeAndDefault() throws IOException {
		assertThat(properties()).filteredOn((property) -> "bindscope.probe.timeout".equals(property.get("name")))
			.singleElement()
			.satisfies((property) -> {
				assertThat(property.get("description")).asString().contains("from 10ms to 1m");
				assertThat(property.get("defaultValue")).isEqualTo("250ms");
			});
	}

	@Test
	void reportMaxAgeDocumentsItsDefaultAndZero() throws IOException {
		assertThat(properties()).filteredOn((property) -> "bindscope.report.max-age".equals(property.get("name")))
			.singleElement()
			.satisfies((property) -> {
				assertThat(property.get("description")).asString().contains("0 builds a fresh report");
				assertThat(property.get("defaultValue")).isEqualTo("1s");
			});
	}

	@Test
	void cloudPropertiesDocumentTheirDefaults() throws IOException {
		List<Map<String, Object>> properties = properties();
		assertThat(properties).filteredOn((property) -> "bindscope.cloud.metadata.enabled".equals(property.get("name")))
			.singleElement()
			.satisfies((property) -> assertThat(property.get("defaultValue")).isEqualTo(false));
		assertThat(properties).filteredOn((property) -> "bindscope.cloud.metadata.timeout".equals(property.get("name")))
			.singleElement()
			.satisfies((property) -> {
				assertThat(property.get("description")).asString().contains("from 10ms to 10s");
				assertThat(property.get("defaultValue")).isEqualTo("1s");
			});
		assertThat(properties).filteredOn((property) -> "bindscope.probe.public".equals(property.get("name")))
			.singleElement()
			.satisfies((property) -> {
				assertThat(property.get("type")).isEqualTo("java.lang.Boolean");
				assertThat(property.get("description")).asString().contains("bindscope.cloud.metadata.enabled");
				assertThat(property.get("defaultValue")).isEqualTo(false);
			});
	}

	private static List<Map<String, Object>> properties() throws IOException {
		try (InputStream metadata = new ClassPathResource("META-INF/spring-configuration-metadata.json")
			.getInputStream()) {
			return JsonPath.read(metadata, "$.properties");
		}
	}

}
