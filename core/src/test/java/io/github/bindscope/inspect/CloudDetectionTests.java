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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the cloud that {@link HostEnvironment} detects from firmware data. Every file
 * is written by the test into a fixture root, with the values the providers document or
 * that their machines show; nothing is read from this machine and nothing is sent.
 */
class CloudDetectionTests {

	private static final String DMI = "sys/class/dmi/id/";

	@TempDir
	private Path root;

	@Test
	void hostWithoutFirmwareDataIsNoCloud() {
		HostEnvironment environment = detect();
		assertThat(environment.cloud()).isNull();
		assertThat(environment.cloudProvider()).isNull();
		assertThat(environment.evidence()).isEmpty();
	}

	@Test
	void missingRootIsNoCloud() {
		HostEnvironment environment = HostEnvironment.detect(Map.of(), this.root.resolve("missing"), "Linux");
		assertThat(environment.cloud()).isNull();
	}

	@Test
	void laptopIsNoCloud() throws IOException {
		dmi("sys_vendor", "LENOVO");
		dmi("product_name", "20XW0055GE");
		dmi("bios_vendor", "LENOVO");
		dmi("chassis_asset_tag", "No Asset Information");
		assertThat(detect().cloud()).isNull();
	}

	@Test
	void hyperVWithoutAzureAssetTagIsNoCloud() throws IOException {
		// Every Hyper-V VM, on a laptop too, says so: only the asset tag tells Azure.
		dmi("sys_vendor", "Microsoft Corporation");
		dmi("product_name", "Virtual Machine");
		dmi("chassis_asset_tag", "0000-0000-0000-0000-0000-0000-00");
		assertThat(detect().cloud()).isNull();
	}

	@Test
	void nitroInstanceIsAws() throws IOException {
		dmi("sys_vendor", "Amazon EC2");
		dmi("product_name", "t3.micro");
		dmi("bios_vendor", "Amazon EC2");
		dmi("board_asset_tag", "i-0af01c0123456789a");
		HostEnvironment environment = detect();
		assertThat(environment.cloud()).isEqualTo("aws");
		assertThat(environment.cloudProvider()).isEqualTo(CloudProvider.AWS);
		assertThat(environment.evidence()).containsExactly("/sys/class/dmi/id/sys_vendor: Amazon EC2",
				"/sys/class/dmi/id/bios_vendor: Amazon EC2", "/sys/class/dmi/id/board_asset_tag: i-0af01c0123456789a");
	}

	@Test
	void xenInstanceIsAwsByItsBiosVersion() throws IOException {
		dmi("sys_vendor", "Xen");
		dmi("product_name", "HVM domU");
		dmi("bios_vendor", "Xen");
		dmi("bios_version", "4.11.amazon");
		HostEnvironment environment = detect();
		assertThat(environment.cloud()).isEqualTo("aws");
		assertThat(environment.evidence()).containsExactly("/sys/class/dmi/id/bios_version: 4.11.amazon");
	}

	@Test
	void xenHostThatIsNotAmazonsIsNoCloud() throws IOException {
		dmi("sys_vendor", "Xen");
		dmi("product_name", "HVM domU");
		dmi("bios_version", "4.16.2");
		assertThat(detect().cloud()).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(textBlock = """
			EC2E1916-9099-7CAF-FD21-012345ABCDEF, true
			ec2e1916-9099-7caf-fd21-012345abcdef, true
			45E12AEC-DCD1-B213-94ED-012345ABCDEF, true
			4C4C4544-0042-3510-8052-B4C04F565931, false
			, false
			""")
	void systemUuidOfAnEc2InstanceStartsWithEc2InEitherByteOrder(String uuid, boolean ec2) throws IOException {
		if (uuid != null) {
			dmi("product_uuid", uuid);
		}
		assertThat(detect().cloud()).isEqualTo(ec2 ? "aws" : null);
	}

	@Test
	void paravirtualInstanceIsAwsByItsHypervisorUuid() throws IOException {
		write("sys/hypervisor/uuid", "ec2f1dd0-2b5d-4c3a-9e6f-0123456789ab\n");
		HostEnvironment environment = detect();
		assertThat(environment.cloud()).isEqualTo("aws");
		assertThat(environment.evidence())
			.containsExactly("/sys/hypervisor/uuid: ec2f1dd0-2b5d-4c3a-9e6f-0123456789ab");
	}

	@Test
	void computeEngineVmIsGoogleCloud() throws IOException {
		dmi("sys_vendor", "Google");
		dmi("product_name", "Google Compute Engine");
		dmi("bios_vendor", "Google");
		HostEnvironment environment = detect();
		assertThat(environment.cloud()).isEqualTo("gcp");
		assertThat(environment.evidence()).containsExactly("/sys/class/dmi/id/product_name: Google Compute Engine",
				"/sys/class/dmi/id/sys_vendor: Google", "/sys/class/dmi/id/bios_vendor: Google");
	}

	@Test
	void computeEngineSerialAloneIsGoogleCloud() throws IOException {
		dmi("product_serial", "GoogleCloud-1234567890ABCDEF");
		assertThat(detect().cloud()).isEqualTo("gcp");
	}

	@Test
	void azureVmIsAzureByItsChassisAssetTag() throws IOException {
		dmi("sys_vendor", "Microsoft Corporation");
		dmi("product_name", "Virtual Machine");
		dmi("chassis_asset_tag", "7783-7084-3265-9085-8269-3286-77");
		HostEnvironment environment = detect();
		assertThat(environment.cloud()).isEqualTo("azure");
		assertThat(environment.evidence())
			.containsExactly("/sys/class/dmi/id/chassis_asset_tag: 7783-7084-3265-9085-8269-3286-77");
	}

	@Test
	void ociInstanceIsOracleCloud() throws IOException {
		dmi("sys_vendor", "QEMU");
		dmi("product_name", "Standard PC (i440FX + PIIX, 1996)");
		dmi("chassis_asset_tag", "OracleCloud.com");
		assertThat(detect().cloud()).isEqualTo("oracle");
	}

	@Test
	void dropletIsDigitalOcean() throws IOException {
		dmi("sys_vendor", "DigitalOcean");
		dmi("product_name", "Droplet");
		assertThat(detect().cloud()).isEqualTo("digitalocean");
	}

	@Test
	void hetznerCloudServerIsHetzner() throws IOException {
		dmi("sys_vendor", "Hetzner");
		dmi("product_name", "vServer");
		assertThat(detect().cloud()).isEqualTo("hetzner");
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			product_name, OpenStack Nova
			product_name, OpenStack Compute
			chassis_asset_tag, OpenTelekomCloud
			""")
	void novaInstanceIsOpenStack(String field, String value) throws IOException {
		dmi("sys_vendor", "OpenStack Foundation");
		dmi(field, value);
		assertThat(detect().cloud()).isEqualTo("openstack");
	}

	@Test
	void valuesWithTrailingNewlineAndPaddingAreTrimmed() throws IOException {
		write(DMI + "sys_vendor", "  Amazon EC2  \n");
		assertThat(detect().cloud()).isEqualTo("aws");
	}

	@Test
	void directoryInPlaceOfAFileIsAbsent() throws IOException {
		Files.createDirectories(this.root.resolve(DMI + "sys_vendor"));
		assertThat(detect().cloud()).isNull();
	}

	@Test
	void unreadableFileIsAbsent() throws IOException {
		Path file = write(DMI + "chassis_asset_tag", "OracleCloud.com\n");
		// As product_uuid is to anyone but root.
		assertThat(file.toFile().setReadable(false, false)).isTrue();
		boolean readable = Files.isReadable(file);
		HostEnvironment environment = detect();
		// Root reads it anyway; anyone else must not, and must not fail.
		assertThat(environment.cloud()).isEqualTo(readable ? "oracle" : null);
	}

	@Test
	void overlongValueIsNotADmiString() throws IOException {
		dmi("sys_vendor", "Amazon EC2" + " ".repeat(300) + "x");
		assertThat(detect().cloud()).isNull();
	}

	@Test
	void unprintableEvidenceIsReplaced() throws IOException {
		write(DMI + "bios_version", "4.2.amazon\u001b[31m\n");
		assertThat(detect().evidence()).containsExactly("/sys/class/dmi/id/bios_version: 4.2.amazon_[31m");
	}

	@Test
	void cloudEvidenceFollowsTheOtherMarkers() throws IOException {
		write(".dockerenv", "");
		dmi("sys_vendor", "Hetzner");
		HostEnvironment environment = HostEnvironment.detect(Map.of("SSH_CONNECTION", "198.51.100.2 1 198.51.100.1 22"),
				this.root, "Linux");
		assertThat(environment.container()).isEqualTo("docker");
		assertThat(environment.cloud()).isEqualTo("hetzner");
		assertThat(environment.evidence()).containsExactly("SSH_CONNECTION", "/.dockerenv",
				"/sys/class/dmi/id/sys_vendor: Hetzner");
	}

	@Test
	void everyProviderIsFoundByItsIdentifier() {
		for (CloudProvider provider : CloudProvider.values()) {
			assertThat(CloudProvider.of(provider.id())).isSameAs(provider);
		}
		assertThat(CloudProvider.of("ibm")).isNull();
		assertThat(CloudProvider.of(null)).isNull();
	}

	private HostEnvironment detect() {
		return HostEnvironment.detect(Map.of(), this.root, "Linux");
	}

	private void dmi(String field, String value) throws IOException {
		// The kernel ends every DMI attribute with a newline.
		write(DMI + field, value + "\n");
	}

	private Path write(String relativePath, String content) throws IOException {
		Path file = this.root.resolve(relativePath);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
		return file;
	}

}
