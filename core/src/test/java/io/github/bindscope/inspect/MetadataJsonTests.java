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

package io.github.bindscope.inspect;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MetadataJson}.
 */
class MetadataJsonTests {

	@Test
	@SuppressWarnings("unchecked")
	void readsObjectsArraysStringsAndLiterals() {
		Object value = MetadataJson.parse("""
				 {"interface": [{"ipv4": {"ipAddress": [{"privateIpAddress": "10.0.0.10",
				 "publicIpAddress": ""}]}, "mtu": 1500, "up": true, "tags": null, "name": "a\\"b\\u00e9\\/"}]}
				""");
		Map<String, Object> networkInterface = (Map<String, Object>) ((List<Object>) ((Map<String, Object>) value)
			.get("interface")).get(0);
		assertThat(networkInterface)
			.containsEntry("ipv4",
					Map.of("ipAddress", List.of(Map.of("privateIpAddress", "10.0.0.10", "publicIpAddress", ""))))
			.containsEntry("mtu", "1500")
			.containsEntry("up", true)
			.containsEntry("tags", null)
			.containsEntry("name", "a\"b\u00e9/");
		assertThat(networkInterface.keySet()).containsExactly("ipv4", "mtu", "up", "tags", "name");
	}

	@Test
	void literalsAreExact() {
		assertThat(MetadataJson.parse(" false ")).isEqualTo(false);
		assertThat(MetadataJson.parse("null")).isNull();
		assertThat(MetadataJson.parse("[]")).isEqualTo(List.of());
		assertThat(MetadataJson.parse("{}")).isEqualTo(Map.of());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "{", "{\"a\" 1}", "[1,]", "\"open", "{\"a\": 1} x", "tru", "{\"a\": \"\u0001\"}",
			"\"\\x\"" })
	void rejectsWhatIsNotOneJsonValue(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> MetadataJson.parse(text))
			.withMessageStartingWith("Not JSON");
	}

	@Test
	void rejectsDeepNesting() {
		assertThatIllegalArgumentException().isThrownBy(() -> MetadataJson.parse("[".repeat(100) + "]".repeat(100)))
			.withMessageContaining("nested too deeply");
	}

}
