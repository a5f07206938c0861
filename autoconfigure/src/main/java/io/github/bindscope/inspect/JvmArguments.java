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

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Reads listening ports out of the JVM's own arguments.
 *
 * @since 0.1.0
 */
public final class JvmArguments {

	private JvmArguments() {
	}

	/**
	 * Return the port of the JDWP debug agent when it listens as a server, from
	 * {@code -agentlib:jdwp=...} or the older {@code -Xrunjdwp:...}.
	 * @param arguments the JVM's input arguments
	 * @return the port, or {@code null} if no agent listens on a fixed port
	 */
	public static @Nullable Integer jdwpPort(List<String> arguments) {
		for (String argument : arguments) {
			String options = null;
			if (argument.startsWith("-agentlib:jdwp=")) {
				options = argument.substring("-agentlib:jdwp=".length());
			}
			else if (argument.startsWith("-Xrunjdwp:")) {
				options = argument.substring("-Xrunjdwp:".length());
			}
			if (options != null) {
				Integer port = jdwpServerPort(options);
				if (port != null) {
					return port;
				}
			}
		}
		return null;
	}

	private static @Nullable Integer jdwpServerPort(String options) {
		boolean server = false;
		String address = null;
		for (String option : options.split(",")) {
			int equals = option.indexOf('=');
			if (equals < 0) {
				continue;
			}
			String name = option.substring(0, equals);
			String value = option.substring(equals + 1);
			if (name.equals("server")) {
				server = value.equals("y");
			}
			else if (name.equals("address")) {
				address = value;
			}
		}
		if (!server || address == null) {
			return null;
		}
		String port = address.substring(address.lastIndexOf(':') + 1);
		return parsePort(port);
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
			if (!Character.isDigit(value.charAt(i))) {
				return null;
			}
		}
		int port = Integer.parseInt(value);
		return (port > 0 && port <= 65535) ? port : null;
	}

}
