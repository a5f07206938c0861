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
import java.nio.file.Path;
import java.util.List;
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
import io.github.bindscope.inspect.ListeningSocket;
import io.github.bindscope.inspect.ProcSocketTable;

/**
 * Reading this process's listening sockets from a generated {@code procfs} root: both
 * socket tables and the descriptor links, as {@link ProcSocketTable} does at every
 * report.
 *
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SocketTableBenchmark {

	/**
	 * Rows in both socket tables together, and as many descriptor links.
	 */
	@Param({ "10", "100", "1000", "10000" })
	public int rows;

	/**
	 * Mix of socket states.
	 */
	@Param({ "CONTAINER", "BUSY_SERVER", "BUSY_HOST", "ALL_LISTEN" })
	public ProcFixture.Shape shape;

	private Path root;

	private ProcSocketTable table;

	@Setup(Level.Trial)
	public void writeFixture() throws IOException {
		this.root = ProcFixture.generate(ProcFixture.createRoot(), this.rows, this.shape);
		this.table = new ProcSocketTable(this.root);
		if (!ProcFixture.descriptorsInProcOrder(this.root)) {
			System.out.println("Note: descriptors of " + this.root + " are not listed in /proc order");
		}
	}

	// Checked after the measurement, so that a single-shot run measures a cold read.
	@TearDown(Level.Trial)
	public void checkAndDeleteFixture() throws IOException {
		try {
			int expected = switch (this.shape) {
				case ALL_LISTEN -> this.rows;
				case CONTAINER -> Math.min(this.rows, 8);
				default -> Math.min(this.rows, 4);
			};
			int found = this.table.listeningSockets().size();
			if (found != expected) {
				throw new IllegalStateException(
						"Fixture has " + found + " own listening sockets, expected " + expected);
			}
		}
		finally {
			ProcFixture.delete(this.root);
		}
	}

	/**
	 * The table read again by the same reader, as every report after the first reads it:
	 * descriptors are scanned again only when a listening socket is new.
	 * @return this process's listening sockets
	 */
	@Benchmark
	public List<ListeningSocket> listeningSockets() {
		return this.table.listeningSockets();
	}

	/**
	 * The table read by a new reader, as the first report reads it: descriptors are
	 * scanned until each listening socket is found, or all of them where other processes
	 * listen too.
	 * @return this process's listening sockets
	 */
	@Benchmark
	public List<ListeningSocket> firstRead() {
		return new ProcSocketTable(this.root).listeningSockets();
	}

}
