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
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import io.github.bindscope.health.BindingsHealth;
import io.github.bindscope.health.BindingsHealthIndicator;
import io.github.bindscope.report.BindingsReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BindingsHealthContributorAutoConfiguration}.
 */
class BindingsHealthContributorAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BindscopeAutoConfiguration.class,
				BindscopeWebServerAutoConfiguration.class, BindingsHealthContributorAutoConfiguration.class));

	@Test
	void healthContributorIsOnByDefaultAndNamedBindings() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(BindingsHealthIndicator.class).hasBean("bindingsHealthIndicator");
			Health health = context.getBean(BindingsHealthIndicator.class).health();
			assertThat(health.getStatus().getCode()).isEqualTo("UP");
			assertThat(health.getDetails()).containsKeys("webServers", "findings", "strictModeFindings");
		});
	}

	@Test
	void switchedOffByItsManagementProperty() {
		this.contextRunner.withPropertyValues("management.health.bindings.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BindingsHealthIndicator.class));
	}

	@Test
	void followsTheDefaultOfEveryHealthIndicatorUnlessSetItself() {
		this.contextRunner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BindingsHealthIndicator.class));
		this.contextRunner
			.withPropertyValues("management.health.defaults.enabled=false", "management.health.bindings.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(BindingsHealthIndicator.class));
	}

	@Test
	void withoutSpringBootHealthBacksOff() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Health.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BindingsHealthIndicator.class));
	}

	@Test
	void withBindscopeSwitchedOffBacksOff() {
		this.contextRunner.withPropertyValues("bindscope.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BindingsHealthIndicator.class));
	}

	@Test
	void userDefinedIndicatorReplacesOurs() {
		BindingsHealthIndicator own = new BindingsHealthIndicator(
				new BindingsHealth(() -> new BindingsReport(null, false, List.of(), List.of(), List.of()), () -> null));
		this.contextRunner.withBean("ownBindingsHealth", BindingsHealthIndicator.class, () -> own)
			.run((context) -> assertThat(context).getBean(BindingsHealthIndicator.class).isSameAs(own));
	}

	@ParameterizedTest
	@ValueSource(strings = { "OUT_OF_SERVICE", "out_of_service", " Down " })
	void strictModeStatusIsBoundAsAStatusCode(String status) {
		this.contextRunner.withPropertyValues("bindscope.health.strict-mode-status=" + status)
			.run((context) -> assertThat(context.getBean(BindscopeProperties.class).getHealth().getStrictModeStatus())
				.isEqualTo(status.trim().toUpperCase(Locale.ROOT)));
	}

	@Test
	void emptyStrictModeStatusFailsStartupNamingThePropertyAndWhatToDo() {
		this.contextRunner.withPropertyValues("bindscope.health.strict-mode-status=").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("bindscope.health.strict-mode-status must be a health status such as OUT_OF_SERVICE or "
						+ "DOWN, but was empty; remove it to report UP whatever the findings");
			Throwable bind = context.getStartupFailure();
			while (bind != null && !(bind instanceof BindException)) {
				bind = bind.getCause();
			}
			assertThat(bind).isInstanceOf(BindException.class);
			assertThat(((BindException) bind).getProperty().getName())
				.hasToString("bindscope.health.strict-mode-status");
		});
	}

}
