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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.github.bindscope.inspect.CloudProvider;
import io.github.bindscope.inspect.HostEnvironment;
import io.github.bindscope.inspect.InetAddresses;
import io.github.bindscope.inspect.InstanceMetadata;
import io.github.bindscope.inspect.ProbeResult;
import io.github.bindscope.inspect.PublicAddress;
import io.github.bindscope.inspect.PublicAddressLookup;

/**
 * The texts of a cloud virtual machine: each provider's firewall by its own name, how its
 * public address reaches the machine, and how to find it; and the findings of the
 * instance metadata lookup and of the probes of the public addresses.
 */
final class CloudFindings {

	private CloudFindings() {
	}

	/**
	 * Return the action of a main server that accepts private addresses only on a cloud
	 * virtual machine.
	 * @param context the run context
	 * @param port the main server's port
	 * @param privateAddress the first private address it accepts
	 * @return the action, or {@code null} outside a cloud, or in a Kubernetes pod, whose
	 * clients come through Services that the machine's firewall does not describe
	 */
	static @Nullable String privateAddressOnlyAction(RunContext context, int port, String privateAddress) {
		HostEnvironment environment = context.environment();
		CloudProvider provider = environment.cloudProvider();
		if (provider == null || environment.kubernetes()) {
			return null;
		}
		StringBuilder action = new StringBuilder();
		if (!provider.translatesPublicAddress()) {
			action.append(publicOnInterface(provider));
		}
		else if (environment.container() != null) {
			action.append("This process runs in a container on ")
				.append(article(provider.machine()))
				.append(": clients on the internet connect to the ")
				.append(shortMachine(provider))
				.append("'s ")
				.append(publicTerm(provider))
				.append(", which ")
				.append(provider.displayName())
				.append(" translates 1:1 (NAT) to the ")
				.append(shortMachine(provider))
				.append("'s private address, and reach this server only through a port published on the ")
				.append(shortMachine(provider))
				.append(" (docker run -p ")
				.append(port)
				.append(':')
				.append(port)
				.append(", or Compose ports:).");
		}
		else {
			action.append("This process runs on ")
				.append(article(provider.machine()))
				.append(", whose ")
				.append(publicTerm(provider))
				.append(" is on none of its interfaces: ")
				.append(provider.displayName())
				.append(" translates it 1:1 (NAT) to the private address ")
				.append(privateAddress)
				.append(", so clients on the internet connect to the public address and arrive at ")
				.append(hostAndPort(privateAddress, port))
				.append('.');
		}
		action.append(' ').append(firewallRule(provider, port)).append("; opening the port in this host's own ");
		action.append("firewall is not enough. ");
		String known = knownPublicAddresses(context.publicAddresses());
		if (known != null) {
			action.append("Its public address is ").append(known).append(", as the instance metadata service says.");
		}
		else {
			action.append("Find the public address ").append(findPublicAddress(provider)).append('.');
			String without = withoutPublicAddress(provider);
			if (without != null) {
				action.append(' ').append(without);
			}
			if (context.publicAddresses() == null && InstanceMetadata.supports(provider)) {
				action.append(" Set bindscope.cloud.metadata.enabled=true to have Bindscope look it up.");
			}
		}
		return action.toString();
	}

	/**
	 * Return the sentence that ends the action of a main server bound to loopback on a
	 * cloud virtual machine.
	 * @param environment where this process runs
	 * @param port the main server's port
	 * @return the hint, or {@code null} outside a cloud or where a container or pod hint
	 * says what matters
	 */
	static @Nullable String loopbackHint(HostEnvironment environment, int port) {
		CloudProvider provider = environment.cloudProvider();
		if (provider == null || environment.kubernetes() || environment.container() != null) {
			return null;
		}
		if (!provider.translatesPublicAddress()) {
			return "This process runs on " + article(provider.machine()) + ": other machines connect to its public "
					+ "address on its own interface, which needs server.address=0.0.0.0. "
					+ firewallRule(provider, port) + ".";
		}
		return "This process runs on " + article(provider.machine()) + ": clients on the internet connect to its "
				+ publicTerm(provider) + ", which " + provider.displayName() + " translates to a private address of "
				+ "this host, so server.address must accept that private address (0.0.0.0 does); the public address is "
				+ "on no interface here and cannot be bound. " + firewallRule(provider, port) + ".";
	}

	/**
	 * Add the findings of the instance metadata lookup and of the probes of the public
	 * addresses it found.
	 * @param main the listeners of the main server
	 * @param context the run context
	 * @param findings the findings to add to
	 */
	static void addFindings(List<Listener> main, RunContext context, List<Finding> findings) {
		PublicAddressLookup lookup = context.publicAddresses();
		CloudProvider provider = (lookup != null) ? lookup.cloudProvider() : null;
		if (lookup == null || provider == null || main.isEmpty()) {
			return;
		}
		String failure = lookup.failure();
		if (failure != null) {
			findings.add(metadataUnavailable(provider, failure));
			return;
		}
		Listener first = main.stream()
			.filter((listener) -> !listener.publicAddresses().isEmpty())
			.findFirst()
			.orElse(main.get(0));
		if (lookup.addresses().isEmpty()) {
			findings.add(new Finding(Severity.INFO, FindingCode.CLOUD_PUBLIC_ADDRESS, first.id(),
					metadataService(provider) + " reports no public address for this " + shortMachine(provider)
							+ ", so clients on the internet cannot connect to it directly.",
					noPublicAddressAction(provider, first.port())));
			return;
		}
		if (first.publicAddresses().isEmpty()) {
			findings.add(notAccepted(provider, lookup.addresses(), first, context.environment()));
			return;
		}
		findings.add(publicAddress(provider, first));
		for (Listener listener : main) {
			Finding unreachable = unreachable(provider, listener);
			if (unreachable != null) {
				findings.add(unreachable);
			}
		}
	}

	private static Finding publicAddress(CloudProvider provider, Listener listener) {
		List<String> parts = new ArrayList<>();
		for (ListenerPublicAddress address : listener.publicAddresses()) {
			PublicAddress publicAddress = address.publicAddress();
			String target = hostAndPort(address.getAddress(), listener.port());
			parts.add(publicAddress.translated()
					? target + ", which " + provider.displayName() + " translates to " + address.getPrivateAddress()
					: target + ", an address of this host's own interface");
		}
		String message = "Internet clients connect to " + String.join(", and to ", parts) + ".";
		List<ProbeResult> probes = listener.publicAddresses()
			.stream()
			.filter((address) -> address.publicAddress().translated())
			.map(ListenerPublicAddress::getProbe)
			.toList();
		String action;
		if (!probes.isEmpty() && probes.stream().allMatch((probe) -> probe == ProbeResult.OPEN)) {
			action = "A connection from this host to the public address, through " + provider.displayName()
					+ "'s address translation, was answered, so the " + provider.firewall()
					+ " admits it; clients elsewhere get through too unless a rule admits only some sources.";
		}
		else if (probes.stream().anyMatch((probe) -> probe == ProbeResult.TIMEOUT || probe == ProbeResult.REFUSED)) {
			action = firewallRule(provider, listener.port()) + ".";
		}
		else {
			action = firewallRule(provider, listener.port()) + "; if they time out, check that first. Set "
					+ "bindscope.probe.public=true to have Bindscope connect to the public address from this host.";
		}
		return new Finding(Severity.INFO, FindingCode.CLOUD_PUBLIC_ADDRESS, listener.id(), message, action);
	}

	private static Finding notAccepted(CloudProvider provider, List<PublicAddress> addresses, Listener listener,
			HostEnvironment environment) {
		PublicAddress first = addresses.get(0);
		String privateAddress = InetAddresses.toText(first.privateAddress());
		String message = "Internet clients connect to "
				+ hostAndPort(InetAddresses.toText(first.address()), listener.port())
				+ (first.translated() ? ", which " + provider.displayName() + " translates to " + privateAddress : "")
				+ ", but the " + serverName(listener) + "server does not accept connections on " + privateAddress + ".";
		String action;
		if (environment.kubernetes()) {
			action = "In a Kubernetes pod, clients arrive through a Service or an Ingress, not at the node's address.";
		}
		else if (environment.container() != null) {
			action = "In a container, clients arrive through a port published on the " + shortMachine(provider)
					+ " (docker run -p " + listener.port() + ":" + listener.port() + "), not at its address.";
		}
		else {
			action = "Set server.address=0.0.0.0 (or " + privateAddress
					+ ") so that the connections the cloud translates are accepted.";
		}
		return new Finding(Severity.INFO, FindingCode.CLOUD_PUBLIC_ADDRESS, listener.id(), message, action);
	}

	private static @Nullable Finding unreachable(CloudProvider provider, Listener listener) {
		for (ListenerPublicAddress address : listener.publicAddresses()) {
			ProbeResult probe = address.getProbe();
			if (!address.publicAddress().translated()
					|| (probe != ProbeResult.TIMEOUT && probe != ProbeResult.REFUSED)) {
				continue;
			}
			boolean timeout = probe == ProbeResult.TIMEOUT;
			String message = "A connection from this host to its public address "
					+ hostAndPort(address.getAddress(), listener.port()) + ", which " + provider.displayName()
					+ " translates to " + address.getPrivateAddress() + ", "
					+ (timeout ? "was not answered within the probe timeout" : "was refused") + ", though the "
					+ serverName(listener) + "server accepts connections on " + address.getPrivateAddress() + ".";
			String action = "Clients on the internet are probably " + (timeout ? "dropped" : "refused")
					+ " the same way: " + lowerFirst(firewallRule(provider, listener.port()))
					+ ". What this probe cannot tell: it comes from the " + shortMachine(provider)
					+ "'s own public address, so a " + provider.firewall() + " that admits only some sources (your "
					+ "office, a load balancer) gives the same result while those sources get through, and so does a "
					+ "network that does not route a machine's traffic back to its own public address.";
			return new Finding(Severity.WARN, FindingCode.PUBLIC_PORT_UNREACHABLE, listener.id(), message, action);
		}
		return null;
	}

	private static Finding metadataUnavailable(CloudProvider provider, String failure) {
		String message = metadataService(provider) + " at " + InstanceMetadata.ADDRESS + " was asked for this "
				+ shortMachine(provider) + "'s public addresses, but the lookup failed: " + failure + ".";
		String action = "The report has no public addresses or public URLs. " + metadataTip(provider)
				+ " Set bindscope.cloud.metadata.enabled=false to skip the lookup.";
		return new Finding(Severity.INFO, FindingCode.CLOUD_METADATA_UNAVAILABLE, null, message, action);
	}

	private static String publicOnInterface(CloudProvider provider) {
		if (provider == CloudProvider.DIGITALOCEAN) {
			return "This process runs on a DigitalOcean Droplet, whose public addresses are on its own interface "
					+ "(eth0), not translated: a server that accepts private addresses only is bound to the VPC "
					+ "interface, or runs on a Droplet without a public address. Clients on the internet then reach it "
					+ "only through a load balancer, or through a reserved IP, which DigitalOcean delivers to the "
					+ "Droplet's anchor address on eth0 (server.address=0.0.0.0 accepts it).";
		}
		return "This process runs on " + article(provider.machine()) + ", whose public addresses are on its own "
				+ "interface (eth0), not translated: a server that accepts private addresses only is bound to a "
				+ "private network's interface, or runs on a server created without public addresses, which clients "
				+ "on the internet reach only through a load balancer or a gateway of your own.";
	}

	private static String publicTerm(CloudProvider provider) {
		return switch (provider) {
			case AWS -> "public IPv4 address (or Elastic IP)";
			case GOOGLE_CLOUD -> "external IP address";
			case OPENSTACK -> "floating IP address";
			default -> "public IP address";
		};
	}

	private static String shortMachine(CloudProvider provider) {
		return switch (provider) {
			case GOOGLE_CLOUD, AZURE -> "VM";
			case DIGITALOCEAN -> "Droplet";
			case HETZNER -> "server";
			default -> "instance";
		};
	}

	private static String firewallRule(CloudProvider provider, int port) {
		return switch (provider) {
			case AWS -> "The instance's security group must allow inbound TCP port " + port
					+ " (and so must the network ACL of its subnet)";
			case GOOGLE_CLOUD -> "A VPC firewall rule must allow ingress on TCP port " + port
					+ " to the VM (a new VPC network admits no ingress, the default network only SSH, RDP and ICMP)";
			case AZURE -> "An inbound rule in the network security group of the VM's network interface or subnet must "
					+ "allow TCP port " + port + " (the default rules admit only the virtual network and Azure's load "
					+ "balancer)";
			case ORACLE -> "An ingress rule in the security list of the instance's subnet (or in a network security "
					+ "group of its VNIC) must allow TCP port " + port + ", and so must the instance's own firewall, "
					+ "which Oracle's platform images turn on (firewalld on Oracle Linux, iptables rules on Ubuntu)";
			case DIGITALOCEAN ->
				"A DigitalOcean Cloud Firewall applied to the Droplet must allow inbound TCP port " + port;
			case HETZNER -> "A Hetzner Cloud Firewall applied to the server must allow inbound TCP port " + port;
			case OPENSTACK -> "A rule in one of the instance's security groups must allow ingress on TCP port " + port
					+ " (the default group admits only its own members)";
		};
	}

	private static String findPublicAddress(CloudProvider provider) {
		return switch (provider) {
			case AWS -> "in the EC2 console (the instance's Public IPv4 address) or with aws ec2 describe-instances "
					+ "--instance-ids <instance-id> --query 'Reservations[].Instances[].PublicIpAddress'";
			case GOOGLE_CLOUD -> "in the console's list of VM instances (External IP) or with gcloud compute instances "
					+ "describe <vm> --zone <zone> --format='get(networkInterfaces[0].accessConfigs[0].natIP)'";
			case AZURE -> "in the portal (the VM's Overview, Public IP address) or with az vm show --show-details "
					+ "--resource-group <group> --name <vm> --query publicIps --output tsv";
			case ORACLE -> "in the console (the instance's Public IP address) or with oci compute instance list-vnics "
					+ "--instance-id <instance-ocid> --query 'data[0].\"public-ip\"'";
			case DIGITALOCEAN ->
				"in the control panel (the Droplet's ipv4) or with doctl compute droplet get <droplet-id> --format "
						+ "PublicIPv4";
			case HETZNER -> "in the Cloud Console (the server's IPv4 address) or with hcloud server ip <server>";
			case OPENSTACK ->
				"in the dashboard (the instance's IP addresses) or with openstack server show <server> --column addresses";
		};
	}

	private static @Nullable String withoutPublicAddress(CloudProvider provider) {
		return switch (provider) {
			case AWS -> "An instance without one is reachable from its VPC only, or through a load balancer.";
			case GOOGLE_CLOUD -> "A VM without one is reachable from its VPC network only, or through a load balancer.";
			case AZURE -> "A VM without one is reachable from its virtual network only, or through a load balancer.";
			case ORACLE -> "An instance without one (in a private subnet) is reachable from its VCN only, or through a "
					+ "load balancer.";
			case OPENSTACK ->
				"An instance without one is reachable from its own network only, or through a load " + "balancer.";
			default -> null;
		};
	}

	private static String noPublicAddressAction(CloudProvider provider, int port) {
		String action = switch (provider) {
			case AWS -> "Reach it from its VPC or through a load balancer, or give it a public address (an Elastic IP, "
					+ "or a public IPv4 address on its network interface).";
			case GOOGLE_CLOUD -> "Reach it from its VPC network or through a load balancer, or give it an external IP "
					+ "address (an access configuration on its network interface).";
			default -> "Reach it from its virtual network or through a load balancer, or give it a public IP address. "
					+ "Azure's network metadata leaves out Standard SKU public addresses of a VM that no load "
					+ "balancer fronts, so check the portal if the VM has one.";
		};
		return action + " " + firewallRule(provider, port) + " for clients on the internet.";
	}

	private static String metadataService(CloudProvider provider) {
		return switch (provider) {
			case AWS -> "AWS's instance metadata service (IMDSv2)";
			case GOOGLE_CLOUD -> "Google Cloud's metadata server";
			case AZURE -> "Azure's Instance Metadata Service";
			default -> provider.displayName() + "'s metadata service";
		};
	}

	private static String metadataTip(CloudProvider provider) {
		return switch (provider) {
			case AWS -> "The service may be turned off for this instance (aws ec2 modify-instance-metadata-options "
					+ "--instance-id <instance-id> --http-endpoint enabled turns it on), a container may be a network hop "
					+ "too far for its token (--http-put-response-hop-limit 2), or a firewall on this host may drop "
					+ "traffic to " + InstanceMetadata.ADDRESS + ".";
			case GOOGLE_CLOUD -> "Every Compute Engine VM has a metadata server; a container network or a firewall on "
					+ "this host may keep it out of reach.";
			case AZURE -> "The service answers requests from the VM's primary network interface only, never through a "
					+ "proxy; a container network or a firewall on this host may keep it out of reach.";
			default -> "";
		};
	}

	private static @Nullable String knownPublicAddresses(@Nullable PublicAddressLookup lookup) {
		if (lookup == null || !lookup.succeeded()) {
			return null;
		}
		List<String> translated = lookup.addresses()
			.stream()
			.filter(PublicAddress::translated)
			.map((address) -> InetAddresses.toText(address.address()))
			.toList();
		return translated.isEmpty() ? null : String.join(", ", translated);
	}

	private static String article(String noun) {
		return (("AEIOU".indexOf(noun.charAt(0)) >= 0) ? "an " : "a ") + noun;
	}

	private static String lowerFirst(String sentence) {
		return sentence.substring(0, 1).toLowerCase(Locale.ROOT) + sentence.substring(1);
	}

	private static String serverName(Listener listener) {
		return (listener.server() != null) ? listener.server() + " " : "";
	}

	private static String hostAndPort(String address, int port) {
		return (address.indexOf(':') >= 0) ? "[" + address + "]:" + port : address + ":" + port;
	}

}
