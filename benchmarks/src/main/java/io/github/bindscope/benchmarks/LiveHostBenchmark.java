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

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.github.bindscope.inspect.HostAddress;
import io.github.bindscope.inspect.HostAddresses;
import io.github.bindscope.inspect.ListeningSocket;
import io.github.bindscope.inspect.ProcSocketTable;

/**
 * The two reads of the live machine behind every report: this host's interfaces (through
 * {@link java.net.NetworkInterface}) and this process's listening sockets from the real
 * {@code /proc}, where the kernel's own work to print the tables counts too. Figures
 * depend on the machine: its interfaces, its connections and the size of the kernel's
 * socket hash (which grows with memory). Run it inside a network namespace of many
 * interfaces and connections to see how they grow; {@code scale.sh} does.
 *
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LiveHostBenchmark {

	private final HostAddresses hostAddresses = HostAddresses.system();

	private final ProcSocketTable socketTable = new ProcSocketTable(ProcSocketTable.DEFAULT_ROOT);

	@Benchmark
	public List<HostAddress> interfaces() {
		return this.hostAddresses.addresses();
	}

	@Benchmark
	public List<ListeningSocket> socketTable() {
		return this.socketTable.listeningSockets();
	}

}
