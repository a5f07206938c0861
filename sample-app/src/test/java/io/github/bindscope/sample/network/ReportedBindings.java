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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.jspecify.annotations.Nullable;

import io.github.bindscope.fixture.ReportSchema;

/**
 * The parts of a {@code GET /actuator/bindings} response that the network tests check.
 * Parsed from the JSON the endpoint really served, so that the tests see what a user
 * sees.
 *
 * @param verdict the verdict, {@code null} if the report has none
 * @param listeners the listeners
 * @param findings the findings, in report order
 * @param json the response itself, for failure messages
 */
record ReportedBindings(@Nullable String verdict, List<Listener> listeners, List<Finding> findings, String json) {

	/**
	 * Parse a report, after checking it against the report's JSON Schema: every report
	 * the network tests read comes through here.
	 * @param json the response
	 * @return the parts of the report the tests check
	 */
	// JsonPath, not Jackson: the same test code reads the report on every Spring Boot
	// line.
	@SuppressWarnings("unchecked")
	static ReportedBindings parse(String json) {
		DocumentContext document = JsonPath.parse(ReportSchema.assertValid(json));
		List<Listener> listeners = new ArrayList<>();
		for (Map<String, Object> listener : document.<List<Map<String, Object>>>read("$.listeners")) {
			List<Address> addresses = new ArrayList<>();
			for (Map<String, Object> address : (List<Map<String, Object>>) listener.get("addresses")) {
				addresses.add(new Address((String) address.get("address"), (String) address.get("interface"),
						(String) address.get("probe")));
			}
			listeners.add(new Listener((String) listener.get("role"), (String) listener.get("server"),
					(String) listener.get("address"), ((Number) listener.get("port")).intValue(),
					Boolean.TRUE.equals(listener.get("ipv6Only")), (String) listener.get("reachability"),
					List.copyOf(addresses)));
		}
		List<Finding> findings = new ArrayList<>();
		for (Map<String, Object> finding : document.<List<Map<String, Object>>>read("$.findings")) {
			findings.add(new Finding((String) finding.get("severity"), (String) finding.get("code"),
					(String) finding.get("listener")));
		}
		return new ReportedBindings(document.read("$.verdict"), List.copyOf(listeners), List.copyOf(findings), json);
	}

	/**
	 * Return the codes of the findings.
	 * @return the codes, in report order
	 */
	List<String> findingCodes() {
		return this.findings.stream().map(Finding::code).toList();
	}

	/**
	 * Return the one listener with the given role.
	 * @param role the role, for example {@code server}
	 * @return the listener
	 */
	Listener listener(String role) {
		List<Listener> matching = this.listeners.stream().filter((listener) -> listener.role().equals(role)).toList();
		if (matching.size() != 1) {
			throw new AssertionError(
					"Expected exactly one '" + role + "' listener, found " + matching.size() + " in " + this.json);
		}
		return matching.get(0);
	}

	/**
	 * Return every listener as a {@link BoundSocket}, for comparing with the kernel's
	 * socket table.
	 * @return the sockets
	 */
	List<BoundSocket> sockets() {
		return this.listeners.stream()
			.map((listener) -> BoundSocket.of(listener.address(), listener.port(), listener.ipv6Only()))
			.toList();
	}

	/**
	 * A listener of the report.
	 *
	 * @param role its role
	 * @param server the web server that owns it, {@code null} for other sockets
	 * @param address the address its socket is bound to
	 * @param port its port
	 * @param ipv6Only whether it is an IPv6 wildcard socket that refuses IPv4
	 * @param reachability its reachability verdict
	 * @param addresses the concrete addresses it accepts connections on
	 */
	record Listener(String role, @Nullable String server, String address, int port, boolean ipv6Only,
			String reachability, List<Address> addresses) {

		/**
		 * Return the canonical text of the concrete addresses, link-local ones without
		 * zone: the zone names an interface of the server host, which means nothing on
		 * the client.
		 * @return the addresses
		 */
		List<String> addressesWithoutZone() {
			return this.addresses.stream()
				.map((address) -> BoundSocket.withoutZone(BoundSocket.canonicalAddress(address.address())))
				.toList();
		}

	}

	/**
	 * A concrete address of a listener.
	 *
	 * @param address the address, link-local with zone
	 * @param interfaceName the interface that holds it
	 * @param probe the probe result
	 */
	record Address(String address, @Nullable String interfaceName, String probe) {

	}

	/**
	 * A finding of the report.
	 *
	 * @param severity its severity
	 * @param code its code
	 * @param listener the id of the listener it is about
	 */
	record Finding(String severity, String code, @Nullable String listener) {

	}

}
