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

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.jspecify.annotations.Nullable;
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
	void ephemeralPortOnTheWildcardIsAnAgentWithPortZero() throws UnknownHostException {
		JdwpAgent agent = JvmArguments
			.jdwpAgent(List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:0"));
		assertThat(agent).isEqualTo(new JdwpAgent("*:0", InetAddress.getByName("::"), 0));
		assertThat(agent.ephemeralPort()).isTrue();
	}

	@Test
	void agentAddressesBindWhatTheAgentBinds() throws UnknownHostException {
		assertThat(bindAddress("address=5005")).isEqualTo(InetAddress.getByName("127.0.0.1"));
		assertThat(bindAddress("address=localhost:5005")).isEqualTo(InetAddress.getByName("127.0.0.1"));
		assertThat(bindAddress("address=0.0.0.0:5005")).isEqualTo(InetAddress.getByName("0.0.0.0"));
		assertThat(bindAddress("address=198.51.100.7:5005")).isEqualTo(InetAddress.getByName("198.51.100.7"));
		assertThat(bindAddress("address=[2001:db8::7]:5005")).isEqualTo(InetAddress.getByName("2001:db8::7"));
		// No name is looked up: a host name stays unknown.
		assertThat(bindAddress("address=debug.example:5005")).isNull();
		assertThat(bindAddress("address=999.1.1.1:5005")).isNull();
		assertThat(JvmArguments.jdwpAgent(List.of("-agentlib:jdwp=transport=dt_socket,server=y")))
			.isEqualTo(new JdwpAgent("", InetAddress.getLoopbackAddress(), 0));
	}

	@Test
	void agentsThatDoNotListenOnASocketAreNotAgents() {
		assertThat(JvmArguments.jdwpAgent(List.of("-agentlib:jdwp=transport=dt_socket,server=n,address=host:5005")))
			.isNull();
		assertThat(JvmArguments.jdwpAgent(List.of("-agentlib:jdwp=transport=dt_shmem,server=y,address=shm"))).isNull();
		assertThat(JvmArguments.jdwpAgent(List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=*:99999")))
			.isNull();
	}

	private static @Nullable InetAddress bindAddress(String addressOption) {
		JdwpAgent agent = JvmArguments
			.jdwpAgent(List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n," + addressOption));
		assertThat(agent).isNotNull();
		return agent.bindAddress();
	}

	@Test
	void portsOutsideTheRangeAreNotPorts() {
		assertThat(JvmArguments.parsePort("65535")).isEqualTo(65535);
		assertThat(JvmArguments.parsePort("65536")).isNull();
		assertThat(JvmArguments.parsePort("0")).isNull();
		assertThat(JvmArguments.parsePort("-1")).isNull();
		assertThat(JvmArguments.parsePort("80a")).isNull();
		assertThat(JvmArguments.parsePort("\u0665\u0660")).isNull();
		assertThat(JvmArguments.parsePort(null)).isNull();
	}

}
