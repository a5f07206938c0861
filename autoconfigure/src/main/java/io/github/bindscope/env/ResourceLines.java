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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;

/**
 * Reads one line of a configuration file, to quote it in a fix. A configuration file does
 * not change while the application runs, so each line is read once; the lines kept are
 * bounded, and a file that cannot be read gives no line rather than an error.
 */
final class ResourceLines {

	private static final int MAX_LINE = 10_000;

	private static final int MAX_CACHED = 32;

	private static final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();

	private ResourceLines() {
	}

	/**
	 * Return one line of a resource.
	 * @param resource the resource
	 * @param line the line, from 1
	 * @return the line's text, or {@code null} when it cannot be read
	 */
	static @Nullable String line(Resource resource, int line) {
		if (line < 1 || line > MAX_LINE) {
			return null;
		}
		String key = resource.getDescription() + "#" + line;
		Optional<String> cached = cache.get(key);
		if (cached == null) {
			cached = Optional.ofNullable(read(resource, line));
			if (cache.size() < MAX_CACHED) {
				cache.put(key, cached);
			}
		}
		return cached.orElse(null);
	}

	private static @Nullable String read(Resource resource, int line) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
			String text = null;
			for (int i = 0; i < line; i++) {
				text = reader.readLine();
				if (text == null) {
					return null;
				}
			}
			return text;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

}
