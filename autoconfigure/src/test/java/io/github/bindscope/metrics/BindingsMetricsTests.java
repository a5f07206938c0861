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

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.bindscope.report.BindingsReport;
import io.github.bindscope.report.Finding;
import io.github.bindscope.report.FindingCode;
import io.github.bindscope.report.Listener;
import io.github.bindscope.report.Reachability;
import io.github.bindscope.report.Severity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BindingsMetrics}.
 */
@ExtendWith(OutputCaptureExtension.class)
class BindingsMetricsTests {

	// 9 roles × 4 reachabilities, every code × 2 severities, 4 verdicts.
	private static final int SERIES = 9 * 4 + FindingCode.values().length * 2 + 4;

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final AtomicReference<BindingsReport> report = new AtomicReference<>(report(null, List.of(), List.of()));

	private final AtomicInteger fetches = new AtomicInteger();

	private final BindingsMetrics metrics = new BindingsMetrics(() -> {
		this.fetches.incrementAndGet();
		return this.report.get();
	});

	@Test
	void everyCombinationOfTagsIsRegisteredUpFront() {
		this.metrics.bindTo(this.registry);
		assertThat(gauges("bindscope.listeners")).hasSize(9 * 4)
			.extracting((gauge) -> gauge.getId().getTag("role"))
			.containsOnly("server", "management", "connector", "jdwp", "jmx", "livereload", "grpc", "rsocket", "other");
		assertThat(gauges("bindscope.listeners")).extracting((gauge) -> gauge.getId().getTag("reachability"))
			.containsOnly("LOCAL_ONLY", "LINK_LOCAL", "PRIVATE_NETWORK", "PUBLIC");
		assertThat(gauges("bindscope.findings")).hasSize(FindingCode.values().length * 2)
			.extracting((gauge) -> gauge.getId().getTag("severity"))
			.containsOnly("INFO", "WARN");
		assertThat(gauges("bindscope.findings")).extracting((gauge) -> gauge.getId().getTag("code"))
			.contains("LOOPBACK_ONLY", "JDWP_EXPOSED", "SOCKET_TABLE_UNAVAILABLE");
		assertThat(gauges("bindscope.verdict")).hasSize(4)
			.extracting((gauge) -> gauge.getId().getTag("verdict"))
			.containsOnly("LOCAL_ONLY", "LINK_LOCAL", "PRIVATE_NETWORK", "PUBLIC");
		assertThat(this.registry.getMeters()).hasSize(SERIES);
		assertThat(gauges("bindscope.listeners")).allSatisfy((gauge) -> {
			assertThat(gauge.getId().getBaseUnit()).isEqualTo("listeners");
			assertThat(gauge.getId().getDescription()).isNotBlank();
		});
		assertThat(gauges("bindscope.findings"))
			.allSatisfy((gauge) -> assertThat(gauge.getId().getBaseUnit()).isEqualTo("findings"));
		assertThat(gauges("bindscope.verdict")).allSatisfy((gauge) -> assertThat(gauge.getId().getBaseUnit()).isNull());
		// Registering reads nothing: the report is read when a registry reads a gauge.
		assertThat(this.fetches).hasValue(0);
	}

	@Test
	void gaugesCountTheListenersFindingsAndVerdictOfTheReport() {
		this.report.set(report(Reachability.LOCAL_ONLY,
				List.of(listener("server", Reachability.LOCAL_ONLY), listener("jdwp", Reachability.PUBLIC),
						listener("other", Reachability.PRIVATE_NETWORK),
						listener("other", Reachability.PRIVATE_NETWORK)),
				List.of(finding(FindingCode.LOOPBACK_ONLY, Severity.WARN),
						finding(FindingCode.JDWP_EXPOSED, Severity.WARN),
						finding(FindingCode.LOCALHOST_MISMATCH, Severity.INFO))));
		this.metrics.bindTo(this.registry);
		assertThat(listeners("server", "LOCAL_ONLY")).isEqualTo(1);
		assertThat(listeners("jdwp", "PUBLIC")).isEqualTo(1);
		assertThat(listeners("other", "PRIVATE_NETWORK")).isEqualTo(2);
		assertThat(sum("bindscope.listeners")).isEqualTo(4);
		assertThat(findings("LOOPBACK_ONLY", "WARN")).isEqualTo(1);
		assertThat(findings("JDWP_EXPOSED", "WARN")).isEqualTo(1);
		assertThat(findings("LOCALHOST_MISMATCH", "INFO")).isEqualTo(1);
		assertThat(findings("LOCALHOST_MISMATCH", "WARN")).isZero();
		assertThat(sum("bindscope.findings")).isEqualTo(3);
		assertThat(verdict("LOCAL_ONLY")).isEqualTo(1);
		assertThat(sum("bindscope.verdict")).isEqualTo(1);
	}

	@Test
	void gaugesFollowTheReportAndGoBackToZeroForWhatWentAway() {
		this.report.set(report(Reachability.LOCAL_ONLY, List.of(listener("server", Reachability.LOCAL_ONLY)),
				List.of(finding(FindingCode.LOOPBACK_ONLY, Severity.WARN))));
		this.metrics.bindTo(this.registry);
		assertThat(findings("LOOPBACK_ONLY", "WARN")).isEqualTo(1);
		assertThat(verdict("LOCAL_ONLY")).isEqualTo(1);
		this.report.set(report(Reachability.PUBLIC, List.of(listener("server", Reachability.PUBLIC)), List.of()));
		assertThat(findings("LOOPBACK_ONLY", "WARN")).isZero();
		assertThat(listeners("server", "LOCAL_ONLY")).isZero();
		assertThat(listeners("server", "PUBLIC")).isEqualTo(1);
		assertThat(verdict("LOCAL_ONLY")).isZero();
		assertThat(verdict("PUBLIC")).isEqualTo(1);
		assertThat(gauges("bindscope.findings")).hasSize(FindingCode.values().length * 2);
	}

	@Test
	void beforeTheMainServerHasStartedNoVerdictIsOneAndOtherSocketsAreCounted() {
		this.report.set(report(null, List.of(listener("jdwp", Reachability.PRIVATE_NETWORK)),
				List.of(finding(FindingCode.JDWP_EXPOSED, Severity.WARN))));
		this.metrics.bindTo(this.registry);
		assertThat(gauges("bindscope.verdict")).extracting(Gauge::value).containsOnly(0.0);
		assertThat(listeners("jdwp", "PRIVATE_NETWORK")).isEqualTo(1);
		assertThat(findings("JDWP_EXPOSED", "WARN")).isEqualTo(1);
	}

	@Test
	void roleTheMetricsDoNotKnowIsCountedAsOther() {
		this.report.set(report(null, List.of(listener("quic", Reachability.PUBLIC)), List.of()));
		this.metrics.bindTo(this.registry);
		assertThat(listeners("other", "PUBLIC")).isEqualTo(1);
		assertThat(gauges("bindscope.listeners")).extracting((gauge) -> gauge.getId().getTag("role"))
			.doesNotContain("quic");
	}

	@Test
	void everyRoleOfTheReportHasItsOwnTagValue() throws IllegalAccessException {
		List<String> roles = new ArrayList<>();
		for (Field field : Listener.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
					&& !field.getName().startsWith("SOURCE_")) {
				roles.add((String) field.get(null));
			}
		}
		assertThat(roles).hasSize(9);
		assertThat(BindingsMetrics.ROLES).containsExactlyInAnyOrderElementsOf(roles);
	}

	@Test
	void reportThatCannotBeBuiltReadsNaNWithoutThrowingAndIsTriedAgainASecondLater(CapturedOutput output)
			throws InterruptedException {
		AtomicReference<@Nullable RuntimeException> failure = new AtomicReference<>(
				new IllegalStateException("socket table vanished"));
		BindingsMetrics failing = new BindingsMetrics(() -> {
			this.fetches.incrementAndGet();
			RuntimeException ex = failure.get();
			if (ex != null) {
				throw ex;
			}
			return report(Reachability.PUBLIC, List.of(listener("server", Reachability.PUBLIC)), List.of());
		});
		failing.bindTo(this.registry);
		assertThat(this.registry.getMeters()).hasSize(SERIES)
			.allSatisfy((meter) -> assertThat(((Gauge) meter).value()).isNaN());
		// One scrape reads every gauge: the failing build is tried once, not once a
		// gauge.
		assertThat(this.fetches).hasValue(1);
		assertThat(output).containsOnlyOnce("Bindscope: the bindings report could not be built")
			.contains("socket table vanished");
		failure.set(null);
		Thread.sleep(1100);
		assertThat(verdict("PUBLIC")).isEqualTo(1);
		assertThat(listeners("server", "PUBLIC")).isEqualTo(1);
		// Once it works again each read asks the source, whose own reuse keeps that
		// cheap.
		assertThat(this.fetches).hasValue(3);
	}

	@Test
	void readWhileAnotherReadFetchesTheReportDoesNotWaitForIt() throws Exception {
		CountDownLatch fetching = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		BindingsReport first = report(Reachability.LOCAL_ONLY, List.of(listener("server", Reachability.LOCAL_ONLY)),
				List.of());
		BindingsReport second = report(Reachability.PUBLIC, List.of(listener("server", Reachability.PUBLIC)),
				List.of());
		AtomicInteger calls = new AtomicInteger();
		BindingsMetrics slow = new BindingsMetrics(() -> {
			if (calls.incrementAndGet() == 1) {
				return first;
			}
			fetching.countDown();
			try {
				// A build in flight, such as probes within bindscope.probe.timeout.
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return second;
		});
		slow.bindTo(this.registry);
		assertThat(verdict("LOCAL_ONLY")).isEqualTo(1);
		ExecutorService readers = Executors.newFixedThreadPool(2);
		try {
			CompletableFuture<Double> blocked = CompletableFuture.supplyAsync(() -> verdict("PUBLIC"), readers);
			assertThat(fetching.await(10, TimeUnit.SECONDS)).isTrue();
			// The other read takes the last report at once.
			assertThat(CompletableFuture.supplyAsync(() -> verdict("LOCAL_ONLY"), readers).get(5, TimeUnit.SECONDS))
				.isEqualTo(1);
			assertThat(blocked).isNotDone();
			release.countDown();
			assertThat(blocked.get(10, TimeUnit.SECONDS)).isEqualTo(1);
			assertThat(verdict("LOCAL_ONLY")).isZero();
		}
		finally {
			release.countDown();
			readers.shutdownNow();
		}
	}

	private List<Gauge> gauges(String name) {
		return this.registry.find(name).gauges().stream().toList();
	}

	private double sum(String name) {
		return gauges(name).stream().mapToDouble(Gauge::value).sum();
	}

	private double listeners(String role, String reachability) {
		return this.registry.get("bindscope.listeners")
			.tags("role", role, "reachability", reachability)
			.gauge()
			.value();
	}

	private double findings(String code, String severity) {
		return this.registry.get("bindscope.findings").tags("code", code, "severity", severity).gauge().value();
	}

	private double verdict(String verdict) {
		return this.registry.get("bindscope.verdict").tags("verdict", verdict).gauge().value();
	}

	private static BindingsReport report(@Nullable Reachability verdict, List<Listener> listeners,
			List<Finding> findings) {
		return new BindingsReport(verdict, false, List.of("prod"), listeners, findings);
	}

	private static Listener listener(String role, Reachability reachability) {
		return new Listener(role, null, null, "0.0.0.0", 8080, true, false, Listener.SOURCE_PROCFS, reachability,
				List.of());
	}

	private static Finding finding(FindingCode code, Severity severity) {
		return new Finding(severity, code, "server:8080", "A message.", "An action.");
	}

}
