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

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.bindscope.inspect.AddressScope;
import io.github.bindscope.inspect.PrintableText;
import io.github.bindscope.inspect.ProbeResult;
import io.github.bindscope.inspect.VirtualInterfaces;

/**
 * The startup banner of a web server's listener: a {@code Local:} line for each URL that
 * works from this host and a {@code Network:} line for each URL other hosts can use, with
 * the interface beside it, or, when there is none, the property that exposes the server,
 * and a {@code Public:} line for each public address that the cloud translates to one of
 * those addresses. Interface names are {@link PrintableText printable}, and URLs carry
 * zones percent-encoded, so a line never holds a terminal escape or a line break of its
 * own.
 *
 * <pre>
 * Bindscope: server:8080 (tomcat) is reachable from private networks:
 *   Local:   http://localhost:8080/
 *   Local:   http://127.0.0.1:8080/             lo
 *   Network: http://192.168.1.20:8080/          eth0
 *   Network: http://172.17.0.1:8080/            docker0 (virtual)
 * </pre>
 *
 * @since 0.1.0
 */
public final class BindingsBanner {

	private static final String LOCAL = "  Local:   ";

	private static final String NETWORK = "  Network: ";

	private static final String PUBLIC = "  Public:  ";

	private BindingsBanner() {
	}

	/**
	 * Render the banner of a web server's listener.
	 * @param listener the listener, with a scheme
	 * @param localhost the addresses {@code localhost} resolves to on this host
	 * @return the banner, lines separated by {@code \n}, without a trailing newline
	 */
	public static String render(Listener listener, List<InetAddress> localhost) {
		List<Line> lines = new ArrayList<>();
		String localhostUrl = localhostUrl(listener, localhost);
		if (localhostUrl != null) {
			lines.add(new Line(LOCAL, localhostUrl, ""));
		}
		for (ListenerAddress address : listener.addresses()) {
			if (address.getUrl() != null && address.getScope() == AddressScope.LOOPBACK) {
				lines.add(new Line(LOCAL, address.getUrl(), describe(address)));
			}
		}
		boolean network = false;
		for (ListenerAddress address : listener.addresses()) {
			if (address.getUrl() != null && address.getScope() != AddressScope.LOOPBACK) {
				lines.add(new Line(NETWORK, address.getUrl(), describe(address)));
				network = true;
			}
		}
		for (ListenerPublicAddress address : listener.publicAddresses()) {
			// A public address on this host's own interface has its Network line already.
			if (address.getUrl() != null && address.publicAddress().translated()) {
				lines.add(new Line(PUBLIC, address.getUrl(), describe(address)));
			}
		}
		int width = lines.stream().mapToInt((line) -> line.url().length()).max().orElse(0);
		StringBuilder banner = new StringBuilder();
		banner.append("Bindscope: ").append(listener.id());
		if (listener.server() != null) {
			banner.append(" (").append(listener.server()).append(")");
		}
		banner.append(" is reachable from ").append(listener.reachability().description()).append(':');
		for (Line line : lines) {
			banner.append('\n').append(line.label()).append(line.url());
			if (!line.note().isEmpty()) {
				banner.append(" ".repeat(width - line.url().length() + 2)).append(line.note());
			}
		}
		if (!network) {
			banner.append('\n').append(NETWORK).append(exposeHint(listener));
		}
		return banner.toString();
	}

	private static @Nullable String localhostUrl(Listener listener, List<InetAddress> localhost) {
		boolean accepted = listener.addresses()
			.stream()
			.anyMatch((address) -> address.getUrl() != null && localhost.contains(address.inetAddress()));
		if (!accepted || listener.scheme() == null) {
			return null;
		}
		String url = listener.addresses()
			.stream()
			.map(ListenerAddress::getUrl)
			.filter((candidate) -> candidate != null)
			.findFirst()
			.orElse("");
		// Same scheme, port and context path; only the host differs.
		int hostStart = url.indexOf("://") + 3;
		int portStart = url.indexOf(":" + listener.port() + "/", hostStart);
		return url.substring(0, hostStart) + "localhost" + url.substring(portStart);
	}

	private static String describe(ListenerAddress address) {
		List<String> notes = new ArrayList<>();
		if (address.getInterface() != null) {
			String name = PrintableText.of(address.getInterface());
			notes.add(VirtualInterfaces.isVirtual(address.getInterface()) ? name + " (virtual)" : name);
		}
		if (address.getScope() == AddressScope.LINK_LOCAL) {
			notes.add("link-local");
		}
		if (address.getProbe() == ProbeResult.REFUSED) {
			notes.add("probe refused");
		}
		else if (address.getProbe() == ProbeResult.TIMEOUT) {
			notes.add("probe timed out, a firewall may drop it");
		}
		return String.join(", ", notes);
	}

	private static String describe(ListenerPublicAddress address) {
		String note = "translated to " + address.getPrivateAddress();
		if (address.getProbe() == ProbeResult.REFUSED) {
			return note + ", probe refused";
		}
		if (address.getProbe() == ProbeResult.TIMEOUT) {
			return note + ", probe timed out, a firewall may drop it";
		}
		return note;
	}

	private static String exposeHint(Listener listener) {
		if (listener.wildcard()) {
			return (listener.reachability() == Reachability.PUBLIC)
					? "not known, this host's interfaces could not be listed; " + listener.address()
							+ " accepts connections on every interface"
					: "none, this host has no interface up besides loopback; " + listener.address()
							+ " accepts connections on every interface once it has one";
		}
		String bound = "none, " + listener.address() + " is this host only; ";
		return switch (listener.role()) {
			case Listener.MANAGEMENT ->
				bound + "that suits a management server, and " + "management.server.address=0.0.0.0 would expose it";
			case Listener.SERVER -> bound + "set server.address=0.0.0.0 to expose it";
			default -> bound + "bind the connector to 0.0.0.0 to expose it";
		};
	}

	private record Line(String label, String url, String note) {

	}

}
