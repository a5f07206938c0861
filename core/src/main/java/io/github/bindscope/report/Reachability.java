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

import io.github.bindscope.inspect.AddressScope;

/**
 * Who can connect to a listener, from narrowest to widest.
 *
 * @since 0.1.0
 */
public enum Reachability {

	/**
	 * Only processes on this host.
	 */
	LOCAL_ONLY,

	/**
	 * Hosts on the same link (link-local addresses).
	 */
	LINK_LOCAL,

	/**
	 * Hosts on private networks: RFC 1918, unique local IPv6, CGNAT and other ranges that
	 * are not globally reachable.
	 */
	PRIVATE_NETWORK,

	/**
	 * Hosts anywhere, as far as addressing goes (firewalls may still stand in the way).
	 */
	PUBLIC;

	/**
	 * Return the reachability of an address of the given scope.
	 * @param scope the scope
	 * @return the reachability
	 */
	public static Reachability of(AddressScope scope) {
		return switch (scope) {
			case LOOPBACK -> LOCAL_ONLY;
			case LINK_LOCAL -> LINK_LOCAL;
			case PRIVATE -> PRIVATE_NETWORK;
			case PUBLIC -> PUBLIC;
		};
	}

	/**
	 * Return who can connect, in words: {@code this host only}, {@code the local link},
	 * {@code private networks} or {@code public networks}.
	 * @return the description
	 */
	public String description() {
		return switch (this) {
			case LOCAL_ONLY -> "this host only";
			case LINK_LOCAL -> "the local link";
			case PRIVATE_NETWORK -> "private networks";
			case PUBLIC -> "public networks";
		};
	}

	/**
	 * Return the wider of this and the given reachability.
	 * @param other the other reachability
	 * @return the wider one
	 */
	public Reachability widest(Reachability other) {
		return (other.compareTo(this) > 0) ? other : this;
	}

}
