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

package io.github.bindscope.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PropertyOrigin}: each fix is given in the form of where the value came
 * from.
 */
class PropertyOriginTests {

	@Test
	void propertiesLineIsRewrittenWithItsOwnKeyAndSeparator() {
		assertThat(PropertyOrigin.file("application-prod.properties", 3, "server.address=127.0.0.1")
			.change("server.address", "0.0.0.0"))
			.isEqualTo("The value comes from application-prod.properties line 3: change that line to "
					+ "server.address=0.0.0.0");
		assertThat(PropertyOrigin.file("application.properties", 7, "  server.address : localhost")
			.change("server.address", "0.0.0.0")).endsWith("change that line to server.address : 0.0.0.0");
		assertThat(PropertyOrigin.file("application.properties", 2, "server.address 127.0.0.1")
			.change("server.address", "0.0.0.0")).endsWith("change that line to server.address 0.0.0.0");
	}

	@Test
	void yamlLineKeepsItsNestedKeyAndComment() {
		assertThat(PropertyOrigin.file("application-prod.yml", 3, "  address: 127.0.0.1 # only here")
			.change("server.address", "0.0.0.0"))
			.isEqualTo("The value comes from application-prod.yml line 3: change that line to "
					+ "address: 0.0.0.0 # only here");
		assertThat(PropertyOrigin.file("application.yaml", 1, "server.address: \"127.0.0.1\"")
			.change("server.address", "0.0.0.0")).endsWith("change that line to server.address: 0.0.0.0");
		assertThat(
				PropertyOrigin.file("application.yml", 9, "  - address: 127.0.0.1").change("server.address", "0.0.0.0"))
			.endsWith("change that line to - address: 0.0.0.0");
	}

	@Test
	void unreadableOrUnusualLinesGiveThePropertyInTheFilesForm() {
		assertThat(PropertyOrigin.file("application-prod.properties", 3, null).change("server.address", "0.0.0.0"))
			.isEqualTo("The value comes from application-prod.properties line 3: change it to server.address=0.0.0.0");
		assertThat(PropertyOrigin.file("application.properties", 4, "server.address=\\")
			.change("server.address", "0.0.0.0")).endsWith("change that line to server.address=0.0.0.0");
		assertThat(PropertyOrigin.file("application-prod.yml", 0, null).change("server.address", "0.0.0.0"))
			.isEqualTo("The value comes from application-prod.yml: set it to 0.0.0.0 there (server.address: "
					+ "0.0.0.0, or the last key of server.address under its parents)");
		assertThat(PropertyOrigin.file("application.yml", 2, "address:").change("server.address", "0.0.0.0"))
			.contains("set it to 0.0.0.0 there");
	}

	@Test
	void environmentVariableArgumentAndSystemPropertyAreGivenInTheirOwnForm() {
		assertThat(PropertyOrigin.environmentVariable("SERVER_ADDRESS").change("server.address", "0.0.0.0"))
			.startsWith("The value comes from the environment variable SERVER_ADDRESS: set SERVER_ADDRESS=0.0.0.0 "
					+ "where it is defined");
		assertThat(PropertyOrigin.commandLine("server.address").change("server.address", "0.0.0.0"))
			.startsWith("The value comes from the command line argument --server.address: pass "
					+ "--server.address=0.0.0.0 instead");
		assertThat(PropertyOrigin.systemProperty("server.address").change("server.address", "0.0.0.0"))
			.startsWith("The value comes from the system property -Dserver.address: pass -Dserver.address=0.0.0.0 "
					+ "instead");
		assertThat(PropertyOrigin.other("property source 'vault'").change("server.address", "0.0.0.0"))
			.isEqualTo("The value comes from property source 'vault': set server.address=0.0.0.0 there");
	}

	@Test
	void describeNamesThePlaceAsEveryMessageDoes() {
		assertThat(PropertyOrigin.file("application-prod.properties", 3, "x=y").describe())
			.isEqualTo("application-prod.properties:3");
		assertThat(PropertyOrigin.file("application.properties", 0, null).describe())
			.isEqualTo("application.properties");
		assertThat(PropertyOrigin.environmentVariable("SERVER_ADDRESS").describe())
			.isEqualTo("environment variable SERVER_ADDRESS");
		assertThat(PropertyOrigin.commandLine("server.address").describe())
			.isEqualTo("command line argument --server.address");
		assertThat(PropertyOrigin.systemProperty("server.address").describe())
			.isEqualTo("system property -Dserver.address");
	}

}
