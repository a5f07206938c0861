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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What iproute2's {@code ss} and {@code ip} print about this host: what the integration
 * tests hold the report against, read from the kernel through netlink rather than through
 * {@code procfs} and the JDK as Bindscope reads it. A test that needs a tool this host
 * lacks is skipped, saying which.
 */
final class Iproute2 {

	private static final Pattern PID = Pattern.compile(",pid=(\\d+),");

	// State, Recv-Q, Send-Q, then the local address.
	private static final int LOCAL_ADDRESS_FIELD = 3;

	private Iproute2() {
	}

	/**
	 * Return the TCP sockets in {@code LISTEN} state of this network namespace, as
	 * {@code ss -ltnpeH} prints them.
	 * @return the listening sockets
	 */
	static List<ListeningRow> listeningSockets() {
		List<ListeningRow> sockets = new ArrayList<>();
		for (String line : run("ss", "-ltnpeH").lines().toList()) {
			String[] fields = line.strip().split("\\s+");
			if (fields.length <= LOCAL_ADDRESS_FIELD || !fields[0].equals("LISTEN")) {
				continue;
			}
			Set<Long> pids = new LinkedHashSet<>();
			Matcher pid = PID.matcher(line);
			while (pid.find()) {
				pids.add(Long.parseLong(pid.group(1)));
			}
			// -e prints v6only for IPv6 sockets only.
			boolean ipv6 = line.contains(" v6only:");
			sockets.add(ListeningRow.parse(fields[LOCAL_ADDRESS_FIELD], ipv6, pids, line));
		}
		return List.copyOf(sockets);
	}

	/**
	 * Return the TCP sockets this JVM listens on, as {@code ss} prints them, or skip the
	 * test where {@code ss} shows no process at all.
	 * @return the listening sockets of this process
	 */
	static List<ListeningRow> listeningSocketsOfThisProcess() {
		List<ListeningRow> all = listeningSockets();
		assumeTrue(all.stream().anyMatch((socket) -> !socket.pids().isEmpty()),
				"ss shows no process for any listening socket (it may not read other processes' descriptors): " + all);
		long pid = ProcessHandle.current().pid();
		return all.stream().filter((socket) -> socket.pids().contains(pid)).toList();
	}

	/**
	 * Return the addresses of the interfaces that are up and running, as
	 * {@code ip -o address show up} prints them: up as the JDK counts it, with
	 * {@code IFF_UP} and {@code IFF_RUNNING}, which {@code ip -o link} shows as
	 * {@code UP} without {@code NO-CARRIER}.
	 * @return the addresses
	 */
	static List<AddressRow> upAddresses() {
		Set<Integer> running = new HashSet<>();
		for (String line : run("ip", "-o", "link", "show", "up").lines().toList()) {
			// "4: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1400 ..."
			int flags = line.indexOf('<');
			if (flags > 0 && !line.substring(flags, line.indexOf('>', flags)).contains("NO-CARRIER")) {
				running.add(Integer.parseInt(line.substring(0, line.indexOf(':')).strip()));
			}
		}
		List<AddressRow> addresses = new ArrayList<>();
		for (String line : run("ip", "-o", "address", "show", "up").lines().toList()) {
			// "4: eth0 inet6 fe80::fc:ff:fe00:1/64 scope link \ valid_lft forever ..."
			String[] fields = line.strip().split("\\s+");
			int index = Integer.parseInt(fields[0].substring(0, fields[0].length() - 1));
			if (running.contains(index) && (fields[2].equals("inet") || fields[2].equals("inet6"))) {
				String literal = fields[3].substring(0, fields[3].indexOf('/'));
				String scope = fields[List.of(fields).indexOf("scope") + 1];
				addresses.add(new AddressRow(fields[1], literal, address(literal), scope));
			}
		}
		return List.copyOf(addresses);
	}

	private static String run(String... command) {
		Process process;
		try {
			process = new ProcessBuilder(command).start();
		}
		catch (IOException ex) {
			assumeTrue(false, "'" + command[0] + "' is not installed on this host: " + ex.getMessage());
			throw new IllegalStateException(ex);
		}
		try {
			CompletableFuture<String> output = read(process.getInputStream());
			CompletableFuture<String> errors = read(process.getErrorStream());
			boolean exited = process.waitFor(30, TimeUnit.SECONDS);
			if (!exited) {
				process.destroyForcibly();
			}
			assumeTrue(exited && process.exitValue() == 0,
					"'" + String.join(" ", command) + "' failed on this host: " + errors.get(30, TimeUnit.SECONDS));
			return output.get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			process.destroyForcibly();
			throw new IllegalStateException("'" + String.join(" ", command) + "' could not be read", ex);
		}
	}

	private static CompletableFuture<String> read(InputStream stream) {
		return CompletableFuture.supplyAsync(() -> {
			try (stream) {
				return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/**
	 * Return an address literal as the JDK writes it, without a zone, so that addresses
	 * that {@code ss}, {@code ip} and the report write each in their own way compare.
	 * @param literal an address literal, possibly with a zone
	 * @return the JDK's text
	 */
	static String canonical(String literal) {
		int zone = literal.indexOf('%');
		return canonical(address((zone < 0) ? literal : literal.substring(0, zone)));
	}

	/**
	 * Return an address as the JDK writes it, without a zone.
	 * @param address the address
	 * @return the JDK's text
	 */
	static String canonical(InetAddress address) {
		try {
			return InetAddress.getByAddress(address.getAddress()).getHostAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static InetAddress address(String literal) {
		try {
			// A literal: nothing is looked up.
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("Not an address literal: " + literal, ex);
		}
	}

	/**
	 * A row of {@code ss}: a listening socket.
	 *
	 * @param address the address it is bound to, with the JDK's view of IPv4-mapped
	 * addresses (IPv4) and without a zone or device
	 * @param port the port
	 * @param pids the processes that hold it
	 * @param line the row as {@code ss} printed it
	 */
	record ListeningRow(InetAddress address, int port, Set<Long> pids, String line) {

		/**
		 * Parse a local address such as {@code 127.0.0.1:8080}, {@code [::1]:8081},
		 * {@code [fe80::1]%eth0:80}, {@code 127.0.0.53%lo:53}, {@code [::]:80} (IPv6
		 * only) or {@code *:8080}: the dual-stack wildcard, whose row says
		 * {@code v6only:0}, or in older versions of ss, which printed the IPv6 wildcard
		 * as {@code :::8080}, the IPv4 one.
		 */
		static ListeningRow parse(String local, boolean ipv6, Set<Long> pids, String line) {
			int colon = local.lastIndexOf(':');
			String host = local.substring(0, colon);
			int device = host.lastIndexOf('%');
			if (device > 0 && host.lastIndexOf(']') < device) {
				host = host.substring(0, device);
			}
			host = host.replace("[", "").replace("]", "");
			if (host.equals("*")) {
				host = ipv6 ? "::" : "0.0.0.0";
			}
			return new ListeningRow(Iproute2.address(host), Integer.parseInt(local.substring(colon + 1)),
					Set.copyOf(pids), line);
		}

	}

	/**
	 * A row of {@code ip address}: an address of an interface.
	 *
	 * @param interfaceName the name of the interface
	 * @param literal the address as {@code ip} prints it (compressed IPv6, no zone)
	 * @param address the address
	 * @param scope the scope {@code ip} names: {@code host} for loopback, {@code link},
	 * {@code global} and others
	 */
	record AddressRow(String interfaceName, String literal, InetAddress address, String scope) {

	}

}
