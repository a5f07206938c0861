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

import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.asm.ClassWriter;
import org.springframework.asm.Opcodes;

import io.github.bindscope.env.EnvironmentRunContext.EnvironmentRunContextRuntimeHints;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EnvironmentRunContextRuntimeHints}.
 */
class EnvironmentRunContextRuntimeHintsTests {

	private static final String GRPC_SERVER = "io.grpc.Server";

	@Test
	void grpcServerIsRegisteredForLookupByNameWhenPresent() {
		RuntimeHints hints = new RuntimeHints();
		new EnvironmentRunContextRuntimeHints().registerHints(hints, classLoaderDefining(GRPC_SERVER));
		assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(GRPC_SERVER))).accepts(hints);
	}

	@Test
	void nothingIsRegisteredWithoutGrpc() {
		RuntimeHints hints = new RuntimeHints();
		new EnvironmentRunContextRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(hints.reflection().typeHints()).isEmpty();
	}

	/**
	 * Return a class loader that holds an empty class of the given name, as the class
	 * path of an application with gRPC would.
	 */
	private static ClassLoader classLoaderDefining(String className) {
		ClassWriter writer = new ClassWriter(0);
		writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, className.replace('.', '/'), null, "java/lang/Object", null);
		writer.visitEnd();
		byte[] bytes = writer.toByteArray();
		return new ClassLoader(EnvironmentRunContextRuntimeHintsTests.class.getClassLoader()) {

			@Override
			protected Class<?> findClass(String name) throws ClassNotFoundException {
				return name.equals(className) ? defineClass(name, bytes, 0, bytes.length) : super.findClass(name);
			}

		};
	}

}
