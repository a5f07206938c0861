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

import org.jspecify.annotations.Nullable;

/**
 * A cloud whose virtual machines Bindscope recognises from their firmware (DMI) data,
 * with the names the provider itself uses for what stands between its machines and the
 * internet.
 *
 * @since 0.1.0
 */
public enum CloudProvider {

	/**
	 * Amazon Web Services: EC2 instances.
	 */
	AWS("aws", "AWS", "AWS EC2 instance", "security group"),

	/**
	 * Google Cloud: Compute Engine VMs.
	 */
	GOOGLE_CLOUD("gcp", "Google Cloud", "Google Compute Engine VM", "VPC firewall rule"),

	/**
	 * Microsoft Azure: virtual machines.
	 */
	AZURE("azure", "Azure", "Azure VM", "network security group"),

	/**
	 * Oracle Cloud Infrastructure: compute instances.
	 */
	ORACLE("oracle", "Oracle Cloud", "Oracle Cloud compute instance", "security list"),

	/**
	 * DigitalOcean: Droplets.
	 */
	DIGITALOCEAN("digitalocean", "DigitalOcean", "DigitalOcean Droplet", "DigitalOcean Cloud Firewall"),

	/**
	 * Hetzner Cloud: servers.
	 */
	HETZNER("hetzner", "Hetzner Cloud", "Hetzner Cloud server", "Hetzner Cloud Firewall"),

	/**
	 * An OpenStack cloud: Nova instances.
	 */
	OPENSTACK("openstack", "OpenStack", "OpenStack instance", "security group");

	private final String id;

	private final String displayName;

	private final String machine;

	private final String firewall;

	CloudProvider(String id, String displayName, String machine, String firewall) {
		this.id = id;
		this.displayName = displayName;
		this.machine = machine;
		this.firewall = firewall;
	}

	/**
	 * Return the identifier the report uses, such as {@code aws} or {@code gcp}.
	 * @return the identifier
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Return the provider's name as people write it, such as {@code Google Cloud}.
	 * @return the name
	 */
	public String displayName() {
		return this.displayName;
	}

	/**
	 * Return what the provider calls one of its virtual machines, with the provider's
	 * name, such as {@code AWS EC2 instance}.
	 * @return the name of a machine
	 */
	public String machine() {
		return this.machine;
	}

	/**
	 * Return what the provider calls the filter that admits or drops traffic to a machine
	 * before it arrives, such as {@code security group}.
	 * @return the name of the filter
	 */
	public String firewall() {
		return this.firewall;
	}

	/**
	 * Whether the provider gives a machine its public address by translating it (1:1 NAT)
	 * to a private address of the machine, rather than putting it on the machine's own
	 * interface.
	 * @return {@code true} where the public address is not on the machine
	 */
	public boolean translatesPublicAddress() {
		return this != DIGITALOCEAN && this != HETZNER;
	}

	/**
	 * Return the provider with the given identifier.
	 * @param id an identifier such as {@code aws}, or {@code null}
	 * @return the provider, or {@code null} if none has that identifier
	 */
	public static @Nullable CloudProvider of(@Nullable String id) {
		for (CloudProvider provider : values()) {
			if (provider.id.equals(id)) {
				return provider;
			}
		}
		return null;
	}

}
