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

import java.time.Duration;

/**
 * A test host that the sample app runs on: a Linux network namespace the tests create,
 * and a way to run commands in it.
 */
interface ServerHost {

	/**
	 * Return the name of the network namespace the app runs in.
	 * @return the namespace
	 */
	String serverNamespace();

	/**
	 * Run a command inside the host.
	 * @param timeout how long the command may take
	 * @param command the command and its arguments
	 * @return what it did
	 */
	ExternalCommand.Result inServer(Duration timeout, String... command);

}
