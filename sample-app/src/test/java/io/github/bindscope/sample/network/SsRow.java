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

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of {@code ss -ltnpH}: a listening TCP socket and the processes that hold it.
 *
 * @param socket the socket
 * @param pids the ids of the processes that hold it
 * @param commands the names of those processes
 * @param line the row as {@code ss} printed it
 */
record SsRow(BoundSocket socket, List<Long> pids, List<String> commands, String line) {

	private static final Pattern USER = Pattern.compile("\\(\"([^\"]*)\",pid=(\\d+),");

	// State, Recv-Q, Send-Q, local address, peer address, then the process column.
	private static final int LOCAL_ADDRESS_FIELD = 3;

	/**
	 * Parse the output of {@code ss -ltnpH}.
	 * @param output the output
	 * @return one row per socket
	 */
	static List<SsRow> parse(String output) {
		List<SsRow> rows = new ArrayList<>();
		for (String line : output.split("\n")) {
			String[] fields = line.strip().split("\\s+");
			if (fields.length <= LOCAL_ADDRESS_FIELD || !fields[0].equals("LISTEN")) {
				continue;
			}
			List<Long> pids = new ArrayList<>();
			List<String> commands = new ArrayList<>();
			Matcher user = USER.matcher(line);
			while (user.find()) {
				commands.add(user.group(1));
				pids.add(Long.parseLong(user.group(2)));
			}
			rows.add(new SsRow(BoundSocket.fromSs(fields[LOCAL_ADDRESS_FIELD]), List.copyOf(pids),
					List.copyOf(commands), String.join(" ", fields)));
		}
		return List.copyOf(rows);
	}

}
