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

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Two test hosts, each a Linux network namespace, joined by a veth pair: the server host
 * runs the app, the client host tries to reach it. Only documentation addresses are used,
 * and only inside namespaces created here, so no traffic ever leaves this machine.
 */
final class TestHosts implements ServerHost, AutoCloseable {

	static final String SERVER_IPV4 = "198.51.100.1";

	static final String SERVER_IPV6 = "2001:db8:1::1";

	static final String CLIENT_IPV4 = "198.51.100.2";

	static final String CLIENT_IPV6 = "2001:db8:1::2";

	private static final Duration DAD_TIMEOUT = Duration.ofSeconds(5);

	private static final int CLIENT_CONNECT_SECONDS = 2;

	private static final int JDWP_ATTEMPTS = 10;

	private static final long JDWP_RETRY_PAUSE_MILLIS = 300;

	private static final Pattern LINK_LOCAL = Pattern.compile("inet6 (fe80:[0-9a-f:]+)/");

	private final String serverNamespace;

	private final String clientNamespace;

	private final String serverInterface;

	private final String clientInterface;

	private final Thread shutdownHook;

	private @Nullable String serverLinkLocal;

	private boolean closed;

	private TestHosts(long pid, String random) {
		this.serverNamespace = "bindscope-" + pid + "-" + random + "-server";
		this.clientNamespace = "bindscope-" + pid + "-" + random + "-client";
		// Interface names are limited to 15 characters: 2 + 7 (largest pid) + 4 + 1.
		this.serverInterface = "bs" + pid + random + "s";
		this.clientInterface = "bs" + pid + random + "c";
		this.shutdownHook = new Thread(this::deleteNamespaces, "bindscope-test-hosts-cleanup");
	}

	/**
	 * Create the two test hosts, or skip (or fail, see {@link NetworkTestRequirements})
	 * when this machine cannot.
	 * @return the test hosts, ready to use
	 */
	static TestHosts create() {
		NetworkTestRequirements.check();
		return NetworkNamespaces.buildOrClose(
				new TestHosts(ProcessHandle.current().pid(), NetworkNamespaces.randomPart()), TestHosts::build);
	}

	private void build() {
		// Registered first, so that a JVM that dies before close() still removes the
		// namespaces.
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
		ExternalCommand.Result added = NetworkNamespaces.ip("netns", "add", this.serverNamespace);
		if (!added.succeeded()) {
			NetworkTestRequirements.unmet("The network tests could not create a network namespace: " + added.describe()
					+ ". They need a kernel with network namespaces and root.");
		}
		NetworkNamespaces.ip("netns", "add", this.clientNamespace).requireSuccess();
		ExternalCommand.Result entered = inServer(NetworkNamespaces.COMMAND_TIMEOUT, "ip", "link", "set", "lo", "up");
		if (!entered.succeeded()) {
			NetworkTestRequirements
				.unmet("The network tests could not run a command inside a network namespace: " + entered.describe()
						+ ". They need root with CAP_SYS_ADMIN, which a restricted container may not grant.");
		}
		ExternalCommand.Result veth = NetworkNamespaces.ip("link", "add", "name", this.serverInterface, "netns",
				this.serverNamespace, "type", "veth", "peer", "name", this.clientInterface, "netns",
				this.clientNamespace);
		if (!veth.succeeded()) {
			NetworkTestRequirements.unmet("The network tests could not create a veth pair: " + veth.describe()
					+ ". They need a kernel with veth support (module veth).");
		}
		NetworkNamespaces.ipIn(this.clientNamespace, "link", "set", "lo", "up").requireSuccess();
		NetworkNamespaces.ipIn(this.serverNamespace, "link", "set", this.serverInterface, "up").requireSuccess();
		NetworkNamespaces.ipIn(this.clientNamespace, "link", "set", this.clientInterface, "up").requireSuccess();
		NetworkNamespaces.ipIn(this.serverNamespace, "addr", "add", SERVER_IPV4 + "/24", "dev", this.serverInterface)
			.requireSuccess();
		NetworkNamespaces
			.ipIn(this.serverNamespace, "addr", "add", SERVER_IPV6 + "/64", "dev", this.serverInterface, "nodad")
			.requireSuccess();
		NetworkNamespaces.ipIn(this.clientNamespace, "addr", "add", CLIENT_IPV4 + "/24", "dev", this.clientInterface)
			.requireSuccess();
		NetworkNamespaces
			.ipIn(this.clientNamespace, "addr", "add", CLIENT_IPV6 + "/64", "dev", this.clientInterface, "nodad")
			.requireSuccess();
		awaitNoTentativeAddresses();
		this.serverLinkLocal = readServerLinkLocal();
	}

	/**
	 * Wait until duplicate address detection has finished for the link-local addresses
	 * the kernel adds by itself: a tentative address can neither send nor receive.
	 */
	private void awaitNoTentativeAddresses() {
		long deadline = System.nanoTime() + DAD_TIMEOUT.toNanos();
		while (true) {
			String tentative = (tentativeAddresses(this.serverNamespace) + tentativeAddresses(this.clientNamespace))
				.strip();
			if (tentative.isEmpty()) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("IPv6 addresses of the test hosts are still tentative after "
						+ DAD_TIMEOUT.toMillis() + " ms: " + tentative);
			}
			sleep(100);
		}
	}

	private String tentativeAddresses(String namespace) {
		return NetworkNamespaces.ipIn(namespace, "-6", "-o", "addr", "show", "tentative").requireSuccess().output();
	}

	private String readServerLinkLocal() {
		String output = NetworkNamespaces
			.ipIn(this.serverNamespace, "-6", "-o", "addr", "show", "dev", this.serverInterface, "scope", "link")
			.requireSuccess()
			.output();
		Matcher matcher = LINK_LOCAL.matcher(output);
		if (!matcher.find()) {
			throw new IllegalStateException("The server host's interface " + this.serverInterface
					+ " has no link-local IPv6 address: " + output);
		}
		return matcher.group(1);
	}

	@Override
	public String serverNamespace() {
		return this.serverNamespace;
	}

	String serverInterface() {
		return this.serverInterface;
	}

	String clientInterface() {
		return this.clientInterface;
	}

	/**
	 * Return the server host's link-local address, without zone.
	 * @return the address
	 */
	String serverLinkLocal() {
		String address = this.serverLinkLocal;
		if (address == null) {
			throw new IllegalStateException("The test hosts are not set up");
		}
		return address;
	}

	/**
	 * Return the addresses of the server host that another host could use: everything but
	 * loopback. The link-local address is without zone.
	 * @return the addresses
	 */
	List<String> serverHostAddresses() {
		return List.of(SERVER_IPV4, SERVER_IPV6, serverLinkLocal());
	}

	/**
	 * Switch IPv6 off in the server host, as {@code net.ipv6.conf.all.disable_ipv6=1}
	 * does on a real one: its IPv6 addresses, link-local included, go away.
	 */
	void disableIpv6OnServer() {
		for (String scope : List.of("all", "default")) {
			inServer(NetworkNamespaces.COMMAND_TIMEOUT, "sh", "-c",
					"echo 1 > /proc/sys/net/ipv6/conf/" + scope + "/disable_ipv6")
				.requireSuccess();
		}
	}

	/**
	 * Run a command inside the server host.
	 * @param timeout how long the command may take
	 * @param command the command and its arguments
	 * @return what it did
	 */
	@Override
	public ExternalCommand.Result inServer(Duration timeout, String... command) {
		return NetworkNamespaces.exec(this.serverNamespace, timeout, command);
	}

	/**
	 * Run a command inside the client host.
	 * @param timeout how long the command may take
	 * @param command the command and its arguments
	 * @return what it did
	 */
	ExternalCommand.Result inClient(Duration timeout, String... command) {
		return NetworkNamespaces.exec(this.clientNamespace, timeout, command);
	}

	/**
	 * Send {@code GET /} from the client host to each of the server host's addresses.
	 * @param port the port to connect to
	 * @return the HTTP status by address, {@code 000} where no response came
	 */
	Map<String, String> getFromClient(int port) {
		Map<String, String> statuses = new LinkedHashMap<>();
		for (String address : serverHostAddresses()) {
			String url = "http://" + clientUrlHost(address) + ":" + port + "/";
			ExternalCommand.Result result = inClient(Duration.ofSeconds(CLIENT_CONNECT_SECONDS + 5), "curl", "-s", "-g",
					"-o", "/dev/null", "-w", "%{http_code}", "--max-time", Integer.toString(CLIENT_CONNECT_SECONDS),
					url);
			String status = result.output().strip();
			statuses.put(address, status.isEmpty() ? "000" : status);
		}
		return statuses;
	}

	/**
	 * Open a debugger connection from the client host to each of the server host's
	 * addresses and perform the JDWP handshake: the client sends {@code JDWP-Handshake}
	 * and a debug agent answers with the same 14 bytes. An answer proves that a debugger
	 * on the other host could attach, not only that a port was open.
	 * @param port the debug agent's port
	 * @return whether the handshake succeeded, by address
	 */
	Map<String, Boolean> jdwpHandshakeFromClient(int port) {
		Map<String, Boolean> handshakes = new LinkedHashMap<>();
		for (String address : serverHostAddresses()) {
			String host = address.startsWith("fe80:") ? address + "%" + this.clientInterface : address;
			boolean succeeded = false;
			// The agent serves one debugger at a time and listens again only once the
			// previous one has detached, which on a busy host takes a moment: a handshake
			// right after another may need more tries, a pause apart (at most about 3 s).
			for (int attempt = 0; attempt < JDWP_ATTEMPTS && !succeeded; attempt++) {
				if (attempt > 0) {
					sleep(JDWP_RETRY_PAUSE_MILLIS);
				}
				// bash's /dev/tcp connects without any extra tool; timeout bounds a
				// dropped SYN.
				ExternalCommand.Result result = inClient(Duration.ofSeconds(CLIENT_CONNECT_SECONDS + 5), "timeout",
						Integer.toString(CLIENT_CONNECT_SECONDS), "bash", "-c",
						"exec 3<>/dev/tcp/$0/$1 && printf JDWP-Handshake >&3 && head -c 14 <&3", host,
						Integer.toString(port));
				succeeded = result.succeeded() && result.output().equals("JDWP-Handshake");
			}
			handshakes.put(address, succeeded);
		}
		return handshakes;
	}

	private String clientUrlHost(String address) {
		if (!address.contains(":")) {
			return address;
		}
		// A link-local address means nothing without the interface to send from.
		String zone = address.startsWith("fe80:") ? "%25" + this.clientInterface : "";
		return "[" + address + zone + "]";
	}

	/**
	 * Delete both namespaces, and with them the veth pair.
	 */
	@Override
	public void close() {
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
		}
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// The JVM is shutting down and the hook is already running.
		}
		List<String> failures = deleteNamespaces();
		if (!failures.isEmpty()) {
			throw new IllegalStateException("Could not delete the test hosts: " + String.join("; ", failures));
		}
	}

	private List<String> deleteNamespaces() {
		return NetworkNamespaces.delete(List.of(this.serverNamespace, this.clientNamespace));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while setting up the test hosts", ex);
		}
	}

	@Override
	public String toString() {
		return "test hosts " + this.serverNamespace + " (" + SERVER_IPV4 + ", " + SERVER_IPV6 + ") and "
				+ this.clientNamespace + " (" + CLIENT_IPV4 + ", " + CLIENT_IPV6 + ")";
	}

}
