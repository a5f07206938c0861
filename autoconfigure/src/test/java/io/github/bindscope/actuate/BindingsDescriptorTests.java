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

package io.github.bindscope.actuate;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.jackson.EndpointJsonMapper;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.bindscope.fixture.ReportSchema;
import io.github.bindscope.inspect.AddressScope;
import io.github.bindscope.inspect.CloudProvider;
import io.github.bindscope.inspect.HostEnvironment;
import io.github.bindscope.inspect.ProbeResult;
import io.github.bindscope.inspect.PublicAddress;
import io.github.bindscope.inspect.PublicAddressLookup;
import io.github.bindscope.report.BindingsReport;
import io.github.bindscope.report.Finding;
import io.github.bindscope.report.FindingCode;
import io.github.bindscope.report.Listener;
import io.github.bindscope.report.ListenerAddress;
import io.github.bindscope.report.ListenerPublicAddress;
import io.github.bindscope.report.Reachability;
import io.github.bindscope.report.Severity;
import io.github.bindscope.report.WebServerConnector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes {@link BindingsDescriptor} with the JSON mapper that Actuator isolates for
 * endpoint responses, which leaves out {@code null} values by default, and checks what it
 * writes against the report's JSON Schema.
 */
class BindingsDescriptorTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonEndpointAutoConfiguration.class));

	@Test
	void actuatorMapperWritesEveryFieldInContractOrderWithNulls() throws Exception {
		Listener jdwp = new Listener("jdwp", null, null, "::", 5005, true, false, "procfs", Reachability.PUBLIC,
				List.of(new ListenerAddress(InetAddress.getByName("::1"), null, AddressScope.LOOPBACK, null,
						ProbeResult.SKIPPED)));
		Finding finding = new Finding(Severity.INFO, FindingCode.PRIVATE_ADDRESS_ONLY, null, "Found.", "Act.");
		HostEnvironment environment = new HostEnvironment("linux", null, false, true, null, null, null,
				List.of("WSL_DISTRO_NAME"));
		BindingsReport report = new BindingsReport(null, true, List.of("dev", "local"), environment, List.of(jdwp),
				List.of(finding));
		this.contextRunner.run((context) -> {
			String json = context.getBean(EndpointJsonMapper.class)
				.get()
				.writeValueAsString(BindingsDescriptor.of(report));
			assertThat(json).isEqualTo("{\"verdict\":null,\"devProfile\":true,\"activeProfiles\":[\"dev\",\"local\"],"
					+ "\"environment\":{\"os\":\"linux\",\"container\":null,\"kubernetes\":false,\"wsl\":true,"
					+ "\"wslVersion\":null,\"remoteSession\":null,\"forwardedUrlTemplate\":null,"
					+ "\"evidence\":[\"WSL_DISTRO_NAME\"],\"cloud\":null,\"publicAddresses\":null},"
					+ "\"listeners\":[{\"role\":\"jdwp\",\"server\":null,\"scheme\":null,\"address\":\"::\",\"port\":5005,"
					+ "\"wildcard\":true,\"ipv6Only\":false,\"source\":\"procfs\",\"reachability\":\"PUBLIC\","
					+ "\"addresses\":[{\"address\":\"::1\",\"interface\":null,\"scope\":\"LOOPBACK\",\"url\":null,"
					+ "\"probe\":\"SKIPPED\"}],\"publicAddresses\":[]}],"
					+ "\"findings\":[{\"severity\":\"INFO\",\"code\":\"PRIVATE_ADDRESS_ONLY\",\"listener\":null,"
					+ "\"message\":\"Found.\",\"action\":\"Act.\"}]}");
			ReportSchema.assertValid(json);
		});
	}

	@Test
	void everyValueTheReportCanHoldIsWrittenAsTheSchemaDescribesIt() throws Exception {
		List<Listener> listeners = new ArrayList<>();
		List<String> roles = List.of(Listener.SERVER, Listener.MANAGEMENT, Listener.CONNECTOR, Listener.JDWP,
				Listener.JMX, Listener.LIVERELOAD, Listener.GRPC, Listener.RSOCKET, Listener.OTHER);
		List<String> sources = List.of(Listener.SOURCE_PROCFS, Listener.SOURCE_CONNECTOR, Listener.SOURCE_ARGUMENTS);
		List<@Nullable String> schemes = Arrays.asList(WebServerConnector.HTTP, WebServerConnector.HTTPS, null);
		for (int i = 0; i < roles.size(); i++) {
			Reachability reachability = Reachability.values()[i % Reachability.values().length];
			List<ListenerAddress> addresses = new ArrayList<>();
			for (int j = 0; j < AddressScope.values().length; j++) {
				addresses.add(new ListenerAddress(InetAddress.getByName("fe80::" + (j + 1) + "%1"), "eth" + j,
						AddressScope.values()[j], "http://[fe80::" + (j + 1) + "%25eth" + j + "]:8080/",
						ProbeResult.values()[(i + j) % ProbeResult.values().length]));
			}
			listeners.add(new Listener(roles.get(i), (i % 2 == 0) ? "jetty" : null, schemes.get(i % schemes.size()),
					"::", (i == 0) ? 0 : 65535 - i, true, false, sources.get(i % sources.size()), reachability,
					addresses));
		}
		List<Finding> findings = new ArrayList<>();
		for (FindingCode code : FindingCode.values()) {
			findings.add(new Finding(Severity.values()[code.ordinal() % Severity.values().length], code,
					(code.ordinal() % 2 == 0) ? "jdwp:5005" : null, "Found " + code + ".", ""));
		}
		this.contextRunner.run((context) -> {
			for (Reachability verdict : Reachability.values()) {
				for (String session : List.of(HostEnvironment.CODESPACES, HostEnvironment.DEV_CONTAINER,
						HostEnvironment.DEVPOD, HostEnvironment.VSCODE_REMOTE, HostEnvironment.SSH)) {
					HostEnvironment environment = new HostEnvironment("windows", "docker", true, true, 2, session,
							"https://name-{port}.app.github.dev/", List.of("CODESPACES", "/.dockerenv"));
					BindingsReport report = new BindingsReport(verdict, false, List.of(), environment, listeners,
							findings);
					ReportSchema.assertValid(context.getBean(EndpointJsonMapper.class)
						.get()
						.writeValueAsString(BindingsDescriptor.of(report)));
				}
			}
		});
	}

	@Test
	void cloudAndPublicAddressesAreWrittenAtTheEndOfTheirObjects() throws Exception {
		PublicAddress elastic = new PublicAddress(InetAddress.getByName("203.0.113.10"),
				InetAddress.getByName("10.0.0.10"));
		Listener server = new Listener("server", "tomcat", "http", "::", 8080, true, false, "procfs",
				Reachability.PRIVATE_NETWORK,
				List.of(new ListenerAddress(InetAddress.getByName("10.0.0.10"), "eth0", AddressScope.PRIVATE,
						"http://10.0.0.10:8080/", ProbeResult.SKIPPED)),
				List.of(new ListenerPublicAddress(elastic, "http://203.0.113.10:8080/", ProbeResult.TIMEOUT)));
		HostEnvironment environment = new HostEnvironment("linux", null, false, false, null, null, null,
				List.of("/sys/class/dmi/id/sys_vendor: Amazon EC2"), "aws");
		BindingsReport report = new BindingsReport(Reachability.PRIVATE_NETWORK, false, List.of(), environment,
				List.of(server), List.of(), PublicAddressLookup.found(CloudProvider.AWS, List.of(elastic), 4));
		this.contextRunner.run((context) -> {
			String json = context.getBean(EndpointJsonMapper.class)
				.get()
				.writeValueAsString(BindingsDescriptor.of(report));
			assertThat(json)
				.contains("\"evidence\":[\"/sys/class/dmi/id/sys_vendor: Amazon EC2\"],\"cloud\":\"aws\","
						+ "\"publicAddresses\":[{\"address\":\"203.0.113.10\",\"privateAddress\":\"10.0.0.10\"}]},")
				.contains("\"url\":\"http://10.0.0.10:8080/\",\"probe\":\"SKIPPED\"}],\"publicAddresses\":[{"
						+ "\"address\":\"203.0.113.10\",\"privateAddress\":\"10.0.0.10\",\"url\":"
						+ "\"http://203.0.113.10:8080/\",\"probe\":\"TIMEOUT\"}]}]");
		});
	}

	@Test
	void failedLookupHasNoPublicAddresses() throws Exception {
		HostEnvironment environment = new HostEnvironment("linux", null, false, false, null, null, null, List.of(),
				"gcp");
		BindingsReport report = new BindingsReport(null, false, List.of(), environment, List.of(), List.of(),
				PublicAddressLookup.failed(CloudProvider.GOOGLE_CLOUD, "no answer", 1000));
		this.contextRunner.run((context) -> assertThat(
				context.getBean(EndpointJsonMapper.class).get().writeValueAsString(BindingsDescriptor.of(report)))
			.contains("\"cloud\":\"gcp\",\"publicAddresses\":null}"));
	}

	@Test
	void schemaListsTheFieldsOfEachObjectInTheOrderTheyAreWritten() {
		JsonNode schema = JsonMapper.shared().readTree(ReportSchema.text());
		assertThat(propertyNames(schema)).isEqualTo(propertyOrder(BindingsDescriptor.class));
		assertThat(propertyNames(schema.at("/$defs/environment")))
			.isEqualTo(propertyOrder(BindingsDescriptor.EnvironmentDescriptor.class));
		assertThat(propertyNames(schema.at("/$defs/listener")))
			.isEqualTo(propertyOrder(BindingsDescriptor.ListenerDescriptor.class));
		assertThat(propertyNames(schema.at("/$defs/address")))
			.isEqualTo(propertyOrder(BindingsDescriptor.AddressDescriptor.class));
		assertThat(propertyNames(schema.at("/$defs/finding")))
			.isEqualTo(propertyOrder(BindingsDescriptor.FindingDescriptor.class));
	}

	private static List<String> propertyNames(JsonNode objectSchema) {
		return new ArrayList<>(objectSchema.get("properties").propertyNames());
	}

	private static List<String> propertyOrder(Class<?> descriptor) {
		return List.of(descriptor.getAnnotation(JsonPropertyOrder.class).value());
	}

}
