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

import java.net.InetAddress;
import java.net.SocketException;
import java.nio.channels.UnsupportedAddressTypeException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.WebServerException;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import io.github.bindscope.env.EnvironmentRunContext;
import io.github.bindscope.inspect.BindAttempt;
import io.github.bindscope.inspect.HostAddress;
import io.github.bindscope.inspect.HostAddresses;
import io.github.bindscope.inspect.HostAddressesException;
import io.github.bindscope.inspect.InetAddresses;

/**
 * Explains a web server that failed to start because it could not bind
 * {@code server.address} (or {@code management.server.address}): an address that is not
 * one of this host's, a link-local IPv6 address without its interface, or an IPv6 address
 * in a JVM without IPv6 sockets.
 * <p>
 * The servers report these failures in different ways (Tomcat's connector failure may
 * carry no cause at all), so the cause is established by binding the configured address
 * again, to an ephemeral port, and reading what the operating system answers. When that
 * bind succeeds the address is not the problem, and the analysis is left to Spring Boot
 * (a port in use, for example).
 * <p>
 * Ordered first so that it wins over the servers' generic "failed to start" analyses.
 */
class ServerAddressFailureAnalyzer extends AbstractFailureAnalyzer<WebServerException> implements Ordered {

	// Spring Boot 4 and 3 name Tomcat's exception in different packages.
	private static final Set<String> BIND_FAILURES = Set.of("reactor.netty.ChannelBindException",
			"org.springframework.boot.tomcat.ConnectorStartFailedException",
			"org.springframework.boot.web.embedded.tomcat.ConnectorStartFailedException");

	private static final String INVALID_ARGUMENT = "Invalid argument";

	private final Environment environment;

	private final HostAddresses hostAddresses;

	ServerAddressFailureAnalyzer(Environment environment) {
		this.environment = environment;
		this.hostAddresses = HostAddresses.system();
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, WebServerException cause) {
		FailedWebServer server = FailedWebServer.of(this.environment);
		if (server == null || !isBindFailure(cause)) {
			return null;
		}
		String property = server.property("address");
		InetAddress address = address(property);
		if (address == null) {
			return null;
		}
		BindAttempt attempt = BindAttempt.bind(address);
		String failed = "The " + server.description() + " could not bind to "
				+ EnvironmentRunContext.setting(this.environment, property, InetAddresses.toText(address));
		return switch (attempt.outcome()) {
			case NOT_ON_HOST -> notOnHost(failed, property, attempt.error(), cause);
			case ZONE_REQUIRED -> zoneRequired(failed, property, address, attempt.error(), cause);
			case IPV6_UNAVAILABLE -> ipv6Unavailable(failed, property, cause);
			case BOUND -> zoneRequiredByServer(failed, property, address, cause);
			case FAILED -> null;
		};
	}

	/**
	 * A link-local address of this host without a zone binds on Java's own sockets, which
	 * find its interface, but not on a native transport (Reactor Netty's epoll), where
	 * the kernel answers EINVAL.
	 * @param failed the sentence that says which server failed to bind to what
	 * @param property the name of the address property
	 * @param address the address that the server failed to bind to
	 * @param cause the server's failure
	 * @return the analysis, or {@code null} if the address needs no zone or the server
	 * did not answer EINVAL
	 */
	private @Nullable FailureAnalysis zoneRequiredByServer(String failed, String property, InetAddress address,
			WebServerException cause) {
		if (BindAttempt.needsZone(address)) {
			for (Throwable failure = cause; failure != null; failure = failure.getCause()) {
				if (failure.getMessage() != null && failure.getMessage().contains(INVALID_ARGUMENT)) {
					return zoneRequired(failed, property, address, INVALID_ARGUMENT, cause);
				}
			}
		}
		return null;
	}

	private FailureAnalysis notOnHost(String failed, String property, @Nullable String error,
			WebServerException cause) {
		String description = failed + " because it is not an address of this host" + answer(error) + ".";
		String action = "Set " + property + " to one of this host's addresses: " + list(hostAddresses(), "(none found)")
				+ "; or to 0.0.0.0 to listen on all of them. "
				+ "Inside a container or VM, the outer machine's address is not an address of this host.";
		return new FailureAnalysis(description, action, cause);
	}

	private FailureAnalysis zoneRequired(String failed, String property, InetAddress address, @Nullable String error,
			WebServerException cause) {
		String description = failed + " because it is a link-local IPv6 address without a zone" + answer(error)
				+ ": every interface has its own link-local network, so the interface must be named.";
		List<HostAddress> linkLocal = hostAddresses().stream()
			.filter((host) -> host.ipv6() && host.address().isLinkLocalAddress())
			.toList();
		List<HostAddress> same = linkLocal.stream()
			.filter((host) -> HostAddress.find(List.of(host), address) != null)
			.toList();
		String action;
		if (!same.isEmpty()) {
			action = "Name its interface after a '%': "
					+ same.stream().map((host) -> property + "=" + host.text()).collect(Collectors.joining(" or "))
					+ "; or set " + property + "=:: to listen on every interface.";
		}
		else if (!linkLocal.isEmpty()) {
			action = InetAddresses.toText(address) + " is not a link-local address of this host either. Set " + property
					+ " to one of this host's, with its interface after a '%': " + list(linkLocal, "") + "; or set "
					+ property + "=:: to listen on every interface.";
		}
		else {
			action = "This host has no link-local IPv6 address. Set " + property + " to one of its addresses: "
					+ list(hostAddresses(), "(none found)") + "; or set " + property
					+ "=:: to listen on every interface.";
		}
		return new FailureAnalysis(description, action, cause);
	}

	private FailureAnalysis ipv6Unavailable(String failed, String property, WebServerException cause) {
		boolean preferIpv4 = Boolean.parseBoolean(System.getProperty("java.net.preferIPv4Stack"));
		String description = failed + " because this JVM has no IPv6 sockets: "
				+ (preferIpv4 ? "it runs with java.net.preferIPv4Stack=true." : "the operating system provides none.");
		String ipv4 = "set " + property + " to an IPv4 address, such as 127.0.0.1, or to 0.0.0.0 for all of them.";
		String action = preferIpv4
				? "Remove -Djava.net.preferIPv4Stack=true from the JVM's options (look in "
						+ "JAVA_TOOL_OPTIONS and JDK_JAVA_OPTIONS too), or " + ipv4
				: "Enable IPv6 on this host, or " + ipv4;
		return new FailureAnalysis(description, action, cause);
	}

	private static String answer(@Nullable String error) {
		return (error != null) ? " (the operating system answers '" + error + "')" : "";
	}

	private List<HostAddress> hostAddresses() {
		try {
			return this.hostAddresses.addresses();
		}
		catch (HostAddressesException ex) {
			return List.of();
		}
	}

	private static String list(List<HostAddress> hosts, String none) {
		String list = hosts.stream().map(HostAddress::describe).distinct().collect(Collectors.joining(", "));
		return list.isEmpty() ? none : list;
	}

	private static boolean isBindFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SocketException || cause instanceof UnsupportedAddressTypeException
					|| BIND_FAILURES.contains(cause.getClass().getName())) {
				return true;
			}
		}
		return false;
	}

	private @Nullable InetAddress address(String property) {
		try {
			return this.environment.getProperty(property, InetAddress.class);
		}
		catch (RuntimeException ex) {
			// Not convertible: Boot's own binding failure explains that better.
			return null;
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
