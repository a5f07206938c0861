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

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.annotation.DiscoveredEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpointDiscoverer;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.Compiled;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;
import org.springframework.web.context.support.GenericWebApplicationContext;

import io.github.bindscope.actuate.BindingsDescriptor;
import io.github.bindscope.actuate.BindingsEndpoint;
import io.github.bindscope.actuate.BindscopeEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of ahead-of-time processing of an application with Bindscope: the hints it
 * contributes for a native image (Bindscope's own, registered through
 * {@code aot.factories}, and those Spring Boot derives from the endpoint for its JSON),
 * and the processed application as it runs.
 */
@ExtendWith(OutputCaptureExtension.class)
class AotProcessingTests {

	private static final String MOVED = "another endpoint has the id 'bindings'";

	@Test
	void runtimeHintsRegistrarsAreListedInAotFactories() {
		List<RuntimeHintsRegistrar> registrars = SpringFactoriesLoader
			.forResourceLocation("META-INF/spring/aot.factories", getClass().getClassLoader())
			.load(RuntimeHintsRegistrar.class);
		assertThat(registrars).extracting((registrar) -> registrar.getClass().getName())
			.contains("io.github.bindscope.diagnostics.FailedWebServer$FailedWebServerRuntimeHints",
					"io.github.bindscope.env.EnvironmentRunContext$EnvironmentRunContextRuntimeHints");
	}

	@Test
	void aotProcessingRegistersBindscopeHints() {
		RuntimeHints hints = processAheadOfTime();
		assertThat(RuntimeHintsPredicates.reflection().onType(ManagementPortType.class)).accepts(hints);
		// gRPC is not on this class path, so it is left out.
		assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of("io.grpc.Server"))).rejects(hints);
	}

	@Test
	void aotProcessingRegistersTheEndpointAndItsJsonForReflection() {
		// Spring Boot does it, from @ReadOperation: Bindscope registers nothing for them.
		RuntimeHints hints = processAheadOfTime();
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(BindingsEndpoint.class, "bindings"))
			.accepts(hints);
		List<Method> properties = jsonProperties();
		// The report, environment, listener, address, finding, public address and a
		// listener's public address.
		assertThat(properties).hasSize(6 + 10 + 11 + 5 + 5 + 2 + 4);
		for (Method property : properties) {
			assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(property)).as(property.toString())
				.accepts(hints);
		}
	}

	@Test
	@CompileWithForkedClassLoader
	void reportMovedAtBuildTimeStaysExposedWhereBindingsIsWhenTheProcessedApplicationRuns(CapturedOutput output) {
		String include = "management.endpoints.web.exposure.include=bindings";
		TestGenerationContext generationContext = new TestGenerationContext(AotProcessingTests.class);
		ClassName initializer = new ApplicationContextAotGenerator().processAheadOfTime(
				unrefreshedContext(OtherBindingsEndpointConfiguration.class, include), generationContext);
		generationContext.writeGeneratedContent();
		assertThat(output.getOut().lines().filter((line) -> line.contains(MOVED))).hasSize(1);
		TestCompiler.forSystem().with(generationContext).compile((compiled) -> {
			GenericWebApplicationContext context = new GenericWebApplicationContext();
			TestPropertyValues.of(include).applyTo(context);
			initializer(compiled, initializer).initialize(context);
			context.refresh();
			try {
				assertThat(context.getBeanNamesForType(BindingsEndpoint.class)).isEmpty();
				assertThat(context.getEnvironment().getProperty("management.endpoints.web.exposure.include"))
					.isEqualTo("bindings,bindscope");
				Map<String, String> endpoints = new LinkedHashMap<>();
				context.getBean(WebEndpointDiscoverer.class)
					.getEndpoints()
					.forEach((endpoint) -> endpoints.put(endpoint.getEndpointId().toString(),
							((DiscoveredEndpoint<?>) endpoint).getEndpointBean().getClass().getName()));
				assertThat(endpoints).containsOnlyKeys("bindings", "bindscope")
					.containsEntry("bindings", OtherBindingsEndpoint.class.getName())
					.containsEntry("bindscope", BindscopeEndpoint.class.getName());
			}
			finally {
				context.close();
			}
		});
		assertThat(output.getOut().lines().filter((line) -> line.contains(MOVED))).hasSize(2)
			.last(InstanceOfAssertFactories.STRING)
			.contains("It is exposed over HTTP because management.endpoints.web.exposure.include lists bindings");
	}

	@Test
	void aotProcessingRegistersThePropertiesForBinding() {
		RuntimeHints hints = processAheadOfTime();
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(BindscopeProperties.class, "setStrict"))
			.accepts(hints);
		assertThat(
				RuntimeHintsPredicates.reflection().onMethodInvocation(BindscopeProperties.Probe.class, "setTimeout"))
			.accepts(hints);
	}

	private static RuntimeHints processAheadOfTime() {
		TestGenerationContext generationContext = new TestGenerationContext(AotProcessingTests.class);
		new ApplicationContextAotGenerator().processAheadOfTime(
				unrefreshedContext(BindscopeConfiguration.class, "management.endpoints.web.exposure.include=bindings"),
				generationContext);
		return generationContext.getRuntimeHints();
	}

	@SuppressWarnings("unchecked")
	private static ApplicationContextInitializer<GenericApplicationContext> initializer(Compiled compiled,
			ClassName name) {
		return compiled.getInstance(ApplicationContextInitializer.class, name.toString());
	}

	private static GenericWebApplicationContext unrefreshedContext(Class<?> configuration, String... properties) {
		GenericWebApplicationContext context = new GenericWebApplicationContext();
		TestPropertyValues.of(properties).applyTo(context);
		AnnotationConfigUtils.registerAnnotationConfigProcessors(context);
		context.registerBean(configuration);
		return context;
	}

	/**
	 * Return the methods that write the endpoint's JSON, read from its annotations.
	 */
	private static List<Method> jsonProperties() {
		List<Class<?>> types = new ArrayList<>(List.of(BindingsDescriptor.class));
		types.addAll(List.of(BindingsDescriptor.class.getDeclaredClasses()));
		List<Method> properties = new ArrayList<>();
		for (Class<?> type : types) {
			for (Method method : type.getDeclaredMethods()) {
				if (method.isAnnotationPresent(JsonProperty.class)) {
					properties.add(method);
				}
			}
		}
		return properties;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ BindscopeAutoConfiguration.class, BindscopeWebServerAutoConfiguration.class,
			BindingsEndpointAutoConfiguration.class })
	static class BindscopeConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
			BindscopeAutoConfiguration.class, BindingsEndpointAutoConfiguration.class })
	static class OtherBindingsEndpointConfiguration {

		@Bean
		OtherBindingsEndpoint otherBindingsEndpoint() {
			return new OtherBindingsEndpoint();
		}

	}

	/**
	 * An endpoint with the id {@code bindings}, as Spring Cloud Stream declares one.
	 */
	@Endpoint(id = "bindings")
	public static class OtherBindingsEndpoint {

		@ReadOperation
		public Map<String, String> bindings() {
			return Map.of("owner", "other");
		}

	}

}
