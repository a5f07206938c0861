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
 * Thrown when this host's interfaces cannot be listed.
 *
 * @since 0.1.0
 */
public class HostAddressesException extends RuntimeException {

	/**
	 * Create a new {@link HostAddressesException}.
	 * @param message the detail message
	 * @param cause the cause
	 */
	public HostAddressesException(String message, Throwable cause) {
		super(message, cause);
	}

	// Never null: every constructor takes a message. NullAway sees only Throwable's
	// getMessage(), which may return null.
	@Override
	@SuppressWarnings("NullAway")
	public String getMessage() {
		return super.getMessage();
	}

}
