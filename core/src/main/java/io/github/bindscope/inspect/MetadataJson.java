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

package io.github.bindscope.inspect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads the small JSON documents of an instance metadata service (RFC 8259) into maps,
 * lists, strings, numbers as their text, booleans and {@code null}: the core depends on
 * nothing but the JDK, which has no JSON reader.
 */
final class MetadataJson {

	private static final int MAX_DEPTH = 32;

	private final String text;

	private int position;

	private MetadataJson(String text) {
		this.text = text;
	}

	/**
	 * Parse a JSON document.
	 * @param text the document
	 * @return its value
	 * @throws IllegalArgumentException if the text is not one JSON value
	 */
	static @Nullable Object parse(String text) {
		MetadataJson json = new MetadataJson(text);
		Object value = json.value(0);
		json.skipWhitespace();
		if (json.position != text.length()) {
			throw json.error("text after the value");
		}
		return value;
	}

	private @Nullable Object value(int depth) {
		if (depth > MAX_DEPTH) {
			throw error("nested too deeply");
		}
		skipWhitespace();
		char c = peek();
		return switch (c) {
			case '{' -> object(depth);
			case '[' -> array(depth);
			case '"' -> string();
			case 't' -> literal("true", Boolean.TRUE);
			case 'f' -> literal("false", Boolean.FALSE);
			case 'n' -> literal("null", null);
			default -> number();
		};
	}

	private Map<String, @Nullable Object> object(int depth) {
		Map<String, @Nullable Object> object = new LinkedHashMap<>();
		this.position++;
		skipWhitespace();
		if (peek() == '}') {
			this.position++;
			return object;
		}
		while (true) {
			skipWhitespace();
			if (peek() != '"') {
				throw error("a name in quotes expected");
			}
			String name = string();
			skipWhitespace();
			expect(':');
			object.put(name, value(depth + 1));
			skipWhitespace();
			if (peek() == ',') {
				this.position++;
				continue;
			}
			expect('}');
			return object;
		}
	}

	private List<@Nullable Object> array(int depth) {
		List<@Nullable Object> array = new ArrayList<>();
		this.position++;
		skipWhitespace();
		if (peek() == ']') {
			this.position++;
			return array;
		}
		while (true) {
			array.add(value(depth + 1));
			skipWhitespace();
			if (peek() == ',') {
				this.position++;
				continue;
			}
			expect(']');
			return array;
		}
	}

	private String string() {
		StringBuilder string = new StringBuilder();
		this.position++;
		while (true) {
			char c = next();
			if (c == '"') {
				return string.toString();
			}
			if (c < ' ') {
				throw error("a control character in a string");
			}
			if (c != '\\') {
				string.append(c);
				continue;
			}
			char escaped = next();
			switch (escaped) {
				case '"', '\\', '/' -> string.append(escaped);
				case 'b' -> string.append('\b');
				case 'f' -> string.append('\f');
				case 'n' -> string.append('\n');
				case 'r' -> string.append('\r');
				case 't' -> string.append('\t');
				case 'u' -> {
					if (this.position + 4 > this.text.length()) {
						throw error("a short \\u escape");
					}
					try {
						string
							.append((char) Integer.parseInt(this.text.substring(this.position, this.position + 4), 16));
					}
					catch (NumberFormatException ex) {
						throw error("a bad \\u escape");
					}
					this.position += 4;
				}
				default -> throw error("a bad escape");
			}
		}
	}

	private @Nullable Object literal(String word, @Nullable Object value) {
		if (!this.text.startsWith(word, this.position)) {
			throw error("an unknown word");
		}
		this.position += word.length();
		return value;
	}

	private String number() {
		int start = this.position;
		while (this.position < this.text.length() && "+-0123456789.eE".indexOf(this.text.charAt(this.position)) >= 0) {
			this.position++;
		}
		if (start == this.position) {
			throw error("a value expected");
		}
		return this.text.substring(start, this.position);
	}

	private void expect(char c) {
		if (peek() != c) {
			throw error("'" + c + "' expected");
		}
		this.position++;
	}

	private char peek() {
		if (this.position >= this.text.length()) {
			throw error("the document ends early");
		}
		return this.text.charAt(this.position);
	}

	private char next() {
		char c = peek();
		this.position++;
		return c;
	}

	private void skipWhitespace() {
		while (this.position < this.text.length() && " \t\r\n".indexOf(this.text.charAt(this.position)) >= 0) {
			this.position++;
		}
	}

	private IllegalArgumentException error(String problem) {
		return new IllegalArgumentException("Not JSON: " + problem + " at character " + this.position);
	}

}
