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
 * The result of connecting to one address of this host.
 *
 * @since 0.1.0
 */
public enum ProbeResult {

	/**
	 * The connection was accepted.
	 */
	OPEN,

	/**
	 * The connection was refused (or the address cannot be reached at all).
	 */
	REFUSED,

	/**
	 * Tried, but no connection was answered within the probe timeout: something drops the
	 * packets, or the server's accept queue stayed full.
	 */
	TIMEOUT,

	/**
	 * Not probed: probes are off, the address is not one of this host's, the probe
	 * timeout ran out before the address's turn came (only so many connections are made
	 * at once), or the probe could not be made at all (no socket could be opened, or the
	 * probe itself failed).
	 */
	SKIPPED

}
