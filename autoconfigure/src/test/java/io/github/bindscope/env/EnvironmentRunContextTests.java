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

package io.github.bindscope.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.support.SystemEnvironmentPropertySourceEnvironmentPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mock.env.MockEnvironment;

import io.github.bindscope.autoconfigure.BindscopeProperties;
import io.github.bindscope.inspect.HostEnvironment;
import io.github.bindscope.report.PropertyOrigin;
import io.github.bindscope.report.RunContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EnvironmentRunContext}.
 */
class EnvironmentRunContextTests {

	private static final Set<String> DEFAULT_DEV_PROFILES = new BindscopeProperties().getDevProfiles();

	@TempDir
	private Path temp;

	@Test
	void activeProfileInDevProfilesIsDev() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("cloud", "local");
		RunContext context = EnvironmentRunContext.of(environment, DEFAULT_DEV_PROFILES, HostEnvironment.undetected());
		assertThat(context.activeProfiles()).containsExactly("cloud", "local");
		assertThat(context.devProfile()).isTrue();
		assertThat(context.devProfiles()).containsExactly("dev", "local", "development", "test");
	}

	@Test
	void hostEnvironmentIsCarriedAndDefaultsToUndetected() {
		HostEnvironment hostEnvironment = new HostEnvironment("linux", "docker", false, false, null, null, null,
				List.of("/.dockerenv"));
		MockEnvironment environment = new MockEnvironment();
		assertThat(EnvironmentRunContext.of(environment, DEFAULT_DEV_PROFILES, hostEnvironment).environment())
			.isSameAs(hostEnvironment);
		assertThat(
				EnvironmentRunContext.of(environment, DEFAULT_DEV_PROFILES, HostEnvironment.undetected()).environment())
			.isEqualTo(HostEnvironment.undetected());
	}

	@Test
	void activeProfileMatchesDevProfilesIgnoringCase() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("DEV");
		assertThat(
				EnvironmentRunContext.of(environment, DEFAULT_DEV_PROFILES, HostEnvironment.undetected()).devProfile())
			.isTrue();
	}

	@Test
	void configuredDevProfilesMatchIgnoringCaseAndAreLowercased() {
		BindscopeProperties properties = new BindscopeProperties();
		properties.setDevProfiles(new LinkedHashSet<>(List.of("Sandbox", "QA")));
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("sandbox");
		RunContext context = EnvironmentRunContext.of(environment, properties.getDevProfiles(),
				HostEnvironment.undetected());
		assertThat(context.devProfile()).isTrue();
		assertThat(context.devProfiles()).containsExactly("sandbox", "qa");
	}

	@Test
	void activeProfileOutsideDevProfilesIsNotDev() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("prod");
		RunContext context = EnvironmentRunContext.of(environment, DEFAULT_DEV_PROFILES, HostEnvironment.undetected());
		assertThat(context.activeProfiles()).containsExactly("prod");
		assertThat(context.devProfile()).isFalse();
	}

	@Test
	void noActiveProfileIsNotDev() {
		RunContext context = EnvironmentRunContext.of(new MockEnvironment(), DEFAULT_DEV_PROFILES,
				HostEnvironment.undetected());
		assertThat(context.activeProfiles()).isEmpty();
		assertThat(context.devProfile()).isFalse();
	}

	@Test
	void defaultProfileAloneIsNotDev() {
		MockEnvironment environment = new MockEnvironment();
		environment.setDefaultProfiles("dev");
		RunContext context = EnvironmentRunContext.of(environment, DEFAULT_DEV_PROFILES, HostEnvironment.undetected());
		assertThat(context.activeProfiles()).isEmpty();
		assertThat(context.devProfile()).isFalse();
	}

	@Test
	void devtoolsPropertySourceMakesDevWithoutProfile() {
		MockEnvironment environment = new MockEnvironment();
		environment.getPropertySources()
			.addLast(new MapPropertySource("devtools", Map.of("spring.thymeleaf.cache", false)));
		RunContext context = EnvironmentRunContext.of(environment, DEFAULT_DEV_PROFILES, HostEnvironment.undetected());
		assertThat(context.activeProfiles()).isEmpty();
		assertThat(context.devProfile()).isTrue();
	}

	@Test
	void serverAddressNotSetHasNoOrigin() {
		MockEnvironment environment = new MockEnvironment().withProperty("server.port", "8080");
		assertThat(addressOrigin(environment)).isNull();
		assertThat(EnvironmentRunContext.origins(environment)).isEmpty();
	}

	@Test
	void nullOriginIsNoOrigin() {
		assertThat(EnvironmentRunContext.propertyOrigin(null)).isNull();
	}

	@Test
	void serverAddressFromCommandLineNamesTheArgument() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new SimpleCommandLinePropertySource("--server.address=127.0.0.1", "--server.port=8080"));
		assertThat(addressOrigin(environment).describe()).isEqualTo("command line argument --server.address");
	}

	@Test
	void serverAddressFromEnvironmentVariableNamesTheVariable() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("SERVER_ADDRESS", "127.0.0.1")));
		// As SpringApplication does, so that environment variables carry their origin.
		new SystemEnvironmentPropertySourceEnvironmentPostProcessor().postProcessEnvironment(environment,
				new SpringApplication());
		assertThat(addressOrigin(environment).describe()).isEqualTo("environment variable SERVER_ADDRESS");
	}

	@Test
	void serverAddressFromSystemPropertyNamesTheProperty() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, new MapPropertySource(
					StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, Map.of("server.address", "127.0.0.1")));
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		assertThat(addressOrigin(environment).describe()).isEqualTo("system property -Dserver.address");
	}

	@Test
	void serverAddressFromPropertiesFileNamesFileAndLine() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(propertiesFile("application-prod.properties"));
		assertThat(addressOrigin(environment).describe()).isEqualTo("application-prod.properties:3");
	}

	@Test
	void serverAddressFromPropertiesFileNamesFileAndLineWithAttachedSources() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(propertiesFile("application-prod.properties"));
		ConfigurationPropertySources.attach(environment);
		assertThat(addressOrigin(environment).describe()).isEqualTo("application-prod.properties:3");
	}

	@Test
	void serverAddressFromUntrackedPropertySourceNamesTheSource() {
		MockEnvironment environment = new MockEnvironment().withProperty("server.address", "127.0.0.1");
		assertThat(addressOrigin(environment).describe()).isEqualTo("property source 'mockProperties'");
	}

	@Test
	void serverAddressOriginIsTakenFromTheSourceThatWins() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(propertiesFile("application-prod.properties"));
		environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource("--server.address=127.0.0.1"));
		assertThat(addressOrigin(environment).describe()).isEqualTo("command line argument --server.address");
	}

	@Test
	void serverAddressFromPropertiesFileQuotesItsLine() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(propertiesFile("application-prod.properties"));
		assertThat(addressOrigin(environment))
			.isEqualTo(PropertyOrigin.file("application-prod.properties", 3, "server.address=127.0.0.1"));
	}

	@Test
	void serverAddressFromYamlFileQuotesItsLine() throws IOException {
		Path file = this.temp.resolve("application-prod.yml");
		Files.writeString(file, "server:\n  port: 8080\n  address: 127.0.0.1 # only here\n");
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new YamlPropertySourceLoader()
				.load("Config resource 'application-prod.yml'", new FileSystemResource(file))
				.get(0));
		assertThat(addressOrigin(environment))
			.isEqualTo(PropertyOrigin.file("application-prod.yml", 3, "  address: 127.0.0.1 # only here"));
	}

	@Test
	void managementServerAddressHasItsOwnOrigin() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new SimpleCommandLinePropertySource("--management.server.address=0.0.0.0"));
		Map<String, PropertyOrigin> origins = EnvironmentRunContext.origins(environment);
		assertThat(origins).containsOnlyKeys(RunContext.MANAGEMENT_SERVER_ADDRESS);
		assertThat(origins.get(RunContext.MANAGEMENT_SERVER_ADDRESS))
			.isEqualTo(PropertyOrigin.commandLine("management.server.address"));
	}

	@Test
	void aFileThatCannotBeReadGivesItsNameAndLineWithoutText() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(propertiesFile("application-gone.properties"));
		Files.delete(this.temp.resolve("application-gone.properties"));
		assertThat(addressOrigin(environment)).isEqualTo(PropertyOrigin.file("application-gone.properties", 3, null));
	}

	private static PropertyOrigin addressOrigin(Environment environment) {
		return EnvironmentRunContext.of(environment, DEFAULT_DEV_PROFILES, HostEnvironment.undetected())
			.origin(RunContext.SERVER_ADDRESS);
	}

	private PropertySource<?> propertiesFile(String name) throws IOException {
		Path file = this.temp.resolve(name);
		Files.writeString(file, "# Production\nserver.port=8080\nserver.address=127.0.0.1\n");
		List<PropertySource<?>> sources = new PropertiesPropertySourceLoader().load("Config resource '" + name + "'",
				new FileSystemResource(file));
		assertThat(sources).hasSize(1);
		return sources.get(0);
	}

}
