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

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;

import io.github.bindscope.health.BindingsHealth;
import io.github.bindscope.health.BindingsHealthIndicator;
import io.github.bindscope.reporting.BindingsReporter;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code bindings} health
 * contributor of Spring Boot 4, a {@link BindingsHealthIndicator}. Like every health
 * contributor of Spring Boot, it is on wherever health is, and
 * {@code management.health.bindings.enabled=false} turns it off. On another Spring Boot
 * line it backs off, and that line's own auto-configuration takes its place.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = BindscopeAutoConfiguration.class, before = HealthContributorAutoConfiguration.class)
@ConditionalOnClass(Health.class)
@ConditionalOnEnabledHealthIndicator("bindings")
@ConditionalOnBean(BindingsReporter.class)
@EnableConfigurationProperties(BindscopeProperties.class)
public final class BindingsHealthContributorAutoConfiguration {

	// Named for the contributor: Boot takes "bindings" from "bindingsHealthIndicator".
	@Bean
	@ConditionalOnMissingBean
	BindingsHealthIndicator bindingsHealthIndicator(BindingsReporter reporter, BindscopeProperties properties) {
		return new BindingsHealthIndicator(new BindingsHealth(reporter, properties.getHealth()::getStrictModeStatus));
	}

}
