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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VirtualInterfaces}.
 */
class VirtualInterfacesTests {

	@ParameterizedTest
	@ValueSource(strings = { "docker0", "br-3f2a9c1d4e5b", "veth1a2b3c", "virbr0", "vnet3", "tun0", "tap0", "wg0",
			"tailscale0", "ztabcdef", "utun3", "cni0", "flannel.1", "cali1234", "cilium_host", "weave", "kube-ipvs0",
			"podman0", "lxcbr0", "lxdbr0", "incusbr0", "vboxnet0", "vmnet8", "vEthernet (WSL)",
			"vEthernet (WSL (Hyper-V firewall))", "ppp0" })
	void softwareMadeInterfacesAreVirtual(String name) {
		assertThat(VirtualInterfaces.isVirtual(name)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "lo", "eth0", "ens5", "enp0s31f6", "wlan0", "wlp2s0", "en0", "bond0", "eno1", "Ethernet",
			"Wi-Fi" })
	void hardwareAndLoopbackInterfacesAreNotVirtual(String name) {
		assertThat(VirtualInterfaces.isVirtual(name)).isFalse();
	}

	@ParameterizedTest
	@NullSource
	void unknownInterfaceIsNotVirtual(String name) {
		assertThat(VirtualInterfaces.isVirtual(name)).isFalse();
	}

}
