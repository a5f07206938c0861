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

package io.github.bindscope.actuate;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;

import io.github.bindscope.inspect.HostEnvironment;
import io.github.bindscope.inspect.InetAddresses;
import io.github.bindscope.inspect.PublicAddress;
import io.github.bindscope.inspect.PublicAddressLookup;
import io.github.bindscope.report.BindingsReport;
import io.github.bindscope.report.Finding;
import io.github.bindscope.report.Listener;
import io.github.bindscope.report.ListenerAddress;
import io.github.bindscope.report.ListenerPublicAddress;

/**
 * Description of a {@link BindingsReport}, the response of the bindings endpoint.
 * <p>
 * As an {@link OperationResponseBody} it is written by Actuator's own JSON mapper, so the
 * application's Jackson settings (naming strategy, property inclusion, ordering, root
 * wrapping) do not change it. Names, order and {@code null} values are fixed here rather
 * than left to a mapper: Actuator's mapper leaves out {@code null} values, while the
 * contract writes every field, and explicit names and order also hold when
 * {@code management.endpoints.jackson.isolated-json-mapper=false} hands the response to
 * the application's mapper. Enum values are written as their names.
 * <p>
 * The JSON it is written as is published as a JSON Schema,
 * {@code io/github/bindscope/report/bindings-report.schema.json} in
 * {@code bindscope-core}; a field added here must be added there, at the same place.
 *
 * @since 0.1.0
 */
@JsonInclude(Include.ALWAYS)
@JsonPropertyOrder({ "verdict", "devProfile", "activeProfiles", "environment", "listeners", "findings" })
public final class BindingsDescriptor implements OperationResponseBody {

	private final @Nullable String verdict;

	private final boolean devProfile;

	private final List<String> activeProfiles;

	private final EnvironmentDescriptor environment;

	private final List<ListenerDescriptor> listeners;

	private final List<FindingDescriptor> findings;

	private BindingsDescriptor(BindingsReport report) {
		this.verdict = (report.verdict() != null) ? report.verdict().name() : null;
		this.devProfile = report.devProfile();
		this.activeProfiles = List.copyOf(report.activeProfiles());
		this.environment = new EnvironmentDescriptor(report.environment(), report.publicAddresses());
		this.listeners = report.listeners().stream().map(ListenerDescriptor::new).toList();
		this.findings = report.findings().stream().map(FindingDescriptor::new).toList();
	}

	/**
	 * Describe the given report.
	 * @param report the report
	 * @return its description
	 */
	public static BindingsDescriptor of(BindingsReport report) {
		return new BindingsDescriptor(report);
	}

	@JsonProperty("verdict")
	public @Nullable String getVerdict() {
		return this.verdict;
	}

	@JsonProperty("devProfile")
	public boolean isDevProfile() {
		return this.devProfile;
	}

	@JsonProperty("activeProfiles")
	public List<String> getActiveProfiles() {
		return this.activeProfiles;
	}

	@JsonProperty("environment")
	public EnvironmentDescriptor getEnvironment() {
		return this.environment;
	}

	@JsonProperty("listeners")
	public List<ListenerDescriptor> getListeners() {
		return this.listeners;
	}

	@JsonProperty("findings")
	public List<FindingDescriptor> getFindings() {
		return this.findings;
	}

	/**
	 * Description of where the application runs.
	 *
	 * @since 0.1.0
	 * @see HostEnvironment
	 */
	@JsonInclude(Include.ALWAYS)
	@JsonPropertyOrder({ "os", "container", "kubernetes", "wsl", "wslVersion", "remoteSession", "forwardedUrlTemplate",
			"evidence", "cloud", "publicAddresses" })
	public static final class EnvironmentDescriptor {

		private final HostEnvironment environment;

		private final @Nullable List<PublicAddressDescriptor> publicAddresses;

		private EnvironmentDescriptor(HostEnvironment environment, @Nullable PublicAddressLookup lookup) {
			this.environment = environment;
			this.publicAddresses = (lookup != null && lookup.succeeded())
					? lookup.addresses().stream().map(PublicAddressDescriptor::new).toList() : null;
		}

		@JsonProperty("os")
		public String getOs() {
			return this.environment.os();
		}

		@JsonProperty("container")
		public @Nullable String getContainer() {
			return this.environment.container();
		}

		@JsonProperty("kubernetes")
		public boolean isKubernetes() {
			return this.environment.kubernetes();
		}

		@JsonProperty("wsl")
		public boolean isWsl() {
			return this.environment.wsl();
		}

		@JsonProperty("wslVersion")
		public @Nullable Integer getWslVersion() {
			return this.environment.wslVersion();
		}

		@JsonProperty("remoteSession")
		public @Nullable String getRemoteSession() {
			return this.environment.remoteSession();
		}

		@JsonProperty("forwardedUrlTemplate")
		public @Nullable String getForwardedUrlTemplate() {
			return this.environment.forwardedUrlTemplate();
		}

		@JsonProperty("evidence")
		public List<String> getEvidence() {
			return this.environment.evidence();
		}

		@JsonProperty("cloud")
		public @Nullable String getCloud() {
			return this.environment.cloud();
		}

		@JsonProperty("publicAddresses")
		public @Nullable List<PublicAddressDescriptor> getPublicAddresses() {
			return this.publicAddresses;
		}

	}

	/**
	 * Description of a public address of this machine, as the cloud's instance metadata
	 * service reported it.
	 *
	 * @since 0.1.0
	 * @see PublicAddress
	 */
	@JsonInclude(Include.ALWAYS)
	@JsonPropertyOrder({ "address", "privateAddress" })
	public static final class PublicAddressDescriptor {

		private final PublicAddress address;

		private PublicAddressDescriptor(PublicAddress address) {
			this.address = address;
		}

		@JsonProperty("address")
		public String getAddress() {
			return InetAddresses.toText(this.address.address());
		}

		@JsonProperty("privateAddress")
		public String getPrivateAddress() {
			return InetAddresses.toText(this.address.privateAddress());
		}

	}

	/**
	 * Description of a socket the application's JVM listens on.
	 *
	 * @since 0.1.0
	 * @see Listener
	 */
	@JsonInclude(Include.ALWAYS)
	@JsonPropertyOrder({ "role", "server", "scheme", "address", "port", "wildcard", "ipv6Only", "source",
			"reachability", "addresses", "publicAddresses" })
	public static final class ListenerDescriptor {

		private final Listener listener;

		private final List<AddressDescriptor> addresses;

		private final List<ListenerPublicAddressDescriptor> publicAddresses;

		private ListenerDescriptor(Listener listener) {
			this.listener = listener;
			this.addresses = listener.addresses().stream().map(AddressDescriptor::new).toList();
			this.publicAddresses = listener.publicAddresses()
				.stream()
				.map(ListenerPublicAddressDescriptor::new)
				.toList();
		}

		@JsonProperty("role")
		public String getRole() {
			return this.listener.role();
		}

		@JsonProperty("server")
		public @Nullable String getServer() {
			return this.listener.server();
		}

		@JsonProperty("scheme")
		public @Nullable String getScheme() {
			return this.listener.scheme();
		}

		@JsonProperty("address")
		public String getAddress() {
			return this.listener.address();
		}

		@JsonProperty("port")
		public int getPort() {
			return this.listener.port();
		}

		@JsonProperty("wildcard")
		public boolean isWildcard() {
			return this.listener.wildcard();
		}

		@JsonProperty("ipv6Only")
		public boolean isIpv6Only() {
			return this.listener.ipv6Only();
		}

		@JsonProperty("source")
		public String getSource() {
			return this.listener.source();
		}

		@JsonProperty("reachability")
		public String getReachability() {
			return this.listener.reachability().name();
		}

		@JsonProperty("addresses")
		public List<AddressDescriptor> getAddresses() {
			return this.addresses;
		}

		@JsonProperty("publicAddresses")
		public List<ListenerPublicAddressDescriptor> getPublicAddresses() {
			return this.publicAddresses;
		}

	}

	/**
	 * Description of a public address through which clients on the internet reach a
	 * listener.
	 *
	 * @since 0.1.0
	 * @see ListenerPublicAddress
	 */
	@JsonInclude(Include.ALWAYS)
	@JsonPropertyOrder({ "address", "privateAddress", "url", "probe" })
	public static final class ListenerPublicAddressDescriptor {

		private final ListenerPublicAddress address;

		private ListenerPublicAddressDescriptor(ListenerPublicAddress address) {
			this.address = address;
		}

		@JsonProperty("address")
		public String getAddress() {
			return this.address.getAddress();
		}

		@JsonProperty("privateAddress")
		public String getPrivateAddress() {
			return this.address.getPrivateAddress();
		}

		@JsonProperty("url")
		public @Nullable String getUrl() {
			return this.address.getUrl();
		}

		@JsonProperty("probe")
		public String getProbe() {
			return this.address.getProbe().name();
		}

	}

	/**
	 * Description of one address on which a listener accepts connections.
	 *
	 * @since 0.1.0
	 * @see ListenerAddress
	 */
	@JsonInclude(Include.ALWAYS)
	@JsonPropertyOrder({ "address", "interface", "scope", "url", "probe" })
	public static final class AddressDescriptor {

		private final ListenerAddress address;

		private AddressDescriptor(ListenerAddress address) {
			this.address = address;
		}

		@JsonProperty("address")
		public String getAddress() {
			return this.address.getAddress();
		}

		@JsonProperty("interface")
		public @Nullable String getInterface() {
			return this.address.getInterface();
		}

		@JsonProperty("scope")
		public String getScope() {
			return this.address.getScope().name();
		}

		@JsonProperty("url")
		public @Nullable String getUrl() {
			return this.address.getUrl();
		}

		@JsonProperty("probe")
		public String getProbe() {
			return this.address.getProbe().name();
		}

	}

	/**
	 * Description of a finding: what was found and what to do about it.
	 *
	 * @since 0.1.0
	 * @see Finding
	 */
	@JsonInclude(Include.ALWAYS)
	@JsonPropertyOrder({ "severity", "code", "listener", "message", "action" })
	public static final class FindingDescriptor {

		private final Finding finding;

		private FindingDescriptor(Finding finding) {
			this.finding = finding;
		}

		@JsonProperty("severity")
		public String getSeverity() {
			return this.finding.severity().name();
		}

		@JsonProperty("code")
		public String getCode() {
			return this.finding.code().name();
		}

		@JsonProperty("listener")
		public @Nullable String getListener() {
			return this.finding.listener();
		}

		@JsonProperty("message")
		public String getMessage() {
			return this.finding.message();
		}

		@JsonProperty("action")
		public String getAction() {
			return this.finding.action();
		}

	}

}
