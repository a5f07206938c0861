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

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * An embedded server and web stack to run the sample app on. The test class path holds
 * all three servers and both web stacks; each stack runs the app with a class path cut
 * down to one server and one web stack, which is what a real application has, so that
 * Spring Boot's own auto-configuration picks the server exactly as it would in
 * production.
 */
enum ServerStack {

	TOMCAT_MVC("tomcat", "servlet", Server.TOMCAT, Web.MVC),

	JETTY_MVC("jetty", "servlet", Server.JETTY, Web.MVC),

	NETTY_WEBFLUX("netty", "reactive", Server.NETTY, Web.WEBFLUX),

	TOMCAT_WEBFLUX("tomcat", "reactive", Server.TOMCAT, Web.WEBFLUX),

	JETTY_WEBFLUX("jetty", "reactive", Server.JETTY, Web.WEBFLUX);

	private final String serverName;

	private final String webApplicationType;

	private final Server server;

	private final Web web;

	ServerStack(String serverName, String webApplicationType, Server server, Web web) {
		this.serverName = serverName;
		this.webApplicationType = webApplicationType;
		this.server = server;
		this.web = web;
	}

	/**
	 * Return the name the report gives this server.
	 * @return the server name, for example {@code tomcat}
	 */
	String serverName() {
		return this.serverName;
	}

	/**
	 * Return the value of {@code spring.main.web-application-type} for this stack. The
	 * cut class path already decides it; saying it as well turns a class path mistake
	 * into a startup failure instead of a test that silently runs another stack.
	 * @return the web application type
	 */
	String webApplicationType() {
		return this.webApplicationType;
	}

	/**
	 * Cut a class path down to this stack.
	 * @param classPath the full class path, entries separated by the path separator
	 * @return the class path without the other servers and the other web stack
	 */
	String classPath(String classPath) {
		List<String> excluded = Stream
			.concat(Stream.of(Server.values()).filter((other) -> other != this.server).map(Server::jarPrefixes),
					Stream.of(Web.values()).filter((other) -> other != this.web).map(Web::jarPrefixes))
			.flatMap(List::stream)
			.toList();
		List<String> entries = Arrays.stream(classPath.split(File.pathSeparator))
			.filter((entry) -> !entry.isEmpty())
			.filter((entry) -> excluded.stream().noneMatch(fileName(entry)::startsWith))
			.toList();
		requireJar(entries, this.server.jarPrefixes.get(0));
		requireJar(entries, this.web.jarPrefixes.get(0));
		return String.join(File.pathSeparator, entries);
	}

	private void requireJar(List<String> entries, String prefix) {
		if (entries.stream().map(ServerStack::fileName).noneMatch((name) -> name.startsWith(prefix))) {
			throw new IllegalStateException("The test class path has no " + prefix + "*.jar for " + this
					+ "; the sample app's test dependencies must include every server and web stack.");
		}
	}

	private static String fileName(String entry) {
		Path name = Path.of(entry).getFileName();
		return (name != null) ? name.toString() : entry;
	}

	@Override
	public String toString() {
		return this.serverName + " " + ((this.web == Web.MVC) ? "MVC" : "WebFlux");
	}

	private enum Server {

		TOMCAT("tomcat-embed-core-", "spring-boot-tomcat-", "spring-boot-starter-tomcat", "tomcat-embed-"),

		JETTY("jetty-server-", "spring-boot-jetty-", "spring-boot-starter-jetty", "jetty-"),

		NETTY("reactor-netty-http-", "spring-boot-reactor-netty-", "spring-boot-starter-reactor-netty",
				"reactor-netty-");

		private final List<String> jarPrefixes;

		Server(String... jarPrefixes) {
			this.jarPrefixes = List.of(jarPrefixes);
		}

		List<String> jarPrefixes() {
			return this.jarPrefixes;
		}

	}

	private enum Web {

		MVC("spring-webmvc-", "spring-boot-webmvc-", "spring-boot-starter-webmvc-"),

		WEBFLUX("spring-webflux-", "spring-boot-webflux-", "spring-boot-starter-webflux-");

		private final List<String> jarPrefixes;

		Web(String... jarPrefixes) {
			this.jarPrefixes = List.of(jarPrefixes);
		}

		List<String> jarPrefixes() {
			return this.jarPrefixes;
		}

	}

}
