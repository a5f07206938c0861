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

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.bindscope.inspect.Localhost;
import io.github.bindscope.inspect.PrintableText;
import io.github.bindscope.inspect.ProbeResult;
import io.github.bindscope.report.BindingsBanner;
import io.github.bindscope.report.BindingsReport;
import io.github.bindscope.report.Finding;
import io.github.bindscope.report.Listener;
import io.github.bindscope.report.Severity;
import io.github.bindscope.web.StartedWebServer;

/**
 * Logs who can reach each web server once it has started, and each finding once. It only
 * logs: whether the report refuses startup is for
 * {@link io.github.bindscope.strict.StrictMode StrictMode} to decide.
 *
 * @since 0.1.0
 */
public class StartupBindingsReporter {

	private static final Log logger = LogFactory.getLog(StartupBindingsReporter.class);

	private final BindingsReporter reporter;

	private final Supplier<BannerMode> banner;

	private static final List<String> TEST_FRAMEWORK_PACKAGES = List.of("org.junit.", "org.testng.",
			"org.springframework.test.", "org.springframework.boot.test.", "io.cucumber.", "org.spockframework.");

	private final Set<String> logged = ConcurrentHashMap.newKeySet();

	private final Localhost localhost;

	/**
	 * Create a new {@link StartupBindingsReporter}.
	 * @param reporter the reporter
	 * @param banner when to log the banner ({@code bindscope.banner}), read at each
	 * startup
	 * @param localhost what {@code localhost} resolves to, for the banner's localhost URL
	 */
	public StartupBindingsReporter(BindingsReporter reporter, Supplier<BannerMode> banner, Localhost localhost) {
		this.reporter = reporter;
		this.banner = banner;
		this.localhost = localhost;
	}

	/**
	 * Log who can reach the web server that has just started, and what the report found
	 * about every socket of this JVM, each finding once however many servers start.
	 * @param started the server that has just started
	 * @return the report that was logged
	 */
	public BindingsReport started(StartedWebServer started) {
		String role = started.role();
		boolean management = Listener.MANAGEMENT.equals(role);
		long cpuStart = logger.isDebugEnabled() ? threadCpuNanos() : -1;
		long start = System.nanoTime();
		BindingsReport report = this.reporter.report();
		long nanos = System.nanoTime() - start;
		long cpuEnd = (cpuStart >= 0) ? threadCpuNanos() : -1;
		logTiming(report, nanos, (cpuEnd >= 0) ? cpuEnd - cpuStart : -1);
		logProbes(report, nanos);
		boolean banner = showBanner();
		for (Listener listener : report.listeners()) {
			if (listener.scheme() != null
					&& (listener.role().equals(role) || (!management && Listener.CONNECTOR.equals(listener.role())))) {
				logReachable(listener, banner);
			}
		}
		for (Finding finding : report.findings()) {
			// Each server's event reports the whole JVM again: say each thing once.
			if (this.logged.add(finding.code() + "@" + finding.listener())) {
				log(finding);
			}
		}
		return report;
	}

	// Lets benchmarks and users see what the report costs at startup: the time it took,
	// and the CPU time of this thread in it, which tells the work from the wait for a
	// core that the rest of a starting application keeps busy.
	private void logTiming(BindingsReport report, long nanos, long cpuNanos) {
		if (logger.isDebugEnabled()) {
			int addresses = report.listeners().stream().mapToInt((listener) -> listener.addresses().size()).sum();
			String cpu = (cpuNanos >= 0) ? String.format(Locale.ROOT, " (%.1f ms of CPU)", cpuNanos / 1e6) : "";
			logger.debug(String.format(Locale.ROOT, "Bindscope: report of %d listeners and %d addresses took %.1f ms%s",
					report.listeners().size(), addresses, nanos / 1e6, cpu));
		}
	}

	private static long threadCpuNanos() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
	}

	private void logProbes(BindingsReport report, long nanos) {
		long probed = report.listeners()
			.stream()
			.flatMap((listener) -> listener.addresses().stream())
			.filter((address) -> address.getProbe() != ProbeResult.SKIPPED)
			.count();
		if (probed > 0 && logger.isInfoEnabled()) {
			// The time covers the whole report, so it bounds the probes from above.
			logger
				.info("Bindscope: probed " + probed + " addresses in " + TimeUnit.NANOSECONDS.toMillis(nanos) + " ms");
		}
	}

	private boolean showBanner() {
		return switch (this.banner.get()) {
			case ALWAYS -> true;
			case NEVER -> false;
			case AUTO -> !runsUnderTestFramework();
		};
	}

	/**
	 * Say whether a test framework started this application, the way DevTools decides not
	 * to restart: by looking for its classes on the current thread's stack, which during
	 * startup leads back to the test method.
	 * @return whether a test framework is on the current thread's stack
	 */
	static boolean runsUnderTestFramework() {
		for (StackTraceElement element : Thread.currentThread().getStackTrace()) {
			String className = element.getClassName();
			for (String prefix : TEST_FRAMEWORK_PACKAGES) {
				if (className.startsWith(prefix)) {
					return true;
				}
			}
		}
		return false;
	}

	private void logReachable(Listener listener, boolean banner) {
		if (!logger.isInfoEnabled()) {
			return;
		}
		if (banner) {
			logger.info(printableLines(BindingsBanner.render(listener, this.localhost.addresses())));
			return;
		}
		String urls = listener.addresses()
			.stream()
			.map((address) -> (address.getUrl() != null) ? address.getUrl() : address.getAddress())
			.collect(Collectors.joining(", "));
		logger.info(PrintableText.of("Bindscope: " + listener.id() + " (" + listener.server() + ") is reachable from "
				+ listener.reachability().description() + ": " + urls));
	}

	private void log(Finding finding) {
		String line = PrintableText.of("Bindscope: " + finding.message() + " " + finding.action());
		if (finding.severity() == Severity.WARN) {
			logger.warn(line);
		}
		else {
			logger.info(line);
		}
	}

	/**
	 * Make each line of a multi-line message printable. The report escapes the interface
	 * names it prints; this also covers what configuration and the environment put into
	 * its texts, such as profile names and property origins, so that nothing but our own
	 * line breaks reaches the log raw.
	 * @param text the message, its lines separated by line feeds
	 * @return the message with each line made printable
	 */
	private static String printableLines(String text) {
		// Not String.lines(), which would also break at a carriage return.
		return Arrays.stream(text.split("\n", -1)).map(PrintableText::of).collect(Collectors.joining("\n"));
	}

}
