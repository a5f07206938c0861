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

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import io.github.bindscope.actuate.BindingsInfoContributor;
import io.github.bindscope.report.BindingsReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BindingsInfoContributorAutoConfiguration}.
 */
class BindingsInfoContributorAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BindscopeAutoConfiguration.class,
				BindscopeWebServerAutoConfiguration.class, BindingsInfoContributorAutoConfiguration.class));

	@Test
	void infoContributorIsOnByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(BindingsInfoContributor.class);
			Info.Builder builder = new Info.Builder();
			context.getBean(BindingsInfoContributor.class).contribute(builder);
			// No server has started here: no verdict, no URL.
			assertThat(builder.build().getDetails()).containsOnlyKeys("bindings");
			assertThat(builder.build().get("bindings", Map.class)).containsEntry("urls", List.of())
				.doesNotContainKey("verdict");
		});
	}

	@Test
	void switchedOffByItsManagementProperty() {
		this.contextRunner.withPropertyValues("management.info.bindings.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BindingsInfoContributor.class));
	}

	@Test
	void followsTheDefaultOfEveryInfoContributorUnlessSetItself() {
		this.contextRunner.withPropertyValues("management.info.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BindingsInfoContributor.class));
		this.contextRunner
			.withPropertyValues("management.info.defaults.enabled=false", "management.info.bindings.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(BindingsInfoContributor.class));
	}

	@Test
	void withoutActuatorBacksOff() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(InfoContributor.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BindingsInfoContributor.class));
	}

	@Test
	void withBindscopeSwitchedOffBacksOff() {
		this.contextRunner.withPropertyValues("bindscope.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BindingsInfoContributor.class));
	}

	@Test
	void userDefinedContributorReplacesOurs() {
		BindingsInfoContributor own = new BindingsInfoContributor(
				() -> new BindingsReport(null, false, List.of(), List.of(), List.of()));
		this.contextRunner.withBean("ownBindingsInfo", BindingsInfoContributor.class, () -> own)
			.run((context) -> assertThat(context).getBean(BindingsInfoContributor.class).isSameAs(own));
	}

}
