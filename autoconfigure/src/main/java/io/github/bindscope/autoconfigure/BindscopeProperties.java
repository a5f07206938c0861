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

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import io.github.bindscope.inspect.AddressProber;
import io.github.bindscope.inspect.InstanceMetadata;
import io.github.bindscope.reporting.BannerMode;

/**
 * Configuration properties for Bindscope.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("bindscope")
public class BindscopeProperties {

	/**
	 * Whether to enable Bindscope.
	 */
	private boolean enabled = true;

	/**
	 * Whether to fail startup when the main web server would be reachable from this host
	 * only and no dev profile is active, or when the JDWP debug agent, or Actuator
	 * endpoints that leak secrets or control the application, are reachable from other
	 * hosts without a guard.
	 */
	private boolean strict;

	/**
	 * Profiles in which a server reachable from this host only is expected, so that it is
	 * reported at INFO level rather than as a warning.
	 */
	private Set<String> devProfiles = new LinkedHashSet<>(List.of("dev", "local", "development", "test"));

	/**
	 * When to log the banner of the URLs each web server can be reached on, after it has
	 * started. With 'auto', the banner is left out when the application runs under a test
	 * framework and a one-line summary is logged instead.
	 */
	private BannerMode banner = BannerMode.AUTO;

	private final Probe probe = new Probe();

	private final Report report = new Report();

	private final Health health = new Health();

	private final Cloud cloud = new Cloud();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isStrict() {
		return this.strict;
	}

	public void setStrict(boolean strict) {
		this.strict = strict;
	}

	public Set<String> getDevProfiles() {
		return this.devProfiles;
	}

	public void setDevProfiles(Set<String> devProfiles) {
		this.devProfiles = devProfiles;
	}

	public BannerMode getBanner() {
		return this.banner;
	}

	public void setBanner(BannerMode banner) {
		this.banner = banner;
	}

	public Probe getProbe() {
		return this.probe;
	}

	public Cloud getCloud() {
		return this.cloud;
	}

	public Report getReport() {
		return this.report;
	}

	public Health getHealth() {
		return this.health;
	}

	/**
	 * Report properties.
	 */
	public static class Report {

		/**
		 * How long a report is reused by the endpoint, health, metrics and info before a
		 * new one is built: a burst of requests reads the kernel's tables once. 0 builds
		 * a fresh report for every request.
		 */
		private Duration maxAge = Duration.ofSeconds(1);

		public Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(Duration maxAge) {
			// Checked while binding, like the probe timeout.
			if (maxAge.isNegative()) {
				throw new IllegalArgumentException(
						"bindscope.report.max-age must be 0 (a fresh report for every request) or more (such as 1s), "
								+ "but was " + maxAge);
			}
			this.maxAge = maxAge;
		}

	}

	/**
	 * Self-probe properties.
	 */
	public static class Probe {

		/**
		 * Whether to connect to each address the web servers accept, from this host, and
		 * report whether it answered.
		 */
		private boolean enabled;

		/**
		 * How long all probes together may take, from 10ms to 1m.
		 */
		private Duration timeout = Duration.ofMillis(250);

		private boolean publicAddresses;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			// Checked while binding, so that a wrong value fails startup with Boot's
			// analysis of the property, before any server opens its port. Boot shows the
			// value as written beside this message.
			if (!AddressProber.isAcceptedTimeout(timeout)) {
				throw new IllegalArgumentException(
						"bindscope.probe.timeout must be from 10ms to 1m (such as 250ms), but was " + timeout);
			}
			this.timeout = timeout;
		}

		// 'public' is the property's name and a Java keyword: the accessors carry the
		// name, and its description is in additional-spring-configuration-metadata.json.
		public boolean isPublic() {
			return this.publicAddresses;
		}

		public void setPublic(boolean publicAddresses) {
			this.publicAddresses = publicAddresses;
		}

	}

	/**
	 * Cloud properties.
	 */
	public static class Cloud {

		private final Metadata metadata = new Metadata();

		public Metadata getMetadata() {
			return this.metadata;
		}

	}

	/**
	 * Instance metadata properties.
	 */
	public static class Metadata {

		/**
		 * Whether to ask the instance metadata service of the cloud this host is a
		 * virtual machine of (AWS, Google Cloud or Azure, at 169.254.169.254) for its
		 * public addresses, once at startup.
		 */
		private boolean enabled;

		/**
		 * How long the whole metadata lookup may take, from 10ms to 10s.
		 */
		private Duration timeout = Duration.ofSeconds(1);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			// Checked while binding, as the probe timeout is.
			if (!InstanceMetadata.isAcceptedTimeout(timeout)) {
				throw new IllegalArgumentException(
						"bindscope.cloud.metadata.timeout must be from 10ms to 10s (such as 1s), but was " + timeout);
			}
			this.timeout = timeout;
		}

	}

	/**
	 * Health contributor properties.
	 */
	public static class Health {

		/**
		 * Health status of the 'bindings' contributor when the report has a finding that
		 * fails strict mode, such as OUT_OF_SERVICE to take the application out of a
		 * readiness group that includes 'bindings'. When not set, the status is UP
		 * whatever the findings.
		 */
		private @Nullable String strictModeStatus;

		public @Nullable String getStrictModeStatus() {
			return this.strictModeStatus;
		}

		public void setStrictModeStatus(@Nullable String strictModeStatus) {
			// A status code as Boot writes it: OUT_OF_SERVICE, whatever the case it was
			// given in. Checked while binding, so that a blank value fails startup naming
			// the property instead of leaving the status UP in silence.
			if (strictModeStatus == null || strictModeStatus.isBlank()) {
				throw new IllegalArgumentException("bindscope.health.strict-mode-status must be a health status "
						+ "such as OUT_OF_SERVICE or DOWN, but was empty; remove it to report UP whatever the findings");
			}
			this.strictModeStatus = strictModeStatus.trim().toUpperCase(Locale.ROOT);
		}

	}

}
