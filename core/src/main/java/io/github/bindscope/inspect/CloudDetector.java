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

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Tells the cloud a virtual machine runs in from the firmware data the kernel exposes
 * under {@code /sys/class/dmi/id}, as cloud-init's {@code ds-identify} does, without any
 * network traffic. Every file is optional: one that is missing or cannot be read (some,
 * such as {@code product_uuid}, are readable by root only) is a marker that is absent.
 * <p>
 * The values are those the providers document or that cloud-init matches:
 * <ul>
 * <li>AWS: {@code sys_vendor} or {@code bios_vendor} {@code Amazon EC2} (Nitro),
 * {@code bios_version} containing {@code amazon} (Xen), an instance ID in
 * {@code board_asset_tag}, or a system UUID that starts with {@code ec2} in either byte
 * order ({@code product_uuid}, {@code /sys/hypervisor/uuid});</li>
 * <li>Google Cloud: {@code product_name} {@code Google Compute Engine},
 * {@code sys_vendor} or {@code bios_vendor} {@code Google}, a {@code product_serial}
 * starting with {@code GoogleCloud-};</li>
 * <li>Azure: the chassis asset tag {@code 7783-7084-3265-9085-8269-3286-77} (any Hyper-V
 * VM says {@code Microsoft Corporation} and {@code Virtual Machine}, so those alone do
 * not tell Azure);</li>
 * <li>Oracle Cloud: the chassis asset tag {@code OracleCloud.com};</li>
 * <li>DigitalOcean and Hetzner Cloud: {@code sys_vendor} {@code DigitalOcean} and
 * {@code Hetzner};</li>
 * <li>OpenStack: {@code product_name} {@code OpenStack Nova} or
 * {@code OpenStack Compute}, or the chassis asset tag {@code OpenTelekomCloud}.</li>
 * </ul>
 */
final class CloudDetector {

	static final String DMI_DIRECTORY = "sys/class/dmi/id/";

	static final String HYPERVISOR_UUID = "sys/hypervisor/uuid";

	private static final String AZURE_CHASSIS_ASSET_TAG = "7783-7084-3265-9085-8269-3286-77";

	private static final String AMAZON_EC2 = "Amazon EC2";

	private static final Pattern EC2_INSTANCE_ID = Pattern.compile("i-[0-9a-f]{8,17}");

	// DMI strings are short; a longer line is not one.
	private static final int MAX_VALUE_LENGTH = 256;

	private static final int MAX_EVIDENCE_VALUE_LENGTH = 64;

	private final Path root;

	private final Map<String, Optional<String>> values = new HashMap<>();

	CloudDetector(Path root) {
		this.root = Objects.requireNonNull(root, "'root' must not be null");
	}

	/**
	 * Detect the cloud provider.
	 * @param evidence the evidence to add the matching markers to
	 * @return the provider, or {@code null} where no marker names one
	 */
	@Nullable CloudProvider detect(List<String> evidence) {
		for (CloudProvider provider : CloudProvider.values()) {
			List<String> found = markers(provider);
			if (!found.isEmpty()) {
				evidence.addAll(found);
				return provider;
			}
		}
		return null;
	}

	private List<String> markers(CloudProvider provider) {
		List<String> found = new ArrayList<>();
		switch (provider) {
			case AZURE -> dmi(found, "chassis_asset_tag", AZURE_CHASSIS_ASSET_TAG::equals);
			case ORACLE -> dmi(found, "chassis_asset_tag", "OracleCloud.com"::equals);
			case GOOGLE_CLOUD -> {
				dmi(found, "product_name", "Google Compute Engine"::equals);
				dmi(found, "sys_vendor", "Google"::equals);
				dmi(found, "bios_vendor", "Google"::equals);
				dmi(found, "product_serial", (value) -> value.startsWith("GoogleCloud-"));
			}
			case AWS -> {
				dmi(found, "sys_vendor", AMAZON_EC2::equals);
				dmi(found, "bios_vendor", AMAZON_EC2::equals);
				dmi(found, "bios_version", (value) -> value.toLowerCase(Locale.ROOT).contains("amazon"));
				dmi(found, "board_asset_tag", (value) -> EC2_INSTANCE_ID.matcher(value).matches());
				dmi(found, "product_uuid", CloudDetector::isEc2Uuid);
				marker(found, HYPERVISOR_UUID, CloudDetector::isEc2Uuid);
			}
			case DIGITALOCEAN -> dmi(found, "sys_vendor", "DigitalOcean"::equals);
			case HETZNER -> dmi(found, "sys_vendor", "Hetzner"::equals);
			case OPENSTACK -> {
				dmi(found, "product_name",
						(value) -> value.equals("OpenStack Nova") || value.equals("OpenStack Compute"));
				dmi(found, "chassis_asset_tag", "OpenTelekomCloud"::equals);
			}
		}
		return found;
	}

	/**
	 * Whether a system UUID is an EC2 instance's: it starts with {@code ec2}, or, where
	 * the firmware writes its first fields in little-endian order, its first four bytes
	 * read backwards do.
	 * @param uuid the UUID as the kernel prints it
	 * @return whether it is an EC2 instance's
	 */
	static boolean isEc2Uuid(String uuid) {
		String lower = uuid.toLowerCase(Locale.ROOT);
		if (lower.startsWith("ec2")) {
			return true;
		}
		if (lower.length() < 8) {
			return false;
		}
		// 45e12aec-... is ec2ae145-... with its first field's bytes swapped.
		String swapped = lower.substring(6, 8) + lower.substring(4, 6) + lower.substring(2, 4) + lower.substring(0, 2);
		return swapped.startsWith("ec2");
	}

	private void dmi(List<String> found, String field, Predicate<String> matches) {
		marker(found, DMI_DIRECTORY + field, matches);
	}

	private void marker(List<String> found, String relativePath, Predicate<String> matches) {
		String value = value(relativePath);
		if (value != null && matches.test(value)) {
			found.add("/" + relativePath + ": " + printable(value));
		}
	}

	private @Nullable String value(String relativePath) {
		return this.values.computeIfAbsent(relativePath, (path) -> Optional.ofNullable(read(path))).orElse(null);
	}

	/**
	 * Read the first line of a file. Anything that is not a regular file, cannot be read,
	 * is empty or is longer than a DMI string gives nothing.
	 * @param relativePath the file, relative to the root
	 * @return the line, without surrounding white space, or {@code null}
	 */
	private @Nullable String read(String relativePath) {
		try {
			Path file = this.root.resolve(relativePath);
			if (!Files.isRegularFile(file)) {
				return null;
			}
			// ISO-8859-1 maps every byte to a character, so no byte fails the read.
			try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
				char[] buffer = new char[MAX_VALUE_LENGTH + 1];
				int length = 0;
				int read;
				while (length < buffer.length && (read = reader.read(buffer, length, buffer.length - length)) > 0) {
					length += read;
				}
				String text = new String(buffer, 0, length);
				int newline = text.indexOf('\n');
				if (newline < 0 && length > MAX_VALUE_LENGTH) {
					return null;
				}
				String line = ((newline >= 0) ? text.substring(0, newline) : text).strip();
				return line.isEmpty() ? null : line;
			}
		}
		catch (IOException | SecurityException ex) {
			// A marker that cannot be read is absent.
			return null;
		}
	}

	// Values from the firmware end up in logs: keep them printable and short.
	private static String printable(String value) {
		StringBuilder printable = new StringBuilder();
		for (int i = 0; i < value.length() && printable.length() < MAX_EVIDENCE_VALUE_LENGTH; i++) {
			char c = value.charAt(i);
			printable.append((c >= ' ' && c < 0x7f) ? c : '_');
		}
		return printable.toString();
	}

}
