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

import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.github.bindscope.autoconfigure.BindscopeAutoConfiguration;
import io.github.bindscope.autoconfigure.BindscopeProperties;
import io.github.bindscope.boot3.health.Boot3BindingsHealthIndicator;
import io.github.bindscope.health.BindingsHealth;
import io.github.bindscope.reporting.BindingsReporter;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code bindings} health
 * contributor on Spring Boot 3.5's health API, a {@link Boot3BindingsHealthIndicator}. It
 * takes the place of the Spring Boot 4 line's, which backs off here; the status and the
 * details are the same, decided by {@link BindingsHealth}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = BindscopeAutoConfiguration.class, before = HealthContributorAutoConfiguration.class)
@ConditionalOnClass(Health.class)
@ConditionalOnEnabledHealthIndicator("bindings")
@ConditionalOnBean(BindingsReporter.class)
@EnableConfigurationProperties(BindscopeProperties.class)
public final class Boot3BindingsHealthContributorAutoConfiguration {

	// Named for the contributor: Boot takes "bindings" from "bindingsHealthIndicator".
	@Bean
	@ConditionalOnMissingBean
	Boot3BindingsHealthIndicator bindingsHealthIndicator(BindingsReporter reporter, BindscopeProperties properties) {
		return new Boot3BindingsHealthIndicator(
				new BindingsHealth(reporter, properties.getHealth()::getStrictModeStatus));
	}

}
