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

package io.github.bindscope.boot3.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import io.github.bindscope.autoconfigure.BindscopeAutoConfiguration;
import io.github.bindscope.boot3.health.Boot3BindingsHealthIndicator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Boot3BindingsHealthContributorAutoConfiguration}: on Spring Boot 3.5
 * the {@code bindings} health contributor speaks that line's health API. That the Spring
 * Boot 4 line's backs off in a real application is shown by
 * {@link Boot3HealthAndInfoIntegrationTests}.
 */
class Boot3BindingsHealthContributorAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BindscopeAutoConfiguration.class,
				Boot3BindingsHealthContributorAutoConfiguration.class));

	@Test
	void healthContributorIsOnByDefaultInTheSpringBoot3Form() {
		this.contextRunner.withPropertyValues("bindscope.health.strict-mode-status=OUT_OF_SERVICE").run((context) -> {
			assertThat(context).hasSingleBean(HealthIndicator.class)
				.hasSingleBean(Boot3BindingsHealthIndicator.class)
				.hasBean("bindingsHealthIndicator");
			Health health = context.getBean(Boot3BindingsHealthIndicator.class).health();
			assertThat(health.getDetails()).containsKeys("webServers", "findings", "strictModeFindings");
		});
	}

	@Test
	void switchedOffByItsManagementProperty() {
		this.contextRunner.withPropertyValues("management.health.bindings.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(HealthIndicator.class));
	}

	@Test
	void withoutActuatorBacksOff() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Health.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(Boot3BindingsHealthIndicator.class));
	}

}
