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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.github.bindscope.fixture.ProcFixture;
import io.github.bindscope.inspect.HostAddresses;
import io.github.bindscope.inspect.ProcSocketTable;
import io.github.bindscope.report.BindingsInspector;
import io.github.bindscope.report.BindingsReport;
import io.github.bindscope.report.Listener;
import io.github.bindscope.report.RunContext;
import io.github.bindscope.report.WebServerConnector;

/**
 * A whole report, as the startup log and {@code /actuator/bindings} build it: a realistic
 * socket table (a web server on the dual-stack wildcard, so that every host address is
 * listed, a management server and a debug agent, the rest established connections) and a
 * generated interface table. Run with {@code -bm ss} and many forks for the cold figure,
 * the first report in a fresh JVM.
 *
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReportBenchmark {

	/**
	 * Addresses of the host's interfaces, loopback's two included.
	 */
	@Param({ "10", "100", "1000", "10000" })
	public int addresses;

	/**
	 * Rows in the socket tables.
	 */
	@Param({ "10", "100", "1000", "10000" })
	public int sockets;

	private Path root;

	private BindingsInspector inspector;

	private List<WebServerConnector> connectors;

	private RunContext context;

	@Setup(Level.Trial)
	public void writeFixture() throws IOException {
		this.root = ProcFixture.generate(ProcFixture.createRoot(), this.sockets, ProcFixture.Shape.BUSY_SERVER);
		InetAddress loopback = InetAddress.getByAddress("localhost", new byte[] { 127, 0, 0, 1 });
		this.inspector = new BindingsInspector(HostAddresses.of(InterfaceTable.generate(this.addresses)),
				new ProcSocketTable(this.root), null, () -> List.of(loopback));
		this.connectors = List.of(new WebServerConnector(Listener.SERVER, "tomcat", "http", null, 8080, ""),
				new WebServerConnector(Listener.MANAGEMENT, "tomcat", "http", loopback, 8081, ""));
		this.context = new RunContext(List.of("prod"), false, Set.of("dev", "local"), Map.of(),
				Map.of(5005, Listener.JDWP));
	}

	// Checked after the measurement, so that a single-shot run measures a cold report.
	@TearDown(Level.Trial)
	public void checkAndDeleteFixture() throws IOException {
		try {
			int listed = report().listeners().get(0).addresses().size();
			if (listed != this.addresses) {
				throw new IllegalStateException("Server lists " + listed + " addresses, expected " + this.addresses);
			}
		}
		finally {
			ProcFixture.delete(this.root);
		}
	}

	@Benchmark
	public BindingsReport report() {
		return this.inspector.inspect(this.connectors, this.context);
	}

}
