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

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens and closes real applications many times in one JVM, as DevTools restarts and test
 * suites do. Output is not captured here: a capture would keep every line in the heap.
 */
class ContextCycleIntegrationTests {

	/**
	 * DevTools restarts and test suites open and close contexts over and over in one JVM:
	 * each cycle must give back every thread and descriptor it took, and what the heap
	 * keeps must be what the same cycles keep without Bindscope. The first cycles load
	 * classes and start JVM-wide threads, so they are the baseline.
	 */
	@Test
	void fiftyContextsOpenedAndClosedLeaveNoThreadsDescriptorsOrHeapBehind() throws Exception {
		Growth control = growth(false);
		Growth bindscope = growth(true);
		String figures = "without Bindscope: " + control + "; with Bindscope: " + bindscope;
		System.out.println("[50 context cycles] " + figures);
		// A leak of one per cycle would be 50; the slack covers JVM-wide threads that
		// come and go on their own (JIT, reference handling).
		assertThat(bindscope.threads()).as(figures).isLessThanOrEqualTo(3);
		// A context with its Tomcat holds megabytes: fifty leaked ones would be far more
		// than the slack.
		assertThat(bindscope.heap()).as(figures).isLessThanOrEqualTo(control.heap() + 4 * 1024 * 1024);
		// Last, so that a host without it still runs every other check: uncounted
		// descriptors grow by 0.
		assumeTrue(ProcessResources.countsDescriptors(), "No /proc/self/fd to count descriptors with");
		assertThat(bindscope.descriptors()).as(figures).isLessThanOrEqualTo(5);
	}

	private static Growth growth(boolean enabled) throws Exception {
		for (int i = 0; i < 5; i++) {
			cycle(enabled);
		}
		ProcessResources before = ProcessResources.now();
		for (int i = 0; i < 50; i++) {
			cycle(enabled);
		}
		ProcessResources after = ProcessResources.settledTo(before, 3, 5);
		return new Growth(after.threads() - before.threads(), after.descriptors() - before.descriptors(),
				after.heap() - before.heap());
	}

	private static void cycle(boolean enabled) throws Exception {
		try (ConfigurableApplicationContext context = TomcatBindingsIntegrationTests.start("--server.address=127.0.0.1",
				"--bindscope.enabled=" + enabled, "--bindscope.probe.enabled=true",
				"--logging.level.io.github.bindscope=WARN", "--logging.level.org.springframework=WARN",
				"--logging.level.org.apache=WARN")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			TomcatBindingsIntegrationTests.get("127.0.0.1", port, enabled ? "/actuator/bindings" : "/actuator");
		}
	}

	private record Growth(long threads, long descriptors, long heap) {

		@Override
		public String toString() {
			return "threads +" + this.threads + ", descriptors +" + this.descriptors + ", heap after GC +"
					+ this.heap / 1024 + " KiB";
		}

	}

}
