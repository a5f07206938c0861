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

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import io.github.bindscope.inspect.HostAddress;
import io.github.bindscope.inspect.HostEnvironment;
import io.github.bindscope.report.BindingsInspector;
import io.github.bindscope.report.BindingsReport;
import io.github.bindscope.web.RunningWebServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link BindingsReporter}.
 */
class BindingsReporterTests {

	private final AtomicInteger interfaceReads = new AtomicInteger();

	private final BindingsReporter reporter = new BindingsReporter(new BindingsInspector(this::addresses, null),
			new RunningWebServers(List.of()), new MockEnvironment(), Set::of, HostEnvironment.undetected());

	@Test
	void reportIsFreshAtEveryCall() {
		this.reporter.report();
		this.reporter.report();
		assertThat(this.interfaceReads).hasValue(2);
	}

	@Test
	void recentReportWithinASecondIsReused() {
		BindingsReport first = this.reporter.recentReport();
		assertThat(this.reporter.recentReport()).isSameAs(first);
		assertThat(this.interfaceReads).hasValue(1);
	}

	@Test
	void recentReportAfterASecondIsFresh() throws InterruptedException {
		BindingsReport first = this.reporter.recentReport();
		Thread.sleep(1100);
		assertThat(this.reporter.recentReport()).isNotSameAs(first);
		assertThat(this.interfaceReads).hasValue(2);
	}

	@Test
	void maxAgeZeroBuildsAFreshReportForEveryCall() {
		BindingsReporter fresh = new BindingsReporter(new BindingsInspector(this::addresses, null),
				new RunningWebServers(List.of()), new MockEnvironment(), Set::of, HostEnvironment.undetected(),
				() -> null, null, Duration.ZERO);
		BindingsReport first = fresh.recentReport();
		assertThat(fresh.recentReport()).isNotSameAs(first);
		assertThat(this.interfaceReads).hasValue(2);
	}

	@Test
	void longerMaxAgeReusesLonger() throws InterruptedException {
		BindingsReporter patient = new BindingsReporter(new BindingsInspector(this::addresses, null),
				new RunningWebServers(List.of()), new MockEnvironment(), Set::of, HostEnvironment.undetected(),
				() -> null, null, Duration.ofMinutes(1));
		BindingsReport first = patient.recentReport();
		Thread.sleep(1100);
		assertThat(patient.recentReport()).isSameAs(first);
		assertThat(this.interfaceReads).hasValue(1);
	}

	@Test
	void negativeMaxAgeIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BindingsReporter(new BindingsInspector(this::addresses, null),
					new RunningWebServers(List.of()), new MockEnvironment(), Set::of, HostEnvironment.undetected(),
					() -> null, null, Duration.ofSeconds(-1)))
			.withMessageContaining("maxAge");
	}

	private List<HostAddress> addresses() {
		this.interfaceReads.incrementAndGet();
		return List.of(HostAddress.of(InetAddress.getLoopbackAddress(), "lo"));
	}

}
