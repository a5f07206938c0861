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
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Recognises interfaces that software made on this host rather than network hardware:
 * container bridges, veth pairs, VPN tunnels, hypervisor and WSL adapters. An address on
 * one of them is usually reachable only from containers, virtual machines or VPN peers,
 * not from the network the host sits on.
 * <p>
 * The decision is made from the name alone, so that it is the same on every operating
 * system and in every container; names follow the tools that create the interfaces.
 *
 * @since 0.1.0
 */
public final class VirtualInterfaces {

	private static final List<String> PREFIXES = List.of("docker", "br-", "veth", "virbr", "vnet", "tun", "tap", "wg",
			"tailscale", "zt", "utun", "cni", "flannel", "cali", "cilium", "weave", "kube-", "podman", "lxcbr", "lxdbr",
			"incusbr", "vboxnet", "vmnet", "vethernet", "ipsec", "ppp");

	private VirtualInterfaces() {
	}

	/**
	 * Return whether an interface is a virtual one made by software on this host.
	 * @param interfaceName the interface name, such as {@code docker0}, or {@code null}
	 * @return whether it is virtual; {@code false} for loopback and unknown names
	 */
	public static boolean isVirtual(@Nullable String interfaceName) {
		if (interfaceName == null) {
			return false;
		}
		String name = interfaceName.toLowerCase(Locale.ROOT);
		// Windows names the WSL and Hyper-V switches "vEthernet (WSL)" and the like.
		return PREFIXES.stream().anyMatch(name::startsWith) || name.contains("(wsl");
	}

}
