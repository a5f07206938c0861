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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external command with a time limit and captures its output. Every command the
 * network tests run goes through here, so that a hung tool fails one test instead of
 * hanging the build.
 */
final class ExternalCommand {

	private static final Duration KILL_WAIT = Duration.ofSeconds(5);

	private ExternalCommand() {
	}

	static Result run(Duration timeout, String... command) {
		return run(timeout, List.of(command));
	}

	static Result run(Duration timeout, List<String> command) {
		Path output = createOutputFile();
		try {
			// The output goes to a file rather than a pipe: a command that writes more
			// than
			// a pipe holds would otherwise block until the timeout.
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			process.getOutputStream().close();
			boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (!finished) {
				process.destroyForcibly();
				process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
			}
			int exitCode = finished ? process.exitValue() : -1;
			return new Result(List.copyOf(command), exitCode, read(output), !finished, timeout);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run '" + String.join(" ", command) + "'", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running '" + String.join(" ", command) + "'", ex);
		}
		finally {
			delete(output);
		}
	}

	private static Path createOutputFile() {
		try {
			return Files.createTempFile("bindscope-command-", ".out");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create a file for the output of an external command", ex);
		}
	}

	private static String read(Path output) throws IOException {
		// Decoding the bytes ourselves replaces malformed input instead of failing on it.
		return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
	}

	private static void delete(Path output) {
		try {
			Files.deleteIfExists(output);
		}
		catch (IOException ex) {
			// A leftover temporary file must not fail a test.
		}
	}

	/**
	 * What a command did.
	 *
	 * @param command the command and its arguments
	 * @param exitCode its exit code, {@code -1} if it was killed after the timeout
	 * @param output what it wrote to standard output and standard error
	 * @param timedOut whether it was killed because it did not finish in time
	 * @param timeout the time it was given
	 */
	record Result(List<String> command, int exitCode, String output, boolean timedOut, Duration timeout) {

		boolean succeeded() {
			return !this.timedOut && this.exitCode == 0;
		}

		Result requireSuccess() {
			if (!succeeded()) {
				throw new IllegalStateException(describe());
			}
			return this;
		}

		String describe() {
			String outcome = this.timedOut ? "did not finish within " + this.timeout.toMillis() + " ms"
					: "exited with code " + this.exitCode;
			String text = this.output.strip();
			return "'" + String.join(" ", this.command) + "' " + outcome + (text.isEmpty() ? "" : ": " + text);
		}

	}

}
