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

package io.github.bindscope.report;

/**
 * Where reports come from for those who ask often, such as an endpoint: a recent report,
 * built again only when the last one is older than the source allows.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface BindingsReportSource {

	/**
	 * Return a report of the sockets of the moment, or one built so recently that it
	 * still describes them.
	 * @return the report
	 */
	BindingsReport recentReport();

}
