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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import io.github.bindscope.actuate.BindingsEndpoint;
import io.github.bindscope.actuate.BindscopeEndpoint;
import io.github.bindscope.inspect.AddressProber;
import io.github.bindscope.inspect.HostAddress;
import io.github.bindscope.inspect.HostAddresses;
import io.github.bindscope.inspect.HostEnvironment;
import io.github.bindscope.inspect.Localhost;
import io.github.bindscope.report.BindingsInspector;
import io.github.bindscope.report.BindingsReport;
import io.github.bindscope.report.FindingCode;
import io.github.bindscope.report.Listener;
import io.github.bindscope.report.WebServerConnector;
import io.github.bindscope.reporting.BindingsReporter;
import io.github.bindscope.reporting.StartupBindingsReporter;
import io.github.bindscope.reporting.WebServerStartedListener;
import io.github.bindscope.strict.StrictModeWebServerFactoryCustomizer;
import io.github.bindscope.web.RunningWebServers;
import io.github.bindscope.web.TomcatConnectorReader;

import static org.assertj.core.api.Assertions.assertThat;

class BindscopeAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BindscopeAutoConfiguration.class,
				BindscopeWebServerAutoConfiguration.class, BindingsEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=bindings");

	@Test
	void webApplicationGetsEveryBean() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(BindingsReporter.class)
			.hasSingleBean(RunningWebServers.class)
			.hasSingleBean(StartupBindingsReporter.class)
			.hasSingleBean(WebServerStartedListener.class)
			.hasSingleBean(StrictModeWebServerFactoryCustomizer.class)
			.hasSingleBean(TomcatConnectorReader.class)
			.hasSingleBean(HostEnvironment.class)
			.hasSingleBean(BindingsEndpoint.class)
			.hasBean("bindscopeBindingsEndpoint")
			.doesNotHaveBean("bindingsEndpoint")
			.doesNotHaveBean(BindscopeEndpoint.class));
	}

	@Test
	void userLocalhostIsUsedByTheReport() {
		InetAddress second = InetAddress.getLoopbackAddress();
		this.contextRunner.withBean(Localhost.class, () -> () -> List.of(second)).run((context) -> {
			assertThat(context).hasSingleBean(Localhost.class);
			BindingsReport plan = context.getBean(BindingsReporter.class)
				.plan(List.of(new WebServerConnector(Listener.SERVER, "tomcat", "http", InetAddress.getByName("::1"),
						8080, "")));
			// localhost resolves to 127.0.0.1 alone here, which a server on ::1 refuses.
			assertThat(plan.findings()).filteredOn((finding) -> finding.code() == FindingCode.LOCALHOST_MISMATCH)
				.singleElement()
				.satisfies((finding) -> assertThat(finding.message()).contains("localhost resolves to 127.0.0.1 on"));
		});
	}

	@Test
	void disabledBacksOffCompletely() {
		this.contextRunner.withPropertyValues("bindscope.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BindingsReporter.class)
				.doesNotHaveBean(StrictModeWebServerFactoryCustomizer.class)
				.doesNotHaveBean(BindingsEndpoint.class));
	}

	@ParameterizedTest
	@ValueSource(strings = { "false", "FALSE", "off", "no", "0", " false " })
	void switchesOffTheWayTheBinderReadsOff(String value) {
		this.contextRunner.withPropertyValues("bindscope.enabled=" + value)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BindingsReporter.class));
	}

	@ParameterizedTest
	@ValueSource(strings = { "true", "True", "on", "yes", "1" })
	void switchesOnTheWayTheBinderReadsOn(String value) {
		this.contextRunner.withPropertyValues("bindscope.enabled=" + value, "bindscope.probe.enabled=" + value)
			.run((context) -> {
				assertThat(context).hasSingleBean(BindingsReporter.class).hasSingleBean(AddressProber.class);
				assertThat(context.getBean(BindscopeProperties.class).isEnabled()).isTrue();
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "bindscope.enabled", "bindscope.probe.enabled", "bindscope.strict" })
	void switchThatIsNeitherOnNorOffFailsStartupNamingPropertyAndValue(String property) {
		this.contextRunner.withPropertyValues(property + "=maybe").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("maybe");
			assertThat(causes(context.getStartupFailure())).anySatisfy(
					(cause) -> assertThat(cause).isInstanceOf(BindException.class).hasMessageContaining(property));
		});
	}

	@Test
	void emptyDevProfilesMakeNoProfileDevAndTheAdviceSaysSo() {
		this.contextRunner.withPropertyValues("bindscope.dev-profiles=", "spring.profiles.active=dev")
			.run((context) -> {
				assertThat(context.getBean(BindscopeProperties.class).getDevProfiles()).isEmpty();
				BindingsReporter reporter = context.getBean(BindingsReporter.class);
				assertThat(reporter.runContext().devProfile()).isFalse();
				BindingsReport plan = reporter.plan(List.of(new WebServerConnector(Listener.SERVER, "tomcat", "http",
						InetAddress.getLoopbackAddress(), 8080, "")));
				assertThat(plan.findings()).filteredOn((finding) -> finding.code() == FindingCode.LOOPBACK_ONLY)
					.singleElement()
					.satisfies((finding) -> assertThat(finding.action())
						.contains("name a dev profile in bindscope.dev-profiles (it is empty)")
						.doesNotContain("()"));
			});
	}

	@Test
	void devProfilesWithBlanksAndCaseMatchTheActiveProfile() {
		this.contextRunner.withPropertyValues("bindscope.dev-profiles= Sandbox , ,QA", "spring.profiles.active=sandbox")
			.run((context) -> assertThat(context.getBean(BindingsReporter.class).runContext().devProfile()).isTrue());
	}

	@Test
	void emptySwitchFailsStartupNamingThePropertyInsteadOfTurningBindscopeOff() {
		this.contextRunner.withPropertyValues("bindscope.enabled=").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(causes(context.getStartupFailure()))
				.anySatisfy((cause) -> assertThat(cause).isInstanceOf(BindException.class)
					.hasMessageContaining("bindscope.enabled"));
		});
	}

	@Test
	void switchSetThroughAnEnvironmentVariableIsRead() {
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("test-env", Map.of("BINDSCOPE_ENABLED", "no"))))
			.run((context) -> assertThat(context).doesNotHaveBean(BindingsReporter.class));
	}

	private static List<Throwable> causes(Throwable failure) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = failure; cause != null && !causes.contains(cause); cause = cause.getCause()) {
			causes.add(cause);
		}
		return causes;
	}

	@Test
	void withoutActuatorReportsButHasNoEndpoint() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasSingleBean(BindingsReporter.class)
				.doesNotHaveBean(BindingsEndpoint.class));
	}

	@Test
	void endpointNotExposedIsNotCreated() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BindscopeAutoConfiguration.class,
					BindscopeWebServerAutoConfiguration.class, BindingsEndpointAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(BindingsReporter.class)
				.doesNotHaveBean(BindingsEndpoint.class));
	}

	@Test
	void withoutWebApplicationBacksOff() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BindscopeAutoConfiguration.class,
					BindscopeWebServerAutoConfiguration.class, BindingsEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=bindings")
			.run((context) -> assertThat(context).doesNotHaveBean(BindingsReporter.class)
				.doesNotHaveBean(BindingsEndpoint.class));
	}

	@Test
	void withoutWebServerClassesBacksOff() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.web.server"))
			.run((context) -> assertThat(context).doesNotHaveBean(BindingsReporter.class));
	}

	@Test
	void withoutTomcatHasNoTomcatReader() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.tomcat"))
			.run((context) -> assertThat(context).hasSingleBean(BindingsReporter.class)
				.doesNotHaveBean(TomcatConnectorReader.class));
	}

	@Test
	void userDefinedBeansAreUsed() {
		this.contextRunner.withUserConfiguration(UserBeansConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(HostAddresses.class).hasSingleBean(BindingsEndpoint.class);
			assertThat(context.getBean(HostAddresses.class)).isSameAs(UserBeansConfiguration.HOST_ADDRESSES);
			assertThat(context.getBean(BindingsReporter.class)).isSameAs(context.getBean("userReporter"));
		});
	}

	@Test
	void hostEnvironmentIsDetectedOnceAndUsedByTheReporter() {
		this.contextRunner.run((context) -> {
			HostEnvironment detected = context.getBean(HostEnvironment.class);
			assertThat(detected).isSameAs(context.getBean("bindscopeHostEnvironment"));
			assertThat(context.getBean(BindingsReporter.class).runContext().environment()).isSameAs(detected);
		});
	}

	@Test
	void userDefinedHostEnvironmentReplacesDetection() {
		this.contextRunner.withUserConfiguration(UserHostEnvironmentConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(HostEnvironment.class).doesNotHaveBean("bindscopeHostEnvironment");
			assertThat(context.getBean(BindingsReporter.class).runContext().environment())
				.isSameAs(UserHostEnvironmentConfiguration.ENVIRONMENT);
		});
	}

	@Test
	void userDefinedEndpointReplacesOurs() {
		this.contextRunner.withUserConfiguration(UserEndpointConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(BindingsEndpoint.class)
				.hasBean("userEndpoint")
				.doesNotHaveBean("bindscopeBindingsEndpoint"));
	}

	@Test
	void userDefinedBindscopeEndpointReplacesOurs() {
		this.contextRunner.withUserConfiguration(UserBindscopeEndpointConfiguration.class)
			.withPropertyValues("management.endpoints.web.exposure.include=bindscope")
			.run((context) -> assertThat(context).hasSingleBean(BindscopeEndpoint.class)
				.hasBean("userBindscopeEndpoint")
				.doesNotHaveBean("bindscopeEndpoint"));
	}

	@Test
	void devProfilesAreBound() {
		this.contextRunner.withPropertyValues("bindscope.dev-profiles=qa,staging")
			.run((context) -> assertThat(context.getBean(BindscopeProperties.class).getDevProfiles())
				.containsExactly("qa", "staging"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "-1s", "0s", "1ns", "9ms", "61s", "999999d" })
	void probeTimeoutOutsideOfTenMillisecondsToOneMinuteFailsWhileBinding(String timeout) {
		this.contextRunner.withPropertyValues("bindscope.probe.timeout=" + timeout).run((context) -> {
			assertThat(context).hasFailed();
			BindException failure = bindException(context.getStartupFailure());
			assertThat(failure.getName()).hasToString("bindscope.probe");
			assertThat(failure.getProperty().getName()).hasToString("bindscope.probe.timeout");
			assertThat(failure.getProperty().getValue()).isEqualTo(timeout);
			assertThat(failure).rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageStartingWith("bindscope.probe.timeout must be from 10ms to 1m (such as 250ms), but was ");
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "10ms", "1m" })
	void probeTimeoutFromTenMillisecondsToOneMinuteIsBoundAndUsedByTheProber(String timeout) {
		this.contextRunner.withPropertyValues("bindscope.probe.enabled=true", "bindscope.probe.timeout=" + timeout)
			.run((context) -> assertThat(context.getBean(AddressProber.class).getTimeout())
				.isEqualTo(DurationStyle.detectAndParse(timeout)));
	}

	@Test
	void negativeReportMaxAgeFailsWhileBinding() {
		this.contextRunner.withPropertyValues("bindscope.report.max-age=-1s").run((context) -> {
			assertThat(context).hasFailed();
			BindException failure = bindException(context.getStartupFailure());
			assertThat(failure.getProperty().getName()).hasToString("bindscope.report.max-age");
			assertThat(failure).rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("bindscope.report.max-age must be 0 (a fresh report for every request) or more (such as "
						+ "1s), but was PT-1S");
		});
	}

	@Test
	void reportMaxAgeIsHowLongAReportIsReused() {
		this.contextRunner.withPropertyValues("bindscope.report.max-age=0").run((context) -> {
			BindingsReporter reporter = context.getBean(BindingsReporter.class);
			assertThat(reporter.recentReport()).isNotSameAs(reporter.recentReport());
		});
		this.contextRunner.withPropertyValues("bindscope.report.max-age=1h").run((context) -> {
			BindingsReporter reporter = context.getBean(BindingsReporter.class);
			assertThat(reporter.recentReport()).isSameAs(reporter.recentReport());
		});
	}

	private static BindException bindException(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindException bindException) {
				return bindException;
			}
		}
		throw new AssertionError("No BindException in the cause chain", failure);
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeansConfiguration {

		static final HostAddresses HOST_ADDRESSES = () -> List
			.of(HostAddress.of(InetAddress.getLoopbackAddress(), "lo"));

		@Bean
		HostAddresses userHostAddresses() {
			return HOST_ADDRESSES;
		}

		@Bean
		BindingsReporter userReporter(RunningWebServers webServers, org.springframework.core.env.Environment env) {
			return new BindingsReporter(new BindingsInspector(HOST_ADDRESSES, null), webServers, env, Set::of,
					HostEnvironment.undetected());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserHostEnvironmentConfiguration {

		static final HostEnvironment ENVIRONMENT = new HostEnvironment("linux", null, false, true, 2, null, null,
				List.of("WSL_DISTRO_NAME"));

		@Bean
		HostEnvironment userHostEnvironment() {
			return ENVIRONMENT;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserBindscopeEndpointConfiguration {

		@Bean
		BindscopeEndpoint userBindscopeEndpoint(BindingsReporter reporter) {
			return new BindscopeEndpoint(reporter);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserEndpointConfiguration {

		@Bean
		BindingsEndpoint userEndpoint(BindingsReporter reporter) {
			return new BindingsEndpoint(reporter);
		}

	}

}
