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
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.bindscope.autoconfigure.ServerStacksIntegrationTests.Stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Starts every embedded server on an address it cannot bind and reads the failure
 * analysis that the application logs. Binding an address that is not this host's fails in
 * the kernel: no packet is ever sent.
 */
@ExtendWith(OutputCaptureExtension.class)
class AddressFailureAnalysisIntegrationTests {

	private static final String NOT_ON_HOST = "203.0.113.77";

	@TempDir
	private Path temp;

	@ParameterizedTest
	@EnumSource(Stack.class)
	void addressThatIsNotOnThisHostIsExplainedWithTheHostsAddresses(Stack stack, CapturedOutput output)
			throws IOException {
		int port = freePort();
		assertThatException().isThrownBy(() -> stack.run("--server.address=" + NOT_ON_HOST, "--server.port=" + port));
		assertThat(FailureAnalysisOutput.description(output))
			.startsWith("The web server could not bind to server.address=203.0.113.77 "
					+ "(set in command line argument --server.address) because it is not an address of this host")
			.containsPattern("the operating system answers 'Can(no|')t assign requested address'");
		assertThat(FailureAnalysisOutput.action(output))
			.startsWith("Set server.address to one of this host's addresses: ")
			.contains("127.0.0.1 (lo")
			.doesNotContain(NOT_ON_HOST);
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void portInUseOnALoopbackAddressIsLeftToSpringBoot(Stack stack, CapturedOutput output) throws IOException {
		try (ServerSocket held = new ServerSocket()) {
			// All of 127.0.0.0/8 is on the loopback interface, 127.0.0.2 included.
			held.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] { 127, 0, 0, 2 }), 0));
			int port = held.getLocalPort();
			assertThatException().isThrownBy(() -> stack.run("--server.address=127.0.0.2", "--server.port=" + port));
			assertThat(FailureAnalysisOutput.description(output))
				.isEqualTo("Web server failed to start. Port " + port + " was already in use.");
			assertThat(output).doesNotContain("not an address of this host");
		}
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void linkLocalAddressWithoutZoneIsExplainedWithTheHostsLinkLocalAddresses(Stack stack, CapturedOutput output)
			throws IOException {
		assumeIpv6();
		List<Inet6Address> linkLocal = linkLocalAddresses();
		assertThat(linkLocal).as("fe80::1 must not be an address of this host for this test")
			.noneMatch((address) -> Arrays.equals(address.getAddress(), fe80Colon1()));
		int port = freePort();
		assertThatException().isThrownBy(() -> stack.run("--server.address=fe80::1", "--server.port=" + port));
		assertThat(FailureAnalysisOutput.description(output))
			.startsWith("The web server could not bind to server.address=fe80::1 "
					+ "(set in command line argument --server.address) because it is a link-local IPv6 address "
					+ "without a zone");
		assertThat(output).doesNotContain("not an address of this host (");
		String action = FailureAnalysisOutput.action(output);
		if (linkLocal.isEmpty()) {
			assertThat(action).startsWith("This host has no link-local IPv6 address.");
		}
		else {
			assertThat(action).startsWith("fe80::1 is not a link-local address of this host either. Set server.address "
					+ "to one of this host's, with its interface after a '%': ");
			for (Inet6Address address : linkLocal) {
				String name = address.getScopedInterface().getName();
				assertThat(action).contains("%" + name + " (" + name + ")");
			}
		}
	}

	@Test
	void linkLocalAddressOfThisHostWithoutZoneIsGivenItsInterfaceOnReactorNetty(CapturedOutput output)
			throws Exception {
		String[] linkLocal = linkLocalAddressOfThisHost();
		String interfaceName = linkLocal[0];
		String address = linkLocal[1];
		// Netty's native transport passes no zone, and the kernel answers EINVAL.
		assertThatException().isThrownBy(() -> Stack.NETTY_WEBFLUX.run("--server.address=" + address,
				"--server.port=" + freePort(), "--bindscope.probe.enabled=false"));
		assertThat(FailureAnalysisOutput.description(output))
			.startsWith("The web server could not bind to server.address=" + address
					+ " (set in command line argument --server.address) because it is a link-local IPv6 address "
					+ "without a zone");
		assertThat(FailureAnalysisOutput.action(output)).startsWith("Name its interface after a '%': ")
			.contains("server.address=" + address + "%" + interfaceName);
	}

	@ParameterizedTest
	@EnumSource(names = { "TOMCAT_MVC", "JETTY_MVC", "TOMCAT_WEBFLUX", "JETTY_WEBFLUX" })
	void linkLocalAddressOfThisHostWithoutZoneStartsOnJavaSockets(Stack stack) throws Exception {
		String address = linkLocalAddressOfThisHost()[1];
		// Java's own sockets look up the interface that holds the address. The server
		// only listens: no probe, no request.
		try (ConfigurableApplicationContext context = stack.run("--server.address=" + address, "--server.port=0",
				"--bindscope.probe.enabled=false")) {
			assertThat(((WebServerApplicationContext) context).getWebServer().getPort()).isPositive();
		}
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void managementAddressThatIsNotOnThisHostIsExplained(Stack stack, CapturedOutput output) throws IOException {
		int port = freePort();
		assertThatException().isThrownBy(() -> stack.run("--server.address=127.0.0.1", "--server.port=0",
				"--management.server.address=" + NOT_ON_HOST, "--management.server.port=" + port));
		assertThat(FailureAnalysisOutput.description(output))
			.startsWith("The management server could not bind to management.server.address=203.0.113.77 "
					+ "(set in command line argument --management.server.address) because it is not an address "
					+ "of this host");
		assertThat(FailureAnalysisOutput.action(output))
			.startsWith("Set management.server.address to one of this host's addresses: ")
			.contains("127.0.0.1 (lo");
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void portInUseOfTheMainServerIsNotBlamedOnTheManagementAddress(Stack stack, CapturedOutput output)
			throws IOException {
		try (ServerSocket held = new ServerSocket()) {
			held.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] { 127, 0, 0, 2 }), 0));
			int port = held.getLocalPort();
			assertThatException().isThrownBy(() -> stack.run("--server.address=127.0.0.2", "--server.port=" + port,
					"--management.server.address=" + NOT_ON_HOST, "--management.server.port=" + freePort()));
			assertThat(FailureAnalysisOutput.description(output))
				.isEqualTo("Web server failed to start. Port " + port + " was already in use.");
		}
	}

	/**
	 * The JVM reads {@code java.net.preferIPv4Stack} once, so each case runs in a JVM of
	 * its own.
	 */
	@ParameterizedTest
	@EnumSource(names = { "TOMCAT_MVC", "JETTY_MVC", "NETTY_WEBFLUX" })
	void ipv6AddressInAJvmWithoutIpv6NamesPreferIpv4Stack(Stack stack) throws Exception {
		Path log = this.temp.resolve(stack + ".log");
		List<String> command = new ArrayList<>();
		Collections.addAll(command, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Djava.net.preferIPv4Stack=true", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), StackApplication.class.getName(), stack.name(),
				"--server.address=::1", "--server.port=" + freePort());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly();
		}
		String output = Files.readString(log);
		assertThat(process.exitValue()).as(output).isNotZero();
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The web server could not bind to server.address=::1 (set in command line argument "
					+ "--server.address) because this JVM has no IPv6 sockets: it runs with "
					+ "java.net.preferIPv4Stack=true.")
			.contains("Remove -Djava.net.preferIPv4Stack=true from the JVM's options")
			.doesNotContain("not an address of this host");
	}

	/**
	 * Return the interface and the address, compressed as iproute2 prints it (and as the
	 * analysis does), of the first link-local IPv6 address of an interface that is up.
	 */
	private static String[] linkLocalAddressOfThisHost() {
		assumeIpv6();
		Iproute2.AddressRow linkLocal = Iproute2.upAddresses()
			.stream()
			.filter((row) -> row.scope().equals("link") && row.address() instanceof Inet6Address)
			.findFirst()
			.orElse(null);
		assumeTrue(linkLocal != null, "This host has no link-local IPv6 address");
		return new String[] { linkLocal.interfaceName(), linkLocal.literal() };
	}

	private static void assumeIpv6() {
		try (SocketChannel channel = SocketChannel.open()) {
			channel.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
		}
		catch (IOException | RuntimeException ex) {
			assumeTrue(false, "IPv6 is disabled on this host: binding ::1 failed with " + ex);
		}
	}

	private static List<Inet6Address> linkLocalAddresses() throws SocketException {
		List<Inet6Address> addresses = new ArrayList<>();
		for (NetworkInterface networkInterface : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (networkInterface.isUp()) {
				for (InetAddress address : Collections.list(networkInterface.getInetAddresses())) {
					if (address instanceof Inet6Address ipv6 && ipv6.isLinkLocalAddress()) {
						addresses.add(ipv6);
					}
				}
			}
		}
		return addresses;
	}

	private static byte[] fe80Colon1() {
		byte[] bytes = new byte[16];
		bytes[0] = (byte) 0xfe;
		bytes[1] = (byte) 0x80;
		bytes[15] = 1;
		return bytes;
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Runs the test application on one stack in a JVM of its own: the stack's name, then
	 * the application's arguments.
	 */
	public static final class StackApplication {

		private StackApplication() {
		}

		public static void main(String[] args) {
			Stack.valueOf(args[0]).run(Arrays.copyOfRange(args, 1, args.length)).close();
		}

	}

}
