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

package io.github.bindscope.actuate;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import io.github.bindscope.report.BindingsReportSource;

/**
 * {@link Endpoint @Endpoint} that exposes who can reach this application: every socket
 * its JVM listens on, with reachability and findings.
 * <p>
 * Other projects use the id {@code bindings} too (Spring Cloud Stream's endpoint lists
 * its message bindings); where one of them is present, the report is served by a
 * {@link BindscopeEndpoint} instead.
 *
 * @since 0.1.0
 * @see BindscopeEndpoint
 */
@Endpoint(id = "bindings")
public class BindingsEndpoint {

	private final BindingsReportSource reports;

	/**
	 * Create a new {@link BindingsEndpoint}.
	 * @param reports where the reports come from
	 */
	public BindingsEndpoint(BindingsReportSource reports) {
		this.reports = reports;
	}

	/**
	 * Return a report at most a second old, so that a burst of requests reads the
	 * kernel's socket tables once.
	 * @return the description of the report
	 */
	@ReadOperation
	public BindingsDescriptor bindings() {
		return BindingsDescriptor.of(this.reports.recentReport());
	}

}
