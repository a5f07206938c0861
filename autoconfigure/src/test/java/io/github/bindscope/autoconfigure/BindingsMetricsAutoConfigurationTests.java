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

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import io.github.bindscope.metrics.BindingsMetrics;
import io.github.bindscope.report.BindingsReport;
import io.github.bindscope.report.FindingCode;
import io.github.bindscope.report.Reachability;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BindingsMetricsAutoConfiguration}.
 */
class BindingsMetricsAutoConfigurationTests {

	private final WebApplicationContextRunner bindscope = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BindscopeAutoConfiguration.class,
				BindscopeWebServerAutoConfiguration.class, BindingsMetricsAutoConfiguration.class));

	private final WebApplicationContextRunner contextRunner = this.bindscope
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class));

	@Test
	void metersAreBoundToTheApplicationsRegistry() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(BindingsMetrics.class).hasBean("bindscopeBindingsMetrics");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find("bindscope.listeners").gauges()).hasSize(36);
			assertThat(registry.find("bindscope.findings").gauges()).hasSize(FindingCode.values().length * 2);
			assertThat(registry.find("bindscope.verdict").gauges()).hasSize(4);
			// No web server has started in this context: no verdict yet.
			assertThat(registry.find("bindscope.verdict").gauges())
				.allSatisfy((gauge) -> assertThat(gauge.value()).isZero());
		});
	}

	@Test
	void withoutAMeterRegistryThereAreNoMeters() {
		this.bindscope.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BindingsMetrics.class));
	}

	@Test
	void withoutMicrometerOnTheClassPathTheApplicationStartsWithoutMeters() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BindingsMetrics.class));
	}

	@Test
	void whenBindscopeIsOffThereAreNoMeters() {
		this.contextRunner.withPropertyValues("bindscope.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(BindingsMetrics.class);
			assertThat(context.getBean(MeterRegistry.class).find("bindscope.verdict").gauges()).isEmpty();
		});
	}

	@Test
	void springBootsMeterSwitchTurnsThemOff() {
		this.contextRunner.withPropertyValues("management.metrics.enable.bindscope=false")
			.run((context) -> assertThat(context.getBean(MeterRegistry.class).find("bindscope.verdict").gauges())
				.isEmpty());
	}

	@Test
	void userDefinedMetricsReplaceBindscopes() {
		BindingsReport report = new BindingsReport(Reachability.PUBLIC, false, List.of(), List.of(), List.of());
		this.contextRunner.withBean(BindingsMetrics.class, () -> new BindingsMetrics(() -> report)).run((context) -> {
			assertThat(context).hasSingleBean(BindingsMetrics.class).doesNotHaveBean("bindscopeBindingsMetrics");
			assertThat(context.getBean(MeterRegistry.class)
				.get("bindscope.verdict")
				.tag("verdict", "PUBLIC")
				.gauge()
				.value()).isEqualTo(1);
		});
	}

}
