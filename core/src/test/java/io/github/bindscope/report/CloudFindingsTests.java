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

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.bindscope.inspect.AddressProber;
import io.github.bindscope.inspect.CloudProvider;
import io.github.bindscope.inspect.HostAddress;
import io.github.bindscope.inspect.HostAddresses;
import io.github.bindscope.inspect.HostEnvironment;
import io.github.bindscope.inspect.Localhost;
import io.github.bindscope.inspect.ProbeResult;
import io.github.bindscope.inspect.PublicAddress;
import io.github.bindscope.inspect.PublicAddressLookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for what the report says on a cloud virtual machine: the hints that name each
 * provider's firewall, the public addresses its metadata service reported, and the probes
 * of those addresses. Host addresses are supplied by the test; the only connections made
 * are to servers the test opens on loopback.
 */
class CloudFindingsTests {

	private static final List<HostAddress> HOSTS = List.of(host("127.0.0.1", "lo"), host("172.31.3.163", "eth0"));

	private static final Localhost LOCALHOST = () -> List.of(address("127.0.0.1"));

	private static final PublicAddress EIP = new PublicAddress(address("203.0.113.10"), address("172.31.3.163"));

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					aws          | an AWS EC2 instance                | The instance's security group must allow inbound TCP port 8080 | aws ec2 describe-instances
					gcp          | a Google Compute Engine VM         | A VPC firewall rule must allow ingress on TCP port 8080        | gcloud compute instances describe
					azure        | an Azure VM                        | network security group of the VM's network interface or subnet must allow TCP port 8080 | az vm show
					oracle       | an Oracle Cloud compute instance   | security list of the instance's subnet                         | oci compute instance list-vnics
					openstack    | an OpenStack instance              | security groups must allow ingress on TCP port 8080            | openstack server show
					""")
	void privateAddressOnlyOnACloudThatTranslatesNamesItsFirewallThePortAndHowToFindThePublicAddress(String cloud,
			String machine, String firewall, String command) {
		Finding finding = privateAddressOnly(environment(cloud, null, false), null);
		assertThat(finding.severity()).isEqualTo(Severity.INFO);
		assertThat(finding.action()).startsWith("This process runs on " + machine + ", whose ")
			.contains("translates it 1:1 (NAT) to the private address 172.31.3.163, so clients on the internet "
					+ "connect to the public address and arrive at 172.31.3.163:8080.")
			.contains(firewall)
			.contains("opening the port in this host's own firewall is not enough")
			.contains(command);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					digitalocean | a DigitalOcean Droplet | A DigitalOcean Cloud Firewall applied to the Droplet must allow inbound TCP port 8080 | doctl compute droplet get
					hetzner      | a Hetzner Cloud server | A Hetzner Cloud Firewall applied to the server must allow inbound TCP port 8080       | hcloud server ip
					""")
	void privateAddressOnlyOnACloudThatPutsPublicAddressesOnTheInterfaceSaysSo(String cloud, String machine,
			String firewall, String command) {
		Finding finding = privateAddressOnly(environment(cloud, null, false), null);
		assertThat(finding.action())
			.startsWith("This process runs on " + machine + ", whose public addresses are "
					+ "on its own interface (eth0), not translated")
			.doesNotContain("1:1 (NAT)")
			.contains(firewall)
			.contains(command);
	}

	@Test
	void privateAddressOnlyOnAwsSuggestsTheMetadataLookup() {
		Finding finding = privateAddressOnly(environment("aws", null, false), null);
		assertThat(finding.action()).endsWith("An instance without one is reachable from its VPC only, or through a "
				+ "load balancer. Set bindscope.cloud.metadata.enabled=true to have Bindscope look it up.");
	}

	@Test
	void privateAddressOnlyWithThePublicAddressLookedUpNamesIt() {
		PublicAddressLookup lookup = PublicAddressLookup.found(CloudProvider.AWS, List.of(EIP), 3);
		Finding finding = privateAddressOnly(environment("aws", null, false), lookup);
		assertThat(finding.action())
			.endsWith("Its public address is 203.0.113.10, as the instance metadata service " + "says.");
	}

	@Test
	void privateAddressOnlyOutsideACloudKeepsTheGeneralAction() {
		Finding finding = privateAddressOnly(environment(null, null, false), null);
		assertThat(finding.action()).startsWith("Clients on the internet reach this server only through NAT")
			.doesNotContain("This process runs");
	}

	@Test
	void privateAddressOnlyInAKubernetesPodOnACloudKeepsTheGeneralAction() {
		Finding finding = privateAddressOnly(environment("aws", "unknown", true), null);
		assertThat(finding.action()).startsWith("Clients on the internet reach this server only through NAT");
	}

	@Test
	void privateAddressOnlyInAContainerOnACloudNamesThePublishedPort() {
		Finding finding = privateAddressOnly(environment("gcp", "docker", false), null);
		assertThat(finding.action())
			.startsWith("This process runs in a container on a Google Compute Engine VM: clients on the internet "
					+ "connect to the VM's external IP address, which Google Cloud translates 1:1 (NAT) to the VM's "
					+ "private address, and reach this server only through a port published on the VM (docker run -p "
					+ "8080:8080, or Compose ports:).")
			.doesNotContain("172.31.3.163");
	}

	@Test
	void loopbackOnlyOnACloudSaysThePublicAddressCannotBeBound() {
		BindingsReport report = inspector(null).plan(List.of(server("127.0.0.1", 8080)),
				context(environment("azure", null, false), null));
		assertThat(findings(report, FindingCode.LOOPBACK_ONLY)).singleElement()
			.satisfies((finding) -> assertThat(finding.action()).endsWith("This process runs on an Azure VM: clients "
					+ "on the internet connect to its public IP address, which Azure translates to a private address "
					+ "of this host, so server.address must accept that private address (0.0.0.0 does); the public "
					+ "address is on no interface here and cannot be bound. An inbound rule in the network security "
					+ "group of the VM's network interface or subnet must allow TCP port 8080 (the default rules admit "
					+ "only the virtual network and Azure's load balancer)."));
	}

	@Test
	void publicAddressThatReachesTheServerGetsItsUrlAndAnInfoFinding() {
		PublicAddressLookup lookup = PublicAddressLookup.found(CloudProvider.AWS, List.of(EIP), 3);
		BindingsReport report = inspector(null).plan(List.of(server(null, 8080)),
				context(environment("aws", null, false), lookup));
		assertThat(report.publicAddresses()).isSameAs(lookup);
		Listener server = report.listeners().get(0);
		assertThat(server.publicAddresses())
			.extracting(ListenerPublicAddress::getAddress, ListenerPublicAddress::getPrivateAddress,
					ListenerPublicAddress::getUrl, ListenerPublicAddress::getProbe)
			.containsExactly(tuple("203.0.113.10", "172.31.3.163", "http://203.0.113.10:8080/", ProbeResult.SKIPPED));
		assertThat(findings(report, FindingCode.CLOUD_PUBLIC_ADDRESS)).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.INFO);
			assertThat(finding.listener()).isEqualTo("server:8080");
			assertThat(finding.message())
				.isEqualTo("Internet clients connect to 203.0.113.10:8080, which AWS translates to 172.31.3.163.");
			assertThat(finding.action()).contains("security group")
				.contains("port 8080")
				.contains("bindscope.probe.public=true");
		});
		assertThat(BindingsBanner.render(server, List.of()))
			.contains("\n  Public:  http://203.0.113.10:8080/  translated to 172.31.3.163");
	}

	@Test
	void publicAddressOfAnotherAddressThanTheServerAcceptsSaysSo() {
		PublicAddressLookup lookup = PublicAddressLookup.found(CloudProvider.AWS, List.of(EIP), 3);
		BindingsReport report = inspector(null).plan(List.of(server("127.0.0.1", 8080)),
				context(environment("aws", null, false), lookup));
		assertThat(report.listeners().get(0).publicAddresses()).isEmpty();
		assertThat(findings(report, FindingCode.CLOUD_PUBLIC_ADDRESS)).singleElement().satisfies((finding) -> {
			assertThat(finding.message()).isEqualTo("Internet clients connect to 203.0.113.10:8080, which AWS "
					+ "translates to 172.31.3.163, but the tomcat server does not accept connections on 172.31.3.163.");
			assertThat(finding.action()).contains("server.address=0.0.0.0");
		});
	}

	@Test
	void lookupThatFoundNoPublicAddressSaysClientsCannotConnectDirectly() {
		PublicAddressLookup lookup = PublicAddressLookup.found(CloudProvider.GOOGLE_CLOUD, List.of(), 3);
		BindingsReport report = inspector(null).plan(List.of(server(null, 8080)),
				context(environment("gcp", null, false), lookup));
		assertThat(findings(report, FindingCode.CLOUD_PUBLIC_ADDRESS)).singleElement()
			.satisfies((finding) -> assertThat(finding.message()).isEqualTo("Google Cloud's metadata server reports "
					+ "no public address for this VM, so clients on the internet cannot connect to it directly."));
	}

	@Test
	void failedLookupIsAnInfoFindingThatSaysWhy() {
		PublicAddressLookup lookup = PublicAddressLookup.failed(CloudProvider.AWS,
				"no answer from 169.254.169.254 within 1000 ms", 1001);
		BindingsReport report = inspector(null).plan(List.of(server(null, 8080)),
				context(environment("aws", null, false), lookup));
		assertThat(findings(report, FindingCode.CLOUD_METADATA_UNAVAILABLE)).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.INFO);
			assertThat(finding.listener()).isNull();
			assertThat(finding.message()).isEqualTo("AWS's instance metadata service (IMDSv2) at 169.254.169.254 was "
					+ "asked for this instance's public addresses, but the lookup failed: no answer from "
					+ "169.254.169.254 within 1000 ms.");
			assertThat(finding.action()).contains("bindscope.cloud.metadata.enabled=false");
		});
		assertThat(report.listeners().get(0).publicAddresses()).isEmpty();
		assertThat(findings(report, FindingCode.CLOUD_PUBLIC_ADDRESS)).isEmpty();
	}

	@Test
	void publicAddressOnTheOwnInterfaceIsNeitherProbedNorBannered() throws IOException {
		List<HostAddress> hosts = List.of(host("127.0.0.1", "lo"), host("2001:db8::7", "eth0"));
		PublicAddress ipv6 = new PublicAddress(address("2001:db8::7"), address("2001:db8::7"));
		PublicAddressLookup lookup = PublicAddressLookup.found(CloudProvider.AWS, List.of(ipv6), 3);
		BindingsInspector inspector = new BindingsInspector(() -> hosts, null, null, LOCALHOST,
				new AddressProber(Duration.ofMillis(200)));
		BindingsReport report = inspector.inspect(List.of(server(null, 8080)),
				context(environment("aws", null, false), lookup));
		Listener server = report.listeners().get(0);
		assertThat(server.publicAddresses()).singleElement()
			.satisfies((address) -> assertThat(address.getProbe()).isEqualTo(ProbeResult.SKIPPED));
		assertThat(BindingsBanner.render(server, List.of())).doesNotContain("Public:");
		assertThat(findings(report, FindingCode.CLOUD_PUBLIC_ADDRESS)).singleElement()
			.satisfies((finding) -> assertThat(finding.message())
				.isEqualTo("Internet clients connect to [2001:db8::7]:8080, an address of this host's own interface."));
	}

	@Test
	void publicProbeThatConnectsLeavesOnlyTheInfoFinding() throws IOException {
		// 127.0.0.2 stands for the public address that the cloud translates to 127.0.0.1.
		try (ServerSocket listening = new ServerSocket(0, 50, address("127.0.0.2"))) {
			BindingsReport report = probePublic(listening.getLocalPort());
			Listener server = report.listeners().get(0);
			assertThat(server.publicAddresses()).singleElement()
				.satisfies((address) -> assertThat(address.getProbe()).isEqualTo(ProbeResult.OPEN));
			assertThat(server.addresses())
				.allSatisfy((address) -> assertThat(address.getProbe()).as("own addresses stay unprobed")
					.isEqualTo(ProbeResult.SKIPPED));
			assertThat(findings(report, FindingCode.PUBLIC_PORT_UNREACHABLE)).isEmpty();
			assertThat(findings(report, FindingCode.CLOUD_PUBLIC_ADDRESS)).singleElement()
				.satisfies((finding) -> assertThat(finding.action()).startsWith(
						"A connection from this host to the public address, through AWS's address translation, was "
								+ "answered, so the security group admits it"));
		}
	}

	@Test
	void publicProbeThatIsRefusedWarnsNamingTheFirewallAndWhatItCannotTell() throws IOException {
		int port;
		try (ServerSocket closed = new ServerSocket(0, 1, address("127.0.0.2"))) {
			port = closed.getLocalPort();
		}
		BindingsReport report = probePublic(port);
		assertThat(report.listeners().get(0).publicAddresses()).singleElement()
			.satisfies((address) -> assertThat(address.getProbe()).isEqualTo(ProbeResult.REFUSED));
		assertThat(findings(report, FindingCode.PUBLIC_PORT_UNREACHABLE)).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.WARN);
			assertThat(finding.failsStrictMode()).isFalse();
			assertThat(finding.message()).isEqualTo("A connection from this host to its public address 127.0.0.2:"
					+ port + ", which AWS translates to 127.0.0.1, was refused, though the tomcat server accepts "
					+ "connections on 127.0.0.1.");
			assertThat(finding.action())
				.startsWith("Clients on the internet are probably refused the same way: the instance's security "
						+ "group must allow inbound TCP port " + port)
				.contains("a security group that admits only some sources (your office, a load balancer) gives the "
						+ "same result");
		});
		assertThat(BindingsBanner.render(report.listeners().get(0), List.of()))
			.contains("translated to 127.0.0.1, probe refused");
	}

	private BindingsReport probePublic(int port) {
		PublicAddress translated = new PublicAddress(address("127.0.0.2"), address("127.0.0.1"));
		PublicAddressLookup lookup = PublicAddressLookup.found(CloudProvider.AWS, List.of(translated), 3);
		// Only the public prober: the server's own addresses are not probed.
		BindingsInspector inspector = new BindingsInspector(() -> List.of(host("127.0.0.1", "lo")), null, null,
				LOCALHOST, new AddressProber(Duration.ofSeconds(2)));
		return inspector.inspect(List.of(server(null, port)), context(environment("aws", null, false), lookup));
	}

	private static Finding privateAddressOnly(HostEnvironment environment, @Nullable PublicAddressLookup lookup) {
		BindingsReport report = inspector(null).plan(List.of(server(null, 8080)), context(environment, lookup));
		List<Finding> found = findings(report, FindingCode.PRIVATE_ADDRESS_ONLY);
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private static RunContext context(HostEnvironment environment, @Nullable PublicAddressLookup lookup) {
		return new RunContext(List.of("prod"), false, new LinkedHashSet<>(List.of("dev")), Map.of(), Map.of(),
				environment, null, null, lookup);
	}

	private static HostEnvironment environment(@Nullable String cloud, @Nullable String container, boolean kubernetes) {
		return new HostEnvironment("linux", container, kubernetes, false, null, null, null, List.of(), cloud);
	}

	private static BindingsInspector inspector(@Nullable HostAddresses hosts) {
		// Without a prober nothing is ever connected to.
		return new BindingsInspector((hosts != null) ? hosts : () -> HOSTS, null, null, LOCALHOST);
	}

	private static List<Finding> findings(BindingsReport report, FindingCode code) {
		return report.findings().stream().filter((finding) -> finding.code() == code).toList();
	}

	private static WebServerConnector server(@Nullable String literal, int port) {
		return new WebServerConnector(Listener.SERVER, "tomcat", "http", (literal != null) ? address(literal) : null,
				port, "");
	}

	private static HostAddress host(String literal, String interfaceName) {
		return HostAddress.of(address(literal), interfaceName);
	}

	private static InetAddress address(String literal) {
		try {
			// Literals only, so no name service lookup happens.
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
