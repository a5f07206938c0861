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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A small cloud made of two Linux network namespaces, as AWS, Google Cloud and Azure
 * connect a virtual machine to the internet:
 * <ul>
 * <li>the app host, the virtual machine, holds the private address
 * {@value #PRIVATE_ADDRESS} only, and its default route leads to the router;</li>
 * <li>the router holds {@value #ROUTER_ADDRESS} on the app host's link, the public
 * address {@value #PUBLIC_ADDRESS} and {@value #METADATA_ADDRESS}, where a test starts a
 * {@link FakeMetadataService}. It translates the public address 1:1 to the private one
 * (destination NAT), and rewrites the source of the app host's own connections to its
 * public address to that public address, so that they come back through the router
 * (hairpin NAT), as a cloud's gateway does. A rule in its forward chain plays the
 * provider's firewall (security group, VPC firewall rule, network security group) when a
 * test closes it.</li>
 * </ul>
 * Counting rules on the router tell how many packets the app host sent to the metadata
 * address and to the public address. The addresses are RFC 1918, documentation and
 * link-local ones inside namespaces created here; the router has no other link, so
 * nothing leaves them.
 */
final class SimulatedCloud implements ServerHost, AutoCloseable {

	static final String PRIVATE_ADDRESS = "10.0.0.10";

	static final String ROUTER_ADDRESS = "10.0.0.1";

	static final String PUBLIC_ADDRESS = "203.0.113.10";

	static final String METADATA_ADDRESS = "169.254.169.254";

	private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration SERVICE_STOP_TIMEOUT = Duration.ofSeconds(10);

	private static final List<String> FIREWALL_RULE = List.of("FORWARD", "-p", "tcp", "-d", PRIVATE_ADDRESS, "--dport",
			Integer.toString(SampleAppProcess.PORT), "-m", "conntrack", "--ctorigdst", PUBLIC_ADDRESS, "-j", "DROP");

	private final String appNamespace;

	private final String routerNamespace;

	private final String appInterface;

	private final String routerInterface;

	private final Thread shutdownHook;

	private @Nullable Process metadataService;

	private @Nullable Path metadataLog;

	private boolean closed;

	private SimulatedCloud(long pid, String random) {
		this.appNamespace = "bindscope-" + pid + "-" + random + "-app";
		this.routerNamespace = "bindscope-" + pid + "-" + random + "-router";
		// Interface names are limited to 15 characters: 2 + 7 (largest pid) + 4 + 1.
		this.appInterface = "bs" + pid + random + "a";
		this.routerInterface = "bs" + pid + random + "r";
		this.shutdownHook = new Thread(this::tearDown, "bindscope-simulated-cloud-cleanup");
	}

	/**
	 * Create the simulated cloud, or skip (or fail, see {@link NetworkTestRequirements})
	 * when this machine cannot.
	 * @return the cloud, ready to use
	 */
	static SimulatedCloud create() {
		NetworkTestRequirements.check();
		NetworkTestRequirements.requireCommand("iptables", "iptables");
		return NetworkNamespaces.buildOrClose(
				new SimulatedCloud(ProcessHandle.current().pid(), NetworkNamespaces.randomPart()),
				SimulatedCloud::build);
	}

	private void build() {
		// Registered first, so that a JVM that dies before close() still cleans up.
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
		ExternalCommand.Result added = NetworkNamespaces.ip("netns", "add", this.appNamespace);
		if (!added.succeeded()) {
			NetworkTestRequirements.unmet("The cloud tests could not create a network namespace: " + added.describe()
					+ ". They need a kernel with network namespaces and root.");
		}
		NetworkNamespaces.ip("netns", "add", this.routerNamespace).requireSuccess();
		ExternalCommand.Result veth = NetworkNamespaces.ip("link", "add", "name", this.appInterface, "netns",
				this.appNamespace, "type", "veth", "peer", "name", this.routerInterface, "netns", this.routerNamespace);
		if (!veth.succeeded()) {
			NetworkTestRequirements.unmet("The cloud tests could not create a veth pair: " + veth.describe()
					+ ". They need a kernel with veth support (module veth).");
		}
		NetworkNamespaces.ipIn(this.appNamespace, "link", "set", "lo", "up").requireSuccess();
		NetworkNamespaces.ipIn(this.routerNamespace, "link", "set", "lo", "up").requireSuccess();
		NetworkNamespaces.ipIn(this.appNamespace, "addr", "add", PRIVATE_ADDRESS + "/24", "dev", this.appInterface)
			.requireSuccess();
		NetworkNamespaces.ipIn(this.routerNamespace, "addr", "add", ROUTER_ADDRESS + "/24", "dev", this.routerInterface)
			.requireSuccess();
		NetworkNamespaces.ipIn(this.appNamespace, "link", "set", this.appInterface, "up").requireSuccess();
		NetworkNamespaces.ipIn(this.routerNamespace, "link", "set", this.routerInterface, "up").requireSuccess();
		NetworkNamespaces.ipIn(this.routerNamespace, "addr", "add", PUBLIC_ADDRESS + "/32", "dev", "lo")
			.requireSuccess();
		NetworkNamespaces.ipIn(this.routerNamespace, "addr", "add", METADATA_ADDRESS + "/32", "dev", "lo")
			.requireSuccess();
		// The router is the app host's only way out, and leads nowhere else.
		NetworkNamespaces.ipIn(this.appNamespace, "route", "add", "default", "via", ROUTER_ADDRESS).requireSuccess();
		inRouter("sh", "-c", "echo 1 > /proc/sys/net/ipv4/ip_forward").requireSuccess();
		ExternalCommand.Result nat = iptables("-t", "nat", "-A", "PREROUTING", "-d", PUBLIC_ADDRESS, "-p", "tcp", "-j",
				"DNAT", "--to-destination", PRIVATE_ADDRESS);
		if (!nat.succeeded()) {
			NetworkTestRequirements.unmet("The cloud tests could not add a NAT rule: " + nat.describe()
					+ ". They need iptables with kernel support for NAT and connection tracking.");
		}
		iptables("-t", "nat", "-A", "POSTROUTING", "-s", PRIVATE_ADDRESS, "-d", PRIVATE_ADDRESS, "-m", "conntrack",
				"--ctstate", "DNAT", "-j", "SNAT", "--to-source", PUBLIC_ADDRESS)
			.requireSuccess();
		// Rules without a target only count what passes them.
		iptables("-t", "raw", "-A", "PREROUTING", "-d", METADATA_ADDRESS).requireSuccess();
		iptables("-t", "raw", "-A", "PREROUTING", "-d", PUBLIC_ADDRESS).requireSuccess();
	}

	@Override
	public String serverNamespace() {
		return this.appNamespace;
	}

	@Override
	public ExternalCommand.Result inServer(Duration timeout, String... command) {
		return NetworkNamespaces.exec(this.appNamespace, timeout, command);
	}

	/**
	 * Start the metadata service of the given mode on {@value #METADATA_ADDRESS}:80 in
	 * the router, and wait until it listens.
	 * @param mode {@code aws}, {@code gcp}, {@code azure} or {@code silent}
	 */
	void startMetadataService(String mode) {
		if (this.metadataService != null) {
			throw new IllegalStateException("A metadata service runs already");
		}
		Path log = NetworkNamespaces.logFile("metadata-" + mode + "-" + this.routerNamespace);
		String classes = FakeMetadataService.class.getProtectionDomain().getCodeSource().getLocation().getPath();
		List<String> command = List.of("ip", "netns", "exec", this.routerNamespace,
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classes,
				FakeMetadataService.class.getName(), mode, METADATA_ADDRESS, "80", PUBLIC_ADDRESS, PRIVATE_ADDRESS);
		try {
			Files.deleteIfExists(log);
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			process.getOutputStream().close();
			this.metadataService = process;
			this.metadataLog = log;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the metadata service with " + String.join(" ", command), ex);
		}
		long deadline = System.nanoTime() + SERVICE_START_TIMEOUT.toNanos();
		while (!metadataServiceLog().lines().anyMatch(FakeMetadataService.LISTENING::equals)) {
			Process process = this.metadataService;
			if (process == null || !process.isAlive()) {
				throw new IllegalStateException("The metadata service exited: " + metadataServiceLog());
			}
			if (System.nanoTime() - deadline > 0) {
				throw new IllegalStateException("The metadata service did not listen within "
						+ SERVICE_START_TIMEOUT.toSeconds() + " s: " + metadataServiceLog());
			}
			sleep(100);
		}
	}

	/**
	 * Stop the metadata service, if one runs.
	 */
	void stopMetadataService() {
		Process process = this.metadataService;
		this.metadataService = null;
		if (process == null) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(SERVICE_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				process.waitFor(SERVICE_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Return the requests the metadata service received, one line each.
	 * @return the requests
	 */
	List<String> metadataRequests() {
		return metadataServiceLog().lines()
			.filter((line) -> line.startsWith(FakeMetadataService.REQUEST))
			.map((line) -> line.substring(FakeMetadataService.REQUEST.length()))
			.toList();
	}

	private String metadataServiceLog() {
		Path log = this.metadataLog;
		try {
			return (log != null) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			return "";
		}
	}

	/**
	 * Make the router drop connections to the public address's port of the app, as a
	 * firewall of the cloud that does not allow it.
	 */
	void closeFirewall() {
		iptables(concat("-A", FIREWALL_RULE)).requireSuccess();
	}

	/**
	 * Remove the rule that {@link #closeFirewall()} added.
	 */
	void openFirewall() {
		iptables(concat("-D", FIREWALL_RULE)).requireSuccess();
	}

	/**
	 * Reset the counting rules.
	 */
	void resetCounters() {
		iptables("-t", "raw", "-Z", "PREROUTING").requireSuccess();
	}

	/**
	 * Return how many packets from the app host to each counted address reached the
	 * router.
	 * @return the packets by address, {@value #METADATA_ADDRESS} and
	 * {@value #PUBLIC_ADDRESS}
	 */
	Map<String, Long> packetsFromTheAppHost() {
		String table = iptables("-t", "raw", "-L", "PREROUTING", "-v", "-n", "-x").requireSuccess().output();
		long metadata = -1;
		long publicAddress = -1;
		for (String line : table.lines().toList()) {
			// pkts bytes target prot opt in out source destination: a rule without a
			// target has one field less.
			String[] fields = line.strip().split("\\s+");
			if (fields.length < 2 || !fields[0].chars().allMatch(Character::isDigit)) {
				continue;
			}
			String destination = fields[fields.length - 1];
			if (destination.equals(METADATA_ADDRESS)) {
				metadata = Long.parseLong(fields[0]);
			}
			else if (destination.equals(PUBLIC_ADDRESS)) {
				publicAddress = Long.parseLong(fields[0]);
			}
		}
		if (metadata < 0 || publicAddress < 0) {
			throw new IllegalStateException("The router's counting rules are missing: " + table);
		}
		return Map.of(METADATA_ADDRESS, metadata, PUBLIC_ADDRESS, publicAddress);
	}

	/**
	 * Send {@code GET /} from the app host to its own public address, through the router,
	 * as a client outside would reach it.
	 * @return the HTTP status, {@code 000} where no response came
	 */
	String getPublicAddressFromTheAppHost() {
		ExternalCommand.Result result = inServer(Duration.ofSeconds(10), "curl", "-s", "-o", "/dev/null", "-w",
				"%{http_code}", "--max-time", "3", "http://" + PUBLIC_ADDRESS + ":" + SampleAppProcess.PORT + "/");
		String status = result.output().strip();
		return status.isEmpty() ? "000" : status;
	}

	/**
	 * Write firmware data under {@code sys/class/dmi/id} of a new fixture root.
	 * @param name a name for the root
	 * @param dmi the files and their values, such as {@code sys_vendor}
	 * {@code Amazon EC2}
	 * @return the fixture root
	 */
	static Path firmware(String name, Map<String, String> dmi) {
		Path root = NetworkNamespaces.directory().resolve("host-root-" + name);
		try {
			Path directory = Files.createDirectories(root.resolve("sys/class/dmi/id"));
			for (Map.Entry<String, String> entry : dmi.entrySet()) {
				// The kernel ends every DMI attribute with a newline.
				Files.writeString(directory.resolve(entry.getKey()), entry.getValue() + "\n");
			}
			return root;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the firmware fixture under " + root, ex);
		}
	}

	private ExternalCommand.Result iptables(String... arguments) {
		List<String> command = new ArrayList<>(List.of("iptables", "-w", "5"));
		command.addAll(List.of(arguments));
		return inRouter(command.toArray(String[]::new));
	}

	private ExternalCommand.Result inRouter(String... command) {
		return NetworkNamespaces.exec(this.routerNamespace, NetworkNamespaces.COMMAND_TIMEOUT, command);
	}

	private static String[] concat(String first, List<String> rest) {
		List<String> all = new ArrayList<>();
		all.add(first);
		all.addAll(rest);
		return all.toArray(String[]::new);
	}

	/**
	 * Stop the metadata service and delete both namespaces, and with them the veth pair
	 * and every rule.
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
		List<String> failures = tearDown();
		if (!failures.isEmpty()) {
			throw new IllegalStateException("Could not delete the simulated cloud: " + String.join("; ", failures));
		}
	}

	private List<String> tearDown() {
		// A process in a namespace keeps it alive after it is deleted: stop it first.
		stopMetadataService();
		return NetworkNamespaces.delete(List.of(this.appNamespace, this.routerNamespace));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the metadata service", ex);
		}
	}

	@Override
	public String toString() {
		return "simulated cloud " + this.appNamespace + " (" + PRIVATE_ADDRESS + ") behind " + this.routerNamespace
				+ " (" + PUBLIC_ADDRESS + ", " + METADATA_ADDRESS + ")";
	}

}
