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


import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;

/**
 * What reading the kernel's tables over netlink would cost a Java library, beside what
 * Bindscope reads today: netlink {@code sock_diag} for the listening TCP sockets (what
 * {@code ss -ltn} asks, the kernel filtering by state) and {@code RTM_GETLINK} plus
 * {@code RTM_GETADDR} for the interfaces and their addresses, called through the Foreign
 * Function and Memory API (Java 22 or later, with native access enabled), against the
 * first rows of {@code /proc/self/net/tcp6} and {@code tcp} and the JDK's interface
 * listing with one {@code isUp()} each. Prints the cold figures (a fresh JVM's first call,
 * the linker's setup apart) and three rounds of warm ones. A prototype to measure with,
 * not product code: run by {@code kernel-paths.sh} in a test host of its own; it opens one
 * listening socket on the IPv6 wildcard and sends nothing anywhere.
 */
public final class NetlinkCost {

	private static final int AF_NETLINK = 16;

	private static final int SOCK_RAW_CLOEXEC = 3 | 0x80000;

	private static final int NETLINK_ROUTE = 0;

	private static final int NETLINK_SOCK_DIAG = 4;

	private static final short NLM_F_REQUEST_DUMP = 0x1 | 0x300;

	private static final short NLMSG_ERROR = 2;

	private static final short NLMSG_DONE = 3;

	private static MethodHandle socket;

	private static MethodHandle send;

	private static MethodHandle recv;

	private static MethodHandle close;

	private static final Arena arena = Arena.ofAuto();

	private static MemorySegment buffer;

	public static void main(String[] args) throws Throwable {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 2000;
		try (ServerSocket listener = new ServerSocket()) {
			listener.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[16]), 0));
			long start = System.nanoTime();
			Linker linker = Linker.nativeLinker();
			SymbolLookup libc = linker.defaultLookup();
			socket = downcall(linker, libc, "socket", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
					ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
			send = downcall(linker, libc, "send", FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
					ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
			recv = downcall(linker, libc, "recv", FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
					ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
			close = downcall(linker, libc, "close", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
			buffer = arena.allocate(1 << 16);
			long linked = System.nanoTime();
			int listeners = listeners(10) + listeners(2);
			int links = interfaces();
			long dumped = System.nanoTime();
			System.out.printf("cold,linker_and_handles_ms,%.1f%n", (linked - start) / 1e6);
			System.out.printf("cold,first_netlink_dumps_ms,%.1f,listeners=%d,link_and_address_messages=%d%n",
					(dumped - linked) / 1e6, listeners, links);
			long jdkStart = System.nanoTime();
			int count = jdkInterfaces();
			System.out.printf("cold,jdk_interfaces_ms,%.1f,interfaces=%d%n", (System.nanoTime() - jdkStart) / 1e6,
					count);
			for (int round = 1; round <= 3; round++) {
				long t = System.nanoTime();
				for (int i = 0; i < rounds; i++) {
					listeners(10);
					listeners(2);
				}
				long diag = (System.nanoTime() - t) / rounds;
				t = System.nanoTime();
				for (int i = 0; i < rounds; i++) {
					firstRows("tcp6");
					firstRows("tcp");
				}
				long proc = (System.nanoTime() - t) / rounds;
				int fewer = Math.max(1, rounds / 10);
				t = System.nanoTime();
				for (int i = 0; i < fewer; i++) {
					interfaces();
				}
				long netlink = (System.nanoTime() - t) / fewer;
				t = System.nanoTime();
				for (int i = 0; i < fewer; i++) {
					jdkInterfaces();
				}
				long jdk = (System.nanoTime() - t) / fewer;
				System.out.printf("warm,%d,sock_diag_listen_both_families_us,%.1f,proc_tcp6_tcp_first_rows_us,%.1f,"
						+ "netlink_links_and_addresses_us,%.1f,jdk_interfaces_us,%.1f%n", round, diag / 1e3, proc / 1e3,
						netlink / 1e3, jdk / 1e3);
			}
		}
	}

	private static MethodHandle downcall(Linker linker, SymbolLookup libc, String name, FunctionDescriptor descriptor) {
		return linker.downcallHandle(libc.find(name).orElseThrow(), descriptor);
	}

	// What Bindscope reads of a table: its first rows, the kernel walking on to the next.
	private static void firstRows(String table) throws IOException {
		try (InputStream in = Files.newInputStream(Path.of("/proc/self/net", table))) {
			in.read(new byte[512]);
		}
	}

	private static int jdkInterfaces() throws IOException {
		int count = 0;
		Enumeration<NetworkInterface> interfaces = NetworkInterface.getNetworkInterfaces();
		while (interfaces.hasMoreElements()) {
			interfaces.nextElement().isUp();
			count++;
		}
		return count;
	}

	private static int listeners(int family) throws Throwable {
		// struct nlmsghdr, then struct inet_diag_req_v2: TCP sockets in state LISTEN only.
		ByteBuffer request = ByteBuffer.allocate(16 + 56).order(ByteOrder.nativeOrder());
		request.putInt(72).putShort((short) 20).putShort(NLM_F_REQUEST_DUMP).putInt(1).putInt(0);
		request.put((byte) family).put((byte) 6).put((byte) 0).put((byte) 0).putInt(1 << 10);
		return dump(NETLINK_SOCK_DIAG, request.array());
	}

	private static int interfaces() throws Throwable {
		ByteBuffer links = ByteBuffer.allocate(32).order(ByteOrder.nativeOrder());
		links.putInt(32).putShort((short) 18).putShort(NLM_F_REQUEST_DUMP).putInt(1).putInt(0);
		ByteBuffer addresses = ByteBuffer.allocate(24).order(ByteOrder.nativeOrder());
		addresses.putInt(24).putShort((short) 22).putShort(NLM_F_REQUEST_DUMP).putInt(2).putInt(0);
		return dump(NETLINK_ROUTE, links.array()) + dump(NETLINK_ROUTE, addresses.array());
	}

	// Sends one dump request and counts the messages of the answer, every one read.
	private static int dump(int protocol, byte[] request) throws Throwable {
		int fd = (int) socket.invokeExact(AF_NETLINK, SOCK_RAW_CLOEXEC, protocol);
		if (fd < 0) {
			throw new IOException("socket(AF_NETLINK) failed");
		}
		int messages = 0;
		try {
			MemorySegment segment = arena.allocate(request.length);
			MemorySegment.copy(MemorySegment.ofArray(request), 0, segment, 0, request.length);
			long sent = (long) send.invokeExact(fd, segment, (long) request.length, 0);
			if (sent != request.length) {
				throw new IOException("send to netlink failed");
			}
			while (true) {
				long received = (long) recv.invokeExact(fd, buffer, buffer.byteSize(), 0);
				if (received <= 0) {
					throw new IOException("recv from netlink failed");
				}
				int offset = 0;
				while (offset + 16 <= received) {
					int length = buffer.get(ValueLayout.JAVA_INT_UNALIGNED, offset);
					short type = buffer.get(ValueLayout.JAVA_SHORT_UNALIGNED, offset + 4);
					if (type == NLMSG_DONE) {
						return messages;
					}
					if (type == NLMSG_ERROR) {
						throw new IOException("netlink answered an error");
					}
					messages++;
					offset += (length + 3) & ~3;
				}
			}
		}
		finally {
			int closed = (int) close.invokeExact(fd);
		}
	}

}
