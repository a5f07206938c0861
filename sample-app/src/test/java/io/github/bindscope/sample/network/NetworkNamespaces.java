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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * What the test hosts and the simulated cloud do alike with network namespaces: run
 * {@code ip}, run a command inside a namespace, delete namespaces, and keep the logs of
 * the processes they start.
 */
final class NetworkNamespaces {

	static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

	private NetworkNamespaces() {
	}

	/**
	 * Return a random part for the names of one fixture's namespaces and interfaces. With
	 * the pid beside it, it keeps parallel builds apart and a run apart from a namespace
	 * that a killed run with the same pid left behind.
	 * @return four hexadecimal digits
	 */
	static String randomPart() {
		return String.format(Locale.ROOT, "%04x", ThreadLocalRandom.current().nextInt(0x10000));
	}

	/**
	 * Build a fixture, closing it (and so deleting whatever it had created) if building
	 * fails.
	 * @param <T> the type of the fixture
	 * @param fixture the fixture, not built yet
	 * @param build what builds it
	 * @return the fixture, built
	 */
	static <T extends AutoCloseable> T buildOrClose(T fixture, Consumer<T> build) {
		try {
			build.accept(fixture);
			return fixture;
		}
		catch (RuntimeException | Error ex) {
			try {
				fixture.close();
			}
			catch (Exception closing) {
				ex.addSuppressed(closing);
			}
			throw ex;
		}
	}

	static ExternalCommand.Result ip(String... arguments) {
		List<String> full = new ArrayList<>(List.of("ip"));
		full.addAll(List.of(arguments));
		return ExternalCommand.run(COMMAND_TIMEOUT, full);
	}

	static ExternalCommand.Result ipIn(String namespace, String... arguments) {
		List<String> full = new ArrayList<>(List.of("ip", "-n", namespace));
		full.addAll(List.of(arguments));
		return ExternalCommand.run(COMMAND_TIMEOUT, full);
	}

	static ExternalCommand.Result exec(String namespace, Duration timeout, String... command) {
		List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
		full.addAll(List.of(command));
		return ExternalCommand.run(timeout, full);
	}

	/**
	 * Delete the namespaces that exist, and with them their interfaces and rules.
	 * @param namespaces the namespaces
	 * @return how each deletion that failed failed, empty if none did
	 */
	static List<String> delete(List<String> namespaces) {
		List<String> failures = new ArrayList<>();
		for (String namespace : namespaces) {
			if (isPresent(namespace)) {
				ExternalCommand.Result deleted = ip("netns", "delete", namespace);
				if (!deleted.succeeded()) {
					failures.add(deleted.describe());
				}
			}
		}
		return failures;
	}

	private static boolean isPresent(String namespace) {
		ExternalCommand.Result list = ip("netns", "list");
		for (String line : list.output().split("\n")) {
			String[] fields = line.strip().split("\\s+");
			if (fields.length > 0 && fields[0].equals(namespace)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return the log file of a process the network tests start, under
	 * {@code target/network-tests}.
	 * @param name what the process is, made safe for a file name
	 * @return the log file
	 */
	static Path logFile(String name) {
		return directory().resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".log");
	}

	/**
	 * Return {@code target/network-tests} of the module under test, created if needed.
	 * @return the directory
	 */
	static Path directory() {
		// Maven runs the tests in the module directory and passes it as "basedir".
		Path directory = Path.of(System.getProperty("basedir", ""))
			.toAbsolutePath()
			.resolve("target")
			.resolve("network-tests");
		try {
			return Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + directory, ex);
		}
	}

}
