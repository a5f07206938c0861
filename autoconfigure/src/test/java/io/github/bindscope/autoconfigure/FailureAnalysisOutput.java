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

import java.util.List;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the failure analysis that Spring Boot logs when an application fails to start.
 */
final class FailureAnalysisOutput {

	private FailureAnalysisOutput() {
	}

	static String description(CapturedOutput output) {
		return section(output, "Description:");
	}

	static String action(CapturedOutput output) {
		return section(output, "Action:");
	}

	/**
	 * Return the text of a section of the failure analysis: the lines between the heading
	 * and the next blank line.
	 */
	private static String section(CapturedOutput output, String heading) {
		String text = output.getOut();
		int banner = text.indexOf("APPLICATION FAILED TO START");
		assertThat(banner).as("A failure analysis in the output").isNotNegative();
		int start = text.indexOf(heading, banner);
		assertThat(start).as("'%s' in the failure analysis", heading).isNotNegative();
		List<String> lines = text.substring(start + heading.length()).lines().dropWhile(String::isBlank).toList();
		return String.join("\n", lines.stream().takeWhile((line) -> !line.isBlank()).toList());
	}

}
