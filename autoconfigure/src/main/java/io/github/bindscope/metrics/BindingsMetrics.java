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

package io.github.bindscope.metrics;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.bindscope.report.BindingsReport;
import io.github.bindscope.report.BindingsReportSource;
import io.github.bindscope.report.Finding;
import io.github.bindscope.report.FindingCode;
import io.github.bindscope.report.Listener;
import io.github.bindscope.report.Reachability;
import io.github.bindscope.report.Severity;

/**
 * {@link MeterBinder} for the bindings report: how many sockets this JVM listens on by
 * role and reachability, how many findings it has by code and severity, and the main web
 * server's verdict.
 * <p>
 * Every combination of tag values is registered up front, at {@code 0} until the report
 * says otherwise: a listener or a finding that goes away sets its series back to
 * {@code 0} instead of leaving it at its last value, and an alert can compare a series
 * that always exists. Tag values are the report's own words (roles, enum names), never an
 * address or a port, so the series stay few (72 with today's finding codes) and bounded.
 * <p>
 * The gauges read the live report each time a registry reads them, through
 * {@link BindingsReportSource#recentReport()}: a scrape sees a report at most as old as
 * the endpoint's. A read never throws and never waits for another read: the first read
 * that finds the report out of date fetches it (waiting, at most, for the one build in
 * flight), while reads on other threads meanwhile take the last report. Before the main
 * web server has started no verdict is {@code 1}. When the report cannot be built the
 * gauges read {@code NaN} (unknown, which no comparison matches) and the next read a
 * second later tries again.
 *
 * @since 0.1.0
 */
public class BindingsMetrics implements MeterBinder {

	/**
	 * Name of the gauges of listening sockets, tagged {@value #ROLE_TAG} and
	 * {@value #REACHABILITY_TAG}.
	 */
	public static final String LISTENERS = "bindscope.listeners";

	/**
	 * Name of the gauges of findings, tagged {@value #CODE_TAG} and
	 * {@value #SEVERITY_TAG}.
	 */
	public static final String FINDINGS = "bindscope.findings";

	/**
	 * Name of the gauges of the main web server's verdict, tagged {@value #VERDICT_TAG}:
	 * {@code 1} for the current verdict, {@code 0} for the others.
	 */
	public static final String VERDICT = "bindscope.verdict";

	/**
	 * Tag of a listener's role: {@code server}, {@code management}, {@code connector},
	 * {@code jdwp}, {@code jmx}, {@code livereload}, {@code grpc}, {@code rsocket} or
	 * {@code other}.
	 */
	public static final String ROLE_TAG = "role";

	/**
	 * Tag of a listener's reachability: a {@link Reachability} name.
	 */
	public static final String REACHABILITY_TAG = "reachability";

	/**
	 * Tag of a finding's code: a {@link FindingCode} name.
	 */
	public static final String CODE_TAG = "code";

	/**
	 * Tag of a finding's severity: a {@link Severity} name.
	 */
	public static final String SEVERITY_TAG = "severity";

	/**
	 * Tag of a verdict: a {@link Reachability} name.
	 */
	public static final String VERDICT_TAG = "verdict";

	/**
	 * The roles a listener is counted under, in the report's words. A role that a later
	 * version of the report adds is counted as {@code other} until it is listed here, so
	 * that the tag's values stay the ones documented.
	 */
	static final List<String> ROLES = List.of(Listener.SERVER, Listener.MANAGEMENT, Listener.CONNECTOR, Listener.JDWP,
			Listener.JMX, Listener.LIVERELOAD, Listener.GRPC, Listener.RSOCKET, Listener.OTHER);

	private static final int OTHER_ROLE = ROLES.indexOf(Listener.OTHER);

	private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

	private static final Log logger = LogFactory.getLog(BindingsMetrics.class);

	private final BindingsReportSource reports;

	private final Lock fetching = new ReentrantLock();

	private volatile Counts counts = Counts.UNKNOWN;

	/**
	 * Create a new {@link BindingsMetrics}.
	 * @param reports where the reports come from
	 */
	public BindingsMetrics(BindingsReportSource reports) {
		this.reports = reports;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (int role = 0; role < ROLES.size(); role++) {
			int index = role;
			for (Reachability reachability : Reachability.values()) {
				register(registry, LISTENERS, "Sockets this JVM listens on, by role and by who can reach them",
						"listeners", (metrics) -> metrics.current().listeners(index, reachability), ROLE_TAG,
						ROLES.get(role), REACHABILITY_TAG, reachability.name());
			}
		}
		for (FindingCode code : FindingCode.values()) {
			for (Severity severity : Severity.values()) {
				register(registry, FINDINGS, "Findings of the bindings report, by code and severity", "findings",
						(metrics) -> metrics.current().findings(code, severity), CODE_TAG, code.name(), SEVERITY_TAG,
						severity.name());
			}
		}
		for (Reachability verdict : Reachability.values()) {
			register(registry, VERDICT,
					"Who can reach the main web server: 1 for the current verdict, 0 for the others", null,
					(metrics) -> metrics.current().verdict(verdict), VERDICT_TAG, verdict.name());
		}
	}

	private void register(MeterRegistry registry, String name, String description, @Nullable String baseUnit,
			ToDoubleFunction<BindingsMetrics> value, String... tags) {
		// Held weakly, as Micrometer holds a gauge's object: a registry that outlives the
		// application does not keep its report alive, and then reads NaN.
		Gauge.builder(name, this, value).description(description).baseUnit(baseUnit).tags(tags).register(registry);
	}

	/**
	 * Return the counts of the live report, or of the last one while another thread
	 * fetches it.
	 * @return the counts
	 */
	private Counts current() {
		Counts seen = this.counts;
		long now = System.nanoTime();
		if (seen.failed() && now - seen.nanoTime() < RETRY_NANOS) {
			return seen;
		}
		if (!this.fetching.tryLock()) {
			return seen;
		}
		try {
			BindingsReport report = this.reports.recentReport();
			if (report != seen.report()) {
				seen = Counts.of(report, now);
				this.counts = seen;
			}
			return seen;
		}
		catch (RuntimeException ex) {
			if (!seen.failed()) {
				logger.warn("Bindscope: the bindings report could not be built, so its meters (" + LISTENERS + ", "
						+ FINDINGS + ", " + VERDICT + ") read NaN until it can be; it is tried again at the next "
						+ "read a second or more from now.", ex);
			}
			Counts failed = Counts.failed(now);
			this.counts = failed;
			return failed;
		}
		finally {
			this.fetching.unlock();
		}
	}

	/**
	 * What the gauges read: the counts of one report, or unknown.
	 *
	 * @param report the report counted, or {@code null} when unknown
	 * @param nanoTime when the counts were taken
	 * @param failed whether the report could not be built
	 * @param listeners listeners by role index and reachability ordinal
	 * @param findings findings by code ordinal and severity ordinal
	 */
	private record Counts(@Nullable BindingsReport report, long nanoTime, boolean failed, int[][] listeners,
			int[][] findings) {

		static final Counts UNKNOWN = new Counts(null, 0, false, new int[0][], new int[0][]);

		static Counts of(BindingsReport report, long nanoTime) {
			int[][] listeners = new int[ROLES.size()][Reachability.values().length];
			for (Listener listener : report.listeners()) {
				int role = ROLES.indexOf(listener.role());
				listeners[(role >= 0) ? role : OTHER_ROLE][listener.reachability().ordinal()]++;
			}
			int[][] findings = new int[FindingCode.values().length][Severity.values().length];
			for (Finding finding : report.findings()) {
				findings[finding.code().ordinal()][finding.severity().ordinal()]++;
			}
			return new Counts(report, nanoTime, false, listeners, findings);
		}

		static Counts failed(long nanoTime) {
			return new Counts(null, nanoTime, true, new int[0][], new int[0][]);
		}

		double listeners(int role, Reachability reachability) {
			return (this.report != null) ? this.listeners[role][reachability.ordinal()] : Double.NaN;
		}

		double findings(FindingCode code, Severity severity) {
			return (this.report != null) ? this.findings[code.ordinal()][severity.ordinal()] : Double.NaN;
		}

		double verdict(Reachability verdict) {
			if (this.report == null) {
				return Double.NaN;
			}
			return (this.report.verdict() == verdict) ? 1 : 0;
		}

	}

}
