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

package io.github.bindscope.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@link HostAddresses#system()} against what {@code ip} (iproute2) lists, which asks the
 * kernel over netlink and shares no code with the JDK's interface listing: the addresses
 * of every interface that is up and running ({@code NetworkInterface.isUp()} asks for
 * both, which {@code ip} shows as the {@code UP} flag and an operational state of
 * {@code UP} or {@code UNKNOWN}), each under the name of its device whatever label an
 * IPv4 alias carries, link-local IPv6 with that name as its zone. Checked on this host,
 * and in a test host of its own (a network namespace) with what real hosts have and test
 * machines rarely do: secondary and aliased IPv4 addresses, a {@code /32} and a
 * point-to-point address, an interface that is down and one that is up without carrier.
 */
class HostAddressesKernelTests {

	/**
	 * Set to {@code true} (as CI does) to fail instead of skipping where the test host
	 * cannot be made.
	 */
	private static final String REQUIRE_VARIABLE = "BINDSCOPE_REQUIRE_NETWORK_TESTS";

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final int CAP_NET_ADMIN = 12;

	private static final int CAP_SYS_ADMIN = 21;

	private static final int ATTEMPTS = 3;

	// "3: eth0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 ... state UP mode ..."
	private static final Pattern LINK = Pattern
		.compile("^\\d+:\\s+([^@:\\s]+)(?:@\\S+)?:\\s+<([^>]*)>.*\\sstate\\s+(\\S+)");

	// "3: eth0 inet 192.0.2.1 peer 192.0.2.2/32 scope global eth0:1\ ..."
	private static final Pattern ADDRESS = Pattern.compile("^\\d+:\\s+(\\S+)\\s+inet6?\\s+([0-9a-f.:]+)");

	@Test
	void systemListsWhatIpListsOnThisHost() {
		assumeLinuxWithIp();
		List<String> listed = List.of();
		List<String> expected = List.of();
		// The two listings are a moment apart: an interface may come or go between them.
		for (int attempt = 0; attempt < ATTEMPTS && (attempt == 0 || !sameElements(listed, expected)); attempt++) {
			listed = HostAddresses.system()
				.addresses()
				.stream()
				.map((host) -> host.text() + "\t" + host.interfaceName())
				.toList();
			expected = upAndRunning(run("ip", "-o", "link", "show"), run("ip", "-o", "addr", "show"));
		}
		assertThat(listed).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void systemListsWhatIpListsInATestHostWithAliasesPeersAndInterfacesThatDoNotRun() {
		requireTestHosts();
		String random = String.format(Locale.ROOT, "%04x", ThreadLocalRandom.current().nextInt(0x10000));
		String namespace = "bindscope-" + ProcessHandle.current().pid() + "-" + random + "-if";
		// Interface names are limited to 15 characters.
		String up = "bs" + random + "a";
		String peer = "bs" + random + "b";
		String down = "bs" + random + "c";
		String noCarrier = "bs" + random + "d";
		List<String> printed;
		List<String> expected;
		try {
			run("ip", "netns", "add", namespace);
			ipIn(namespace, "link", "set", "lo", "up");
			ipIn(namespace, "link", "add", up, "type", "veth", "peer", "name", peer);
			ipIn(namespace, "link", "add", down, "type", "veth", "peer", "name", noCarrier);
			ipIn(namespace, "link", "set", up, "up");
			ipIn(namespace, "link", "set", peer, "up");
			// Up, but its peer is down: no carrier, so not running.
			ipIn(namespace, "link", "set", noCarrier, "up");
			ipIn(namespace, "addr", "add", "198.51.100.1/24", "dev", up);
			ipIn(namespace, "addr", "add", "198.51.100.2/24", "dev", up);
			ipIn(namespace, "addr", "add", "198.51.100.3/24", "dev", up, "label", up + ":1");
			ipIn(namespace, "addr", "add", "2001:db8:1::1/64", "dev", up, "nodad");
			ipIn(namespace, "addr", "add", "203.0.113.1/32", "dev", peer);
			ipIn(namespace, "addr", "add", "192.0.2.1", "peer", "192.0.2.2", "dev", peer);
			ipIn(namespace, "addr", "add", "192.0.2.30/24", "dev", down);
			ipIn(namespace, "addr", "add", "192.0.2.40/24", "dev", noCarrier);
			ipIn(namespace, "addr", "add", "2001:db8:4::1/64", "dev", noCarrier, "nodad");
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			printed = run("ip", "netns", "exec", namespace, java, "-cp", System.getProperty("java.class.path"),
					HostAddressesPrinter.class.getName())
				.lines()
				.toList();
			expected = upAndRunning(run("ip", "-n", namespace, "-o", "link", "show"),
					run("ip", "-n", namespace, "-o", "addr", "show"));
		}
		finally {
			runUnchecked("ip", "netns", "delete", namespace);
		}
		String facts = "printed " + printed + ", ip lists " + expected;
		assertThat(printed).as(facts)
			.extracting((line) -> line.substring(0, line.lastIndexOf('\t')))
			.containsExactlyInAnyOrderElementsOf(expected)
			.contains("127.0.0.1\tlo", "::1\tlo", "198.51.100.1\t" + up, "198.51.100.2\t" + up, "198.51.100.3\t" + up,
					"2001:db8:1::1\t" + up, "203.0.113.1\t" + peer, "192.0.2.1\t" + peer)
			.noneMatch((line) -> line.endsWith("\t" + down) || line.endsWith("\t" + noCarrier));
		assertThat(printed).as(facts)
			.filteredOn((line) -> line.startsWith("fe80:"))
			.isNotEmpty()
			.allMatch((line) -> line.matches("fe80:[0-9a-f:]+%(\\S+)\\t\\1\\tLINK_LOCAL"));
		assertThat(printed).as(facts)
			.filteredOn((line) -> !line.startsWith("fe80:"))
			.allMatch((line) -> line
				.endsWith((line.startsWith("127.") || line.startsWith("::1\t")) ? "\tLOOPBACK" : "\tPRIVATE"));
	}

	/**
	 * Return the addresses of the interfaces that are up and running, as {@code ip -o}
	 * prints them, each as its text and its device's name.
	 * @param links the output of {@code ip -o link show}
	 * @param addresses the output of {@code ip -o addr show}
	 * @return the address and device of each, separated by a tab
	 */
	private static List<String> upAndRunning(String links, String addresses) {
		Set<String> running = new HashSet<>();
		for (String line : links.lines().toList()) {
			Matcher link = LINK.matcher(line);
			if (link.find() && List.of(link.group(2).split(",")).contains("UP")
					&& (link.group(3).equals("UP") || link.group(3).equals("UNKNOWN"))) {
				running.add(link.group(1));
			}
		}
		List<String> expected = new ArrayList<>();
		for (String line : addresses.lines().toList()) {
			Matcher address = ADDRESS.matcher(line);
			if (address.find() && running.contains(address.group(1))) {
				String text = address.group(2);
				String zone = text.startsWith("fe80:") ? "%" + address.group(1) : "";
				expected.add(text + zone + "\t" + address.group(1));
			}
		}
		return expected;
	}

	private static boolean sameElements(List<String> first, List<String> second) {
		return first.size() == second.size() && new HashSet<>(first).equals(new HashSet<>(second));
	}

	private static void assumeLinuxWithIp() {
		Assumptions.assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"),
				"Comparing with ip needs Linux");
		Assumptions.assumeTrue(onPath("ip"), "The 'ip' command (package iproute2) is not on the PATH");
	}

	private static void requireTestHosts() {
		String reason = null;
		if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
			reason = "A test host is a Linux network namespace, but this is " + System.getProperty("os.name") + ".";
		}
		else if (!onPath("ip")) {
			reason = "Making a test host needs the 'ip' command (package iproute2: apt-get install iproute2).";
		}
		else if (!hasCapabilities()) {
			reason = "Making a test host (a network namespace) needs root, or CAP_NET_ADMIN and CAP_SYS_ADMIN; "
					+ "run the build as root.";
		}
		if (reason == null) {
			return;
		}
		if ("true".equalsIgnoreCase(System.getenv(REQUIRE_VARIABLE))) {
			fail(reason + " " + REQUIRE_VARIABLE + "=true, so this fails instead of being skipped.");
		}
		Assumptions.abort(reason + " Skipping; set " + REQUIRE_VARIABLE + "=true to make this a failure.");
	}

	private static boolean hasCapabilities() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("CapEff:")) {
					BigInteger effective = new BigInteger(line.substring("CapEff:".length()).strip(), 16);
					return effective.testBit(CAP_NET_ADMIN) && effective.testBit(CAP_SYS_ADMIN);
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// Unknown: treated as missing.
		}
		return false;
	}

	private static boolean onPath(String command) {
		String path = System.getenv("PATH");
		List<String> directories = new ArrayList<>(List.of("/usr/sbin", "/sbin"));
		if (path != null) {
			directories.addAll(0, List.of(path.split(":")));
		}
		return directories.stream().anyMatch((directory) -> Files.isExecutable(Path.of(directory, command)));
	}

	private static void ipIn(String namespace, String... arguments) {
		List<String> command = new ArrayList<>(List.of("ip", "-n", namespace));
		command.addAll(List.of(arguments));
		run(command.toArray(String[]::new));
	}

	private static String run(String... command) {
		Result result = runUnchecked(command);
		if (result.exitCode() != 0) {
			throw new IllegalStateException(
					String.join(" ", command) + " exited with " + result.exitCode() + ": " + result.output());
		}
		return result.output();
	}

	private static Result runUnchecked(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getOutputStream().close();
			String output;
			try (InputStream in = process.getInputStream()) {
				output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " took longer than " + TIMEOUT);
			}
			return new Result(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + String.join(" ", command) + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + String.join(" ", command), ex);
		}
	}

	private record Result(int exitCode, String output) {

	}

}
