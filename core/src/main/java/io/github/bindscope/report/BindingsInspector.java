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

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.github.bindscope.inspect.AddressProber;
import io.github.bindscope.inspect.AddressScope;
import io.github.bindscope.inspect.HostAddress;
import io.github.bindscope.inspect.HostAddresses;
import io.github.bindscope.inspect.HostAddressesException;
import io.github.bindscope.inspect.InetAddresses;
import io.github.bindscope.inspect.JdwpAgent;
import io.github.bindscope.inspect.ListeningSocket;
import io.github.bindscope.inspect.Localhost;
import io.github.bindscope.inspect.ProbeResult;
import io.github.bindscope.inspect.ProcSocketTable;
import io.github.bindscope.inspect.PublicAddress;
import io.github.bindscope.inspect.PublicAddressLookup;
import io.github.bindscope.inspect.SocketTableException;

/**
 * Builds a {@link BindingsReport} from the web servers' connectors, the kernel's socket
 * table and this host's addresses.
 *
 * @since 0.1.0
 */
public final class BindingsInspector {

	private static final InetAddress IPV4_WILDCARD = address(new byte[4]);

	private static final InetAddress IPV6_WILDCARD = address(new byte[16]);

	// The host addresses when they could not be listed, told apart by identity from a
	// listing that found no interface up.
	private static final List<HostAddress> UNLISTED = Collections.unmodifiableList(new ArrayList<>());

	private final HostAddresses hostAddresses;

	private final @Nullable ProcSocketTable socketTable;

	private final @Nullable AddressProber prober;

	private final @Nullable AddressProber publicProber;

	private final Localhost localhost;

	/**
	 * Create a new {@link BindingsInspector} that does not probe.
	 * @param hostAddresses the addresses of this host
	 * @param socketTable the kernel's socket table, or {@code null} where there is none
	 */
	public BindingsInspector(HostAddresses hostAddresses, @Nullable ProcSocketTable socketTable) {
		this(hostAddresses, socketTable, null, Localhost.system());
	}

	/**
	 * Create a new {@link BindingsInspector}.
	 * @param hostAddresses the addresses of this host
	 * @param socketTable the kernel's socket table, or {@code null} where there is none
	 * @param prober the prober that connects to the web servers' addresses, or
	 * {@code null} to leave probes {@link ProbeResult#SKIPPED}
	 * @param localhost what {@code localhost} resolves to
	 */
	public BindingsInspector(HostAddresses hostAddresses, @Nullable ProcSocketTable socketTable,
			@Nullable AddressProber prober, Localhost localhost) {
		this(hostAddresses, socketTable, prober, localhost, null);
	}

	/**
	 * Create a new {@link BindingsInspector} that may also probe this machine's public
	 * addresses.
	 * @param hostAddresses the addresses of this host
	 * @param socketTable the kernel's socket table, or {@code null} where there is none
	 * @param prober the prober that connects to the web servers' addresses, or
	 * {@code null} to leave probes {@link ProbeResult#SKIPPED}
	 * @param localhost what {@code localhost} resolves to
	 * @param publicProber the prober that connects, from this host, to the public
	 * addresses the cloud's metadata service reported for the main web server, or
	 * {@code null} to leave them {@link ProbeResult#SKIPPED}; where both probers are
	 * given, one probe with {@code prober} covers every address, within its timeout
	 */
	public BindingsInspector(HostAddresses hostAddresses, @Nullable ProcSocketTable socketTable,
			@Nullable AddressProber prober, Localhost localhost, @Nullable AddressProber publicProber) {
		this.hostAddresses = hostAddresses;
		this.socketTable = socketTable;
		this.prober = prober;
		this.localhost = localhost;
		this.publicProber = publicProber;
	}

	/**
	 * Inspect the given connectors and every other socket this process listens on.
	 * @param connectors what the running web servers say about their connectors
	 * @param context the profiles and configuration of the application
	 * @return the report
	 */
	public BindingsReport inspect(List<WebServerConnector> connectors, RunContext context) {
		return inspect(connectors, context, true);
	}

	/**
	 * Judge connectors that are about to be opened, as their configuration describes
	 * them, together with the sockets this process already listens on (a debug agent
	 * opens its port when the JVM starts, long before any web server).
	 * @param connectors the connectors about to be opened
	 * @param context the profiles and configuration of the application
	 * @return the report
	 */
	public BindingsReport plan(List<WebServerConnector> connectors, RunContext context) {
		return inspect(connectors, context, false);
	}

	private BindingsReport inspect(List<WebServerConnector> connectors, RunContext context, boolean live) {
		List<Finding> findings = new ArrayList<>();
		PublicAddressLookup lookup = context.publicAddresses();
		List<PublicAddress> publicAddresses = (lookup != null) ? lookup.addresses() : List.of();
		List<HostAddress> hosts = hostAddresses(findings);
		// Before start the table only adds sockets opened earlier, such as a debug
		// agent's; if it cannot be read, the live report says so.
		List<ListeningSocket> sockets = listeningSockets(live ? findings : new ArrayList<>());
		List<Listener> listeners = new ArrayList<>();
		Set<ListeningSocket> attributed = new HashSet<>();
		for (WebServerConnector connector : connectors) {
			boolean found = false;
			if (sockets != null) {
				boolean exact = sockets.stream().anyMatch((socket) -> boundAt(socket, connector));
				for (ListeningSocket socket : sockets) {
					// Another component may listen on the same port number on another
					// address (IPv4 and IPv6 ports are apart): a connector bound to one
					// address owns the socket on that address. Where none is there, the
					// server bound elsewhere than it says (a customizer), and the port
					// alone tells.
					if (socket.port() == connector.port() && (!exact || boundAt(socket, connector))) {
						attributed.add(socket);
						// Before start, whatever holds the port is not the connector,
						// which
						// will fail to bind; the connector is judged as configured.
						if (live) {
							listeners.add(listener(connector, socket.address(), socket.port(), Listener.SOURCE_PROCFS,
									hosts, publicAddresses));
							found = true;
						}
					}
				}
			}
			if (!found) {
				// The JDK binds an IPv4 wildcard as a dual-stack IPv6 one unless IPv4 is
				// preferred.
				InetAddress address = (connector.address() == null || connector.address().isAnyLocalAddress())
						? defaultWildcard() : connector.address();
				listeners.add(listener(connector, address, connector.port(), Listener.SOURCE_CONNECTOR, hosts,
						publicAddresses));
			}
		}
		if (sockets != null) {
			for (ListeningSocket socket : sockets) {
				if (!attributed.contains(socket)) {
					String role = context.portRoles().getOrDefault(socket.port(), Listener.OTHER);
					listeners.add(listener(role, null, null, "", socket.address(), socket.port(),
							Listener.SOURCE_PROCFS, hosts));
				}
			}
			if (live) {
				addIncompleteTableFinding(connectors, sockets, findings);
			}
		}
		if (context.jdwpAgent() != null) {
			addJdwpAgent(context.jdwpAgent(), listeners, sockets != null, hosts);
		}
		if (live && (this.prober != null || this.publicProber != null)) {
			listeners = probe(listeners, hosts);
		}
		Reachability verdict = verdict(listeners);
		FindingRules.addFindings(verdict, listeners, hosts, this.localhost, context, findings);
		return new BindingsReport(verdict, context.devProfile(), List.copyOf(context.activeProfiles()),
				context.environment(), List.copyOf(listeners), List.copyOf(findings), lookup);
	}

	/**
	 * Probe the web servers' addresses. Only addresses of this host are probed: loopback
	 * and the interface addresses, and, with a public prober, the public addresses that
	 * the cloud's metadata service reported for this machine, never anything else.
	 * @param listeners the listeners whose addresses to probe
	 * @param hosts this host's interface addresses
	 * @return the listeners, each address with its probe result where it was probed
	 */
	private List<Listener> probe(List<Listener> listeners, List<HostAddress> hosts) {
		Set<InetSocketAddress> targets = new LinkedHashSet<>();
		for (Listener listener : listeners) {
			if (listener.scheme() == null) {
				continue;
			}
			if (this.prober != null) {
				for (ListenerAddress address : listener.addresses()) {
					if (isOwnAddress(address.inetAddress(), hosts)) {
						targets.add(new InetSocketAddress(address.inetAddress(), listener.port()));
					}
				}
			}
			if (this.publicProber != null) {
				// An address on this host's own interface never leaves the host: only a
				// translated one tells anything about the cloud's firewall.
				for (ListenerPublicAddress address : listener.publicAddresses()) {
					if (address.publicAddress().translated()) {
						targets.add(new InetSocketAddress(address.inetAddress(), listener.port()));
					}
				}
			}
		}
		AddressProber runner = (this.prober != null) ? this.prober : this.publicProber;
		if (runner == null || targets.isEmpty()) {
			return listeners;
		}
		Map<InetSocketAddress, ProbeResult> results = runner.probe(targets);
		List<Listener> probed = new ArrayList<>(listeners.size());
		for (Listener listener : listeners) {
			List<ListenerAddress> addresses = new ArrayList<>(listener.addresses().size());
			for (ListenerAddress address : listener.addresses()) {
				ProbeResult result = (this.prober != null)
						? results.get(new InetSocketAddress(address.inetAddress(), listener.port())) : null;
				addresses.add((result != null) ? address.withProbe(result) : address);
			}
			List<ListenerPublicAddress> publicAddresses = new ArrayList<>(listener.publicAddresses().size());
			for (ListenerPublicAddress address : listener.publicAddresses()) {
				ProbeResult result = (this.publicProber != null && address.publicAddress().translated())
						? results.get(new InetSocketAddress(address.inetAddress(), listener.port())) : null;
				publicAddresses.add((result != null) ? address.withProbe(result) : address);
			}
			probed.add(new Listener(listener.role(), listener.server(), listener.scheme(), listener.address(),
					listener.port(), listener.wildcard(), listener.ipv6Only(), listener.source(),
					listener.reachability(), addresses, publicAddresses));
		}
		return probed;
	}

	private static boolean isOwnAddress(InetAddress address, List<HostAddress> hosts) {
		return address.isLoopbackAddress() || HostAddress.find(hosts, address) != null;
	}

	private List<HostAddress> hostAddresses(List<Finding> findings) {
		try {
			return this.hostAddresses.addresses();
		}
		catch (HostAddressesException ex) {
			findings.add(new Finding(Severity.WARN, FindingCode.INTERFACES_UNAVAILABLE, null, ex.getMessage(),
					"Wildcard listeners are reported without their addresses; fix the interface listing or bind "
							+ "server.address to a concrete address to get a complete report."));
			return UNLISTED;
		}
	}

	private static boolean boundAt(ListeningSocket socket, WebServerConnector connector) {
		InetAddress address = connector.address();
		return socket.port() == connector.port()
				&& (address == null || address.isAnyLocalAddress() || address.equals(socket.address()));
	}

	/**
	 * Make sure a debug agent that the JVM's arguments start is in the report, whatever
	 * the socket table says: strict mode and the exposure findings must never miss it. An
	 * agent on a port of its own choosing is the one unattributed socket bound where the
	 * arguments say; where there is no such single socket, or no table, the arguments
	 * alone describe it.
	 * @param agent the agent the JVM's arguments start
	 * @param listeners the listeners found so far, changed in place
	 * @param tableRead whether the socket table was read
	 * @param hosts this host's interface addresses
	 */
	private void addJdwpAgent(JdwpAgent agent, List<Listener> listeners, boolean tableRead, List<HostAddress> hosts) {
		if (listeners.stream().anyMatch((listener) -> Listener.JDWP.equals(listener.role()))) {
			return;
		}
		if (agent.ephemeralPort() && tableRead) {
			List<Listener> candidates = listeners.stream()
				.filter((listener) -> Listener.OTHER.equals(listener.role())
						&& Listener.SOURCE_PROCFS.equals(listener.source()))
				.filter((listener) -> boundAsConfigured(listener, agent.bindAddress()))
				.toList();
			if (candidates.size() == 1) {
				Listener socket = candidates.get(0);
				listeners.set(listeners.indexOf(socket),
						new Listener(Listener.JDWP, null, null, socket.address(), socket.port(), socket.wildcard(),
								socket.ipv6Only(), socket.source(), socket.reachability(), socket.addresses()));
				return;
			}
		}
		// A host name the agent resolved itself may be any address: assume the widest.
		InetAddress address = (agent.bindAddress() != null) ? agent.bindAddress() : IPV6_WILDCARD;
		listeners.add(listener(Listener.JDWP, null, null, "", address, agent.port(), Listener.SOURCE_ARGUMENTS, hosts));
	}

	private static boolean boundAsConfigured(Listener listener, @Nullable InetAddress configured) {
		if (configured == null) {
			return true;
		}
		return configured.isAnyLocalAddress() ? listener.wildcard()
				: listener.address().equals(InetAddresses.toText(configured));
	}

	/**
	 * Say so when the socket table misses a port a web server listens on: the table is
	 * then empty, unreadable in part, or from another network namespace, and the sockets
	 * it should add (a debug agent, JMX) may be missing too.
	 * @param connectors the live connectors of the web servers
	 * @param sockets the listening sockets the table shows
	 * @param findings the findings to add to
	 */
	private static void addIncompleteTableFinding(List<WebServerConnector> connectors, List<ListeningSocket> sockets,
			List<Finding> findings) {
		for (WebServerConnector connector : connectors) {
			if (connector.port() > 0 && sockets.stream().noneMatch((socket) -> socket.port() == connector.port())) {
				findings.add(new Finding(Severity.INFO, FindingCode.SOCKET_TABLE_UNAVAILABLE, null,
						"The kernel's socket table shows no listening socket of this process on port "
								+ connector.port() + ", where the " + connector.server() + " " + connector.role()
								+ " listens, so the table is incomplete.",
						"Listeners are reported as the web servers and the JVM's arguments describe them; "
								+ "other sockets of this JVM may be missing. Allow the process to read its own "
								+ "/proc entries (net/tcp, net/tcp6 and fd) for a complete report."));
				return;
			}
		}
	}

	private @Nullable List<ListeningSocket> listeningSockets(List<Finding> findings) {
		if (this.socketTable == null) {
			return null;
		}
		if (!this.socketTable.isAvailable()) {
			findings.add(new Finding(Severity.INFO, FindingCode.SOCKET_TABLE_UNAVAILABLE, null,
					"This system has no readable socket table at /proc/self/net/tcp (not Linux, or procfs is not "
							+ "mounted or not readable).",
					"Listeners are reported as the web servers and the JVM's arguments describe them; other sockets "
							+ "of this JVM, such as a JMX port, are missing."));
			return null;
		}
		try {
			return this.socketTable.listeningSockets();
		}
		catch (SocketTableException ex) {
			findings.add(new Finding(Severity.INFO, FindingCode.SOCKET_TABLE_UNAVAILABLE, null, ex.getMessage(),
					"Listeners are reported as the web servers describe them; sockets opened by other "
							+ "components of this JVM are missing. Allow the process to read its own /proc entries "
							+ "for a complete report."));
			return null;
		}
	}

	private Listener listener(WebServerConnector connector, InetAddress address, int port, String source,
			List<HostAddress> hosts, List<PublicAddress> publicAddresses) {
		Listener listener = listener(connector.role(), connector.server(), connector.scheme(), connector.contextPath(),
				address, port, source, hosts);
		if (publicAddresses.isEmpty() || !listener.isMainServer()) {
			return listener;
		}
		// Only where the cloud's translation ends at an address this listener accepts
		// does the public address reach it.
		List<ListenerPublicAddress> reaching = new ArrayList<>();
		for (PublicAddress publicAddress : publicAddresses) {
			if (listener.addresses()
				.stream()
				.anyMatch((accepted) -> accepted.inetAddress().equals(publicAddress.privateAddress()))) {
				String url = url(connector.scheme(), publicAddress.address(), port, connector.contextPath());
				reaching.add(new ListenerPublicAddress(publicAddress, url, ProbeResult.SKIPPED));
			}
		}
		return new Listener(listener.role(), listener.server(), listener.scheme(), listener.address(), listener.port(),
				listener.wildcard(), listener.ipv6Only(), listener.source(), listener.reachability(),
				listener.addresses(), reaching);
	}

	private Listener listener(String role, @Nullable String server, @Nullable String scheme, String contextPath,
			InetAddress address, int port, String source, List<HostAddress> hosts) {
		boolean wildcard = address.isAnyLocalAddress();
		List<ListenerAddress> addresses = new ArrayList<>();
		Reachability reachability = Reachability.LOCAL_ONLY;
		if (wildcard) {
			// The JDK never sets IPV6_V6ONLY, so an IPv6 wildcard socket of this JVM
			// takes IPv4 too.
			boolean acceptsIpv6 = address instanceof Inet6Address;
			for (HostAddress host : hosts) {
				if (acceptsIpv6 || !host.ipv6()) {
					addresses.add(listenerAddress(host.address(), host.interfaceName(), host.scope(), scheme, port,
							contextPath));
				}
			}
		}
		else {
			HostAddress host = HostAddress.find(hosts, address);
			addresses.add((host != null)
					? listenerAddress(host.address(), host.interfaceName(), host.scope(), scheme, port, contextPath)
					: listenerAddress(address, null, AddressScope.of(address), scheme, port, contextPath));
		}
		for (ListenerAddress listenerAddress : addresses) {
			reachability = reachability.widest(Reachability.of(listenerAddress.getScope()));
		}
		if (wildcard && hosts == UNLISTED) {
			// The interfaces could not be listed: a wildcard may accept anyone, so never
			// claim less.
			reachability = Reachability.PUBLIC;
		}
		// ipv6Only: the JDK clears IPV6_V6ONLY on every socket it opens, whatever
		// net.ipv6.bindv6only says, and the kernel's socket table does not show the
		// option (only sock_diag netlink does), so false is what this JVM's sockets have.
		return new Listener(role, server, scheme, InetAddresses.toText(address), port, wildcard, false, source,
				reachability, List.copyOf(addresses));
	}

	/**
	 * Return a listener's address, its text worked out once: a wildcard listener on a
	 * busy host has thousands.
	 * @param address the address
	 * @param interfaceName the interface that holds it, or {@code null} if not known
	 * @param scope its scope
	 * @param scheme the listener's scheme, or {@code null} if it does not speak HTTP
	 * @param port the listener's port
	 * @param contextPath the context path of the web server
	 * @return the listener's address
	 */
	private static ListenerAddress listenerAddress(InetAddress address, @Nullable String interfaceName,
			AddressScope scope, @Nullable String scheme, int port, String contextPath) {
		String text = InetAddresses.toText(address);
		String url = null;
		if (scheme != null) {
			// Only a zone needs encoding in a URL: an IPv6 address without one is
			// its text in brackets.
			String host = text;
			if (address instanceof Inet6Address) {
				host = (text.indexOf('%') < 0) ? "[" + text + "]" : InetAddresses.toUrlHost(address);
			}
			// A builder rather than concatenation, whose call site would be linked when
			// the first report is made, at startup.
			url = new StringBuilder(scheme.length() + host.length() + contextPath.length() + 10).append(scheme)
				.append("://")
				.append(host)
				.append(':')
				.append(port)
				.append(contextPath)
				.append('/')
				.toString();
		}
		return new ListenerAddress(address, text, interfaceName, scope, url, ProbeResult.SKIPPED);
	}

	private static @Nullable String url(@Nullable String scheme, InetAddress address, int port, String contextPath) {
		return (scheme != null) ? scheme + "://" + InetAddresses.toUrlHost(address) + ":" + port + contextPath + "/"
				: null;
	}

	private static @Nullable Reachability verdict(List<Listener> listeners) {
		Reachability verdict = null;
		for (Listener listener : listeners) {
			if (listener.isMainServer()) {
				verdict = (verdict != null) ? verdict.widest(listener.reachability()) : listener.reachability();
			}
		}
		return verdict;
	}

	private static InetAddress defaultWildcard() {
		return Boolean.getBoolean("java.net.preferIPv4Stack") ? IPV4_WILDCARD : IPV6_WILDCARD;
	}

	private static InetAddress address(byte[] bytes) {
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (java.net.UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
