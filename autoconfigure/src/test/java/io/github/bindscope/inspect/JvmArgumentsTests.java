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

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JvmArgumentsTests {

	@Test
	void agentlibServerWithWildcardAddressGivesItsPort() {
		assertThat(JvmArguments
			.jdwpPort(List.of("-Xmx1g", "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005")))
			.isEqualTo(5005);
	}

	@Test
	void portOnlyAndHostAddressesGiveThePort() {
		assertThat(JvmArguments.jdwpPort(List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=8000")))
			.isEqualTo(8000);
		assertThat(JvmArguments.jdwpPort(List.of("-Xrunjdwp:transport=dt_socket,server=y,address=127.0.0.1:5006")))
			.isEqualTo(5006);
	}

	@Test
	void clientModeOrEphemeralPortOrNoAgentGivesNothing() {
		assertThat(JvmArguments.jdwpPort(List.of("-agentlib:jdwp=transport=dt_socket,server=n,address=host:5005")))
			.isNull();
		assertThat(JvmArguments.jdwpPort(List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=0"))).isNull();
		assertThat(JvmArguments.jdwpPort(List.of("-agentlib:jdwp=transport=dt_socket,server=y"))).isNull();
		assertThat(JvmArguments.jdwpPort(List.of("-Dfoo=address=5005"))).isNull();
	}

	@Test
	void portsOutsideTheRangeAreNotPorts() {
		assertThat(JvmArguments.parsePort("65535")).isEqualTo(65535);
		assertThat(JvmArguments.parsePort("65536")).isNull();
		assertThat(JvmArguments.parsePort("0")).isNull();
		assertThat(JvmArguments.parsePort("-1")).isNull();
		assertThat(JvmArguments.parsePort("80a")).isNull();
		assertThat(JvmArguments.parsePort(null)).isNull();
	}

}
