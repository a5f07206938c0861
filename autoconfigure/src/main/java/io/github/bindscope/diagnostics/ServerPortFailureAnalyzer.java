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

package io.github.bindscope.diagnostics;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import io.github.bindscope.env.EnvironmentRunContext;

/**
 * Explains a web server that failed to start because {@code server.port} (or
 * {@code management.server.port}) is not a TCP port, which the servers report only as a
 * stack trace ending in "port out of range".
 * <p>
 * Claims the failure only when the configured value really is out of range and the
 * failure names that value. Tomcat and Jetty run no server for any negative
 * {@code server.port}, as for -1; Reactor Netty fails on every negative port, -1
 * included, and that is explained too.
 */
class ServerPortFailureAnalyzer extends AbstractFailureAnalyzer<IllegalArgumentException> implements Ordered {

	private static final int MAX_PORT = 65535;

	private final Environment environment;

	ServerPortFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, IllegalArgumentException cause) {
		FailedWebServer server = FailedWebServer.of(this.environment);
		if (server == null) {
			return null;
		}
		String property = server.property("port");
		Integer port = port(property);
		if (port == null || !isUnusable(server, port)) {
			return null;
		}
		IllegalArgumentException outOfRange = outOfRange(cause, port);
		if (outOfRange == null) {
			return null;
		}
		String configured = EnvironmentRunContext.setting(this.environment, property, port);
		if (port == -1) {
			return new FailureAnalysis(
					configured + " asks for no web server, which Tomcat and Jetty honour but "
							+ "this web server does not: it tried to listen on port -1 and failed.",
					"To run without a web server, set spring.main.web-application-type=none. To serve, set " + property
							+ " to a port from 0 to " + MAX_PORT + " (0 picks a free port).",
					outOfRange);
		}
		String description = configured + " is not a TCP port, so the " + server.description()
				+ " could not start: ports run from 0 to " + MAX_PORT + ".";
		String action = "Set " + property + " to a port from 0 to " + MAX_PORT + " (0 picks a free port at startup)"
				+ ((server == FailedWebServer.MAIN) ? "; or to -1 to run no web server (Tomcat and Jetty)."
						: "; leave it unset to serve the management endpoints on the main server's port, "
								+ "or set it to -1 to serve them over no HTTP port at all.");
		return new FailureAnalysis(description, action, outOfRange);
	}

	private static boolean isUnusable(FailedWebServer server, int port) {
		// -1 means no server, which every server but Reactor Netty's accepts; a failure
		// that names it can only be that.
		return port < -1 || port > MAX_PORT || (port == -1 && server == FailedWebServer.MAIN);
	}

	/**
	 * Find the server's own complaint about the port, such as the JDK's
	 * {@code port out of range:70000}, so that an unrelated failure is never explained as
	 * a bad port.
	 * @param failure the failure to search, then its causes
	 * @param port the port that the server failed to use
	 * @return the server's complaint, or {@code null} if no cause names the port as out
	 * of range
	 */
	private static @Nullable IllegalArgumentException outOfRange(Throwable failure, int port) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof IllegalArgumentException illegalArgument && cause.getMessage() != null) {
				String message = cause.getMessage().toLowerCase(Locale.ROOT);
				Pattern number = Pattern.compile("(?<![\\d-])" + Pattern.quote(Integer.toString(port)) + "(?!\\d)");
				if (message.contains("out of range") && number.matcher(message).find()) {
					return illegalArgument;
				}
			}
		}
		return null;
	}

	private @Nullable Integer port(String property) {
		try {
			return this.environment.getProperty(property, Integer.class);
		}
		catch (RuntimeException ex) {
			// Not a number: Boot's own binding failure explains that better.
			return null;
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
