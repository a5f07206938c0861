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

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * Creates the {@link SimulatedCloud} once per test class and hands it to test methods
 * that ask for it, as {@link TestHostsExtension} does for the test hosts: the class's
 * extension store closes it (and so deletes its namespaces) when the class is done, and
 * where this machine cannot create it each test is skipped with the reason.
 */
final class SimulatedCloudExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(SimulatedCloudExtension.class);

	private static final String SKIP_REASON = "skipReason";

	@Override
	public void beforeAll(ExtensionContext context) {
		ExtensionContext.Store store = context.getStore(NAMESPACE);
		try {
			store.put(SimulatedCloud.class, SimulatedCloud.create());
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
		return parameterContext.getParameter().getType() == SimulatedCloud.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		skipIfUnavailable(extensionContext);
		SimulatedCloud cloud = extensionContext.getStore(NAMESPACE).get(SimulatedCloud.class, SimulatedCloud.class);
		if (cloud == null) {
			throw new IllegalStateException("The simulated cloud was not created; register "
					+ getClass().getSimpleName() + " on the test class");
		}
		return cloud;
	}

	private static void skipIfUnavailable(ExtensionContext context) {
		String reason = context.getStore(NAMESPACE).get(SKIP_REASON, String.class);
		if (reason != null) {
			Assumptions.abort(reason);
		}
	}

}
