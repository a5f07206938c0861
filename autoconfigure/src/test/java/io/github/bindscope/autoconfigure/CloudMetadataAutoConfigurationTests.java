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
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.bindscope.inspect.CloudProvider;
import io.github.bindscope.inspect.HostAddress;
import io.github.bindscope.inspect.HostAddresses;
import io.github.bindscope.inspect.HostEnvironment;
import io.github.bindscope.inspect.PublicAddress;
import io.github.bindscope.inspect.PublicAddressLookup;
import io.github.bindscope.report.BindingsReport;
import io.github.bindscope.report.FindingCode;
import io.github.bindscope.report.Listener;
import io.github.bindscope.report.WebServerConnector;
import io.github.bindscope.reporting.BindingsReporter;
import io.github.bindscope.reporting.CloudPublicAddresses;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the cloud metadata lookup's auto-configuration. Every context that turns the
 * lookup on is given a host environment of the test's own, so that the firmware data of
 * the machine running the tests never makes it ask a real metadata service: no test sends
 * anything to 169.254.169.254.
 */
@ExtendWith(OutputCaptureExtension.class)
class CloudMetadataAutoConfigurationTests {

	private static final HostEnvironment NO_CLOUD = new HostEnvironment("linux", null, false, false, null, null, null,
			List.of(), null);

	private static final HostEnvironment HETZNER = new HostEnvironment("linux", null, false, false, null, null, null,
			List.of("/sys/class/dmi/id/sys_vendor: Hetzner"), "hetzner");

	private static final HostEnvironment AWS = new HostEnvironment("linux", null, false, false, null, null, null,
			List.of("/sys/class/dmi/id/sys_vendor: Amazon EC2"), "aws");

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BindscopeAutoConfiguration.class,
				BindscopeWebServerAutoConfiguration.class, BindingsEndpointAutoConfiguration.class));

	@Test
	void lookupIsOffByDefault() {
		this.contextRunner.withBean(HostEnvironment.class, () -> AWS).run((context) -> {
			assertThat(context).doesNotHaveBean(CloudPublicAddresses.class);
			BindscopeProperties properties = context.getBean(BindscopeProperties.class);
			assertThat(properties.getCloud().getMetadata().isEnabled()).isFalse();
			assertThat(properties.getCloud().getMetadata().getTimeout()).isEqualTo(Duration.ofSeconds(1));
			assertThat(properties.getProbe().isPublic()).isFalse();
			assertThat(plan(context.getBean(BindingsReporter.class)).publicAddresses()).isNull();
		});
	}

	@Test
	void lookupOnAHostOfNoKnownCloudAsksNothingAndSaysSo(CapturedOutput output) {
		this.contextRunner.withBean(HostEnvironment.class, () -> NO_CLOUD)
			.withPropertyValues("bindscope.cloud.metadata.enabled=true")
			.run((context) -> {
				assertThat(context.getBean(CloudPublicAddresses.class).lookup()).isNull();
				assertThat(output).contains("bindscope.cloud.metadata.enabled is on, but this host is not a virtual "
						+ "machine of a cloud Bindscope recognises");
			});
	}

	@Test
	void lookupOnACloudWhoseServiceIsNotSupportedAsksNothingAndSaysSo(CapturedOutput output) {
		this.contextRunner.withBean(HostEnvironment.class, () -> HETZNER)
			.withPropertyValues("bindscope.cloud.metadata.enabled=true")
			.run((context) -> {
				assertThat(context.getBean(CloudPublicAddresses.class).lookup()).isNull();
				assertThat(output).contains("this host is a Hetzner Cloud server; Bindscope asks the metadata "
						+ "services of AWS, Google Cloud and Azure only");
			});
	}

	@Test
	void userPublicAddressesReachTheReport() throws Exception {
		PublicAddress elastic = new PublicAddress(InetAddress.getByName("203.0.113.10"),
				InetAddress.getByName("10.0.0.10"));
		List<HostAddress> addresses = List.of(HostAddress.of(InetAddress.getByName("127.0.0.1"), "lo"),
				HostAddress.of(InetAddress.getByName("10.0.0.10"), "eth0"));
		HostAddresses hosts = () -> addresses;
		this.contextRunner.withBean(HostEnvironment.class, () -> AWS)
			.withBean(HostAddresses.class, () -> hosts)
			.withBean(CloudPublicAddresses.class,
					() -> new CloudPublicAddresses(PublicAddressLookup.found(CloudProvider.AWS, List.of(elastic), 2)))
			.run((context) -> {
				BindingsReport plan = plan(context.getBean(BindingsReporter.class));
				assertThat(plan.publicAddresses()).isNotNull();
				assertThat(plan.listeners().get(0).publicAddresses()).singleElement()
					.satisfies((address) -> assertThat(address.getUrl()).isEqualTo("http://203.0.113.10:8080/"));
				assertThat(plan.findings()).filteredOn((finding) -> finding.code() == FindingCode.CLOUD_PUBLIC_ADDRESS)
					.singleElement()
					.satisfies((finding) -> assertThat(finding.message()).isEqualTo(
							"Internet clients connect to 203.0.113.10:8080, which AWS translates to 10.0.0.10."));
			});
	}

	@Test
	void publicProbeWithoutTheLookupSaysThereIsNothingToProbe(CapturedOutput output) {
		this.contextRunner.withBean(HostEnvironment.class, () -> AWS)
			.withPropertyValues("bindscope.probe.public=true")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(CloudPublicAddresses.class);
				assertThat(context.getBean(BindscopeProperties.class).getProbe().isPublic()).isTrue();
				assertThat(output).contains("bindscope.probe.public is on, but bindscope.cloud.metadata.enabled is "
						+ "off, so no public address is known to probe");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "bindscope.cloud.metadata.enabled", "bindscope.probe.public" })
	void switchThatIsNeitherOnNorOffFailsStartupNamingPropertyAndValue(String property) {
		this.contextRunner.withBean(HostEnvironment.class, () -> NO_CLOUD)
			.withPropertyValues(property + "=maybe")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("maybe");
				assertThat(bindException(context.getStartupFailure())).hasMessageContaining(property);
			});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "-1s", "0s", "9ms", "11s", "1m" })
	void timeoutOutsideOfTenMillisecondsToTenSecondsFailsWhileBinding(String timeout) {
		this.contextRunner.withBean(HostEnvironment.class, () -> NO_CLOUD)
			.withPropertyValues("bindscope.cloud.metadata.timeout=" + timeout)
			.run((context) -> {
				assertThat(context).hasFailed();
				BindException failure = bindException(context.getStartupFailure());
				assertThat(failure.getProperty().getName()).hasToString("bindscope.cloud.metadata.timeout");
				assertThat(failure).rootCause()
					.isInstanceOf(IllegalArgumentException.class)
					.hasMessageStartingWith(
							"bindscope.cloud.metadata.timeout must be from 10ms to 10s (such as 1s), but was ");
			});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "10ms", "10s" })
	void timeoutFromTenMillisecondsToTenSecondsIsBound(String timeout) {
		this.contextRunner.withBean(HostEnvironment.class, () -> NO_CLOUD)
			.withPropertyValues("bindscope.cloud.metadata.timeout=" + timeout)
			.run((context) -> assertThat(
					context.getBean(BindscopeProperties.class).getCloud().getMetadata().getTimeout().toMillis())
				.isEqualTo(timeout.equals("10ms") ? 10 : 10_000));
	}

	private static BindingsReport plan(BindingsReporter reporter) throws Exception {
		return reporter.plan(List.of(new WebServerConnector(Listener.SERVER, "tomcat", "http", null, 8080, "")));
	}

	private static BindException bindException(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindException bindException) {
				return bindException;
			}
		}
		throw new AssertionError("No BindException in the cause chain", failure);
	}

}
