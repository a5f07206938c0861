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

package io.github.bindscope.report;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Where a property's value came from, in enough detail to say how to change it there: the
 * line of a file to write, the environment variable, the command-line argument or the
 * system property.
 *
 * @param kind the kind of place
 * @param name the file's name, the variable's name ({@code SERVER_ADDRESS}), the
 * property's name as given on the command line or as a system property, or the
 * description of any other place
 * @param line the line of the file, from 1, or {@code 0} when unknown or not a file
 * @param text the text of that line as the file has it now, or {@code null} when it could
 * not be read
 * @since 0.1.0
 */
public record PropertyOrigin(Kind kind, String name, int line, @Nullable String text) {

	// A properties line: its key and separator, then the value.
	private static final Pattern PROPERTIES_LINE = Pattern.compile("^(\\s*[^\\s=:]+(?:\\s*[=:]\\s*|\\s+))(.*)$");

	// A YAML line: an optional list dash, the key and its colon, the value, a comment.
	private static final Pattern YAML_LINE = Pattern.compile("^(\\s*(?:-\\s+)?[^\\s:#][^:#]*:\\s*)([^#]*?)(\\s+#.*)?$");

	/**
	 * Create a new {@link PropertyOrigin} for a line of a file.
	 * @param name the file's name, such as {@code application-prod.properties}
	 * @param line the line, from 1, or {@code 0} when unknown
	 * @param text the line's text, or {@code null} when it could not be read
	 * @return the origin
	 */
	public static PropertyOrigin file(String name, int line, @Nullable String text) {
		return new PropertyOrigin(Kind.FILE, name, line, text);
	}

	/**
	 * Create a new {@link PropertyOrigin} for an environment variable.
	 * @param name the variable, such as {@code SERVER_ADDRESS}
	 * @return the origin
	 */
	public static PropertyOrigin environmentVariable(String name) {
		return new PropertyOrigin(Kind.ENVIRONMENT_VARIABLE, name, 0, null);
	}

	/**
	 * Create a new {@link PropertyOrigin} for a command-line argument.
	 * @param name the property as the argument names it, such as {@code server.address}
	 * @return the origin
	 */
	public static PropertyOrigin commandLine(String name) {
		return new PropertyOrigin(Kind.COMMAND_LINE, name, 0, null);
	}

	/**
	 * Create a new {@link PropertyOrigin} for a JVM system property.
	 * @param name the system property, such as {@code server.address}
	 * @return the origin
	 */
	public static PropertyOrigin systemProperty(String name) {
		return new PropertyOrigin(Kind.SYSTEM_PROPERTY, name, 0, null);
	}

	/**
	 * Create a new {@link PropertyOrigin} for any other place.
	 * @param description what the place is, such as {@code property source 'vault'}
	 * @return the origin
	 */
	public static PropertyOrigin other(String description) {
		return new PropertyOrigin(Kind.OTHER, description, 0, null);
	}

	/**
	 * Describe where the value came from, as every message names it:
	 * {@code application-prod.properties:3}, {@code environment variable SERVER_ADDRESS},
	 * {@code command line argument --server.address}, {@code system property
	 * -Dserver.address}.
	 * @return the description
	 */
	public String describe() {
		return switch (this.kind) {
			case FILE -> (this.line > 0) ? this.name + ":" + this.line : this.name;
			case ENVIRONMENT_VARIABLE -> "environment variable " + this.name;
			case COMMAND_LINE -> "command line argument --" + this.name;
			case SYSTEM_PROPERTY -> "system property -D" + this.name;
			case OTHER -> this.name;
		};
	}

	/**
	 * Say how to give a property a new value where its current value came from: the line
	 * to write in the file, the variable, argument or system property to pass.
	 * @param property the property, such as {@code server.address}
	 * @param value the new value, such as {@code 0.0.0.0}
	 * @return one sentence, without a final full stop
	 */
	public String change(String property, String value) {
		return switch (this.kind) {
			case FILE -> changeLine(property, value);
			case ENVIRONMENT_VARIABLE -> "The value comes from the environment variable " + this.name + ": set "
					+ this.name + "=" + value + " where it is defined (a Compose file's environment, a Kubernetes "
					+ "container's env, a shell profile or a launch script)";
			case COMMAND_LINE -> "The value comes from the command line argument --" + this.name + ": pass --"
					+ this.name + "=" + value + " instead where the application is started (a launch script, a "
					+ "Dockerfile's CMD or ENTRYPOINT, a Kubernetes container's args)";
			case SYSTEM_PROPERTY -> "The value comes from the system property -D" + this.name + ": pass -D" + this.name
					+ "=" + value + " instead (in the java command, JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS)";
			case OTHER -> "The value comes from " + this.name + ": set " + property + "=" + value + " there";
		};
	}

	private String changeLine(String property, String value) {
		String where = "The value comes from " + this.name + ((this.line > 0) ? " line " + this.line : "");
		String written = rewrittenLine(value);
		if (written != null) {
			return where + ": change that line to " + written.strip();
		}
		if (isYaml()) {
			return where + ": set it to " + value + " there (" + property + ": " + value + ", or the last key of "
					+ property + " under its parents)";
		}
		return where + ": change it to " + property + "=" + value;
	}

	// The line as it is now with the new value in place of the old, keeping its key,
	// separator and comment; null when the line is unknown or is not a key and a value.
	private @Nullable String rewrittenLine(String value) {
		if (this.text == null) {
			return null;
		}
		Matcher matcher = (isYaml() ? YAML_LINE : PROPERTIES_LINE).matcher(this.text);
		if (!matcher.matches() || matcher.group(2).isBlank()) {
			return null;
		}
		String comment = (isYaml() && matcher.group(3) != null) ? matcher.group(3) : "";
		return matcher.group(1) + value + comment;
	}

	private boolean isYaml() {
		String lowerCase = this.name.toLowerCase(Locale.ROOT);
		return lowerCase.endsWith(".yml") || lowerCase.endsWith(".yaml");
	}

	/**
	 * The kinds of place a value comes from.
	 */
	public enum Kind {

		/**
		 * A line of a properties or YAML file.
		 */
		FILE,

		/**
		 * An environment variable.
		 */
		ENVIRONMENT_VARIABLE,

		/**
		 * A command-line argument.
		 */
		COMMAND_LINE,

		/**
		 * A JVM system property.
		 */
		SYSTEM_PROPERTY,

		/**
		 * Any other property source.
		 */
		OTHER

	}

}
