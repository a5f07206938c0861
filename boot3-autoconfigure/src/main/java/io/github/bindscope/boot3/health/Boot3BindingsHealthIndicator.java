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

package io.github.bindscope.boot3.health;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import io.github.bindscope.health.BindingsHealth;

/**
 * {@link HealthIndicator} of Spring Boot 3.5 that reports the {@link BindingsHealth
 * health of the application's bindings} as the {@code bindings} contributor, as the
 * Spring Boot 4 line's indicator does through that line's health API.
 *
 * @since 0.1.0
 */
public class Boot3BindingsHealthIndicator implements HealthIndicator {

	private final BindingsHealth health;

	/**
	 * Create a new {@link Boot3BindingsHealthIndicator}.
	 * @param health what decides the status and the details
	 */
	public Boot3BindingsHealthIndicator(BindingsHealth health) {
		this.health = health;
	}

	@Override
	public Health health() {
		BindingsHealth.Assessment assessment = this.health.assess();
		return Health.status(assessment.status()).withDetails(assessment.details()).build();
	}

}
