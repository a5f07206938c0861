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

package io.github.bindscope.sample.network;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app on a virtual machine of a simulated cloud ({@link SimulatedCloud}): a
 * private address only, a public address that the router translates to it, a firewall
 * rule on the router, and a metadata service that speaks AWS's, Google Cloud's or Azure's
 * protocol on {@code 169.254.169.254}. The firmware data that tells the provider comes
 * from a fixture root ({@link FixtureHostEnvironment}). What the report says is checked
 * against what really connects, what the router counted and what the metadata service
 * received.
 */
@ExtendWith(SimulatedCloudExtension.class)
class CloudNamespaceTests {

	private static final Pattern LOOKUP = Pattern.compile("for this machine's public addresses in (\\d+) ms: (.*)");

	private static final String PORT = Integer.toString(SampleAppProcess.PORT);

	// Long enough that a busy machine has started the lookup's HTTP client and connected
	// before it runs out, so that the silence of the service is what ends it.
	private static final long METADATA_TIMEOUT_MILLIS = 2000;

	// The timeout bounds the lookup; the margin only absorbs a slow, shared machine.
	private static final long MARGIN_MILLIS = 1500;

	@ParameterizedTest
	@EnumSource(Provider.class)
	void publicProbeTimesOutWhileTheFirewallDropsThePortAndConnectsOnceItAllowsIt(Provider provider,
			SimulatedCloud cloud) throws InterruptedException {
		cloud.startMetadataService(provider.mode);
		cloud.closeFirewall();
		boolean firewallClosed = true;
		try (SampleAppProcess app = start(cloud, provider, "cloud-" + provider.mode + "-firewall",
				List.of("--bindscope.cloud.metadata.enabled=true",
						// Generous: the answers come quickly, but a busy machine starts
						// an HTTP client slowly.
						"--bindscope.cloud.metadata.timeout=10s", "--bindscope.probe.public=true",
						"--bindscope.probe.timeout=500ms"))) {
			String closed = cloud.getPublicAddressFromTheAppHost();
			ReportedBindings report = app.report("127.0.0.1");
			DocumentContext json = JsonPath.parse(report.json());
			System.out.println("[" + provider + ", firewall closed] curl to the public address: " + closed
					+ "; public addresses " + json.read("$.listeners[?(@.role == 'server')].publicAddresses"));
			SoftAssertions softly = new SoftAssertions();
			softly.assertThat(closed)
				.as("curl from the app host to its public address while the firewall drops it")
				.isEqualTo("000");
			softly.assertThat(json.<String>read("$.environment.cloud")).as(report.json()).isEqualTo(provider.mode);
			softly.assertThat(json.<List<Map<String, Object>>>read("$.environment.publicAddresses"))
				.as(report.json())
				.containsExactly(Map.of("address", SimulatedCloud.PUBLIC_ADDRESS, "privateAddress",
						SimulatedCloud.PRIVATE_ADDRESS));
			softly.assertThat(publicAddress(json))
				.as(report.json())
				.containsEntry("url", "http://" + SimulatedCloud.PUBLIC_ADDRESS + ":" + PORT + "/")
				.containsEntry("privateAddress", SimulatedCloud.PRIVATE_ADDRESS)
				.containsEntry("probe", "TIMEOUT");
			softly.assertThat(finding(json, "CLOUD_PUBLIC_ADDRESS"))
				.as(report.json())
				.containsEntry("severity", "INFO")
				.containsEntry("message", "Internet clients connect to " + SimulatedCloud.PUBLIC_ADDRESS + ":" + PORT
						+ ", which " + provider.displayName + " translates to " + SimulatedCloud.PRIVATE_ADDRESS + ".");
			Map<String, Object> warning = finding(json, "PUBLIC_PORT_UNREACHABLE");
			softly.assertThat(warning).as(report.json()).containsEntry("severity", "WARN");
			softly.assertThat(String.valueOf(warning.get("action")))
				.as(report.json())
				.contains(provider.firewall)
				.contains("TCP port " + PORT)
				.contains("admits only some sources");
			softly.assertThat(app.log())
				.as(app.logTail())
				.contains("WARN")
				.contains("Bindscope: A connection from this host to its public address "
						+ SimulatedCloud.PUBLIC_ADDRESS + ":" + PORT)
				.containsPattern("  Public:  http://" + Pattern.quote(SimulatedCloud.PUBLIC_ADDRESS) + ":" + PORT
						+ "/ +translated to " + Pattern.quote(SimulatedCloud.PRIVATE_ADDRESS)
						+ ", probe timed out, a firewall may drop it");
			softly.assertThat(cloud.metadataRequests())
				.as("requests the metadata service received")
				.isNotEmpty()
				.allSatisfy((request) -> assertThat(request).matches(provider.acceptedRequest));
			softly.assertAll();

			cloud.openFirewall();
			firewallClosed = false;
			String open = cloud.getPublicAddressFromTheAppHost();
			// A report is reused for up to a second; the next one probes again.
			Thread.sleep(1100);
			DocumentContext reopened = JsonPath.parse(app.report("127.0.0.1").json());
			System.out.println("[" + provider + ", firewall open] curl to the public address: " + open
					+ "; public addresses " + reopened.read("$.listeners[?(@.role == 'server')].publicAddresses"));
			assertThat(open).as("curl from the app host to its public address once the firewall allows it")
				.isEqualTo("200");
			assertThat(publicAddress(reopened)).as(reopened.jsonString()).containsEntry("probe", "OPEN");
			assertThat(codes(reopened)).as(reopened.jsonString())
				.contains("CLOUD_PUBLIC_ADDRESS")
				.doesNotContain("PUBLIC_PORT_UNREACHABLE");
			assertThat(cloud.packetsFromTheAppHost().get(SimulatedCloud.METADATA_ADDRESS))
				.as("packets the router counted to the metadata address, so the count works")
				.isPositive();
		}
		finally {
			if (firewallClosed) {
				cloud.openFirewall();
			}
			cloud.stopMetadataService();
		}
	}

	@ParameterizedTest
	@EnumSource(Provider.class)
	void metadataServiceThatNeverAnswersDelaysStartupByAtMostTheTimeoutAndTheReportSaysTheLookupFailed(
			Provider provider, SimulatedCloud cloud) {
		cloud.startMetadataService("silent");
		try (SampleAppProcess app = start(cloud, provider, "cloud-" + provider.mode + "-silent",
				List.of("--bindscope.cloud.metadata.enabled=true",
						"--bindscope.cloud.metadata.timeout=" + METADATA_TIMEOUT_MILLIS + "ms"))) {
			ReportedBindings report = app.report("127.0.0.1");
			DocumentContext json = JsonPath.parse(report.json());
			Matcher lookup = LOOKUP.matcher(app.log());
			assertThat(lookup.find()).as("a log line that says how long the lookup took: %s", app.logTail()).isTrue();
			System.out.println("[" + provider + ", silent metadata service] " + lookup.group());
			SoftAssertions softly = new SoftAssertions();
			softly.assertThat(Long.parseLong(lookup.group(1)))
				.as("time the lookup held up startup (%s)", lookup.group())
				.isGreaterThanOrEqualTo(METADATA_TIMEOUT_MILLIS)
				.isLessThan(METADATA_TIMEOUT_MILLIS + MARGIN_MILLIS);
			softly.assertThat(lookup.group(2))
				.isEqualTo(
						"the lookup failed: no answer from 169.254.169.254 within " + METADATA_TIMEOUT_MILLIS + " ms");
			softly.assertThat(finding(json, "CLOUD_METADATA_UNAVAILABLE"))
				.as(report.json())
				.containsEntry("severity", "INFO")
				.containsEntry("message",
						provider.service + " at 169.254.169.254 was asked for this " + provider.machine
								+ "'s public addresses, but the lookup failed: no answer from 169.254.169.254 within "
								+ METADATA_TIMEOUT_MILLIS + " ms.");
			softly.assertThat(json.<Object>read("$.environment.publicAddresses")).as(report.json()).isNull();
			softly.assertThat(cloud.metadataRequests())
				.as("the app connected to the metadata service, which held the connection")
				.isNotEmpty();
			softly.assertAll();
		}
		finally {
			cloud.stopMetadataService();
		}
	}

	@Test
	void withTheLookupOffNothingIsSentToTheMetadataOrThePublicAddress(SimulatedCloud cloud) {
		Provider provider = Provider.AWS;
		cloud.startMetadataService(provider.mode);
		cloud.resetCounters();
		try (SampleAppProcess app = start(cloud, provider, "cloud-metadata-off",
				List.of("--bindscope.probe.public=true"))) {
			ReportedBindings report = app.report("127.0.0.1");
			DocumentContext json = JsonPath.parse(report.json());
			Map<String, Long> packets = cloud.packetsFromTheAppHost();
			System.out.println("[metadata off] the router counted " + packets + "; private address action: "
					+ finding(json, "PRIVATE_ADDRESS_ONLY").get("action"));
			SoftAssertions softly = new SoftAssertions();
			softly.assertThat(packets)
				.as("packets from the app host that the router counted")
				.containsEntry(SimulatedCloud.METADATA_ADDRESS, 0L)
				.containsEntry(SimulatedCloud.PUBLIC_ADDRESS, 0L);
			softly.assertThat(cloud.metadataRequests()).as("requests the metadata service received").isEmpty();
			softly.assertThat(json.<String>read("$.environment.cloud")).as(report.json()).isEqualTo("aws");
			softly.assertThat(json.<Object>read("$.environment.publicAddresses")).as(report.json()).isNull();
			softly.assertThat(publicAddresses(json)).as(report.json()).isEmpty();
			softly.assertThat(String.valueOf(finding(json, "PRIVATE_ADDRESS_ONLY").get("action")))
				.as(report.json())
				.contains("AWS translates it 1:1 (NAT) to the private address " + SimulatedCloud.PRIVATE_ADDRESS)
				.contains("security group must allow inbound TCP port " + PORT)
				.contains("aws ec2 describe-instances");
			softly.assertThat(app.log())
				.as(app.logTail())
				.contains("bindscope.probe.public is on, but bindscope.cloud.metadata.enabled is off");
			softly.assertAll();
		}
		finally {
			cloud.stopMetadataService();
		}
	}

	private static SampleAppProcess start(SimulatedCloud cloud, Provider provider, String name,
			List<String> arguments) {
		Path root = SimulatedCloud.firmware(name, provider.firmware);
		List<String> appArguments = new ArrayList<>(
				List.of("--server.address=0.0.0.0", "--spring.main.sources=" + FixtureHostEnvironment.class.getName()));
		appArguments.addAll(arguments);
		return SampleAppProcess.start(cloud, name, List.of("-D" + FixtureHostEnvironment.ROOT_PROPERTY + "=" + root),
				appArguments);
	}

	private static Map<String, Object> publicAddress(DocumentContext json) {
		List<Map<String, Object>> addresses = publicAddresses(json);
		assertThat(addresses).as(json.jsonString()).hasSize(1);
		return addresses.get(0);
	}

	private static List<Map<String, Object>> publicAddresses(DocumentContext json) {
		return json.read("$.listeners[?(@.role == 'server')].publicAddresses[*]");
	}

	private static Map<String, Object> finding(DocumentContext json, String code) {
		List<Map<String, Object>> findings = json.read("$.findings[?(@.code == '" + code + "')]");
		assertThat(findings).as("%s finding in %s", code, json.jsonString()).hasSize(1);
		return findings.get(0);
	}

	private static List<String> codes(DocumentContext json) {
		return json.read("$.findings[*].code");
	}

	/**
	 * A cloud of the simulation: its firmware data, the metadata protocol it speaks, and
	 * what the report must call it.
	 */
	enum Provider {

		AWS("aws", Map.of("sys_vendor", "Amazon EC2", "product_name", "t3.micro", "bios_vendor", "Amazon EC2"), "AWS",
				"security group", "AWS's instance metadata service (IMDSv2)", "instance",
				"(PUT /latest/api/token ttl=\\d+ -> 200|GET /latest/meta-data/[a-z0-9-]+ token=valid -> (200|404))"),

		GOOGLE_CLOUD("gcp", Map.of("sys_vendor", "Google", "product_name", "Google Compute Engine"), "Google Cloud",
				"VPC firewall rule", "Google Cloud's metadata server", "VM",
				"GET /computeMetadata/v1/instance/network-interfaces/0/\\S+ flavor=Google -> 200"),

		AZURE("azure",
				Map.of("sys_vendor", "Microsoft Corporation", "product_name", "Virtual Machine", "chassis_asset_tag",
						"7783-7084-3265-9085-8269-3286-77"),
				"Azure", "network security group", "Azure's Instance Metadata Service", "VM",
				"GET /metadata/instance/network\\?api-version=2021-02-01 metadata=true -> 200");

		private final String mode;

		private final Map<String, String> firmware;

		private final String displayName;

		private final String firewall;

		private final String service;

		private final String machine;

		private final String acceptedRequest;

		Provider(String mode, Map<String, String> firmware, String displayName, String firewall, String service,
				String machine, String acceptedRequest) {
			this.mode = mode;
			this.firmware = firmware;
			this.displayName = displayName;
			this.firewall = firewall;
			this.service = service;
			this.machine = machine;
			this.acceptedRequest = acceptedRequest;
		}

	}

}
