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

package io.github.bindscope.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.bindscope.report.BindingsReport;
import io.github.bindscope.report.BindingsReportSource;
import io.github.bindscope.report.Finding;
import io.github.bindscope.report.Severity;

/**
 * The health of the application's bindings, read from its report: the status and details
 * that the {@code bindings} health indicator of every Spring Boot line reports, each
 * through its own health API.
 * <p>
 * The status is {@code UP} whatever the findings, so that adding Bindscope never makes a
 * healthy application fail its probes. Only when a status is configured for findings that
 * {@link Finding#failsStrictMode() fail strict mode} does a report with such a finding
 * take that status, so that a readiness group can hold traffic away from an application
 * whose main server cannot be reached. A report that cannot be read is {@code UNKNOWN},
 * which fails no probe either.
 * <p>
 * The details are:
 * <ul>
 * <li>{@code verdict}: the main web server's reachability, left out before it has
 * started;</li>
 * <li>{@code webServers}: the {@code role}, {@code server} and {@code reachability} of
 * each web server's listener;</li>
 * <li>{@code findings}: the number of findings of each severity;</li>
 * <li>{@code strictModeFindings}: the codes of the findings that fail strict mode.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class BindingsHealth {

	/**
	 * The status of a report, whatever its findings, unless a strict-mode status applies.
	 */
	public static final String UP = "UP";

	/**
	 * The status when the report could not be read.
	 */
	public static final String UNKNOWN = "UNKNOWN";

	private static final Log logger = LogFactory.getLog(BindingsHealth.class);

	private final BindingsReportSource reports;

	private final Supplier<@Nullable String> strictModeStatus;

	/**
	 * Create a new {@link BindingsHealth}.
	 * @param reports where the reports come from; a report is reused for as long as the
	 * source reuses it, so health checks build reports no more often than the endpoint
	 * @param strictModeStatus the status of a report with a finding that fails strict
	 * mode, or {@code null} for {@code UP} ({@code bindscope.health.strict-mode-status}),
	 * read at each check
	 */
	public BindingsHealth(BindingsReportSource reports, Supplier<@Nullable String> strictModeStatus) {
		this.reports = reports;
		this.strictModeStatus = strictModeStatus;
	}

	/**
	 * Assess the health of the application's bindings from a recent report.
	 * @return the status and details
	 */
	public Assessment assess() {
		BindingsReport report;
		try {
			report = this.reports.recentReport();
		}
		catch (RuntimeException ex) {
			// As Boot's own indicators do, but UNKNOWN rather than DOWN: a probe that
			// includes this one must not fail because Bindscope could not look.
			logger.warn("Bindscope: the bindings health check could not read the report; its status is UNKNOWN", ex);
			return new Assessment(UNKNOWN, Map.of("error", ex.getClass().getName() + ": " + ex.getMessage()));
		}
		return assess(report, this.strictModeStatus.get());
	}

	/**
	 * Assess the health of the application's bindings from the given report.
	 * @param report the report
	 * @param strictModeStatus the status of a report with a finding that fails strict
	 * mode, or {@code null} for {@code UP}
	 * @return the status and details
	 */
	static Assessment assess(BindingsReport report, @Nullable String strictModeStatus) {
		List<String> strictModeFindings = report.findings()
			.stream()
			.filter(Finding::failsStrictMode)
			.map((finding) -> finding.code().name())
			.distinct()
			.toList();
		Map<String, Object> details = new LinkedHashMap<>();
		if (report.verdict() != null) {
			details.put("verdict", report.verdict().name());
		}
		details.put("webServers", webServers(report));
		details.put("findings", countsBySeverity(report));
		details.put("strictModeFindings", strictModeFindings);
		String status = (strictModeStatus != null && !strictModeFindings.isEmpty()) ? strictModeStatus : UP;
		return new Assessment(status, Collections.unmodifiableMap(details));
	}

	private static List<Map<String, Object>> webServers(BindingsReport report) {
		// A web server's listeners are those with a scheme, as in the banner.
		return report.listeners().stream().filter((listener) -> listener.scheme() != null).map((listener) -> {
			Map<String, Object> webServer = new LinkedHashMap<>();
			webServer.put("role", listener.role());
			if (listener.server() != null) {
				webServer.put("server", listener.server());
			}
			webServer.put("reachability", listener.reachability().name());
			return Collections.unmodifiableMap(webServer);
		}).toList();
	}

	private static Map<String, Integer> countsBySeverity(BindingsReport report) {
		// Every severity, a zero count too, so that the details keep one shape.
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (Severity severity : Severity.values()) {
			counts.put(severity.name(), 0);
		}
		for (Finding finding : report.findings()) {
			counts.merge(finding.severity().name(), 1, Integer::sum);
		}
		return Collections.unmodifiableMap(counts);
	}

	/**
	 * The status and details of the {@code bindings} health contributor.
	 *
	 * @param status the status code, such as {@code UP}
	 * @param details the details, in a fixed order
	 * @since 0.1.0
	 */
	public record Assessment(String status, Map<String, Object> details) {

	}

}
