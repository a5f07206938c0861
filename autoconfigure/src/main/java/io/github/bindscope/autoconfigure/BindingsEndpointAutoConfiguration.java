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

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

import io.github.bindscope.actuate.BindingsEndpoint;
import io.github.bindscope.actuate.BindscopeEndpoint;
import io.github.bindscope.reporting.BindingsReporter;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link BindingsEndpoint} and
 * the {@link BindscopeEndpoint}.
 * <p>
 * The report is served as {@code bindings} where that endpoint is available, and as
 * {@code bindscope} where that one is. When another endpoint has the id {@code bindings},
 * as Spring Cloud Stream's does, Bindscope's {@code bindings} endpoint gives way to a
 * {@code bindscope} endpoint, exposed wherever {@code bindings} is.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = BindscopeAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
public final class BindingsEndpointAutoConfiguration {

	// Not "bindingsEndpoint": Spring Cloud Stream registers a bean of that name.
	@Bean
	@ConditionalOnAvailableEndpoint(BindingsEndpoint.class)
	@ConditionalOnBean(BindingsReporter.class)
	@ConditionalOnMissingBean
	BindingsEndpoint bindscopeBindingsEndpoint(BindingsReporter reporter) {
		return new BindingsEndpoint(reporter);
	}

	@Bean
	@ConditionalOnAvailableEndpoint(BindscopeEndpoint.class)
	@ConditionalOnBean(BindingsReporter.class)
	@ConditionalOnMissingBean
	BindscopeEndpoint bindscopeEndpoint(BindingsReporter reporter) {
		return new BindscopeEndpoint(reporter);
	}

	// Static: a registry post processor is created before any configuration class.
	@Bean
	static EndpointIdConflictPostProcessor bindscopeEndpointIdConflictPostProcessor(
			ConfigurableEnvironment environment) {
		return new EndpointIdConflictPostProcessor(environment);
	}

}
