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

package io.github.bindscope.inspect;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PrintableText}.
 */
class PrintableTextTests {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "lo", "eth0", "docker0", "br-1a2b", "enp0s31f6", "wlp2s0", "eth0.100", "veth1@if5",
			"vlan_7", "Ethernet 2", "a]@evil.example#", "C:\\path", "caf\u00e9", "\u7f51\u5361", "\uD83D\uDE00" })
	void printableTextIsReturnedAsItIs(String text) {
		assertThat(PrintableText.of(text)).isSameAs(text);
	}

	@ParameterizedTest(name = "[{index}] {1}")
	@MethodSource("unprintable")
	void unprintableCharactersAreEscapedAsJavaDoes(String text, String escaped) {
		assertThat(PrintableText.of(text)).isEqualTo(escaped);
	}

	static Stream<Arguments> unprintable() {
		return Stream.of(Arguments.of("eth0\u001b[31m", "eth0\\u001b[31m"),
				Arguments.of("eth\b\b\b0", "eth\\u0008\\u0008\\u00080"),
				Arguments.of("eth0\nINFO forged", "eth0\\u000aINFO forged"), Arguments.of("a\r\tb", "a\\u000d\\u0009b"),
				Arguments.of("del\u007f", "del\\u007f"), Arguments.of("c1\u009b31m", "c1\\u009b31m"),
				Arguments.of("rlo\u202eexe.txt", "rlo\\u202eexe.txt"),
				Arguments.of("zero\u200bwidth", "zero\\u200bwidth"),
				Arguments.of("line\u2028separator", "line\\u2028separator"), Arguments.of("nb\u00a0sp", "nb\\u00a0sp"),
				Arguments.of("lone\ud800", "lone\\ud800"), Arguments.of("private\ue000", "private\\ue000"),
				Arguments.of("tag\uDB40\uDC01", "tag\\udb40\\udc01"));
	}

	@Test
	void escapingTwiceChangesNothing() {
		String once = PrintableText.of("eth0\u001b[31m\nINFO \\u001b forged\b");
		assertThat(PrintableText.of(once)).isEqualTo(once);
		assertThat(once).isEqualTo("eth0\\u001b[31m\\u000aINFO \\u001b forged\\u0008");
	}

}
