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

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializerBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the endpoint's JSON as text from a real server whose application configures
 * Jackson in every way that would change it, and checks names, order and {@code null}
 * values against the documented contract.
 */
class BindingsEndpointJsonContractTests {

	private static final List<String> REPORT_FIELDS = List.of("verdict", "devProfile", "activeProfiles", "environment",
			"listeners", "findings");

	private static final List<String> ENVIRONMENT_FIELDS = List.of("os", "container", "kubernetes", "wsl", "wslVersion",
			"remoteSession", "forwardedUrlTemplate", "evidence", "cloud", "publicAddresses");

	private static final List<String> LISTENER_FIELDS = List.of("role", "server", "scheme", "address", "port",
			"wildcard", "ipv6Only", "source", "reachability", "addresses", "publicAddresses");

	private static final List<String> ADDRESS_FIELDS = List.of("address", "interface", "scope", "url", "probe");

	private static final List<String> FINDING_FIELDS = List.of("severity", "code", "listener", "message", "action");

	private static final String[] HOSTILE_PROPERTIES = { "--server.address=127.0.0.1", "--spring.profiles.active=prod",
			"--spring.jackson.property-naming-strategy=SNAKE_CASE",
			"--spring.jackson.default-property-inclusion=non_null" };

	@Test
	void hostileJacksonConfigurationLeavesTheContractUnchanged() throws Exception {
		try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
				ConfigurableApplicationContext context = TomcatBindingsIntegrationTests
					.start(HostileJacksonConfiguration.class, HOSTILE_PROPERTIES)) {
			int port = port(context);
			assertThat(TomcatBindingsIntegrationTests.get("127.0.0.1", port, "/sample"))
				.isEqualTo("{\"SampleBody\":{\"active\":\"yes\",\"first_name\":\"Ada\",\"level\":\"warn\"}}");
			String json = TomcatBindingsIntegrationTests.get("127.0.0.1", port, "/actuator/bindings");
			assertContract(json, port, other.getLocalPort());
		}
	}

	@Test
	void applicationMapperKeepsNamesOrderAndNullsWhenTheEndpointMapperIsNotIsolated() throws Exception {
		try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
				ConfigurableApplicationContext context = TomcatBindingsIntegrationTests.start(
						SortingJacksonConfiguration.class,
						append(HOSTILE_PROPERTIES, "--management.endpoints.jackson.isolated-json-mapper=false"))) {
			int port = port(context);
			assertThat(TomcatBindingsIntegrationTests.get("127.0.0.1", port, "/sample"))
				.isEqualTo("{\"active\":true,\"first_name\":\"Ada\",\"level\":\"warn\"}");
			String json = TomcatBindingsIntegrationTests.get("127.0.0.1", port, "/actuator/bindings");
			assertContract(json, port, other.getLocalPort());
		}
	}

	private static void assertContract(String json, int port, int otherPort) {
		assertThat(json).startsWith("{\"verdict\":\"LOCAL_ONLY\",\"devProfile\":false,\"activeProfiles\":[\"prod\"],"
				+ "\"environment\":{\"os\":\"");
		String source = TomcatBindingsIntegrationTests.kernelSocketTableReadable() ? "procfs" : "connector";
		assertThat(json)
			.contains("{\"role\":\"server\",\"server\":\"tomcat\",\"scheme\":\"http\",\"address\":\"127.0.0.1\","
					+ "\"port\":" + port + ",\"wildcard\":false,\"ipv6Only\":false,\"source\":\"" + source
					+ "\",\"reachability\":\"LOCAL_ONLY\",\"addresses\":[{\"address\":\"127.0.0.1\",\"interface\":\"lo\","
					+ "\"scope\":\"LOOPBACK\",\"url\":\"http://127.0.0.1:" + port + "/\",\"probe\":\"SKIPPED\"}],"
					+ "\"publicAddresses\":[]}");
		assertThat(json).contains("{\"severity\":\"WARN\",\"code\":\"LOOPBACK_ONLY\",\"listener\":\"server:" + port
				+ "\",\"message\":\"The tomcat server listens on 127.0.0.1:" + port + " only");
		if (TomcatBindingsIntegrationTests.kernelSocketTableReadable()) {
			// A socket the test opened: no server, no scheme, no URL, and the nulls
			// written.
			assertThat(json).contains("{\"role\":\"other\",\"server\":null,\"scheme\":null,\"address\":\"127.0.0.1\","
					+ "\"port\":" + otherPort + ",\"wildcard\":false,\"ipv6Only\":false,\"source\":\"procfs\","
					+ "\"reachability\":\"LOCAL_ONLY\",\"addresses\":[{\"address\":\"127.0.0.1\",\"interface\":\"lo\","
					+ "\"scope\":\"LOOPBACK\",\"url\":null,\"probe\":\"SKIPPED\"}],\"publicAddresses\":[]}");
		}
		else {
			// Without the kernel's table only the connectors are known.
			assertThat(json).doesNotContain("\"port\":" + otherPort + ",");
		}
		Map<String, List<List<String>>> fields = fieldsByPath(json);
		assertThat(fields).containsOnlyKeys("$", "$.environment", "$.listeners[*]", "$.listeners[*].addresses[*]",
				"$.findings[*]");
		assertThat(fields.get("$")).containsExactly(REPORT_FIELDS);
		assertThat(fields.get("$.environment")).containsExactly(ENVIRONMENT_FIELDS);
		assertThat(fields.get("$.listeners[*]")).isNotEmpty().containsOnly(LISTENER_FIELDS);
		assertThat(fields.get("$.listeners[*].addresses[*]")).isNotEmpty().containsOnly(ADDRESS_FIELDS);
		assertThat(fields.get("$.findings[*]")).isNotEmpty().containsOnly(FINDING_FIELDS);
	}

	/**
	 * Return the field names of every object in the given JSON, in the order the text has
	 * them, by the path of the object ({@code [*]} for any array element).
	 */
	private static Map<String, List<List<String>>> fieldsByPath(String json) {
		Map<String, List<List<String>>> fields = new LinkedHashMap<>();
		Deque<Container> open = new ArrayDeque<>();
		try (JsonParser parser = JsonMapper.shared().createParser(json)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				switch (token) {
					case PROPERTY_NAME -> open.peek().names.add(parser.currentName());
					case START_OBJECT, START_ARRAY -> open.push(new Container(childPath(open.peek()), token));
					case END_OBJECT -> {
						Container object = open.pop();
						fields.computeIfAbsent(object.path, (path) -> new ArrayList<>()).add(object.names);
					}
					case END_ARRAY -> open.pop();
					default -> {
					}
				}
			}
		}
		return fields;
	}

	private static String childPath(@Nullable Container parent) {
		if (parent == null) {
			return "$";
		}
		return (parent.token == JsonToken.START_ARRAY) ? parent.path + "[*]"
				: parent.path + "." + parent.names.get(parent.names.size() - 1);
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static String[] append(String[] args, String... more) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}

	private record Container(String path, JsonToken token, List<String> names) {

		Container(String path, JsonToken token) {
			this(path, token, new ArrayList<>());
		}

	}

	enum Level {

		WARN

	}

	// A class, not a record: Jackson keeps a record's components in their own order.
	// Public, as Jackson only sees public getters.
	public static class SampleBody {

		public String getFirstName() {
			return "Ada";
		}

		public @Nullable String getNothing() {
			return null;
		}

		public Level getLevel() {
			return Level.WARN;
		}

		public boolean isActive() {
			return true;
		}

	}

	@RestController
	static class SampleController {

		@GetMapping("/sample")
		SampleBody sample() {
			return new SampleBody();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SortingJacksonConfiguration {

		@Bean
		SampleController sampleController() {
			return new SampleController();
		}

		@Bean
		JsonMapperBuilderCustomizer sortingJsonMapper() {
			return (builder) -> builder.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
				.enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HostileJacksonConfiguration extends SortingJacksonConfiguration {

		@Bean
		JsonMapperBuilderCustomizer wrappingJsonMapper() {
			SimpleModule yesNo = new SimpleModule("yes-no").addSerializer(Boolean.class, new YesNoSerializer())
				.addSerializer(Boolean.TYPE, new YesNoSerializer());
			return (builder) -> builder.enable(SerializationFeature.WRAP_ROOT_VALUE).addModule(yesNo);
		}

	}

	static class YesNoSerializer extends ToStringSerializerBase {

		YesNoSerializer() {
			super(Boolean.class);
		}

		@Override
		public String valueToString(Object value) {
			return ((Boolean) value) ? "yes" : "no";
		}

	}

}
