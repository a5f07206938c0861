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

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.bindscope.metrics.BindingsMetrics;
import io.github.bindscope.reporting.BindingsReporter;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for {@link BindingsMetrics}: the
 * meters of the bindings report, where the application has a {@link MeterRegistry}.
 * <p>
 * Spring Boot binds them to every registry it configures, and its
 * {@code management.metrics.enable.bindscope=false} turns them off. It follows Spring
 * Boot's own metrics auto-configurations, which Spring Boot 4 and Spring Boot 3.5 name
 * differently: both are named here, and the names of the line that is absent are ignored.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = BindscopeAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, MeterBinder.class })
@ConditionalOnBean({ MeterRegistry.class, BindingsReporter.class })
public final class BindingsMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BindingsMetrics bindscopeBindingsMetrics(BindingsReporter reporter) {
		return new BindingsMetrics(reporter);
	}

}
