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

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.github.bindscope.inspect.AddressScope;
import io.github.bindscope.inspect.HostAddress;
import io.github.bindscope.inspect.HostEnvironment;
import io.github.bindscope.inspect.InetAddresses;
import io.github.bindscope.inspect.Localhost;
import io.github.bindscope.inspect.PrintableText;

/**
 * The rules that turn listeners into findings. Interface names, which the operating
 * system takes from whoever created the interface, are made {@link PrintableText
 * printable} in every message.
 */
final class FindingRules {

	private static final String SERVER_ADDRESS = RunContext.SERVER_ADDRESS;

	private static final String MANAGEMENT_SERVER_ADDRESS = RunContext.MANAGEMENT_SERVER_ADDRESS;

	private FindingRules() {
	}

	static void addFindings(@Nullable Reachability verdict, List<Listener> listeners, List<HostAddress> hosts,
			Localhost localhost, RunContext context, List<Finding> findings) {
		addExposureFindings(verdict, listeners, context, findings);
		if (verdict == null) {
			return;
		}
		List<Listener> main = listeners.stream().filter(Listener::isMainServer).toList();
		if (verdict == Reachability.LOCAL_ONLY) {
			findings.add(loopbackOnly(main, hosts, context));
		}
		else if (verdict == Reachability.PRIVATE_NETWORK) {
			findings.add(privateAddressOnly(main, context));
		}
		List<String> loopback = acceptedLoopback(main);
		if (loopback.isEmpty() && main.stream().noneMatch(Listener::wildcard)) {
			findings.add(loopbackUnreachable(main, context));
		}
		else {
			Finding mismatch = localhostMismatch(main, loopback, localhost.addresses(), context);
			if (mismatch != null) {
				findings.add(mismatch);
			}
		}
		CloudFindings.addFindings(main, context, findings);
	}

	private static void addExposureFindings(@Nullable Reachability verdict, List<Listener> listeners,
			RunContext context, List<Finding> findings) {
		for (Listener listener : listeners) {
			if (listener.reachability() == Reachability.LOCAL_ONLY) {
				continue;
			}
			String where = describeListener(listener);
			switch (listener.role()) {
				case Listener.JDWP -> findings.add(new Finding(Severity.WARN, FindingCode.JDWP_EXPOSED, listener.id(),
						"The JDWP debug agent listens on " + where + jdwpEvidence(listener, context)
								+ ": anyone who can connect to it can run any code in this JVM.",
						"Bind the agent to loopback (-agentlib:jdwp=...,address=127.0.0.1:" + listener.port()
								+ ") and reach it through an SSH tunnel or your platform's port forwarding, or "
								+ "remove -agentlib:jdwp outside development."));
				case Listener.JMX -> findings.add(new Finding(Severity.WARN, FindingCode.JMX_EXPOSED, listener.id(),
						"A JMX remote port listens on " + where + ".",
						"Bind JMX to loopback (-Djava.rmi.server.hostname=127.0.0.1 with "
								+ "-Dcom.sun.management.jmxremote.host=127.0.0.1), or require authentication "
								+ "and TLS (com.sun.management.jmxremote.authenticate, .ssl)."));
				case Listener.LIVERELOAD -> findings.add(new Finding(Severity.WARN, FindingCode.LIVERELOAD_EXPOSED,
						listener.id(), "The DevTools LiveReload server listens on " + where + ".",
						"Do not ship DevTools to shared environments (it is excluded from repackaged jars by default), "
								+ "or set spring.devtools.livereload.enabled=false."));
				case Listener.MANAGEMENT -> {
					if (verdict != null && listener.reachability().compareTo(verdict) > 0) {
						findings.add(new Finding(Severity.WARN, FindingCode.MANAGEMENT_WIDER, listener.id(),
								"The management server listens on " + where + ", more widely than the main server ("
										+ verdict + "), so Actuator endpoints are exposed to callers that cannot "
										+ "even reach the application.",
								"Set management.server.address=127.0.0.1 (or the address the main server uses); "
										+ "management.server.port alone binds every interface."
										+ change(context, MANAGEMENT_SERVER_ADDRESS, "127.0.0.1")));
					}
				}
				default -> {
				}
			}
		}
		Finding actuator = ExposedEndpointsRule.finding(listeners, context);
		if (actuator != null) {
			findings.add(actuator);
		}
		if (context.devProfile()) {
			listeners.stream()
				.filter((listener) -> listener.scheme() != null)
				.filter((listener) -> listener.reachability() == Reachability.PUBLIC)
				.findFirst()
				.ifPresent((listener) -> findings
					.add(new Finding(Severity.WARN, FindingCode.DEV_PROFILE_PUBLIC, listener.id(),
							"A dev profile is active (" + describeProfiles(context.activeProfiles()) + ") while "
									+ listener.id() + " listens on " + describeListener(listener)
									+ ", where anyone on the internet may reach development settings.",
							"Bind to loopback or a private address while developing, or do not activate a dev profile "
									+ "on a publicly reachable host.")));
			listeners.stream()
				.filter((listener) -> listener.scheme() != null)
				.filter((listener) -> listener.reachability() == Reachability.PRIVATE_NETWORK
						|| listener.reachability() == Reachability.LINK_LOCAL)
				.findFirst()
				.filter((listener) -> listeners.stream()
					.noneMatch((other) -> other.scheme() != null && other.reachability() == Reachability.PUBLIC))
				.ifPresent((listener) -> findings.add(devProfileShared(listener, context)));
		}
	}

	private static Finding devProfileShared(Listener listener, RunContext context) {
		AddressList networks = new AddressList();
		for (ListenerAddress address : listener.addresses()) {
			if (address.getScope() == AddressScope.PRIVATE || address.getScope() == AddressScope.LINK_LOCAL) {
				networks.add(address.getAddress(), address.getAddress(), address.getInterface());
			}
		}
		String where = context.activeProfiles()
			.stream()
			.filter((active) -> context.devProfiles().contains(active.toLowerCase(Locale.ROOT)))
			.findFirst()
			.map((profile) -> "in the dev profile (application-" + PrintableText.of(profile) + ".properties)")
			.orElse("in the configuration you develop with");
		return new Finding(Severity.INFO, FindingCode.DEV_PROFILE_SHARED, listener.id(),
				"A dev profile is active (" + describeProfiles(context.activeProfiles()) + ") and " + listener.id()
						+ " listens on " + describeListener(listener) + ", so anyone on the networks of "
						+ PrintableText.of(networks.toString())
						+ " can reach the development server now: on a shared network "
						+ "(a café's Wi-Fi, a conference, an office) that is everyone on it. This is why development "
						+ "servers such as Vite listen on localhost by default.",
				"If only you should reach it, set server.address=127.0.0.1 " + where
						+ "; if others on this network should, nothing needs to change.");
	}

	private static String jdwpEvidence(Listener listener, RunContext context) {
		if (!Listener.SOURCE_ARGUMENTS.equals(listener.source())) {
			return "";
		}
		String address = (context.jdwpAgent() != null) ? "address=" + context.jdwpAgent().address() : "-agentlib:jdwp";
		return ", as the JVM's arguments say (" + address + "; the kernel's socket table did not show it)";
	}

	static String describeListener(Listener listener) {
		if (listener.port() == 0) {
			return listener.address() + " on a port it picked at startup (reachable from "
					+ listener.reachability().description() + ")";
		}
		return hostAndPort(listener.address(), listener.port()) + " (reachable from "
				+ listener.reachability().description() + ")";
	}

	private static List<String> acceptedLoopback(List<Listener> main) {
		return main.stream()
			.flatMap((listener) -> listener.addresses().stream())
			.filter((address) -> address.getScope() == AddressScope.LOOPBACK)
			.map(ListenerAddress::getAddress)
			.distinct()
			.toList();
	}

	/**
	 * Whether a client that connects to the given address reaches the main server: the
	 * address is one it listens on, or it listens on a wildcard of that family (an IPv6
	 * wildcard of this JVM takes IPv4 too), which holds even when the interfaces could
	 * not be listed.
	 * @param main the listeners of the main server
	 * @param address the address a client connects to
	 * @return whether the main server accepts connections on that address
	 */
	private static boolean accepts(List<Listener> main, InetAddress address) {
		for (Listener listener : main) {
			if (listener.wildcard() && (listener.address().indexOf(':') >= 0 || address instanceof Inet4Address)) {
				return true;
			}
			for (ListenerAddress candidate : listener.addresses()) {
				if (candidate.inetAddress().equals(address)) {
					return true;
				}
			}
		}
		return false;
	}

	private static Finding loopbackUnreachable(List<Listener> main, RunContext context) {
		Listener first = main.get(0);
		String bound = bound(main);
		String message = "The " + serverName(first) + "server listens on " + bound + " only" + origin(context)
				+ ", so callers on this "
				+ "host that use 127.0.0.1 or localhost (health checks, sidecars, kubelet exec probes, local "
				+ "scripts) cannot connect.";
		String action = "Point local callers at " + bound + ", or set server.address=0.0.0.0 to accept "
				+ "connections on every interface, loopback included." + change(context, SERVER_ADDRESS);
		return new Finding(Severity.WARN, FindingCode.LOOPBACK_UNREACHABLE, first.id(), message, action);
	}

	private static @Nullable Finding localhostMismatch(List<Listener> main, List<String> loopback,
			List<InetAddress> localhost, RunContext context) {
		List<InetAddress> refused = localhost.stream().filter((address) -> !accepts(main, address)).toList();
		if (refused.isEmpty()) {
			return null;
		}
		Listener first = main.get(0);
		String accepted = loopback.isEmpty() ? bound(main) : String.join(", ", loopback);
		String resolved = localhost.stream().map(InetAddresses::toText).collect(Collectors.joining(", "));
		boolean allRefused = refused.size() == localhost.size();
		String message = "The " + serverName(first) + "server accepts loopback connections on " + accepted + " only"
				+ origin(context) + ", but localhost resolves to " + resolved + " on this host, so "
				+ (allRefused ? "clients using localhost are refused"
						: "clients using localhost may be refused when they try "
								+ refused.stream().map(InetAddresses::toText).collect(Collectors.joining(", "))
								+ " first (Node.js 17 and later use the resolver's order)")
				+ ".";
		String use = loopback.isEmpty() ? accepted : hostForUrl(loopback.get(0));
		String action = "Set server.address=0.0.0.0 or :: (both accept IPv4 and IPv6 in the JVM), or have clients use "
				+ use + " instead of localhost." + change(context, SERVER_ADDRESS);
		return new Finding(allRefused ? Severity.WARN : Severity.INFO, FindingCode.LOCALHOST_MISMATCH, first.id(),
				message, action);
	}

	private static String hostForUrl(String address) {
		return (address.indexOf(':') >= 0) ? "[" + address + "]" : address;
	}

	private static String origin(RunContext context) {
		PropertyOrigin origin = context.origin(SERVER_ADDRESS);
		return (origin != null) ? " (" + RunContext.setIn(SERVER_ADDRESS, origin.describe()) + ")" : "";
	}

	// How to set the property to 0.0.0.0 where its value came from, as a sentence of its
	// own, or nothing when its origin is unknown.
	private static String change(RunContext context, String property) {
		return change(context, property, "0.0.0.0");
	}

	static String change(RunContext context, String property, String value) {
		PropertyOrigin origin = context.origin(property);
		return (origin != null) ? " " + origin.change(property, value) + "." : "";
	}

	private static String serverName(Listener listener) {
		return (listener.server() != null) ? listener.server() + " " : "";
	}

	private static String bound(List<Listener> main) {
		return main.stream()
			.map((listener) -> hostAndPort(listener.address(), listener.port()))
			.distinct()
			.collect(Collectors.joining(", "));
	}

	private static Finding loopbackOnly(List<Listener> main, List<HostAddress> hosts, RunContext context) {
		Listener first = main.get(0);
		String bound = bound(main);
		StringBuilder message = new StringBuilder();
		message.append("The ").append(serverName(first));
		message.append("server listens on ").append(bound).append(" only, so it can be reached from this host alone");
		message.append(" (").append(describeProfiles(context.activeProfiles()));
		PropertyOrigin origin = context.origin(SERVER_ADDRESS);
		if (origin != null) {
			message.append("; ").append(RunContext.setIn(SERVER_ADDRESS, origin.describe()));
		}
		message.append(").");
		StringBuilder action = new StringBuilder();
		AddressList ownAddresses = ownAddresses(hosts);
		if (main.stream().anyMatch(Listener::wildcard)) {
			// The address is right already; the host is missing a network.
			message.append(" It listens on every interface, but this host has no interface up besides loopback.");
			action.append("Connect this host to a network (a container started with --network none, or a network ");
			action.append("namespace with no interface but lo, has none); server.address needs no change.");
		}
		else {
			action.append("To accept connections from other hosts, set server.address=0.0.0.0 (every interface; ");
			action.append("the JVM accepts IPv6 on it too), server.address=::");
			if (ownAddresses.isEmpty()) {
				action.append(" (this host has no non-loopback address up right now)");
			}
			else {
				action.append(", or one of this host's own addresses: ").append(ownAddresses);
			}
			action.append('.').append(change(context, SERVER_ADDRESS));
		}
		if (context.devProfiles().isEmpty()) {
			action.append(" If only local access is intended, name a dev profile in bindscope.dev-profiles (it is "
					+ "empty) and run with it.");
		}
		else {
			action.append(" If only local access is intended, run with a dev profile (")
				.append(String.join(", ", context.devProfiles()))
				.append(").");
		}
		if (main.stream().noneMatch(Listener::wildcard)) {
			for (String hint : environmentHints(context.environment(), first.port())) {
				action.append(' ').append(hint);
			}
		}
		Severity severity = context.devProfile() ? Severity.INFO : Severity.WARN;
		return new Finding(severity, FindingCode.LOOPBACK_ONLY, first.id(), message.toString(), action.toString());
	}

	/**
	 * Return sentences that explain, where this process runs, why a loopback-only server
	 * seems to work from some places and cannot work from others.
	 * @param environment where this process runs
	 * @param port the port of the main server
	 * @return the hints, none where the environment explains nothing
	 */
	private static List<String> environmentHints(HostEnvironment environment, int port) {
		List<String> hints = new ArrayList<>();
		String session = environment.remoteSession();
		if (session != null) {
			hints.add(remoteSessionHint(environment, session, port));
		}
		if (environment.kubernetes()) {
			hints.add("This process runs in a Kubernetes pod: Services and kubelet HTTP probes (httpGet liveness, "
					+ "readiness and startup probes) connect to the pod IP, not to loopback, so they cannot reach this "
					+ "server; set server.address=0.0.0.0. kubectl port-forward still works because it connects "
					+ "from inside the pod, which can hide the problem.");
		}
		else if (environment.container() != null && !HostEnvironment.CODESPACES.equals(session)) {
			String runtime = HostEnvironment.UNKNOWN_CONTAINER.equals(environment.container()) ? ""
					: " (" + environment.container() + ")";
			hints.add("This process runs in a container" + runtime + ": ports published with docker run -p (or "
					+ "Compose ports:) forward to the container's own address, not to its loopback, so they cannot "
					+ "reach this server; set server.address=0.0.0.0.");
		}
		if (environment.wsl()) {
			hints.add(wslHint(environment.wslVersion(), port));
		}
		String cloud = CloudFindings.loopbackHint(environment, port);
		if (cloud != null) {
			hints.add(cloud);
		}
		return hints;
	}

	private static String remoteSessionHint(HostEnvironment environment, String session, int port) {
		String local = "localhost:" + port + " on your own machine";
		String hint = switch (session) {
			case HostEnvironment.CODESPACES -> {
				String url = environment.forwardedUrl(port);
				yield "This process runs in GitHub Codespaces: "
						+ ((url != null) ? "the forwarded URL " + url : "the port's forwarded URL") + " and " + local
						+ " may work only because Codespaces forwards the port.";
			}
			case HostEnvironment.DEV_CONTAINER -> "This process runs in a Dev Container: " + local
					+ " may work only because the editor forwards the port into the container.";
			case HostEnvironment.DEVPOD -> "This process runs in a DevPod workspace: " + local
					+ " may work only because DevPod forwards the port into the workspace.";
			case HostEnvironment.VSCODE_REMOTE -> "This process runs in a VS Code remote session: " + local
					+ " may work only because VS Code forwards the port.";
			default -> "This process runs in an SSH session: " + local + " may work only because your editor "
					+ "(such as VS Code Remote-SSH) or an ssh -L tunnel forwards the port.";
		};
		return hint + " Other machines connect to this host's own address, which needs server.address=0.0.0.0.";
	}

	private static String wslHint(@Nullable Integer version, int port) {
		if (version != null && version == 1) {
			return "This process runs under WSL 1, which shares the network stack of Windows: Windows programs "
					+ "reach localhost:" + port + ", and other machines need server.address=0.0.0.0 and a Windows "
					+ "Firewall rule that allows port " + port + ".";
		}
		return "This process runs under " + ((version != null) ? "WSL " + version : "WSL") + ": Windows reaches "
				+ "localhost:" + port + " only through WSL's localhost forwarding, and other machines on the LAN "
				+ "never reach it that way: they need server.address=0.0.0.0 and a port proxy on Windows (netsh "
				+ "interface portproxy) or WSL's mirrored networking mode.";
	}

	private static Finding privateAddressOnly(List<Listener> main, RunContext context) {
		Listener first = main.stream()
			.filter((listener) -> listener.reachability() == Reachability.PRIVATE_NETWORK)
			.findFirst()
			.orElse(main.get(0));
		AddressList addresses = new AddressList();
		String firstPrivate = null;
		for (Listener listener : main) {
			for (ListenerAddress address : listener.addresses()) {
				if (address.getScope() == AddressScope.PRIVATE) {
					firstPrivate = (firstPrivate != null) ? firstPrivate : address.getAddress();
					addresses.add(address.getAddress(), address.getAddress(), address.getInterface());
				}
			}
		}
		String message = "The " + serverName(first) + "server accepts connections on private addresses only: "
				+ addresses + ". Private addresses (RFC 1918 such as 10.0.0.0/8, 172.16.0.0/12 "
				+ "and 192.168.0.0/16, unique local IPv6, carrier-grade NAT) are not routed on the internet, so none "
				+ "of them is a public IP: on a cloud VM the public IP is translated to a private address by NAT.";
		String action = "Clients on the internet reach this server only through NAT, load balancers, security groups "
				+ "and firewalls that Bindscope cannot see: if they time out, check that those allow port "
				+ first.port() + ", and try from a host in the same private network first.";
		String cloud = (firstPrivate != null)
				? CloudFindings.privateAddressOnlyAction(context, first.port(), firstPrivate) : null;
		if (cloud != null) {
			action = cloud;
		}
		return new Finding(Severity.INFO, FindingCode.PRIVATE_ADDRESS_ONLY, first.id(), message, action);
	}

	static String describeProfiles(List<String> activeProfiles) {
		return activeProfiles.isEmpty() ? "no active profile" : "active profiles: " + String.join(", ", activeProfiles);
	}

	private static AddressList ownAddresses(List<HostAddress> hosts) {
		AddressList addresses = new AddressList();
		for (HostAddress host : hosts) {
			if (host.scope() != AddressScope.LOOPBACK && addresses.add(host.address(), host.interfaceName())) {
				addresses.name(host.text(), host.interfaceName());
			}
		}
		return addresses;
	}

	private static String hostAndPort(String address, int port) {
		if (port == 0) {
			// server.port=0: judged before the server has picked its port.
			return address + " (on a port picked at startup)";
		}
		return (address.indexOf(':') >= 0) ? "[" + address + "]:" + port : address + ":" + port;
	}

	/**
	 * The addresses a message names: each once, at most {@value #NAMED} of them, and then
	 * how many more there are. A busy host has thousands of addresses, which would make a
	 * message nobody reads and cost each report the time to write it; the report lists
	 * every address under its listeners.
	 */
	private static final class AddressList {

		private static final int NAMED = 10;

		private final Set<Entry> entries = new HashSet<>();

		private final List<String> named = new ArrayList<>();

		/**
		 * Add an address, named at once.
		 * @param identity what tells the address apart from others on the same interface
		 * @param text the address as text
		 * @param interfaceName the interface that holds it, or {@code null}
		 */
		void add(Object identity, String text, @Nullable String interfaceName) {
			if (add(identity, interfaceName)) {
				name(text, interfaceName);
			}
		}

		/**
		 * Add an address, and say whether it has to be {@linkplain #name named}: its text
		 * is worked out only for the few that are.
		 * @param identity what tells the address apart from others on the same interface
		 * @param interfaceName the interface that holds it, or {@code null}
		 * @return whether the address is new and among the first that are named
		 */
		boolean add(Object identity, @Nullable String interfaceName) {
			return this.entries.add(new Entry(identity, interfaceName)) && this.named.size() < NAMED;
		}

		void name(String text, @Nullable String interfaceName) {
			this.named.add((interfaceName != null) ? text + " (" + PrintableText.of(interfaceName) + ")" : text);
		}

		boolean isEmpty() {
			return this.entries.isEmpty();
		}

		@Override
		public String toString() {
			String list = String.join(", ", this.named);
			int more = this.entries.size() - this.named.size();
			return (more > 0) ? list + " and " + more + " more (the report lists every one)" : list;
		}

		/**
		 * An address and its interface. Not a record: its first use would link the
		 * record's generated methods at startup, when the first report is made.
		 */
		private static final class Entry {

			private final Object identity;

			private final @Nullable String interfaceName;

			Entry(Object identity, @Nullable String interfaceName) {
				this.identity = identity;
				this.interfaceName = interfaceName;
			}

			@Override
			public boolean equals(@Nullable Object other) {
				return other instanceof Entry entry && this.identity.equals(entry.identity)
						&& Objects.equals(this.interfaceName, entry.interfaceName);
			}

			@Override
			public int hashCode() {
				return 31 * this.identity.hashCode() + Objects.hashCode(this.interfaceName);
			}

		}

	}

}
