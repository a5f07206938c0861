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

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
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

import io.github.bindscope.inspect.HostAddress;
import io.github.bindscope.inspect.HostAddresses;

/**
 * Classifying and ordering this host's interface addresses, on a generated interface
 * table. {@link LiveHostBenchmark} adds the operating system's interface listing.
 *
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HostAddressesBenchmark {

	/**
	 * Addresses in the generated table, loopback's two included.
	 */
	@Param({ "10", "100", "1000", "10000" })
	public int addresses;

	private HostAddresses generated;

	@Setup(Level.Trial)
	public void createTables() {
		Map<String, List<InetAddress>> table = InterfaceTable.generate(this.addresses);
		this.generated = HostAddresses.of(table);
	}

	// Checked after the measurement, so that a single-shot run measures a cold call.
	@TearDown(Level.Trial)
	public void checkTable() {
		int found = this.generated.addresses().size();
		if (found != this.addresses) {
			throw new IllegalStateException("Table has " + found + " addresses, expected " + this.addresses);
		}
	}

	@Benchmark
	public List<HostAddress> classify() {
		return this.generated.addresses();
	}

}
