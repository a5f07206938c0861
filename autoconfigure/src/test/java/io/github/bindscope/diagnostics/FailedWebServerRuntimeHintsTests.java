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

package io.github.bindscope.diagnostics;

import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.test.context.FilteredClassLoader;

import io.github.bindscope.diagnostics.FailedWebServer.FailedWebServerRuntimeHints;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FailedWebServerRuntimeHints}.
 */
class FailedWebServerRuntimeHintsTests {

	@Test
	void managementPortTypeIsRegisteredForLookupByName() {
		RuntimeHints hints = new RuntimeHints();
		new FailedWebServerRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection().onType(ManagementPortType.class)).accepts(hints);
	}

	@Test
	void nothingIsRegisteredWithoutActuator() {
		RuntimeHints hints = new RuntimeHints();
		new FailedWebServerRuntimeHints().registerHints(hints, new FilteredClassLoader(ManagementPortType.class));
		assertThat(hints.reflection().typeHints()).isEmpty();
	}

}
