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

package io.github.bindscope.sample.network;

import java.nio.file.Path;

import org.springframework.context.annotation.Bean;

import io.github.bindscope.inspect.HostEnvironment;

/**
 * Detects where the sample app runs from a fixture root instead of this machine's own
 * files, so that the app in a simulated cloud reads the firmware (DMI) data the test
 * wrote. The tests add it with {@code --spring.main.sources} and name the root in the
 * system property {@value #ROOT_PROPERTY}: a user defines a {@link HostEnvironment} bean
 * the same way, and no setting of Bindscope's own points it anywhere but {@code /}.
 * <p>
 * Not a {@code @Configuration}: the sample app scans its package, and this must apply
 * only where a test asks for it.
 */
class FixtureHostEnvironment {

	static final String ROOT_PROPERTY = "bindscope.test.host-root";

	@Bean
	HostEnvironment hostEnvironmentFromFixtureRoot() {
		String root = System.getProperty(ROOT_PROPERTY);
		if (root == null) {
			throw new IllegalStateException("Set the system property " + ROOT_PROPERTY + " to the fixture root");
		}
		return HostEnvironment.detect(System.getenv(), Path.of(root), System.getProperty("os.name"));
	}

}
