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

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * Prometheus's {@code promtool}, run as a separate process: the checks Prometheus itself
 * applies to an exposition and to rule files. Where it is not installed a test is skipped
 * saying how to install it, except in CI ({@code CI=true}), where that fails the test.
 */
final class Promtool {

	private Promtool() {
	}

	/**
	 * Run {@code promtool} with the given arguments and standard input.
	 * @param input what to write to its standard input
	 * @param arguments its arguments
	 * @return its exit code and everything it printed
	 */
	static Result run(String input, String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(executable().toString());
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			CompletableFuture<String> output = read(process.getInputStream());
			try (OutputStream stdin = process.getOutputStream()) {
				stdin.write(input.getBytes(StandardCharsets.UTF_8));
			}
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("'" + String.join(" ", command) + "' did not finish within 60 s");
			}
			return new Result(process.exitValue(), output.get(10, TimeUnit.SECONDS));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("'" + String.join(" ", command) + "' could not be read", ex);
		}
	}

	private static Path executable() {
		String path = System.getenv("PATH");
		if (path != null) {
			for (String directory : path.split(File.pathSeparator)) {
				Path candidate = Path.of(directory, "promtool");
				if (!directory.isEmpty() && Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		String reason = "This test needs Prometheus's 'promtool' on the PATH, but it is not there. Install it"
				+ " (package prometheus on Debian and Ubuntu: apt-get install prometheus; the tests run its promtool"
				+ " command only, never a Prometheus server) or add its directory to the PATH.";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			fail(reason + " CI=true, so this fails instead of being skipped.");
		}
		Assumptions.abort(reason + " Skipping it; with CI=true this fails instead.");
		throw new IllegalStateException(reason);
	}

	private static CompletableFuture<String> read(InputStream stream) {
		return CompletableFuture.supplyAsync(() -> {
			try (stream) {
				return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/**
	 * What a run of {@code promtool} ended with.
	 *
	 * @param exitCode its exit code
	 * @param output what it printed on its standard output and error, interleaved
	 */
	record Result(int exitCode, String output) {

	}

}
