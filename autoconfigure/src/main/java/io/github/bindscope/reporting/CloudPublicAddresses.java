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

package io.github.bindscope.reporting;

import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.bindscope.inspect.CloudProvider;
import io.github.bindscope.inspect.HostEnvironment;
import io.github.bindscope.inspect.InstanceMetadata;
import io.github.bindscope.inspect.PublicAddress;
import io.github.bindscope.inspect.PublicAddressLookup;

/**
 * The public addresses of this machine, asked of its cloud's instance metadata service
 * once, when the application starts, and logged. Every report then uses the answer: the
 * endpoint never makes a request leave this host.
 * <p>
 * Nothing is asked where the firmware data names no cloud, or a cloud whose service
 * Bindscope does not know how to ask; the log then says so.
 *
 * @since 0.1.0
 */
public class CloudPublicAddresses {

	private static final Log logger = LogFactory.getLog(CloudPublicAddresses.class);

	private final @Nullable PublicAddressLookup lookup;

	/**
	 * Look up the public addresses of this machine, within the metadata lookup's timeout.
	 * Never throws.
	 * @param environment where this process runs, which names the cloud
	 * @param metadata the metadata service to ask
	 */
	public CloudPublicAddresses(HostEnvironment environment, InstanceMetadata metadata) {
		this.lookup = lookUp(environment.cloudProvider(), metadata);
	}

	/**
	 * Use public addresses found some other way, such as from a deployment's own
	 * configuration, in a bean of this type that replaces the lookup.
	 * @param lookup the public addresses, or {@code null} for none known
	 */
	public CloudPublicAddresses(@Nullable PublicAddressLookup lookup) {
		this.lookup = lookup;
	}

	private static @Nullable PublicAddressLookup lookUp(@Nullable CloudProvider provider, InstanceMetadata metadata) {
		if (provider == null) {
			logger.info("Bindscope: bindscope.cloud.metadata.enabled is on, but this host is not a virtual machine of "
					+ "a cloud Bindscope recognises by its firmware data, so no metadata service was asked.");
			return null;
		}
		if (!InstanceMetadata.supports(provider)) {
			String article = ("AEIOU".indexOf(provider.machine().charAt(0)) >= 0) ? "an " : "a ";
			logger.info("Bindscope: this host is " + article + provider.machine()
					+ "; Bindscope asks the metadata services of "
					+ "AWS, Google Cloud and Azure only, so it asked none for the public addresses.");
			return null;
		}
		PublicAddressLookup lookup = metadata.lookUp(provider);
		if (logger.isInfoEnabled()) {
			String failure = lookup.failure();
			String result = (failure != null) ? "the lookup failed: " + failure : lookup.addresses().isEmpty() ? "none"
					: lookup.addresses().stream().map(PublicAddress::toString).collect(Collectors.joining(", "));
			logger.info("Bindscope: asked the " + provider.displayName() + " instance metadata service at "
					+ InstanceMetadata.ADDRESS + " for this machine's public addresses in " + lookup.millis() + " ms: "
					+ result);
		}
		return lookup;
	}

	/**
	 * Return what the metadata service said.
	 * @return the lookup, or {@code null} where no service was asked
	 */
	public @Nullable PublicAddressLookup lookup() {
		return this.lookup;
	}

}
