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

package io.github.bindscope.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.openjdk.jol.info.GraphLayout;

import io.github.bindscope.inspect.HostAddresses;
import io.github.bindscope.inspect.Localhost;
import io.github.bindscope.inspect.ProcSocketTable;
import io.github.bindscope.report.BindingsInspector;
import io.github.bindscope.report.BindingsReport;
import io.github.bindscope.report.Listener;
import io.github.bindscope.report.RunContext;
import io.github.bindscope.report.WebServerConnector;

/**
 * The heap a report of this host holds once it is built, as the endpoint keeps its last
 * one: a web server on the dual-stack wildcard (so every address of the host is listed)
 * and a management server on loopback, which this tool opens itself; nothing ever
 * connects to them. Prints one line of CSV, {@code addresses,objects,bytes}: the
 * addresses the web server is listed with, and the objects and bytes reachable from the
 * report (JOL's graph walk), everything the report retains and the few shared constants
 * it points to (enum constants), so an upper bound of its retained size. Run it inside a
 * network namespace of many interfaces to see how it grows: <pre>
 * java -cp benchmarks.jar io.github.bindscope.benchmarks.ReportFootprint
 * </pre>
 *
 * @since 0.1.0
 */
public final class ReportFootprint {

	private ReportFootprint() {
	}

	/**
	 * Build a report of this host and print what it holds.
	 * @param args none
	 * @throws IOException if the server sockets cannot be opened
	 */
	public static void main(String[] args) throws IOException {
		// The report's classes are records, whose field offsets Unsafe does not give:
		// JOL finds them its other way.
		System.setProperty("jol.magicFieldOffset", "true");
		InetAddress loopback = InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 });
		try (ServerSocket server = new ServerSocket(); ServerSocket management = new ServerSocket()) {
			server.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[16]), 0));
			management.bind(new InetSocketAddress(loopback, 0));
			BindingsInspector inspector = new BindingsInspector(HostAddresses.system(),
					new ProcSocketTable(ProcSocketTable.DEFAULT_ROOT), null, Localhost.system());
			List<WebServerConnector> connectors = List.of(
					new WebServerConnector(Listener.SERVER, "tomcat", "http", null, server.getLocalPort(), ""),
					new WebServerConnector(Listener.MANAGEMENT, "tomcat", "http", loopback, management.getLocalPort(),
							""));
			RunContext context = new RunContext(List.of(), false, Set.of("dev"), Map.of(), Map.of());
			BindingsReport report = inspector.inspect(connectors, context);
			GraphLayout layout = GraphLayout.parseInstance(report);
			System.out.println(String.format(Locale.ROOT, "%d,%d,%d", report.listeners().get(0).addresses().size(),
					layout.totalCount(), layout.totalSize()));
		}
	}

}
