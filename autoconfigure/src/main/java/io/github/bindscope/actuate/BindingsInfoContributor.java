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

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

import io.github.bindscope.report.BindingsReport;
import io.github.bindscope.report.BindingsReportSource;

/**
 * {@link InfoContributor} that adds the verdict of the bindings report and the URLs the
 * main web server answers on to the {@code info} endpoint, as {@code bindings.verdict}
 * (such as {@code PRIVATE_NETWORK}) and {@code bindings.urls} (such as
 * {@code http://198.51.100.7:8080/}). The verdict is left out before the main server has
 * started.
 *
 * @since 0.1.0
 */
public class BindingsInfoContributor implements InfoContributor {

	private final BindingsReportSource reports;

	/**
	 * Create a new {@link BindingsInfoContributor}.
	 * @param reports where the reports come from
	 */
	public BindingsInfoContributor(BindingsReportSource reports) {
		this.reports = reports;
	}

	@Override
	public void contribute(Info.Builder builder) {
		BindingsReport report = this.reports.recentReport();
		// A map, not a bean: keys that no naming strategy of the application renames.
		Map<String, Object> bindings = new LinkedHashMap<>();
		if (report.verdict() != null) {
			bindings.put("verdict", report.verdict().name());
		}
		bindings.put("urls", report.mainServerUrls());
		builder.withDetail("bindings", bindings);
	}

}
