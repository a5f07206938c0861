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

/**
 * What a {@link Finding} is about.
 *
 * @since 0.1.0
 */
public enum FindingCode {

	/**
	 * The main web server accepts connections from this host only.
	 */
	LOOPBACK_ONLY,

	/**
	 * The main web server accepts loopback connections on one address family only, while
	 * {@code localhost} resolves to the other one too (or only).
	 */
	LOCALHOST_MISMATCH,

	/**
	 * The main web server is bound to a non-loopback address only, so callers on this
	 * host using {@code 127.0.0.1} or {@code localhost} cannot connect.
	 */
	LOOPBACK_UNREACHABLE,

	/**
	 * The main web server accepts connections on private addresses but on no public one,
	 * so internet clients can reach it only through address translation and filters that
	 * Bindscope cannot see.
	 */
	PRIVATE_ADDRESS_ONLY,

	/**
	 * What the cloud's instance metadata service says about this machine's public
	 * addresses: which one internet clients connect to and the address the cloud
	 * translates it to, or that there is none.
	 */
	CLOUD_PUBLIC_ADDRESS,

	/**
	 * A connection from this host to its own public address, through the cloud's address
	 * translation, was not answered (or was refused): the cloud's firewall probably drops
	 * the port.
	 */
	PUBLIC_PORT_UNREACHABLE,

	/**
	 * The cloud's instance metadata service could not be asked for this machine's public
	 * addresses.
	 */
	CLOUD_METADATA_UNAVAILABLE,

	/**
	 * The JDWP debug agent accepts connections beyond this host: whoever connects can run
	 * code in this JVM.
	 */
	JDWP_EXPOSED,

	/**
	 * A JMX remote port accepts connections beyond this host.
	 */
	JMX_EXPOSED,

	/**
	 * The DevTools LiveReload server accepts connections beyond this host.
	 */
	LIVERELOAD_EXPOSED,

	/**
	 * Actuator endpoints that reveal secrets or the application's internals, or control
	 * it, are served over HTTP to hosts beyond this one, and no security rule refuses
	 * them to an anonymous request.
	 */
	ACTUATOR_EXPOSED,

	/**
	 * The management server is reachable more widely than the main server.
	 */
	MANAGEMENT_WIDER,

	/**
	 * A dev profile is active while a web server listens on a public address.
	 */
	DEV_PROFILE_PUBLIC,

	/**
	 * A dev profile is active while a web server can be reached from the private networks
	 * this host is on: everyone on a shared network can reach the dev server.
	 */
	DEV_PROFILE_SHARED,

	/**
	 * This host's interfaces could not be listed, so wildcard binds could not be
	 * expanded.
	 */
	INTERFACES_UNAVAILABLE,

	/**
	 * The kernel's socket table could not be read, so the report relies on the web
	 * servers' own view of their connectors.
	 */
	SOCKET_TABLE_UNAVAILABLE

}
