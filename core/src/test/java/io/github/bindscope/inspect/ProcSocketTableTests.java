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

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.bindscope.fixture.ProcFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link ProcSocketTable}. Rows are the kernel's text, written by the test with
 * addresses as a little-endian kernel prints them, so that what is expected never comes
 * from an encoder.
 */
class ProcSocketTableTests {

	@TempDir
	private Path temp;

	@Test
	void ipv4LoopbackListenRowIsReported() throws IOException {
		Path root = procRoot(ProcFixture.tcp(ProcFixture.listenRow(0, "0100007F:1F90", 12345)), null, 12345);
		List<ListeningSocket> sockets = table(root).listeningSockets();
		assertThat(sockets).containsExactly(new ListeningSocket(address("127.0.0.1"), 8080, 12345));
		assertThat(sockets.get(0).wildcard()).isFalse();
		assertThat(sockets.get(0).ipv6()).isFalse();
	}

	@Test
	void ipv4WildcardIsReportedAsWildcard() throws IOException {
		Path root = procRoot(ProcFixture.tcp(ProcFixture.listenRow(0, "00000000:0050", 200)), null, 200);
		List<ListeningSocket> sockets = table(root).listeningSockets();
		assertThat(sockets).containsExactly(new ListeningSocket(address("0.0.0.0"), 80, 200));
		assertThat(sockets.get(0).wildcard()).isTrue();
		assertThat(sockets.get(0).ipv6()).isFalse();
	}

	@Test
	void ipv6WildcardIsReportedAsWildcard() throws IOException {
		Path root = procRoot(ProcFixture.tcp(),
				ProcFixture.tcp6(ProcFixture.listenRow(0, "00000000000000000000000000000000:1F90", 300)), 300);
		List<ListeningSocket> sockets = table(root).listeningSockets();
		assertThat(sockets).containsExactly(new ListeningSocket(address("::"), 8080, 300));
		assertThat(sockets.get(0).wildcard()).isTrue();
		assertThat(sockets.get(0).ipv6()).isTrue();
	}

	@Test
	void ipv6LoopbackIsDecodedFromHostOrderWords() throws IOException {
		Path root = procRoot(ProcFixture.tcp(),
				ProcFixture.tcp6(ProcFixture.listenRow(0, "00000000000000000000000001000000:1F91", 400)), 400);
		List<ListeningSocket> sockets = table(root).listeningSockets();
		assertThat(sockets).containsExactly(new ListeningSocket(address("::1"), 8081, 400));
		assertThat(sockets.get(0).wildcard()).isFalse();
		assertThat(sockets.get(0).ipv6()).isTrue();
	}

	@Test
	void ipv6GlobalAddressIsDecodedFromHostOrderWords() throws IOException {
		Path root = procRoot(ProcFixture.tcp(),
				ProcFixture.tcp6(ProcFixture.listenRow(0, "B80D0120000000000000000005000000:01BB", 500),
						ProcFixture.listenRow(1, "B80D0120020001000000000004030201:01BB", 501)),
				500, 501);
		assertThat(table(root).listeningSockets()).extracting(ListeningSocket::address, ListeningSocket::port)
			.containsExactly(tuple(address("2001:db8::5"), 443), tuple(address("2001:db8:1:2::102:304"), 443));
	}

	@Test
	void bigEndianTablesAreDecodedWithoutSwappingWords() throws IOException {
		Path root = procRoot(ProcFixture.tcp(ProcFixture.listenRow(0, "7F000001:1F90", 600)),
				ProcFixture.tcp6(ProcFixture.listenRow(0, "20010DB8000000000000000000000005:1F90", 601)), 600, 601);
		assertThat(new ProcSocketTable(root, ByteOrder.BIG_ENDIAN).listeningSockets())
			.extracting(ListeningSocket::address)
			.containsExactly(address("127.0.0.1"), address("2001:db8::5"));
	}

	@Test
	void ipv4MappedRowInTcp6IsReportedAsIpv4() throws IOException {
		Path root = procRoot(ProcFixture.tcp(),
				ProcFixture.tcp6(ProcFixture.listenRow(0, "0000000000000000FFFF00000100007F:A4B1", 700)), 700);
		List<ListeningSocket> sockets = table(root).listeningSockets();
		assertThat(sockets).containsExactly(new ListeningSocket(address("127.0.0.1"), 42161, 700));
		assertThat(sockets.get(0).ipv6()).isFalse();
	}

	@Test
	void nonListenRowsAreIgnored() throws IOException {
		Path root = procRoot(
				ProcFixture.tcp(ProcFixture.listenRow(0, "0100007F:1F92", 802),
						ProcFixture.row(1, "0100007F:1F90", "0100007F:A18E", ProcFixture.ESTABLISHED, 800),
						ProcFixture.timeWaitRow(2, "0100007F:1F91", "0100007F:A18F")),
				ProcFixture.tcp6(ProcFixture.row(0, "00000000000000000000000001000000:1F93",
						"00000000000000000000000001000000:A190", ProcFixture.ESTABLISHED, 803)),
				800, 802, 803);
		assertThat(table(root).listeningSockets()).extracting(ListeningSocket::port).containsExactly(8082);
	}

	@Test
	void readingStopsAfterTheListeningSectionThatTheKernelPrintsFirst() throws IOException {
		Path root = procRoot(
				ProcFixture.tcp(ProcFixture.listenRow(0, "0100007F:1F90", 810),
						ProcFixture.row(1, "0100007F:1F91", "0100007F:A191", ProcFixture.ESTABLISHED, 811),
						ProcFixture.listenRow(2, "0100007F:1F92", 812)),
				ProcFixture.tcp6(
						ProcFixture.timeWaitRow(0, "00000000000000000000000001000000:1F93",
								"00000000000000000000000001000000:A192"),
						ProcFixture.listenRow(1, "00000000000000000000000001000000:1F94", 814)),
				810, 811, 812, 814);
		assertThat(table(root).listeningSockets()).extracting(ListeningSocket::port).containsExactly(8080);
	}

	@Test
	void pendingRequestsInsideTheListeningSectionOfOldKernelsDoNotEndIt() throws IOException {
		Path root = procRoot(
				ProcFixture.tcp(ProcFixture.listenRow(0, "0100007F:1F90", 820),
						ProcFixture.requestRow(1, "0100007F:1F90", "0100007F:A193"),
						ProcFixture.listenRow(2, "0100007F:1F91", 821),
						ProcFixture.row(3, "0100007F:1F92", "0100007F:A194", ProcFixture.ESTABLISHED, 822)),
				null, 820, 821, 822);
		assertThat(table(root).listeningSockets()).extracting(ListeningSocket::port).containsExactly(8080, 8081);
	}

	@Test
	void malformedLinesDoNotEndTheListeningSection() throws IOException {
		String tcp = String.join("\n", ProcFixture.TCP_HEADER, "garbage 01 01 01",
				"  x: 0100007F:1F90 00000000:0000 01", "   0: 0100007F:1F90 00000000:0000 ZZ",
				ProcFixture.listenRow(1, "0100007F:1F91", 830)) + "\n";
		Path root = procRoot(tcp, null, 830);
		assertThat(table(root).listeningSockets()).extracting(ListeningSocket::port).containsExactly(8081);
	}

	@Test
	void socketsOfOtherProcessesAreIgnored() throws IOException {
		Path root = procRoot(
				ProcFixture.tcp(ProcFixture.listenRow(0, "00000000:0016", 900),
						ProcFixture.listenRow(1, "0100007F:1F90", 901)),
				ProcFixture.tcp6(ProcFixture.listenRow(0, "00000000000000000000000000000000:0016", 902)), 901);
		assertThat(table(root).listeningSockets()).extracting(ListeningSocket::inode).containsExactly(901L);
	}

	@Test
	void descriptorsThatAreNotSocketsAreIgnored() throws IOException {
		Path root = procRoot(ProcFixture.tcp(ProcFixture.listenRow(0, "0100007F:1F90", 1000)), null);
		Path fd = root.resolve("self/fd");
		Files.createSymbolicLink(fd.resolve("3"), Path.of("pipe:[1000]"));
		Files.createSymbolicLink(fd.resolve("4"), Path.of("anon_inode:[eventpoll]"));
		Files.createSymbolicLink(fd.resolve("5"), Path.of("socket:[not-a-number]"));
		Files.createFile(fd.resolve("6"));
		assertThat(table(root).listeningSockets()).isEmpty();
	}

	@Test
	void malformedLinesAreSkipped() throws IOException {
		String tcp = String.join("\n", "garbage header without any fields we know", "", "   ",
				"   0: 0100007F:1F90 00000000:0000 0A", "   1: 0100007F:1F91 00000000:0000 0A 00000000:00000000",
				ProcFixture.listenRow(2, "0100007G:1F92", 1100), ProcFixture.listenRow(3, "0100007F:ZZZZ", 1100),
				ProcFixture.listenRow(4, "0100007F:1F9300", 1100), ProcFixture.listenRow(5, "0100007F:", 1100),
				ProcFixture.listenRow(6, "0100007F1F94", 1100), ProcFixture.listenRow(7, "00007F:1F95", 1100),
				ProcFixture.listenRow(8, "000000000100007F:1F96", 1100),
				ProcFixture.listenRow(9, "+100007F:1F97", 1100),
				"  10: 0100007F:1F98 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 12ab 1",
				"  11: 0100007F:1F99 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 -1100 1",
				"  12: 0100007F:1F9A 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0"
						+ " 99999999999999999999999 1",
				"\u00ff\u0000\u00e9 0A 0A 0A 0A 0A 0A 0A 0A 1100", ProcFixture.listenRow(13, "0100007F:1F9B", 1100))
				+ "\n";
		String tcp6 = String.join("\n", ProcFixture.TCP6_HEADER,
				ProcFixture.listenRow(0, "0000000000000000000000000000000:1F9C", 1100),
				ProcFixture.listenRow(1, "00000000000000000000000000000000X:1F9D", 1100));
		Path root = procRoot(tcp, tcp6, 1100);
		assertThat(table(root).listeningSockets())
			.containsExactly(new ListeningSocket(address("127.0.0.1"), 8091, 1100));
	}

	@Test
	void lineLongerThanAnyKernelRowIsSkippedAndNextRowRead() throws IOException {
		String overlong = ProcFixture.listenRow(0, "0100007F:1F90", 1150) + " " + "9".repeat(70_000);
		Path root = procRoot(ProcFixture.tcp(overlong, ProcFixture.listenRow(1, "0100007F:1F91", 1151)), null, 1150,
				1151);
		assertThat(table(root).listeningSockets()).extracting(ListeningSocket::port).containsExactly(8081);
	}

	@Test
	void carriageReturnsEndRowsAsLineBreaksDo() throws IOException {
		String tcp = ProcFixture.TCP_HEADER + "\r\n" + ProcFixture.listenRow(0, "0100007F:1F90", 1160) + "\r\n"
				+ ProcFixture.listenRow(1, "0100007F:1F91", 1161) + "\r"
				+ ProcFixture.listenRow(2, "0100007F:1F92", 1162);
		Path root = procRoot(tcp, null, 1160, 1161, 1162);
		assertThat(table(root).listeningSockets()).extracting(ListeningSocket::port).containsExactly(8080, 8081, 8082);
	}

	@Test
	void ownListeningSocketAfterManyConnectionsIsFound() throws IOException {
		List<String> rows = new ArrayList<>();
		rows.add(ProcFixture.listenRow(0, "0100007F:1F91", 300_000));
		rows.add(ProcFixture.listenRow(1, "00000000:0016", 300_001));
		long[] inodes = new long[3_001];
		for (int slot = 0; slot < 3_000; slot++) {
			rows.add(ProcFixture.row(slot + 2, "0100007F:1F90", String.format("0100007F:%04X", 32768 + slot),
					ProcFixture.ESTABLISHED, 200_000 + slot));
			inodes[slot] = 200_000 + slot;
		}
		// The listening socket's descriptor comes after every connection's.
		inodes[3_000] = 300_000;
		Path root = procRoot(ProcFixture.tcp(rows.toArray(String[]::new)), null, inodes);
		assertThat(table(root).listeningSockets()).extracting(ListeningSocket::port, ListeningSocket::inode)
			.containsExactly(tuple(8081, 300_000L));
	}

	@Test
	void missingTcp6TableReadsOnlyTcp() throws IOException {
		Path root = procRoot(ProcFixture.tcp(ProcFixture.listenRow(0, "0100007F:1F90", 1200)), null, 1200);
		assertThat(root.resolve("self/net/tcp6")).doesNotExist();
		assertThat(table(root).listeningSockets()).extracting(ListeningSocket::port).containsExactly(8080);
	}

	@Test
	void rootWithoutSocketTablesIsUnavailable() {
		ProcSocketTable table = table(this.temp.resolve("not-procfs"));
		assertThat(table.isAvailable()).isFalse();
		assertThat(table.listeningSockets()).isEmpty();
	}

	@Test
	void rootWithSocketTableIsAvailable() throws IOException {
		assertThat(table(procRoot(ProcFixture.tcp(), null)).isAvailable()).isTrue();
	}

	@Test
	void duplicateAddressAndPortAreReportedOnce() throws IOException {
		Path root = procRoot(
				ProcFixture.tcp(ProcFixture.listenRow(0, "0100007F:1F90", 1300),
						ProcFixture.listenRow(1, "0100007F:1F90", 1301)),
				ProcFixture.tcp6(ProcFixture.listenRow(0, "0000000000000000FFFF00000100007F:1F90", 1302)), 1300, 1301,
				1302);
		assertThat(table(root).listeningSockets())
			.containsExactly(new ListeningSocket(address("127.0.0.1"), 8080, 1300));
	}

	@Test
	void socketsAreSortedByPortThenAddressWithIpv4First() throws IOException {
		Path root = procRoot(ProcFixture.tcp(ProcFixture.listenRow(0, "0100007F:1F90", 1400),
				ProcFixture.listenRow(1, "0100000A:0050", 1401), ProcFixture.listenRow(2, "00000000:1F90", 1402),
				ProcFixture.listenRow(3, "FE01A8C0:1F90", 1403)),
				ProcFixture.tcp6(ProcFixture.listenRow(0, "00000000000000000000000001000000:1F90", 1404),
						ProcFixture.listenRow(1, "00000000000000000000000000000000:1F90", 1405),
						ProcFixture.listenRow(2, "00000000000000000000000001000000:0050", 1406)),
				1400, 1401, 1402, 1403, 1404, 1405, 1406);
		assertThat(table(root).listeningSockets()).extracting(ListeningSocket::address, ListeningSocket::port)
			.containsExactly(tuple(address("10.0.0.1"), 80), tuple(address("::1"), 80), tuple(address("0.0.0.0"), 8080),
					tuple(address("127.0.0.1"), 8080), tuple(address("192.168.1.254"), 8080),
					tuple(address("::"), 8080), tuple(address("::1"), 8080));
	}

	@Test
	void largeTableWithFewListenRowsIsParsed() throws IOException {
		List<String> rows = new ArrayList<>();
		for (int slot = 0; slot < 50_000; slot++) {
			if (slot < 3) {
				int port = new int[] { 9007, 9000, 9099 }[slot];
				long inode = new long[] { 100_007, 125_000, 149_999 }[slot];
				rows.add(ProcFixture.listenRow(slot, String.format("0100007F:%04X", port), inode));
			}
			else {
				rows.add(ProcFixture.row(slot, String.format("0100007F:%04X", 10_000 + slot), "0100007F:1F90",
						ProcFixture.ESTABLISHED, 100_000 + slot));
			}
		}
		Path root = procRoot(ProcFixture.tcp(rows.toArray(String[]::new)), null, 100_007, 125_000, 149_999, 100_008,
				140_000);
		assertThat(table(root).listeningSockets()).extracting(ListeningSocket::port, ListeningSocket::inode)
			.containsExactly(tuple(9000, 125_000L), tuple(9007, 100_007L), tuple(9099, 149_999L));
	}

	@Test
	void unreadableTableThrowsNamingTheFile() throws IOException {
		Path root = procRoot(null, null);
		Path tcp = Files.createDirectories(root.resolve("self/net/tcp"));
		assertThatExceptionOfType(SocketTableException.class).isThrownBy(() -> table(root).listeningSockets())
			.withMessageContaining(tcp.toString())
			.withMessageContaining("connectors");
	}

	@Test
	void unreadableTcp6TableThrowsNamingIt() throws IOException {
		Path root = procRoot(ProcFixture.tcp(ProcFixture.listenRow(0, "0100007F:1F90", 1200)), null, 1200);
		Path tcp6 = Files.createDirectories(root.resolve("self/net/tcp6"));
		assertThatExceptionOfType(SocketTableException.class).isThrownBy(() -> table(root).listeningSockets())
			.withMessageContaining(tcp6.toString());
	}

	@Test
	void newListeningSocketOfThisProcessIsFoundByTheNextReport() throws IOException {
		Path root = procRoot(ProcFixture.tcp(ProcFixture.listenRow(0, "0100007F:1F90", 100),
				ProcFixture.listenRow(1, "00000000:0016", 200)), null, 100);
		ProcSocketTable table = table(root);
		assertThat(table.listeningSockets()).extracting(ListeningSocket::inode).containsExactly(100L);
		Files.writeString(root.resolve("self/net/tcp"), ProcFixture.tcp(ProcFixture.listenRow(0, "0100007F:1F90", 100),
				ProcFixture.listenRow(1, "00000000:0016", 200), ProcFixture.listenRow(2, "0100007F:1F91", 300)));
		Files.createSymbolicLink(root.resolve("self/fd/4"), Path.of("socket:[300]"));
		assertThat(table.listeningSockets()).extracting(ListeningSocket::inode).containsExactly(100L, 300L);
	}

	@Test
	void listeningSocketWhoseDescriptorThisProcessClosedIsNoLongerReported() throws IOException {
		// The socket lives on in a process that inherited it.
		Path root = procRoot(ProcFixture.tcp(ProcFixture.listenRow(0, "0100007F:1F90", 100),
				ProcFixture.listenRow(1, "00000000:0016", 200)), null, 100);
		ProcSocketTable table = table(root);
		assertThat(table.listeningSockets()).extracting(ListeningSocket::inode).containsExactly(100L);
		Files.delete(root.resolve("self/fd/3"));
		assertThat(table.listeningSockets()).isEmpty();
	}

	@Test
	void descriptorReusedForAnotherSocketNoLongerHoldsTheListener() throws IOException {
		Path root = procRoot(ProcFixture.tcp(ProcFixture.listenRow(0, "0100007F:1F90", 100),
				ProcFixture.listenRow(1, "00000000:0016", 200)), null, 100);
		ProcSocketTable table = table(root);
		assertThat(table.listeningSockets()).extracting(ListeningSocket::inode).containsExactly(100L);
		Files.delete(root.resolve("self/fd/3"));
		Files.createSymbolicLink(root.resolve("self/fd/3"), Path.of("socket:[999]"));
		assertThat(table.listeningSockets()).isEmpty();
	}

	@Test
	void listeningSocketOfAnotherProcessStaysTheirsUntilTheListenersChange() throws IOException {
		Path root = procRoot(ProcFixture.tcp(ProcFixture.listenRow(0, "0100007F:1F90", 100),
				ProcFixture.listenRow(1, "00000000:0016", 200)), null, 100);
		ProcSocketTable table = table(root);
		assertThat(table.listeningSockets()).extracting(ListeningSocket::inode).containsExactly(100L);
		// Another process passes its listening socket over a Unix socket, which the JDK
		// cannot receive: the descriptors are not read again for a socket seen before.
		Files.createSymbolicLink(root.resolve("self/fd/5"), Path.of("socket:[200]"));
		assertThat(table.listeningSockets()).extracting(ListeningSocket::inode).containsExactly(100L);
		Files.writeString(root.resolve("self/net/tcp"), ProcFixture.tcp(ProcFixture.listenRow(0, "0100007F:1F90", 100),
				ProcFixture.listenRow(1, "00000000:0016", 200), ProcFixture.listenRow(2, "00000000:0019", 300)));
		assertThat(table.listeningSockets()).extracting(ListeningSocket::inode).containsExactly(200L, 100L);
	}

	@Test
	void tableOfAFamilyWithNoSocketInUseIsNotRead() throws IOException {
		Path root = procRoot(null,
				ProcFixture.tcp6(ProcFixture.listenRow(0, "00000000000000000000000001000000:1F90", 1300)), 1300);
		// Reading it would fail: only the count can have kept the reader away.
		Files.createDirectories(root.resolve("self/net/tcp"));
		Files.writeString(root.resolve("self/net/sockstat"), SOCKSTAT.formatted(0));
		assertThat(table(root).listeningSockets()).extracting(ListeningSocket::port).containsExactly(8080);
	}

	@Test
	void ipv6TableWithNoSocketInUseIsNotRead() throws IOException {
		Path root = procRoot(ProcFixture.tcp(ProcFixture.listenRow(0, "0100007F:1F90", 1400)), null, 1400);
		Files.createDirectories(root.resolve("self/net/tcp6"));
		Files.writeString(root.resolve("self/net/sockstat6"), SOCKSTAT6.formatted(0));
		assertThat(table(root).listeningSockets()).extracting(ListeningSocket::port).containsExactly(8080);
	}

	@Test
	void tableOfAFamilyWithSocketsInUseIsRead() throws IOException {
		Path root = procRoot(ProcFixture.tcp(ProcFixture.listenRow(0, "0100007F:1F90", 1500)), null, 1500);
		Files.writeString(root.resolve("self/net/sockstat"), SOCKSTAT.formatted(1));
		assertThat(table(root).listeningSockets()).extracting(ListeningSocket::port).containsExactly(8080);
	}

	@Test
	void tableIsReadWhenTheCountCannotBeParsed() throws IOException {
		Path root = procRoot(null, null);
		Path tcp = Files.createDirectories(root.resolve("self/net/tcp"));
		Files.writeString(root.resolve("self/net/sockstat"), "sockets: used 23\nTCP: inuse many orphan 0\n");
		assertThatExceptionOfType(SocketTableException.class).isThrownBy(() -> table(root).listeningSockets())
			.withMessageContaining(tcp.toString());
	}

	@Test
	void missingTableWithNoSocketInUseIsStillMissing() throws IOException {
		Path root = procRoot(ProcFixture.tcp(ProcFixture.listenRow(0, "0100007F:1F90", 1600)), null, 1600);
		// No tcp6 table: IPv6 is disabled.
		Files.writeString(root.resolve("self/net/sockstat6"), SOCKSTAT6.formatted(0));
		assertThat(table(root).listeningSockets()).extracting(ListeningSocket::port).containsExactly(8080);
		Files.delete(root.resolve("self/net/tcp"));
		Files.writeString(root.resolve("self/net/sockstat"), SOCKSTAT.formatted(0));
		assertThat(table(root).listeningSockets()).isEmpty();
	}

	@Test
	void realSockstatCountsOwnListeningSocket() throws IOException {
		Path sockstat6 = Path.of("/proc/self/net/sockstat6");
		assumeTrue(Files.isReadable(sockstat6), "procfs has no IPv6 socket counts");
		try (ServerSocket serverSocket = new ServerSocket()) {
			try {
				serverSocket.bind(new InetSocketAddress(address("::1"), 0));
			}
			catch (IOException ex) {
				assumeTrue(false, "IPv6 is disabled on this host: binding ::1 failed with " + ex);
			}
			// Whatever else this network namespace holds, this socket is counted.
			assertThat(ProcSocketTable.socketsInUse(sockstat6, "TCP6:")).isPositive();
		}
		assertThat(ProcSocketTable.socketsInUse(Path.of("/proc/self/net/sockstat"), "TCP:")).isNotNegative();
	}

	/**
	 * A host that runs many servers lists all of their listening sockets in the listening
	 * section, which must then be read whole: 100,000 rows of other processes must cost a
	 * bounded amount per row, and only this process's sockets are kept.
	 */
	@Test
	void hundredThousandListeningRowsOfOtherProcessesAreReadInBoundedMemory() throws IOException {
		int rows = 100_000;
		String[] table = new String[rows + 1];
		for (int slot = 0; slot < rows; slot++) {
			// Every address of 127.0.0.0/8 on one port: other processes' listeners.
			table[slot] = ProcFixture.listenRow(slot,
					String.format("%08X:1F90", Integer.reverseBytes(0x7F000000 + slot + 2)), 1_000_000 + slot);
		}
		table[rows] = ProcFixture.listenRow(rows, "0100007F:0050", 42);
		Path root = procRoot(ProcFixture.tcp(table), null, 42);
		ProcSocketTable socketTable = table(root);
		socketTable.listeningSockets();
		long before = allocatedBytes();
		List<ListeningSocket> sockets = socketTable.listeningSockets();
		long allocated = allocatedBytes() - before;
		assertThat(sockets).containsExactly(new ListeningSocket(address("127.0.0.1"), 80, 42));
		System.out.println("[100,000 listening rows] allocated " + allocated / 1024 + " KiB");
		assumeTrue(before >= 0, "This JVM does not measure what a thread allocates");
		// About what one row's text and socket take, and no more: nothing grows with the
		// square of the table, and nothing is kept.
		assertThat(allocated / rows).as("bytes allocated per row").isLessThan(1024);
	}

	private static long allocatedBytes() {
		if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
				&& threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
			return threads.getCurrentThreadAllocatedBytes();
		}
		return -1;
	}

	@Test
	void unlistableDescriptorsThrowNamingTheDirectoryAndPermission() throws IOException {
		Path root = procRoot(ProcFixture.tcp(ProcFixture.listenRow(0, "0100007F:1F90", 1500)), null, 1500);
		ProcFixture.makeDescriptorsUnlistable(root);
		Path fd = root.resolve("self/fd");
		assertThatExceptionOfType(SocketTableException.class).isThrownBy(() -> table(root).listeningSockets())
			.withMessageContaining(fd.toString())
			.withMessageContaining("permission")
			.withMessageContaining("hidepid")
			.withMessageContaining("connectors");
	}

	@Test
	void realProcReportsOwnLoopbackServerSocketUntilClosed() throws IOException {
		assumeTrue(Files.isReadable(Path.of("/proc/self/net/tcp")), "procfs socket tables are not available");
		ProcSocketTable table = new ProcSocketTable(ProcSocketTable.DEFAULT_ROOT);
		assertThat(table.isAvailable()).isTrue();
		InetAddress loopback = address("127.0.0.1");
		int port;
		try (ServerSocket serverSocket = new ServerSocket(0, 1, loopback)) {
			port = serverSocket.getLocalPort();
			assertThat(table.listeningSockets()).extracting(ListeningSocket::address, ListeningSocket::port)
				.contains(tuple(loopback, port));
		}
		assertThat(table.listeningSockets()).extracting(ListeningSocket::address, ListeningSocket::port)
			.doesNotContain(tuple(loopback, port));
	}

	@Test
	void realProcReportsOwnIpv6LoopbackServerSocket() throws IOException {
		assumeTrue(Files.isReadable(Path.of("/proc/self/net/tcp6")), "procfs has no IPv6 socket table");
		InetAddress loopback = address("::1");
		try (ServerSocket serverSocket = new ServerSocket()) {
			try {
				serverSocket.bind(new InetSocketAddress(loopback, 0));
			}
			catch (IOException ex) {
				assumeTrue(false, "IPv6 is disabled on this host: binding ::1 failed with " + ex);
			}
			// Decoded in this machine's byte order, unlike the fixtures above.
			assertThat(new ProcSocketTable(ProcSocketTable.DEFAULT_ROOT).listeningSockets())
				.extracting(ListeningSocket::address, ListeningSocket::port)
				.contains(tuple(loopback, serverSocket.getLocalPort()));
		}
	}

	// The kernel's sockstat and sockstat6 (net/ipv4/proc.c, net/ipv6/proc.c).
	private static final String SOCKSTAT = """
			sockets: used 23
			TCP: inuse %d orphan 0 tw 272 alloc 2 mem 12
			UDP: inuse 0 mem 0
			UDPLITE: inuse 0
			RAW: inuse 0
			FRAG: inuse 0 memory 0
			""";

	private static final String SOCKSTAT6 = """
			TCP6: inuse %d
			UDP6: inuse 0
			UDPLITE6: inuse 0
			RAW6: inuse 0
			FRAG6: inuse 0 memory 0
			""";

	private ProcSocketTable table(Path root) {
		// Fixture rows were taken from a little-endian machine.
		return new ProcSocketTable(root, ByteOrder.LITTLE_ENDIAN);
	}

	private Path procRoot(@Nullable String tcp, @Nullable String tcp6, long... ownInodes) throws IOException {
		return ProcFixture.write(Files.createTempDirectory(this.temp, "proc"), tcp, tcp6, ownInodes);
	}

	private static InetAddress address(String literal) throws IOException {
		// Literals only, so no name service lookup happens.
		return InetAddress.getByName(literal);
	}

}
