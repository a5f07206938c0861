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

package io.github.bindscope.reporting;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;

import io.github.bindscope.env.EnvironmentRunContext;
import io.github.bindscope.inspect.HostEnvironment;
import io.github.bindscope.inspect.PublicAddressLookup;
import io.github.bindscope.report.BindingsInspector;
import io.github.bindscope.report.BindingsReport;
import io.github.bindscope.report.BindingsReportSource;
import io.github.bindscope.report.ExposedEndpoints;
import io.github.bindscope.report.RunContext;
import io.github.bindscope.report.WebServerConnector;
import io.github.bindscope.web.RunningWebServers;

/**
 * Builds the bindings report of this application from its running web servers and the
 * sockets its JVM listens on.
 *
 * @since 0.1.0
 */
public class BindingsReporter implements BindingsReportSource {

	/**
	 * How long a report is reused unless told otherwise: one second.
	 */
	public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(1);

	private final BindingsInspector inspector;

	private final RunningWebServers webServers;

	private final Environment environment;

	private final Supplier<? extends Collection<String>> devProfiles;

	private final HostEnvironment hostEnvironment;

	private final Supplier<@Nullable ExposedEndpoints> exposedEndpoints;

	private final @Nullable PublicAddressLookup publicAddresses;

	private final long maxAgeNanos;

	private final Lock buildLock = new ReentrantLock();

	private volatile @Nullable RecentReport recent;

	/**
	 * Create a new {@link BindingsReporter} that knows of no Actuator endpoints served
	 * over HTTP.
	 * @param inspector the inspector that builds reports
	 * @param webServers the running web servers
	 * @param environment the environment
	 * @param devProfiles the profiles under which local-only access is intended
	 * ({@code bindscope.dev-profiles}), read for each report
	 * @param hostEnvironment where this process runs
	 */
	public BindingsReporter(BindingsInspector inspector, RunningWebServers webServers, Environment environment,
			Supplier<? extends Collection<String>> devProfiles, HostEnvironment hostEnvironment) {
		this(inspector, webServers, environment, devProfiles, hostEnvironment, () -> null, null, DEFAULT_MAX_AGE);
	}

	/**
	 * Create a new {@link BindingsReporter}.
	 * @param inspector the inspector that builds reports
	 * @param webServers the running web servers
	 * @param environment the environment
	 * @param devProfiles the profiles under which local-only access is intended
	 * ({@code bindscope.dev-profiles}), read for each report
	 * @param hostEnvironment where this process runs
	 * @param exposedEndpoints the Actuator endpoints served over HTTP, read for each
	 * report ({@code null} where there are none or they cannot be judged yet)
	 * @param publicAddresses what the cloud's instance metadata service said at startup,
	 * or {@code null} where it was not asked
	 * @param maxAge how long {@link #recentReport()} reuses a report
	 * ({@code bindscope.report.max-age}); zero builds one for every call
	 */
	public BindingsReporter(BindingsInspector inspector, RunningWebServers webServers, Environment environment,
			Supplier<? extends Collection<String>> devProfiles, HostEnvironment hostEnvironment,
			Supplier<@Nullable ExposedEndpoints> exposedEndpoints, @Nullable PublicAddressLookup publicAddresses,
			Duration maxAge) {
		Assert.isTrue(!maxAge.isNegative(), "'maxAge' must not be negative");
		this.inspector = inspector;
		this.webServers = webServers;
		this.environment = environment;
		this.devProfiles = devProfiles;
		this.hostEnvironment = hostEnvironment;
		this.exposedEndpoints = exposedEndpoints;
		this.publicAddresses = publicAddresses;
		this.maxAgeNanos = maxAge.toNanos();
	}

	/**
	 * Return a fresh report of every socket this JVM listens on.
	 * @return the report
	 */
	public BindingsReport report() {
		return this.inspector.inspect(this.webServers.connectors(), runContext());
	}

	/**
	 * Return a report no older than {@code bindscope.report.max-age} (a second by
	 * default): the last one if it is younger, else a fresh one. Under load the socket
	 * tables, which make the kernel walk its connection hash to print them, are then read
	 * once per max-age instead of at every request, while anyone polling the report still
	 * sees the sockets of the moment.
	 * @return the report
	 */
	@Override
	public BindingsReport recentReport() {
		RecentReport seen = this.recent;
		if (seen != null && isFresh(seen, System.nanoTime())) {
			return seen.report();
		}
		// One build at a time: requests that arrive while a report is being built (which
		// may take as long as the probe timeout) wait for it and take it, however long it
		// took, instead of building their own. A lock, not a monitor: a virtual thread
		// blocked in a probe must not pin its carrier.
		this.buildLock.lock();
		try {
			RecentReport last = this.recent;
			long now = System.nanoTime();
			if (last != null && (last != seen || isFresh(last, now))) {
				return last.report();
			}
			BindingsReport report = report();
			this.recent = new RecentReport(report, now);
			return report;
		}
		finally {
			this.buildLock.unlock();
		}
	}

	/**
	 * Return a report of how the main server would be reached if it bound as planned, for
	 * checks that run before it opens its port.
	 * @param planned the connectors the main server is about to open
	 * @return the report
	 */
	public BindingsReport plan(List<WebServerConnector> planned) {
		return this.inspector.plan(planned, runContext());
	}

	/**
	 * Return the profiles and configuration the report is judged against.
	 * @return the run context
	 */
	public RunContext runContext() {
		return EnvironmentRunContext
			.of(this.environment, this.devProfiles.get(), this.hostEnvironment, this.publicAddresses)
			.withExposedEndpoints(this.exposedEndpoints.get());
	}

	private boolean isFresh(RecentReport recent, long now) {
		return now - recent.nanoTime() < this.maxAgeNanos;
	}

	private record RecentReport(BindingsReport report, long nanoTime) {

	}

}
