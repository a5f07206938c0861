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

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.github.bindscope.inspect.HostEnvironment;
import io.github.bindscope.report.BindingsInspector;
import io.github.bindscope.report.BindingsReport;
import io.github.bindscope.reporting.BindingsReporter;
import io.github.bindscope.web.RunningWebServers;

/**
 * A {@link BindingsReporter} that counts calls to the endpoint ({@link #recentReport()})
 * and reports really built ({@link #report()}: at startup, and by the endpoint when it
 * has no report young enough). Bindscope's own reporter backs off for it.
 */
class CountingBindingsReporter extends BindingsReporter {

	final AtomicInteger reads = new AtomicInteger();

	final AtomicInteger builds = new AtomicInteger();

	CountingBindingsReporter(BindingsInspector inspector, RunningWebServers webServers, Environment environment,
			BindscopeProperties properties, HostEnvironment hostEnvironment) {
		super(inspector, webServers, environment, properties::getDevProfiles, hostEnvironment);
	}

	@Override
	public BindingsReport report() {
		this.builds.incrementAndGet();
		return super.report();
	}

	@Override
	public BindingsReport recentReport() {
		this.reads.incrementAndGet();
		return super.recentReport();
	}

	@Configuration(proxyBeanMethods = false)
	static class CountingReporterConfiguration {

		@Bean
		CountingBindingsReporter countingBindingsReporter(BindingsInspector inspector, RunningWebServers webServers,
				Environment environment, BindscopeProperties properties, HostEnvironment hostEnvironment) {
			return new CountingBindingsReporter(inspector, webServers, environment, properties, hostEnvironment);
		}

	}

}
