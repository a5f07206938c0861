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

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A TCP socket this JVM listens on, with every address it accepts connections on.
 *
 * @param role what the socket is for: {@code server}, {@code management},
 * {@code connector}, {@code jdwp}, {@code jmx}, {@code livereload}, {@code grpc},
 * {@code rsocket}, or {@code other}
 * @param server the embedded server that owns it ({@code tomcat}), or {@code null}
 * @param scheme {@code http} or {@code https} for web servers, or {@code null}
 * @param address the address the socket is bound to
 * @param port the port the socket is bound to
 * @param wildcard whether the socket is bound to a wildcard address
 * @param ipv6Only whether a wildcard IPv6 socket refuses IPv4 connections: always
 * {@code false}, which every socket the JDK opens is (it clears {@code IPV6_V6ONLY}
 * whatever {@code net.ipv6.bindv6only} says); a socket opened by native code or inherited
 * from a service manager may differ, and the kernel's socket table does not tell
 * @param source where the facts come from: {@code procfs} (the kernel's socket table) or
 * {@code connector} (the server's own view)
 * @param reachability the widest scope it accepts connections on
 * @param addresses the concrete addresses it accepts connections on
 * @param publicAddresses the public addresses that the cloud translates to one of those
 * addresses, as its instance metadata service tells them, for the main web server
 * @since 0.1.0
 */
public record Listener(String role, @Nullable String server, @Nullable String scheme, String address, int port,
		boolean wildcard, boolean ipv6Only, String source, Reachability reachability, List<ListenerAddress> addresses,
		List<ListenerPublicAddress> publicAddresses) {

	/**
	 * Role of the main web server's connector.
	 */
	public static final String SERVER = "server";

	/**
	 * Role of the management server's connector.
	 */
	public static final String MANAGEMENT = "management";

	/**
	 * Role of an additional connector of a web server.
	 */
	public static final String CONNECTOR = "connector";

	/**
	 * Role of the JDWP debug agent's socket.
	 */
	public static final String JDWP = "jdwp";

	/**
	 * Role of a JMX remote (RMI registry or server) socket.
	 */
	public static final String JMX = "jmx";

	/**
	 * Role of the DevTools LiveReload server's socket.
	 */
	public static final String LIVERELOAD = "livereload";

	/**
	 * Role of a gRPC server's socket.
	 */
	public static final String GRPC = "grpc";

	/**
	 * Role of an RSocket server's socket.
	 */
	public static final String RSOCKET = "rsocket";

	/**
	 * Role of a socket that Bindscope cannot attribute.
	 */
	public static final String OTHER = "other";

	/**
	 * Source of a listener read from the kernel's socket table.
	 */
	public static final String SOURCE_PROCFS = "procfs";

	/**
	 * Source of a listener read from the web server.
	 */
	public static final String SOURCE_CONNECTOR = "connector";

	/**
	 * Source of a listener known only from the JVM's arguments, such as a debug agent
	 * that the socket table does not show.
	 */
	public static final String SOURCE_ARGUMENTS = "arguments";

	/**
	 * Create a new {@link Listener}.
	 * @param role what the socket is for
	 * @param server the embedded server that owns it, or {@code null}
	 * @param scheme {@code http} or {@code https} for web servers, or {@code null}
	 * @param address the address the socket is bound to
	 * @param port the port the socket is bound to
	 * @param wildcard whether the socket is bound to a wildcard address
	 * @param ipv6Only whether a wildcard IPv6 socket refuses IPv4 connections
	 * @param source where the facts come from
	 * @param reachability the widest scope it accepts connections on
	 * @param addresses the concrete addresses it accepts connections on
	 * @param publicAddresses the public addresses the cloud translates to them
	 */
	public Listener {
		addresses = List.copyOf(addresses);
		publicAddresses = List.copyOf(publicAddresses);
	}

	/**
	 * Create a new {@link Listener} without public addresses.
	 * @param role what the socket is for
	 * @param server the embedded server that owns it, or {@code null}
	 * @param scheme {@code http} or {@code https} for web servers, or {@code null}
	 * @param address the address the socket is bound to
	 * @param port the port the socket is bound to
	 * @param wildcard whether the socket is bound to a wildcard address
	 * @param ipv6Only whether a wildcard IPv6 socket refuses IPv4 connections
	 * @param source where the facts come from
	 * @param reachability the widest scope it accepts connections on
	 * @param addresses the concrete addresses it accepts connections on
	 */
	public Listener(String role, @Nullable String server, @Nullable String scheme, String address, int port,
			boolean wildcard, boolean ipv6Only, String source, Reachability reachability,
			List<ListenerAddress> addresses) {
		this(role, server, scheme, address, port, wildcard, ipv6Only, source, reachability, addresses, List.of());
	}

	/**
	 * Return the identifier used by findings: {@code role:port}.
	 * @return the identifier
	 */
	public String id() {
		return this.role + ":" + this.port;
	}

	/**
	 * Whether this listener belongs to the main web server: its own connector or an
	 * additional one. The report's verdict and the application's URLs are those of these
	 * listeners.
	 * @return {@code true} for the role {@link #SERVER} or {@link #CONNECTOR}
	 */
	public boolean isMainServer() {
		return SERVER.equals(this.role) || CONNECTOR.equals(this.role);
	}

}
