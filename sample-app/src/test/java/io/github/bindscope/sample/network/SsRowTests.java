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

package io.github.bindscope.sample.network;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SsRow}, with output as {@code ss -ltnpH} printed it for a JVM and for
 * a socket that two processes share.
 */
class SsRowTests {

	@Test
	void parseReadsSocketAndOwningProcess() {
		List<SsRow> rows = SsRow.parse(
				"LISTEN 0      100                     *:8080             *:*    users:((\"java\",pid=4242,fd=27))\n");
		assertThat(rows).singleElement().satisfies((row) -> {
			assertThat(row.socket()).isEqualTo(new BoundSocket("::", 8080, false));
			assertThat(row.pids()).containsExactly(4242L);
			assertThat(row.commands()).containsExactly("java");
			assertThat(row.line()).isEqualTo("LISTEN 0 100 *:8080 *:* users:((\"java\",pid=4242,fd=27))");
		});
	}

	@Test
	void parseReadsEveryProcessOfSharedSocket() {
		List<SsRow> rows = SsRow
			.parse("LISTEN 0 128 [::1]:8080 [::]:* users:((\"java\",pid=7,fd=3),(\"sh\",pid=8,fd=3))");
		assertThat(rows).singleElement().satisfies((row) -> {
			assertThat(row.pids()).containsExactly(7L, 8L);
			assertThat(row.commands()).containsExactly("java", "sh");
		});
	}

	@Test
	void parseSkipsBlankLines() {
		assertThat(SsRow.parse("\n \n")).isEmpty();
	}

}
