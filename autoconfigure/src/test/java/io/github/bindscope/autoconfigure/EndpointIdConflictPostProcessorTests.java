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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.DiscoveredEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpointDiscoverer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.bindscope.actuate.BindingsEndpoint;
import io.github.bindscope.actuate.BindscopeEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another project's endpoint with the id {@code bindings}, as Spring Cloud Stream
 * declares one, next to Bindscope's.
 */
@ExtendWith(OutputCaptureExtension.class)
class EndpointIdConflictPostProcessorTests {

	private static final String MOVED = "another endpoint has the id 'bindings'";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
				BindscopeAutoConfiguration.class, BindingsEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=bindings");

	@Test
	void otherBindingsEndpointKeepsItsIdAndBindscopeServesTheReport(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(OtherBindingsEndpointConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(OtherBindingsEndpoint.class)
				.doesNotHaveBean(BindingsEndpoint.class)
				.hasSingleBean(BindscopeEndpoint.class);
			assertThat(webEndpoints(context)).containsOnlyKeys("bindings", "bindscope")
				.containsEntry("bindings", OtherBindingsEndpoint.class)
				.containsEntry("bindscope", BindscopeEndpoint.class);
		});
		assertThat(output.getOut().lines().filter((line) -> line.contains(MOVED))).singleElement()
			.asString()
			.contains(" INFO ")
			.contains("bean 'otherBindingsEndpoint', " + OtherBindingsEndpoint.class.getName())
			.contains("serves its report as the endpoint 'bindscope', at /actuator/bindscope.")
			.contains("It is exposed over HTTP because management.endpoints.web.exposure.include lists bindings");
	}

	@Test
	void metaAnnotatedOtherBindingsEndpointIsRecognised() {
		this.contextRunner.withUserConfiguration(OtherWebBindingsEndpointConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(BindingsEndpoint.class);
			assertThat(webEndpoints(context)).containsEntry("bindings", OtherWebBindingsEndpoint.class)
				.containsEntry("bindscope", BindscopeEndpoint.class);
		});
	}

	@Test
	void exposureOfBindingsIsInheritedOverTheWebAndJmx() {
		this.contextRunner.withUserConfiguration(OtherBindingsEndpointConfiguration.class)
			.withPropertyValues("management.endpoints.web.exposure.include=health, bindings",
					"management.endpoints.jmx.exposure.include=bindings")
			.run((context) -> {
				assertThat(context.getEnvironment().getProperty("management.endpoints.web.exposure.include"))
					.isEqualTo("health,bindings,bindscope");
				assertThat(context.getEnvironment().getProperty("management.endpoints.jmx.exposure.include"))
					.isEqualTo("bindings,bindscope");
			});
	}

	@Test
	void bindscopeAlreadyIncludedIsLeftAsConfigured(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(OtherBindingsEndpointConfiguration.class)
			.withPropertyValues("management.endpoints.web.exposure.include=bindings,bindscope")
			.run((context) -> {
				assertThat(context).hasSingleBean(BindscopeEndpoint.class).doesNotHaveBean(BindingsEndpoint.class);
				assertThat(context.getEnvironment()
					.getPropertySources()
					.contains(EndpointIdConflictPostProcessor.EXPOSURE_PROPERTY_SOURCE)).isFalse();
				assertThat(webEndpoints(context)).containsOnlyKeys("bindings", "bindscope");
			});
		assertThat(output).contains("It is exposed over HTTP by management.endpoints.web.exposure.include.");
	}

	@Test
	void bindscopeExcludedStaysHiddenAndTheLogSaysSo(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(OtherBindingsEndpointConfiguration.class)
			.withPropertyValues("management.endpoints.web.exposure.exclude=bindscope")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(BindingsEndpoint.class);
				assertThat(webEndpoints(context)).containsOnlyKeys("bindings");
			});
		assertThat(output)
			.contains("It is not exposed over HTTP because management.endpoints.web.exposure.exclude excludes it.");
	}

	@Test
	void withoutAnotherBindingsEndpointTheReportKeepsTheBindingsId(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(BindingsEndpoint.class).doesNotHaveBean(BindscopeEndpoint.class);
			assertThat(webEndpoints(context)).containsOnlyKeys("bindings")
				.containsEntry("bindings", BindingsEndpoint.class);
		});
		assertThat(output).doesNotContain(MOVED);
	}

	@Test
	void bindscopeIncludedAloneServesTheReportWithoutAnotherEndpoint() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=bindscope").run((context) -> {
			assertThat(context).hasSingleBean(BindscopeEndpoint.class).doesNotHaveBean(BindingsEndpoint.class);
			assertThat(webEndpoints(context)).containsOnlyKeys("bindscope");
		});
	}

	@Test
	void bindscopeIncludedAloneNextToAnotherBindingsEndpointIsAnnounced(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(OtherBindingsEndpointConfiguration.class)
			.withPropertyValues("management.endpoints.web.exposure.include=bindscope")
			.run((context) -> {
				assertThat(context).hasSingleBean(BindscopeEndpoint.class).doesNotHaveBean(BindingsEndpoint.class);
				assertThat(context.getEnvironment()
					.getPropertySources()
					.contains(EndpointIdConflictPostProcessor.EXPOSURE_PROPERTY_SOURCE)).isFalse();
				assertThat(webEndpoints(context)).containsOnlyKeys("bindscope");
			});
		assertThat(output.getOut().lines().filter((line) -> line.contains(MOVED))).singleElement()
			.asString()
			.contains("It is exposed over HTTP by management.endpoints.web.exposure.include.");
	}

	@Test
	void everyEndpointExposedServesTheReportUnderBothIds() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=*")
			.run((context) -> assertThat(webEndpoints(context)).containsEntry("bindings", BindingsEndpoint.class)
				.containsEntry("bindscope", BindscopeEndpoint.class));
	}

	@Test
	void disabledBindscopeLeavesTheOtherEndpointAlone(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(OtherBindingsEndpointConfiguration.class)
			.withPropertyValues("bindscope.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(BindscopeEndpoint.class).doesNotHaveBean(BindingsEndpoint.class);
				assertThat(webEndpoints(context)).containsOnlyKeys("bindings");
			});
		assertThat(output).doesNotContain(MOVED);
	}

	@Test
	void realServerAnswersTheOtherEndpointAtBindingsAndTheReportAtBindscope() throws Exception {
		try (ConfigurableApplicationContext context = TomcatBindingsIntegrationTests
			.start(OtherBindingsEndpointConfiguration.class, "--server.address=127.0.0.1")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			assertThat(TomcatBindingsIntegrationTests.getOtherEndpoint("127.0.0.1", port, "/actuator/bindings"))
				.isEqualTo("{\"owner\":\"other\"}");
			String report = TomcatBindingsIntegrationTests.get("127.0.0.1", port, "/actuator/bindscope");
			assertThat((String) JsonPath.read(report, "$.verdict")).isEqualTo("LOCAL_ONLY");
			assertThat((List<Integer>) JsonPath.read(report, "$.listeners[?(@.role == 'server')].port"))
				.containsExactly(port);
		}
	}

	private static Map<String, Class<?>> webEndpoints(AssertableWebApplicationContext context) {
		Map<String, Class<?>> endpoints = new LinkedHashMap<>();
		context.getBean(WebEndpointDiscoverer.class)
			.getEndpoints()
			.forEach((endpoint) -> endpoints.put(endpoint.getEndpointId().toString(),
					((DiscoveredEndpoint<?>) endpoint).getEndpointBean().getClass()));
		return endpoints;
	}

	@Endpoint(id = "bindings")
	static class OtherBindingsEndpoint {

		@ReadOperation
		Map<String, String> bindings() {
			return Map.of("owner", "other");
		}

	}

	@WebEndpoint(id = "bindings")
	static class OtherWebBindingsEndpoint {

		@ReadOperation
		Map<String, String> bindings() {
			return Map.of("owner", "other web");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OtherBindingsEndpointConfiguration {

		@Bean
		OtherBindingsEndpoint otherBindingsEndpoint() {
			return new OtherBindingsEndpoint();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OtherWebBindingsEndpointConfiguration {

		@Bean
		OtherWebBindingsEndpoint otherWebBindingsEndpoint() {
			return new OtherWebBindingsEndpoint();
		}

	}

}
