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

import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.bindscope.actuate.BindingsInfoContributor;
import io.github.bindscope.reporting.BindingsReporter;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the
 * {@link BindingsInfoContributor}. Like Spring Boot's own info contributors, it is on
 * wherever the info endpoint's classes are, unless
 * {@code management.info.bindings.enabled=false} (or
 * {@code management.info.defaults.enabled=false}) turns it off. Spring Boot 3.5 and 4
 * share its classes, so it serves both lines.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = BindscopeAutoConfiguration.class)
@ConditionalOnClass({ InfoContributor.class, ConditionalOnEnabledInfoContributor.class })
@ConditionalOnBean(BindingsReporter.class)
public final class BindingsInfoContributorAutoConfiguration {

	@Bean
	@ConditionalOnEnabledInfoContributor("bindings")
	@ConditionalOnMissingBean
	BindingsInfoContributor bindingsInfoContributor(BindingsReporter reporter) {
		return new BindingsInfoContributor(reporter);
	}

}
