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

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Reads listening ports out of the JVM's own arguments.
 *
 * @since 0.1.0
 */
public final class JvmArguments {

	// The IPv6 wildcard, which the agent binds for '*' on a dual-stack host.
	private static final InetAddress WILDCARD = wildcard();

	private JvmArguments() {
	}

	private static InetAddress wildcard() {
		try {
			return InetAddress.getByAddress(new byte[16]);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return the JDWP debug agent started by {@code -agentlib:jdwp=...} or the older
	 * {@code -Xrunjdwp:...} when it listens as a server.
	 * @param arguments the JVM's input arguments
	 * @return the agent, or {@code null} if none listens
	 */
	public static @Nullable JdwpAgent jdwpAgent(List<String> arguments) {
		for (String argument : arguments) {
			String options = null;
			if (argument.startsWith("-agentlib:jdwp=")) {
				options = argument.substring("-agentlib:jdwp=".length());
			}
			else if (argument.startsWith("-Xrunjdwp:")) {
				options = argument.substring("-Xrunjdwp:".length());
			}
			if (options != null) {
				JdwpAgent agent = jdwpServer(options);
				if (agent != null) {
					return agent;
				}
			}
		}
		return null;
	}

	/**
	 * Return the port of the JDWP debug agent when it listens as a server on a port its
	 * arguments name.
	 * @param arguments the JVM's input arguments
	 * @return the port, or {@code null} if no agent listens on a fixed port
	 */
	public static @Nullable Integer jdwpPort(List<String> arguments) {
		JdwpAgent agent = jdwpAgent(arguments);
		return (agent != null && !agent.ephemeralPort()) ? agent.port() : null;
	}

	private static @Nullable JdwpAgent jdwpServer(String options) {
		boolean server = false;
		boolean socketTransport = true;
		String address = null;
		for (String option : options.split(",")) {
			int equals = option.indexOf('=');
			if (equals < 0) {
				continue;
			}
			String name = option.substring(0, equals);
			String value = option.substring(equals + 1);
			switch (name) {
				case "server" -> server = value.equals("y");
				case "address" -> address = value;
				case "transport" -> socketTransport = value.equals("dt_socket");
				default -> {
				}
			}
		}
		if (!server || !socketTransport) {
			return null;
		}
		// With no address the agent picks a port, like address=0.
		String written = (address != null) ? address : "";
		int colon = written.lastIndexOf(':');
		String host = (colon >= 0) ? written.substring(0, colon) : null;
		String portText = written.substring(colon + 1);
		Integer port = (portText.isEmpty() || portText.equals("0")) ? Integer.valueOf(0) : parsePort(portText);
		if (port == null) {
			// Not a port the agent could listen on: the JVM refuses to start with it.
			return null;
		}
		return new JdwpAgent(written, bindAddress(host), port);
	}

	private static @Nullable InetAddress bindAddress(@Nullable String host) {
		if (host == null || host.isEmpty() || host.equalsIgnoreCase("localhost")) {
			// Since Java 9 an address without a host binds loopback only.
			return InetAddress.getLoopbackAddress();
		}
		if (host.equals("*")) {
			return WILDCARD;
		}
		String literal = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		// Only literals: resolving a host name here would ask the name service, and the
		// agent, which resolved it when it started, may have bound anything.
		try {
			if (literal.indexOf(':') >= 0) {
				// In brackets getByName takes the text as an IPv6 literal or fails; it
				// never looks it up.
				return InetAddress.getByName("[" + literal + "]");
			}
			return InetAddresses.isDottedQuad(literal) ? InetAddress.getByName(literal) : null;
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/**
	 * Parse a port number.
	 * @param value the text
	 * @return the port, or {@code null} if the text is not a port from 1 to 65535
	 */
	public static @Nullable Integer parsePort(@Nullable String value) {
		if (value == null || value.isEmpty() || value.length() > 5) {
			return null;
		}
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) < '0' || value.charAt(i) > '9') {
				return null;
			}
		}
		int port = Integer.parseInt(value);
		return (port > 0 && port <= 65535) ? port : null;
	}

}
