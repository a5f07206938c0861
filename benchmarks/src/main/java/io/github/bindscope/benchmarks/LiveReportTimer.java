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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

import io.github.bindscope.inspect.HostAddresses;
import io.github.bindscope.inspect.Localhost;
import io.github.bindscope.inspect.ProcSocketTable;
import io.github.bindscope.report.BindingsInspector;
import io.github.bindscope.report.Listener;
import io.github.bindscope.report.RunContext;
import io.github.bindscope.report.WebServerConnector;

/**
 * Times one part of the report on the live host, first in this fresh JVM (the cold
 * figure, what the startup report pays) and then repeated (the warm figure, what each
 * endpoint call pays). Run one part per JVM so that every cold figure is really cold:
 * <pre>
 * java -cp benchmarks.jar io.github.bindscope.benchmarks.LiveReportTimer report 20
 * </pre> Parts: {@code interfaces} (this host's addresses, classified), {@code sockets}
 * (this process's listening sockets from {@code /proc}) and {@code report} (the whole
 * report of a web server on the dual-stack wildcard and a management server on loopback,
 * which this timer opens itself; nothing ever connects to them). Prints one line of CSV:
 * {@code part,cold_us,warm_median_us,warm_min_us,warm_max_us,count}, where count is the
 * number of addresses, of sockets, or of addresses the web server is listed with.
 *
 * @since 0.1.0
 */
public final class LiveReportTimer {

	private LiveReportTimer() {
	}

	/**
	 * Time one part.
	 * @param args the part, then how many warm repetitions (default 20)
	 * @throws IOException if the server sockets cannot be opened
	 */
	public static void main(String[] args) throws IOException {
		if (args.length < 1) {
			System.err.println("Usage: LiveReportTimer interfaces|sockets|report [repetitions]");
			System.exit(2);
		}
		String part = args[0];
		int repetitions = (args.length > 1) ? Integer.parseInt(args[1]) : 20;
		InetAddress loopback = InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 });
		try (ServerSocket server = new ServerSocket(); ServerSocket management = new ServerSocket()) {
			server.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[16]), 0));
			management.bind(new InetSocketAddress(loopback, 0));
			IntSupplier task = switch (part) {
				case "interfaces" -> () -> HostAddresses.system().addresses().size();
				case "sockets" -> () -> new ProcSocketTable(ProcSocketTable.DEFAULT_ROOT).listeningSockets().size();
				case "report" -> report(server.getLocalPort(), loopback, management.getLocalPort());
				default -> throw new IllegalArgumentException("Unknown part '" + part + "'");
			};
			long start = System.nanoTime();
			int count = task.getAsInt();
			long cold = System.nanoTime() - start;
			long[] warm = new long[Math.max(1, repetitions)];
			for (int i = 0; i < warm.length; i++) {
				start = System.nanoTime();
				task.getAsInt();
				warm[i] = System.nanoTime() - start;
			}
			Arrays.sort(warm);
			System.out.println(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d", part, cold / 1000,
					warm[warm.length / 2] / 1000, warm[0] / 1000, warm[warm.length - 1] / 1000, count));
		}
	}

	private static IntSupplier report(int serverPort, InetAddress loopback, int managementPort) {
		BindingsInspector inspector = new BindingsInspector(HostAddresses.system(),
				new ProcSocketTable(ProcSocketTable.DEFAULT_ROOT), null, Localhost.system());
		List<WebServerConnector> connectors = List.of(
				new WebServerConnector(Listener.SERVER, "tomcat", "http", null, serverPort, ""),
				new WebServerConnector(Listener.MANAGEMENT, "tomcat", "http", loopback, managementPort, ""));
		RunContext context = new RunContext(List.of(), false, Set.of("dev"), Map.of(), Map.of());
		return () -> inspector.inspect(connectors, context).listeners().get(0).addresses().size();
	}

}
