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

import java.net.InetAddress;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Iproute2}'s reading of the local addresses that {@code ss} prints.
 */
class Iproute2Tests {

	@ParameterizedTest(name = "{0} is {2} port {3}")
	@CsvSource(textBlock = """
			127.0.0.1:8080,          false, 127.0.0.1, 8080
			0.0.0.0:22,              false, 0.0.0.0,   22
			[::1]:8081,              true,  ::1,       8081
			[::]:5432,               true,  ::,        5432
			*:8080,                  true,  ::,        8080
			*:22,                    false, 0.0.0.0,   22
			[::ffff:127.0.0.2]:39815, true, 127.0.0.2, 39815
			[fe80::1]%eth0:80,       true,  fe80::1,   80
			127.0.0.53%lo:53,        false, 127.0.0.53, 53
			""")
	void localAddressOfAnSsRowIsRead(String local, boolean ipv6, String address, int port) throws Exception {
		Iproute2.ListeningRow row = Iproute2.ListeningRow.parse(local, ipv6, Set.of(), local);
		assertThat(row.address()).isEqualTo(InetAddress.getByName(address));
		assertThat(row.port()).isEqualTo(port);
	}

}
