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

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.github.bindscope.fixture.ReportSchema;
import io.github.bindscope.inspect.AddressScope;
import io.github.bindscope.inspect.HostEnvironment;
import io.github.bindscope.inspect.ProbeResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the report's JSON Schema, {@code bindings-report.schema.json}: it is a valid
 * draft 2020-12 schema, its enumerations are the code's, and it rejects what the contract
 * does not describe.
 */
class BindingsReportSchemaTests {

	// The report as the README shows it, with a null in every field that can hold one.
	private static final String REPORT = """
			{
			  "verdict": "LOCAL_ONLY",
			  "devProfile": false,
			  "activeProfiles": ["prod"],
			  "environment": {"os": "linux", "container": "docker", "kubernetes": false, "wsl": false,
			    "wslVersion": null, "remoteSession": null, "forwardedUrlTemplate": null, "evidence": ["/.dockerenv"],
			    "cloud": "aws", "publicAddresses": [{"address": "203.0.113.10", "privateAddress": "10.0.0.10"}]},
			  "listeners": [
			    {"role": "server", "server": "tomcat", "scheme": "http", "address": "127.0.0.1", "port": 8080,
			     "wildcard": false, "ipv6Only": false, "source": "procfs", "reachability": "LOCAL_ONLY",
			     "addresses": [{"address": "127.0.0.1", "interface": "lo", "scope": "LOOPBACK",
			                    "url": "http://127.0.0.1:8080/", "probe": "SKIPPED"}],
			     "publicAddresses": [{"address": "203.0.113.10", "privateAddress": "10.0.0.10",
			                          "url": "http://203.0.113.10:8080/", "probe": "TIMEOUT"}]},
			    {"role": "jdwp", "server": null, "scheme": null, "address": "::", "port": 5005,
			     "wildcard": true, "ipv6Only": false, "source": "procfs", "reachability": "PUBLIC",
			     "addresses": [{"address": "::1", "interface": null, "scope": "LOOPBACK", "url": null, "probe": "OPEN"}],
			     "publicAddresses": []}
			  ],
			  "findings": [{"severity": "WARN", "code": "LOOPBACK_ONLY", "listener": "server:8080",
			                "message": "The tomcat server listens on 127.0.0.1:8080 only.", "action": "Set server.address."},
			               {"severity": "INFO", "code": "SOCKET_TABLE_UNAVAILABLE", "listener": null,
			                "message": "The socket table could not be read.", "action": ""}]
			}
			""";

	private static final JsonMapper mapper = JsonMapper.shared();

	@Test
	void schemaIsAValidDraft202012SchemaWithAStableId() {
		assertThat(ReportSchema.metaSchemaProblems()).isEmpty();
		JsonNode schema = schema();
		assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
		assertThat(schema.get("$id").asString()).isEqualTo(ReportSchema.ID);
	}

	@Test
	void everyObjectOfTheSchemaIsClosedAndRequiresEveryField() {
		List<JsonNode> objects = new ArrayList<>();
		collectObjectSchemas(schema(), objects);
		assertThat(objects).hasSize(7);
		for (JsonNode object : objects) {
			assertThat(object.get("additionalProperties").booleanValue()).as(object.toString()).isFalse();
			List<String> properties = new ArrayList<>(object.get("properties").propertyNames());
			List<String> required = new ArrayList<>();
			object.get("required").forEach((name) -> required.add(name.asString()));
			assertThat(required).as(object.toString()).isEqualTo(properties);
		}
	}

	@Test
	void documentedReportIsValid() {
		assertThat(ReportSchema.problems(REPORT)).isEmpty();
		assertThat(ReportSchema.assertValid(REPORT)).isSameAs(REPORT);
	}

	@Test
	void reachabilityIsTheReachabilityEnum() {
		assertThat(enumeration("/$defs/reachability/enum")).containsExactlyElementsOf(names(Reachability.values()));
		assertThat(enumeration("/$defs/listener/properties/reachability/$ref")).containsExactly("#/$defs/reachability");
		assertThat(enumeration("/properties/verdict/anyOf")).containsExactly("#/$defs/reachability", "null");
	}

	@Test
	void scopeIsTheAddressScopeEnum() {
		assertThat(enumeration("/$defs/address/properties/scope/enum"))
			.containsExactlyElementsOf(names(AddressScope.values()));
	}

	@Test
	void probeIsTheProbeResultEnum() {
		assertThat(enumeration("/$defs/address/properties/probe/enum"))
			.containsExactlyElementsOf(names(ProbeResult.values()));
	}

	@Test
	void severityIsTheSeverityEnum() {
		assertThat(enumeration("/$defs/finding/properties/severity/enum"))
			.containsExactlyElementsOf(names(Severity.values()));
	}

	@Test
	void codeIsTheFindingCodeEnum() {
		assertThat(enumeration("/$defs/finding/properties/code/enum"))
			.containsExactlyElementsOf(names(FindingCode.values()));
	}

	@Test
	void roleIsEveryRoleConstantOfListener() {
		List<@Nullable String> roles = stringConstants(Listener.class).stream()
			.filter((field) -> !field.getName().startsWith("SOURCE_"))
			.map(BindingsReportSchemaTests::value)
			.toList();
		assertThat(roles).hasSize(9);
		assertThat(enumeration("/$defs/listener/properties/role/enum")).containsExactlyInAnyOrderElementsOf(roles);
	}

	@Test
	void sourceIsEverySourceConstantOfListener() {
		List<@Nullable String> sources = stringConstants(Listener.class).stream()
			.filter((field) -> field.getName().startsWith("SOURCE_"))
			.map(BindingsReportSchemaTests::value)
			.toList();
		assertThat(sources).hasSize(3);
		assertThat(enumeration("/$defs/listener/properties/source/enum")).containsExactlyInAnyOrderElementsOf(sources);
	}

	@Test
	void schemeIsEverySchemeOfAWebServerConnectorOrNull() {
		assertThat(enumeration("/$defs/listener/properties/scheme/enum")).containsExactly(WebServerConnector.HTTP,
				WebServerConnector.HTTPS, null);
	}

	@Test
	void remoteSessionIsEverySessionTheDetectorNamesOrNull() {
		assertThat(enumeration("/$defs/environment/properties/remoteSession/enum")).containsExactly(
				HostEnvironment.CODESPACES, HostEnvironment.DEV_CONTAINER, HostEnvironment.DEVPOD,
				HostEnvironment.VSCODE_REMOTE, HostEnvironment.SSH, null);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "", "/environment", "/listeners/0", "/listeners/0/addresses/0", "/findings/0" })
	void fieldTheSchemaDoesNotDescribeIsRejected(String object) {
		ObjectNode report = report();
		((ObjectNode) report.at(object)).put("undocumented", true);
		assertThat(ReportSchema.problems(report.toString())).anySatisfy(
				(problem) -> assertThat(problem).contains("undocumented").contains("not defined in the schema"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> ReportSchema.assertValid(report.toString()))
			.withMessageContaining(ReportSchema.ID)
			.withMessageContaining("undocumented");
	}

	@ParameterizedTest(name = "{0}.{1} = {2}")
	@CsvSource({ "'', verdict, local_only", "/environment, remoteSession, vscode", "/listeners/0, role, web",
			"/listeners/0, source, kernel", "/listeners/0, reachability, LOCAL", "/listeners/0, scheme, ftp",
			"/listeners/0/addresses/0, scope, HOST", "/listeners/0/addresses/0, probe, CLOSED",
			"/findings/0, severity, ERROR", "/findings/0, code, LOOPBACK" })
	void valueOutsideAnEnumerationIsRejected(String object, String field, String value) {
		ObjectNode report = report();
		((ObjectNode) report.at(object)).put(field, value);
		assertThat(ReportSchema.problems(report.toString()))
			.anySatisfy((problem) -> assertThat(problem).contains(object + "/" + field).contains("enumeration"));
	}

	@ParameterizedTest(name = "{0}.{1}")
	@CsvSource({ "'', verdict", "'', findings", "/environment, evidence", "/listeners/0, ipv6Only",
			"/listeners/0, server", "/listeners/0/addresses/0, url", "/findings/0, listener" })
	void missingFieldIsRejected(String object, String field) {
		ObjectNode report = report();
		((ObjectNode) report.at(object)).remove(field);
		assertThat(ReportSchema.problems(report.toString()))
			.anySatisfy((problem) -> assertThat(problem).contains("required property '" + field + "'"));
	}

	@ParameterizedTest(name = "{0}.{1} = {2}")
	@CsvSource({ "/listeners/0, port, '\"8080\"'", "/listeners/0, port, 70000", "'', devProfile, '\"no\"'",
			"/environment, wslVersion, 3", "/findings/0, listener, '\"server\"'",
			"/listeners/0/addresses/0, url, '\"127.0.0.1:8080\"'", "'', activeProfiles, '[1]'" })
	void valueOfTheWrongShapeIsRejected(String object, String field, String value) {
		ObjectNode report = report();
		((ObjectNode) report.at(object)).set(field, mapper.readTree(value));
		assertThat(ReportSchema.problems(report.toString())).isNotEmpty();
	}

	@Test
	void textThatIsNotJsonIsRejected() {
		assertThat(ReportSchema.problems("<html>")).singleElement().asString().startsWith("not JSON");
	}

	private static void collectObjectSchemas(JsonNode node, List<JsonNode> objects) {
		if (node.isObject()) {
			if (node.path("type").isString() && node.path("type").asString().equals("object")) {
				objects.add(node);
			}
			node.forEach((child) -> collectObjectSchemas(child, objects));
		}
		else if (node.isArray()) {
			node.forEach((child) -> collectObjectSchemas(child, objects));
		}
	}

	private static List<@Nullable String> enumeration(String pointer) {
		JsonNode node = schema().at(pointer);
		assertThat(node.isMissingNode()).as(pointer).isFalse();
		List<@Nullable String> values = new ArrayList<>();
		if (node.isString()) {
			values.add(node.asString());
		}
		for (JsonNode value : node) {
			if (value.isObject()) {
				values.add(value.has("$ref") ? value.get("$ref").asString() : value.get("type").asString());
			}
			else {
				values.add(value.isNull() ? null : value.asString());
			}
		}
		return values;
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

	private static List<Field> stringConstants(Class<?> type) {
		return Arrays.stream(type.getDeclaredFields())
			.filter((field) -> Modifier.isPublic(field.getModifiers()) && Modifier.isStatic(field.getModifiers())
					&& field.getType() == String.class)
			.toList();
	}

	private static @Nullable String value(Field field) {
		try {
			return (String) field.get(null);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode schema() {
		return mapper.readTree(ReportSchema.text());
	}

	private static ObjectNode report() {
		return (ObjectNode) mapper.readTree(REPORT);
	}

}
