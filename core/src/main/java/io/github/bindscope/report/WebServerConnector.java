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

import java.net.InetAddress;

import org.jspecify.annotations.Nullable;

/**
 * What a running web server says about one of its connectors.
 *
 * @param role {@link Listener#SERVER}, {@link Listener#MANAGEMENT} or
 * {@link Listener#CONNECTOR}
 * @param server the server's name, such as {@code tomcat}
 * @param scheme {@code http} or {@code https}
 * @param address the address the connector was told to bind, or {@code null} for the
 * wildcard
 * @param port the port it really bound
 * @param contextPath the path its applications live under, {@code ""} for the root
 * @since 0.1.0
 */
public record WebServerConnector(String role, String server, String scheme, @Nullable InetAddress address, int port,
		String contextPath) {

	/**
	 * The scheme of a connector that does or does not speak TLS.
	 */
	public static final String HTTP = "http";

	/**
	 * The scheme of a connector that speaks TLS.
	 */
	public static final String HTTPS = "https";

	/**
	 * Return the scheme of a connector, the one way every reader names it.
	 * @param secure whether the connector speaks TLS
	 * @return {@link #HTTPS} or {@link #HTTP}
	 */
	public static String scheme(boolean secure) {
		return secure ? HTTPS : HTTP;
	}

}
