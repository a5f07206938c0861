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

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A generated {@code procfs} root as the kernel would print it for one process: the
 * {@code self/net/tcp} and {@code self/net/tcp6} tables and the {@code self/fd} links,
 * {@code socket:[inode]} for each socket the process owns.
 * <p>
 * A realistic table has a handful of listening sockets, four of them of other processes
 * unless the server is alone in its network namespace ({@link Shape#CONTAINER}), and
 * every other row an established loopback connection, held by this process
 * ({@link Shape#CONTAINER}, {@link Shape#BUSY_SERVER}) or by another one
 * ({@link Shape#BUSY_HOST}). An {@linkplain Shape#ALL_LISTEN all-listen} table is the
 * parser's worst case, where every row has to be decoded. Connection rows alternate
 * between the IPv4 table and the IPv6 one (with IPv4-mapped addresses, as a JVM's
 * dual-stack sockets appear).
 *
 * @since 0.1.0
 */
public final class ProcFixture {

	private static final String TCP_HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
			+ "   uid  timeout inode";

	private static final String TCP6_HEADER = "  sl  local_address                         remote_address"
			+ "                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";

	private static final int LISTEN = 0x0A;

	private static final int ESTABLISHED = 0x01;

	private static final long FIRST_INODE = 40_000_000L;

	private ProcFixture() {
	}

	/**
	 * The mix of socket states in a generated table.
	 */
	public enum Shape {

		/**
		 * A busy server alone in its network namespace, as in a container or a pod: a few
		 * listening sockets, all of this process, every other row an established
		 * connection that this process holds.
		 */
		CONTAINER,

		/**
		 * A busy server beside other services: a few listening sockets, half of them of
		 * other processes, every other row an established connection that this process
		 * holds.
		 */
		BUSY_SERVER,

		/**
		 * A busy host: a few listening sockets, every other row an established connection
		 * that another process in the same network namespace holds.
		 */
		BUSY_HOST,

		/**
		 * Every row a listening socket on its own port.
		 */
		ALL_LISTEN

	}

	/**
	 * Write a {@code procfs} root with the given number of socket table rows.
	 * @param root an empty directory
	 * @param rows the number of rows in both tables together
	 * @param shape the mix of socket states
	 * @return the root
	 * @throws IOException if the files cannot be written
	 */
	public static Path write(Path root, int rows, Shape shape) throws IOException {
		Path net = Files.createDirectories(root.resolve("self/net"));
		Path fd = Files.createDirectories(root.resolve("self/fd"));
		List<String> tcp = new ArrayList<>();
		List<String> tcp6 = new ArrayList<>();
		List<Long> ownInodes = new ArrayList<>();
		for (int row = 0; row < rows; row++) {
			long inode = FIRST_INODE + row;
			boolean listenRow = shape != Shape.ALL_LISTEN && row < FewListen.ROWS.length;
			boolean ipv6 = listenRow ? FewListen.ROWS[row].ipv6 : (row % 2) == 1;
			List<String> table = ipv6 ? tcp6 : tcp;
			int slot = table.size();
			if (shape == Shape.ALL_LISTEN) {
				table.add(row(slot, loopback(ipv6), 1024 + row, wildcard(ipv6), 0, LISTEN, inode));
				ownInodes.add(inode);
			}
			else if (listenRow) {
				FewListen listen = FewListen.ROWS[row];
				table.add(row(slot, listen.address(), listen.port, wildcard(ipv6), 0, LISTEN, inode));
				if (listen.own || shape == Shape.CONTAINER) {
					ownInodes.add(inode);
				}
			}
			else {
				// The server's end of a connection from a local client.
				table.add(row(slot, loopback(ipv6), 8080, loopback(ipv6), 32768 + (row % 28000), ESTABLISHED, inode));
				if (shape != Shape.BUSY_HOST) {
					ownInodes.add(inode);
				}
			}
		}
		writeTable(net.resolve("tcp"), TCP_HEADER, tcp);
		writeTable(net.resolve("tcp6"), TCP6_HEADER, tcp6);
		// Newest first is how tmpfs lists a directory, so links made from the highest
		// descriptor down are listed in the ascending order of the real /proc/self/fd.
		for (int index = ownInodes.size() - 1; index >= 0; index--) {
			Files.createSymbolicLink(fd.resolve(Integer.toString(index + 3)),
					Path.of("socket:[" + ownInodes.get(index) + "]"));
		}
		Files.createSymbolicLink(fd.resolve("2"), Path.of("anon_inode:[eventpoll]"));
		Files.createSymbolicLink(fd.resolve("1"), Path.of("pipe:[4026]"));
		Files.createSymbolicLink(fd.resolve("0"), Path.of("/dev/null"));
		return root;
	}

	/**
	 * Create an empty directory for a fixture: in {@code /dev/shm} where it can be
	 * written, since tmpfs, like {@code procfs}, is memory and lists descriptors in the
	 * order of {@code /proc/self/fd}; elsewhere in the default temporary directory, and
	 * then say that the descriptor order differs.
	 * @return the directory
	 * @throws IOException if it cannot be created
	 */
	public static Path createRoot() throws IOException {
		Path shm = Path.of("/dev/shm");
		Path root = (Files.isDirectory(shm) && Files.isWritable(shm))
				? Files.createTempDirectory(shm, "bindscope-bench-proc")
				: Files.createTempDirectory("bindscope-bench-proc");
		return root;
	}

	/**
	 * Whether a fixture's descriptors are listed in ascending order, as
	 * {@code /proc/self/fd} lists them. Where they are not (a disk file system lists in
	 * hash order), a scan that stops early reads more of them than it would in
	 * {@code /proc}.
	 * @param root a fixture root
	 * @return whether the order is that of {@code /proc}
	 * @throws IOException if the directory cannot be listed
	 */
	public static boolean descriptorsInProcOrder(Path root) throws IOException {
		int previous = -1;
		try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(root.resolve("self/fd"))) {
			for (Path descriptor : descriptors) {
				int number = Integer.parseInt(descriptor.getFileName().toString());
				if (number < previous) {
					return false;
				}
				previous = number;
			}
		}
		return true;
	}

	/**
	 * Return an interface table with the given number of addresses: loopback, then
	 * interfaces that each hold one address from the benchmarking range
	 * {@code 198.18.0.0/15} and one from the documentation range {@code 2001:db8::/32}.
	 * @param addresses the number of addresses, loopback's two included
	 * @return the addresses of each interface, by interface name
	 */
	public static Map<String, List<InetAddress>> interfaces(int addresses) {
		Map<String, List<InetAddress>> table = new LinkedHashMap<>();
		table.put("lo", List.of(address(new byte[] { 127, 0, 0, 1 }), address(ipv6(1))));
		for (int index = 0; table.size() * 2 < addresses; index++) {
			// 198.18.0.1 upwards: the /15 holds 131,070 usable addresses.
			int host = index + 1;
			InetAddress ipv4 = address(
					new byte[] { (byte) 198, (byte) (18 + (host >>> 16)), (byte) (host >>> 8), (byte) host });
			byte[] documentation = ipv6(host);
			documentation[0] = 0x20;
			documentation[1] = 0x01;
			documentation[2] = 0x0d;
			documentation[3] = (byte) 0xb8;
			table.put("veth" + index, List.of(ipv4, address(documentation)));
		}
		return table;
	}

	/**
	 * Delete a directory tree written by {@link #write}; symbolic links are deleted,
	 * never followed.
	 * @param root the root to delete
	 * @throws IOException if it cannot be deleted
	 */
	public static void delete(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		Files.walkFileTree(root, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				Files.delete(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path directory, IOException ex) throws IOException {
				Files.delete(directory);
				return FileVisitResult.CONTINUE;
			}

		});
	}

	private static void writeTable(Path file, String header, List<String> rows) throws IOException {
		try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
			writer.write(header);
			writer.write('\n');
			for (String row : rows) {
				writer.write(row);
				writer.write('\n');
			}
		}
	}

	// The kernel's format (net/ipv4/tcp_ipv4.c and net/ipv6/tcp_ipv6.c), with fixed
	// timers, queues and uid.
	private static String row(int slot, byte[] local, int localPort, byte[] remote, int remotePort, int state,
			long inode) {
		return String.format(Locale.ROOT,
				"%4d: %s:%04X %s:%04X %02X 00000000:00000000 00:00000000 00000000  1000        0 %d 1"
						+ " 0000000000000000 20 4 30 10 -1",
				slot, hex(local), localPort, hex(remote), remotePort, state, inode);
	}

	// Each 32-bit word as the kernel prints it: a number in its own byte order.
	private static String hex(byte[] address) {
		ByteBuffer buffer = ByteBuffer.wrap(address).order(ByteOrder.nativeOrder());
		StringBuilder text = new StringBuilder(address.length * 2);
		while (buffer.hasRemaining()) {
			text.append(String.format(Locale.ROOT, "%08X", buffer.getInt()));
		}
		return text.toString();
	}

	private static byte[] loopback(boolean ipv6) {
		return ipv6 ? mapped(127, 0, 0, 1) : new byte[] { 127, 0, 0, 1 };
	}

	private static byte[] wildcard(boolean ipv6) {
		return new byte[ipv6 ? 16 : 4];
	}

	private static byte[] mapped(int a, int b, int c, int d) {
		byte[] bytes = new byte[16];
		bytes[10] = (byte) 0xff;
		bytes[11] = (byte) 0xff;
		bytes[12] = (byte) a;
		bytes[13] = (byte) b;
		bytes[14] = (byte) c;
		bytes[15] = (byte) d;
		return bytes;
	}

	private static byte[] ipv6(int low) {
		byte[] bytes = new byte[16];
		bytes[12] = (byte) (low >>> 24);
		bytes[13] = (byte) (low >>> 16);
		bytes[14] = (byte) (low >>> 8);
		bytes[15] = (byte) low;
		return bytes;
	}

	private static InetAddress address(byte[] bytes) {
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The listening sockets of a realistic table: the application's web and management
	 * servers and debug agent, and other processes' services.
	 */
	private enum FewListen {

		SERVER(new byte[16], 8080, true), MANAGEMENT(new byte[] { 127, 0, 0, 1 }, 8081, true),
		JDWP(new byte[4], 5005, true), LOCAL_ONLY(mapped(127, 0, 0, 1), 9090, true), SSH(new byte[4], 22, false),
		RESOLVER(new byte[] { 127, 0, 0, 53 }, 53, false), DATABASE(new byte[16], 5432, false),
		MAIL(new byte[] { 127, 0, 0, 1 }, 25, false);

		static final FewListen[] ROWS = values();

		private final byte[] address;

		private final boolean ipv6;

		private final int port;

		private final boolean own;

		FewListen(byte[] address, int port, boolean own) {
			this.address = address;
			this.ipv6 = address.length == 16;
			this.port = port;
			this.own = own;
		}

		byte[] address() {
			return this.address.clone();
		}

	}

}
