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

package io.github.bindscope.web;

import java.util.Locale;

/**
 * The name of an embedded server as the report gives it ({@code tomcat}, {@code jetty},
 * {@code netty}), from the class of the server or of its factory, on every Spring Boot
 * line.
 *
 * @since 0.1.0
 */
public final class ServerName {

	private ServerName() {
	}

	/**
	 * Return the name of the server that a web server or its factory runs.
	 * @param type the class of the web server or of its factory
	 * @return the server's name in lower case, or {@code unknown}
	 */
	public static String of(Class<?> type) {
		String name = type.getSimpleName().replaceAll("(Servlet|Reactive)?WebServer(Factory)?$", "");
		return name.isEmpty() ? "unknown" : name.toLowerCase(Locale.ROOT);
	}

}
