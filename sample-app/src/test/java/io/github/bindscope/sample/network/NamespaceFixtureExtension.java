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

import java.util.function.Supplier;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * Creates a fixture of network namespaces once per test class and hands it to test
 * methods that ask for it. Setting up namespaces and waiting for IPv6 duplicate address
 * detection takes seconds, so every test of a class shares one. The fixture lives in the
 * class's extension store, which closes it (and so deletes the namespaces) when the class
 * is done, whether its tests passed or not.
 * <p>
 * When this machine cannot create the fixture, each test is skipped with the reason
 * rather than the class: build tools report a class skipped in its setup as zero tests
 * run, and the reason would be lost.
 *
 * @param <T> the type of the fixture
 */
abstract class NamespaceFixtureExtension<T extends AutoCloseable>
		implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

	private static final String SKIP_REASON = "skipReason";

	private final Class<T> type;

	private final Supplier<T> factory;

	private final String description;

	private final ExtensionContext.Namespace namespace;

	NamespaceFixtureExtension(Class<T> type, Supplier<T> factory, String description) {
		this.type = type;
		this.factory = factory;
		this.description = description;
		this.namespace = ExtensionContext.Namespace.create(getClass());
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		ExtensionContext.Store store = context.getStore(this.namespace);
		try {
			store.put(this.type, this.factory.get());
		}
		catch (TestAbortedException ex) {
			String reason = String.valueOf(ex.getMessage());
			store.put(SKIP_REASON, reason);
			System.err.println(context.getDisplayName() + ": " + reason);
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		skipIfUnavailable(context);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == this.type;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		skipIfUnavailable(extensionContext);
		T fixture = extensionContext.getStore(this.namespace).get(this.type, this.type);
		if (fixture == null) {
			throw new IllegalStateException("The " + this.description + " were not created; register "
					+ getClass().getSimpleName() + " on the test class");
		}
		return fixture;
	}

	private void skipIfUnavailable(ExtensionContext context) {
		String reason = context.getStore(this.namespace).get(SKIP_REASON, String.class);
		if (reason != null) {
			Assumptions.abort(reason);
		}
	}

}
