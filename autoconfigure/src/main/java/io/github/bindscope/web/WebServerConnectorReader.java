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

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.server.WebServer;

import io.github.bindscope.report.WebServerConnector;

/**
 * Reads the live connectors of one kind of embedded {@link WebServer}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface WebServerConnectorReader {

	/**
	 * Read the connectors of the given server.
	 * @param webServer the running server
	 * @param role the role of its first connector ({@code server} or {@code management})
	 * @param contextPath the path its applications live under, {@code ""} for the root
	 * @return the connectors, or {@code null} if this reader does not know this kind of
	 * server
	 */
	@Nullable List<WebServerConnector> read(WebServer webServer, String role, String contextPath);

	/**
	 * Return what reads the embedded server out of one type of web server, each Spring
	 * Boot line having its own.
	 * @param <W> the type of web server
	 * @param <S> the type of embedded server
	 * @param type the web server that runs the embedded server
	 * @param server how to read the embedded server out of it
	 * @return the embedded server of a web server of that type, {@code null} for any
	 * other
	 */
	static <W extends WebServer, S> Function<WebServer, @Nullable S> embedded(Class<W> type, Function<W, S> server) {
		return (webServer) -> type.isInstance(webServer) ? server.apply(type.cast(webServer)) : null;
	}

}
