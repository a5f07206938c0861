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

import java.io.File;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * What the network tests need from the machine that runs them. A developer without root
 * gets a skip that says what is missing; CI sets {@value #REQUIRE_VARIABLE} to
 * {@code true} so that the same gap fails the build instead of silently dropping the only
 * tests that prove reachability.
 */
final class NetworkTestRequirements {

	/**
	 * Environment variable that turns an unmet requirement from a skip into a failure.
	 */
	static final String REQUIRE_VARIABLE = "BINDSCOPE_REQUIRE_NETWORK_TESTS";

	private static final int CAP_NET_ADMIN = 12;

	private static final int CAP_SYS_ADMIN = 21;

	private NetworkTestRequirements() {
	}

	/**
	 * Check that this is Linux, that the process may create network namespaces, and that
	 * {@code ip}, {@code ss} and {@code curl} can be run.
	 */
	static void check() {
		String os = System.getProperty("os.name", "");
		if (!os.toLowerCase(Locale.ROOT).startsWith("linux")) {
			unmet("The network tests need Linux network namespaces, but this is " + os
					+ "; run them on Linux as root.");
		}
		checkCapabilities();
		requireCommand("ip", "iproute2");
		requireCommand("ss", "iproute2");
		requireCommand("curl", "curl");
	}

	static void requireCommand(String name, String debianPackage) {
		if (findOnPath(name) == null) {
			unmet("The network tests need the '" + name + "' command on the PATH, but it is not there. Install it"
					+ " (package " + debianPackage + " on Debian and Ubuntu: apt-get install " + debianPackage
					+ ") or add its directory to the PATH.");
		}
	}

	/**
	 * Skip the calling test with the given reason, or fail it if
	 * {@value #REQUIRE_VARIABLE} is {@code true}.
	 * @param reason what is missing and how to get it
	 */
	static void unmet(String reason) {
		if ("true".equalsIgnoreCase(System.getenv(REQUIRE_VARIABLE))) {
			fail(reason + " " + REQUIRE_VARIABLE + "=true, so this fails instead of being skipped.");
		}
		Assumptions
			.abort(reason + " Skipping the network tests; set " + REQUIRE_VARIABLE + "=true to make this a failure.");
	}

	private static void checkCapabilities() {
		BigInteger effective = effectiveCapabilities();
		if (effective == null) {
			unmet("The network tests need to know the capabilities of this process, but the CapEff line of the"
					+ " process status cannot be read; run them on Linux with procfs mounted.");
			return;
		}
		List<String> missing = new ArrayList<>();
		if (!effective.testBit(CAP_NET_ADMIN)) {
			missing.add("CAP_NET_ADMIN");
		}
		if (!effective.testBit(CAP_SYS_ADMIN)) {
			missing.add("CAP_SYS_ADMIN");
		}
		if (!missing.isEmpty()) {
			unmet("The network tests create network namespaces, which needs root (or CAP_NET_ADMIN and"
					+ " CAP_SYS_ADMIN), but this process lacks " + String.join(" and ", missing)
					+ ". Run the build as root; in a container, add those capabilities (for example"
					+ " --cap-add NET_ADMIN --cap-add SYS_ADMIN).");
		}
	}

	private static @Nullable BigInteger effectiveCapabilities() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("CapEff:")) {
					return new BigInteger(line.substring("CapEff:".length()).strip(), 16);
				}
			}
			return null;
		}
		catch (IOException | NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable Path findOnPath(String name) {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String directory : path.split(File.pathSeparator)) {
			if (directory.isEmpty()) {
				continue;
			}
			Path candidate = Path.of(directory, name);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

}
