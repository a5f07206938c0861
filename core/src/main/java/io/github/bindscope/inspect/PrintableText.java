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

/**
 * Text that the operating system or another process chose, such as an interface name,
 * made safe to print in a log line or a message: a privileged process can name an
 * interface with escape sequences that recolour or rewrite the terminal, backspaces, or a
 * line break that forges a log line of its own.
 * <p>
 * Control characters (C0, DEL and C1, line breaks and tabs included), format characters
 * (such as bidirectional overrides and zero-width joiners), line and paragraph
 * separators, spaces other than the ASCII space, private-use, unassigned and lone
 * surrogate characters are written as Java and JSON escape them, <code>&#92;u001b</code>
 * for ESC, one escape per UTF-16 unit. Everything else is kept, so ordinary names such as
 * {@code eth0}, {@code br-1a2b}, {@code eth0.100} or {@code veth1@if5} are unchanged.
 * <p>
 * A backslash is kept as it is, so escaping text twice changes nothing: a name that
 * itself contains <code>&#92;u001b</code> as six characters prints the same as one with
 * an ESC. That ambiguity only affects names nobody chooses, and in exchange the escaping
 * can be applied both where a name enters a message and again to the whole line that is
 * logged.
 *
 * @since 0.1.0
 */
public final class PrintableText {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private PrintableText() {
	}

	/**
	 * Return the text with every character that is not printable escaped.
	 * @param text the text
	 * @return the text, itself when nothing needed escaping
	 */
	public static String of(String text) {
		int first = firstUnprintable(text);
		if (first < 0) {
			return text;
		}
		StringBuilder printable = new StringBuilder(text.length() + 16).append(text, 0, first);
		for (int i = first; i < text.length();) {
			int codePoint = text.codePointAt(i);
			int length = Character.charCount(codePoint);
			if (isPrintable(codePoint)) {
				printable.append(text, i, i + length);
			}
			else {
				for (int unit = i; unit < i + length; unit++) {
					escape(text.charAt(unit), printable);
				}
			}
			i += length;
		}
		return printable.toString();
	}

	private static int firstUnprintable(String text) {
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			if (!isPrintable(codePoint)) {
				return i;
			}
			i += Character.charCount(codePoint);
		}
		return -1;
	}

	private static boolean isPrintable(int codePoint) {
		if (codePoint >= 0x20 && codePoint < 0x7f) {
			return true;
		}
		if (Character.isISOControl(codePoint)) {
			return false;
		}
		return switch (Character.getType(codePoint)) {
			case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR,
					Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED ->
				false;
			default -> true;
		};
	}

	private static void escape(char unit, StringBuilder printable) {
		printable.append("\\u")
			.append(HEX[(unit >> 12) & 0xf])
			.append(HEX[(unit >> 8) & 0xf])
			.append(HEX[(unit >> 4) & 0xf])
			.append(HEX[unit & 0xf]);
	}

}
