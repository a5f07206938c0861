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

package io.github.bindscope.autoconfigure;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What this JVM holds at a moment: live threads (but Tomcat's request threads, whose
 * number its pool decides), open sockets, pipes and selectors (-1 where there is no
 * {@code /proc}), and heap in use after a collection.
 *
 * @param threads the live threads
 * @param descriptors the open sockets, pipes and selectors, or -1 if they cannot be
 * counted
 * @param heap the heap in use after a collection, in bytes
 */
record ProcessResources(long threads, long descriptors, long heap) {

	/**
	 * Take the figures once closed connections and finished threads have had a moment to
	 * go.
	 * @return the figures
	 * @throws IOException if the descriptors cannot be listed
	 * @throws InterruptedException if interrupted while waiting
	 */
	static ProcessResources now() throws IOException, InterruptedException {
		Thread.sleep(500);
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(50);
		}
		// Tomcat's request threads come and go with its pool, whatever it serves.
		long threads = Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && !thread.getName().matches(".*-exec-\\d+"))
			.count();
		long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		return new ProcessResources(threads, openDescriptors(), heap);
	}

	/**
	 * Whether this host lets the descriptors be counted, through {@code /proc/self/fd}.
	 * @return whether {@link #descriptors()} is a count
	 */
	static boolean countsDescriptors() {
		return Files.isDirectory(Path.of("/proc/self/fd"));
	}

	/**
	 * Take the figures until threads and descriptors are back within the given slack of
	 * the baseline, or the time is up: a server closes the connections a client has
	 * closed, and ends idle threads, when it next gets to them, not at once.
	 * @param baseline the figures to come back to
	 * @param threadSlack how many more threads count as back
	 * @param descriptorSlack how many more descriptors count as back
	 * @return the last figures taken
	 * @throws IOException if the descriptors cannot be listed
	 * @throws InterruptedException if interrupted while waiting
	 */
	static ProcessResources settledTo(ProcessResources baseline, long threadSlack, long descriptorSlack)
			throws IOException, InterruptedException {
		ProcessResources now = now();
		for (int attempt = 1; attempt < 15 && !now.within(baseline, threadSlack, descriptorSlack); attempt++) {
			now = now();
		}
		return now;
	}

	private boolean within(ProcessResources baseline, long threadSlack, long descriptorSlack) {
		return this.threads <= baseline.threads + threadSlack
				&& this.descriptors <= baseline.descriptors + descriptorSlack;
	}

	private static long openDescriptors() throws IOException {
		if (!countsDescriptors()) {
			return -1;
		}
		Path fd = Path.of("/proc/self/fd");
		// Sockets, pipes and selectors: what a leaked connection or probe holds. Jar
		// files
		// that class loading opens for code run the first time are not leaks.
		try (Stream<Path> descriptors = Files.list(fd)) {
			return descriptors.filter(ProcessResources::isChannel).count();
		}
	}

	private static boolean isChannel(Path descriptor) {
		try {
			String target = Files.readSymbolicLink(descriptor).toString();
			return target.startsWith("socket:") || target.startsWith("pipe:") || target.startsWith("anon_inode:");
		}
		catch (IOException ex) {
			// Closed while the directory was listed.
			return false;
		}
	}

	@Override
	public String toString() {
		return this.threads + " threads, " + this.descriptors + " descriptors, heap " + this.heap / 1024 + " KiB";
	}

}
