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
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Reads the TCP sockets this process is listening on from the Linux {@code procfs} socket
 * tables ({@code net/tcp} and {@code net/tcp6}). Only sockets whose inode belongs to one
 * of this process's file descriptors are reported, because the tables list every socket
 * of the network namespace, including those of other processes.
 *
 * @since 0.1.0
 */
public final class ProcSocketTable {

	/**
	 * The usual mount point of {@code procfs}.
	 */
	public static final Path DEFAULT_ROOT = Path.of("/proc");

	private static final char[] LISTEN_STATE = { '0', 'A' };

	private static final int INODE_FIELD = 9;

	private static final int IPV4_HEX_LENGTH = 8;

	private static final int IPV6_HEX_LENGTH = 32;

	private static final int WORD_HEX_LENGTH = 8;

	private static final int MAX_INODE_DIGITS = 18;

	private static final String SOCKET_LINK_PREFIX = "socket:[";

	private static final char SYN_RECV_STATE = '3';

	private static final String TCP_COUNTER = "TCP:";

	private static final String TCP6_COUNTER = "TCP6:";

	// sockstat is a few short lines.
	private static final int COUNTERS_SIZE = 1024;

	// Far longer than any row the kernel prints (about 150 bytes).
	private static final int BUFFER_SIZE = 64 * 1024;

	// A few rows: the kernel prints at least what is asked for, walking its hash for it.
	private static final int FIRST_READ_SIZE = 512;

	private static final Comparator<InetAddress> ADDRESS_ORDER = Comparator
		.comparingInt((InetAddress address) -> address.getAddress().length)
		.thenComparing(InetAddress::getAddress, Arrays::compareUnsigned);

	private static final Comparator<ListeningSocket> SOCKET_ORDER = Comparator.comparingInt(ListeningSocket::port)
		.thenComparing(ListeningSocket::address, ADDRESS_ORDER);

	private final Path procRoot;

	private final ByteOrder byteOrder;

	// Which of the listening sockets seen last were this process's, and through which
	// descriptor: see ownSocketInodes.
	private volatile @Nullable Ownership ownership;

	/**
	 * Create a reader for the {@code procfs} mounted at the given root.
	 * @param procRoot the {@code procfs} root, usually {@link #DEFAULT_ROOT}
	 */
	public ProcSocketTable(Path procRoot) {
		this(procRoot, ByteOrder.nativeOrder());
	}

	// The kernel prints addresses in its own byte order; tests pin it so that fixtures
	// taken from a little-endian machine decode the same everywhere.
	ProcSocketTable(Path procRoot, ByteOrder byteOrder) {
		this.procRoot = Objects.requireNonNull(procRoot, "'procRoot' must not be null");
		this.byteOrder = Objects.requireNonNull(byteOrder, "'byteOrder' must not be null");
	}

	/**
	 * Whether {@code <root>/self/net/tcp} exists and is readable, that is whether this is
	 * Linux with {@code procfs} mounted at the root.
	 * @return {@code true} if the socket tables can be consulted
	 */
	public boolean isAvailable() {
		Path table = tcpTable();
		return Files.isRegularFile(table) && Files.isReadable(table);
	}

	/**
	 * Return the TCP sockets in {@code LISTEN} state that belong to this process, sorted
	 * by port and then by address, IPv4 before IPv6. A local address and port held by
	 * several sockets is reported once. Returns an empty list when no socket table
	 * exists.
	 * @return the listening sockets of this process, never {@code null}
	 * @throws SocketTableException if a socket table exists but cannot be read, or if the
	 * file descriptors of this process cannot be listed
	 */
	public List<ListeningSocket> listeningSockets() {
		List<ListeningSocket> sockets = new ArrayList<>();
		Path net = selfPath().resolve("net");
		boolean tcpRead = readTable(tcpTable(), net.resolve("sockstat"), TCP_COUNTER, sockets);
		// A missing tcp6 table only means IPv6 is disabled.
		boolean tcp6Read = readTable(net.resolve("tcp6"), net.resolve("sockstat6"), TCP6_COUNTER, sockets);
		if (!tcpRead && !tcp6Read) {
			return List.of();
		}
		Set<Long> listenInodes = new HashSet<>();
		for (ListeningSocket socket : sockets) {
			listenInodes.add(socket.inode());
		}
		Set<Long> ownInodes = ownSocketInodes(listenInodes);
		sockets.removeIf((socket) -> !ownInodes.contains(socket.inode()));
		sockets.sort(SOCKET_ORDER);
		List<ListeningSocket> unique = new ArrayList<>(sockets.size());
		for (ListeningSocket socket : sockets) {
			// Sorting is stable and keys equal sockets next to each other, so the first
			// row of the tables wins.
			if (unique.isEmpty() || SOCKET_ORDER.compare(unique.get(unique.size() - 1), socket) != 0) {
				unique.add(socket);
			}
		}
		return List.copyOf(unique);
	}

	private Path selfPath() {
		return this.procRoot.resolve("self");
	}

	private Path tcpTable() {
		return selfPath().resolve("net").resolve("tcp");
	}

	/**
	 * Read the listening sockets of a table, unless the network namespace has no TCP
	 * socket of its family at all.
	 * <p>
	 * Reading the last listening row makes the kernel look for the row after it: it walks
	 * its established hash from the first bucket until it finds a socket of the family in
	 * this network namespace, and through every bucket when there is none, which took
	 * milliseconds on a machine with a large hash. The JDK opens IPv6 sockets wherever
	 * IPv6 is available (IPv4 addresses are mapped into them), so in a container that has
	 * just started the IPv4 table often holds no socket at all: the namespace's count of
	 * sockets of the family in use ({@code sockstat}), which counts every listening
	 * socket, then tells that there is nothing to read. A count that cannot be read or
	 * parsed reads the table as before.
	 * @param table the table
	 * @param counters the {@code sockstat} file that counts the family's sockets
	 * @param counter the label of the family's TCP line in it
	 * @param sink the list to add the listening sockets to
	 * @return whether the table exists
	 */
	private boolean readTable(Path table, Path counters, String counter, List<ListeningSocket> sink) {
		if (socketsInUse(counters, counter) == 0 && Files.exists(table)) {
			return true;
		}
		try (InputStream in = Files.newInputStream(table)) {
			readListenRows(in, sink);
			return true;
		}
		catch (NoSuchFileException ex) {
			return false;
		}
		catch (IOException ex) {
			throw new SocketTableException("Cannot read socket table '" + table + "' (" + describe(ex)
					+ "). Make sure the process may read its own procfs entries;"
					+ " until then only the configured connectors will be reported.", ex);
		}
	}

	/**
	 * Return the number of TCP sockets of one family in use in this network namespace, as
	 * {@code sockstat} counts them: every socket hashed by the kernel, listening ones
	 * included, {@code TIME_WAIT} ones not.
	 * @param counters the {@code sockstat} or {@code sockstat6} file
	 * @param counter the label of the TCP line, such as {@code TCP:}
	 * @return the count, or -1 if it cannot be read
	 */
	static long socketsInUse(Path counters, String counter) {
		byte[] bytes = new byte[COUNTERS_SIZE];
		int length = 0;
		try (InputStream in = Files.newInputStream(counters)) {
			int read;
			while (length < bytes.length && (read = in.read(bytes, length, bytes.length - length)) > 0) {
				length += read;
			}
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
		String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
		String prefix = counter + " inuse ";
		int start = 0;
		if (!text.startsWith(prefix)) {
			int line = text.indexOf("\n" + prefix);
			if (line < 0) {
				return -1;
			}
			start = line + 1;
		}
		int digits = start + prefix.length();
		return parseDecimal(text, digits, tokenEnd(text, digits));
	}

	/**
	 * Read the rows of the listening section of a table, scanning them as bytes and
	 * turning only {@code LISTEN} rows into strings. The kernel prints every listening
	 * socket first (its listening hash) and then every other socket (the established
	 * hash, connections and {@code TIME_WAIT} alike), so reading stops at the first row
	 * of any other state. That matters more than it seems: the kernel walks its whole
	 * established hash, hundreds of thousands of buckets on a large machine, to print the
	 * rest of the table, which took milliseconds per read however few connections there
	 * were. Reads are small at first so that the kernel stops soon after the listening
	 * section; they grow with a long one. Kernels before 4.4 printed the pending
	 * connection requests ({@code SYN_RECV}) of each listener right after it, inside the
	 * listening section, so those rows do not end it.
	 * <p>
	 * Rows end at {@code \n} or {@code \r}, as {@link java.io.BufferedReader#readLine()}
	 * splits them; a line longer than the buffer is no row the kernel prints and is
	 * skipped.
	 * @param in the table
	 * @param sink the list to add the listening sockets to
	 * @throws IOException if the table cannot be read
	 */
	private void readListenRows(InputStream in, List<ListeningSocket> sink) throws IOException {
		byte[] buffer = new byte[BUFFER_SIZE];
		int filled = 0;
		long consumed = 0;
		boolean skipping = false;
		while (true) {
			int size = (int) Math.max(FIRST_READ_SIZE, Math.min(buffer.length, consumed / 4));
			int read = in.read(buffer, filled, Math.min(size, buffer.length - filled));
			if (read > 0) {
				filled += read;
			}
			int lineStart = 0;
			for (int index = 0; index < filled; index++) {
				byte b = buffer[index];
				if (b == '\n' || b == '\r') {
					if (!skipping && !addListenRow(buffer, lineStart, index, sink)) {
						return;
					}
					skipping = false;
					lineStart = index + 1;
				}
			}
			if (read < 0) {
				if (!skipping && lineStart < filled) {
					addListenRow(buffer, lineStart, filled, sink);
				}
				return;
			}
			consumed += lineStart;
			if (lineStart == 0 && filled == buffer.length) {
				skipping = true;
				filled = 0;
			}
			else {
				System.arraycopy(buffer, lineStart, buffer, 0, filled - lineStart);
				filled -= lineStart;
			}
		}
	}

	/**
	 * Add the socket of a {@code LISTEN} row, and return whether the listening section
	 * goes on: {@code false} for a row of any other state, except {@code SYN_RECV}. Lines
	 * that are not rows (the header, malformed lines) neither add nor end anything.
	 * @param buffer the bytes read from the table
	 * @param start the index of the line's first byte
	 * @param end the index after the line's last byte
	 * @param sink the list to add the socket to
	 * @return whether the listening section goes on after this line
	 */
	private boolean addListenRow(byte[] buffer, int start, int end, List<ListeningSocket> sink) {
		int slotStart = skipSpaces(buffer, start, end);
		int slotEnd = tokenEnd(buffer, slotStart, end);
		int localStart = skipSpaces(buffer, slotEnd, end);
		int localEnd = tokenEnd(buffer, localStart, end);
		int stateStart = skipSpaces(buffer, tokenEnd(buffer, skipSpaces(buffer, localEnd, end), end), end);
		int stateEnd = tokenEnd(buffer, stateStart, end);
		if (stateEnd - stateStart != LISTEN_STATE.length) {
			return true;
		}
		if (buffer[stateStart] != '0' || (buffer[stateStart + 1] != 'A' && buffer[stateStart + 1] != 'a')) {
			boolean row = isSlot(buffer, slotStart, slotEnd) && hexDigit((char) buffer[stateStart]) >= 0
					&& hexDigit((char) buffer[stateStart + 1]) >= 0;
			return !row || (buffer[stateStart] == '0' && buffer[stateStart + 1] == SYN_RECV_STATE);
		}
		// ISO-8859-1 maps every byte to a character, so stray bytes make a row malformed
		// instead of failing the whole read.
		// The fields found so far are not looked for again: the text starts at the local
		// address and ends with the line.
		ListeningSocket socket = parseListenRow(
				new String(buffer, localStart, end - localStart, StandardCharsets.ISO_8859_1), localEnd - localStart,
				stateEnd - localStart, this.byteOrder);
		if (socket != null) {
			sink.add(socket);
		}
		return true;
	}

	// The slot number that starts every row, such as "12:".
	private static boolean isSlot(byte[] buffer, int start, int end) {
		if (end - start < 2 || buffer[end - 1] != ':') {
			return false;
		}
		for (int index = start; index < end - 1; index++) {
			if (buffer[index] < '0' || buffer[index] > '9') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Return those of the given socket inodes that belong to one of this process's file
	 * descriptors. Listening sockets are usually opened early and so have low descriptor
	 * numbers, while a busy server holds thousands of connections after them: the scan
	 * stops as soon as every candidate is found, which is at once when no other process
	 * in the network namespace listens (a container, a pod).
	 * <p>
	 * Where other processes listen too, the scan has to read every descriptor to prove
	 * that their sockets are not this process's: thousands on a busy server, at every
	 * report. So the outcome is kept, and while the table shows no listening socket that
	 * was not there at the last scan, the next report only checks that each descriptor
	 * found then still holds its socket. A listening socket that was another process's
	 * stays another process's: this process could only come to hold it if that process
	 * passed it a descriptor (over a Unix socket, or through {@code pidfd_getfd}), which
	 * the JDK offers no way to receive. A new listening socket, or a descriptor that no
	 * longer holds its socket, makes the next report scan again.
	 * @param candidates the inodes of the listening sockets in the table
	 * @return the candidates that are sockets of this process
	 */
	private Set<Long> ownSocketInodes(Set<Long> candidates) {
		Ownership known = this.ownership;
		Set<Long> own = (known != null) ? known.stillOwned(candidates) : null;
		if (own != null) {
			return own;
		}
		Path fdDirectory = selfPath().resolve("fd");
		Map<Long, Path> found = new HashMap<>();
		try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(fdDirectory)) {
			Iterator<Path> iterator = descriptors.iterator();
			while (found.size() < candidates.size() && iterator.hasNext()) {
				Path descriptor = iterator.next();
				long inode = socketInode(descriptor);
				if (candidates.contains(inode)) {
					found.putIfAbsent(inode, descriptor);
				}
			}
		}
		catch (IOException | DirectoryIteratorException ex) {
			throw new SocketTableException("Cannot list the file descriptors in '" + fdDirectory + "' (" + describe(ex)
					+ "). The process may lack permission to inspect itself, for example when"
					+ " procfs is mounted with hidepid or a security module restricts access."
					+ " Only the configured connectors will be reported.", ex);
		}
		this.ownership = new Ownership(Set.copyOf(candidates), Map.copyOf(found));
		return found.keySet();
	}

	private static String describe(Exception ex) {
		// A DirectoryIteratorException wraps the IOException that ended the listing: its
		// constructor requires one, though Throwable.getCause() may return null.
		Throwable cause = (ex instanceof DirectoryIteratorException iteration && iteration.getCause() != null)
				? iteration.getCause() : ex;
		String message = cause.getMessage();
		return cause.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	private static long socketInode(Path descriptor) {
		String target;
		try {
			target = Files.readSymbolicLink(descriptor).toString();
		}
		catch (IOException | UnsupportedOperationException ex) {
			// Descriptors are opened and closed concurrently by other threads.
			return -1;
		}
		if (!target.startsWith(SOCKET_LINK_PREFIX) || !target.endsWith("]")) {
			return -1;
		}
		return parseDecimal(target, SOCKET_LINK_PREFIX.length(), target.length() - 1);
	}

	/**
	 * Parse the rest of a {@code LISTEN} row whose fields up to the state the scan has
	 * already found, returning {@code null} for a malformed one.
	 * @param line the row from its local address on
	 * @param localEnd the index after the local address
	 * @param stateEnd the index after the state
	 * @param byteOrder the byte order the kernel writes addresses in
	 * @return the listening socket, or {@code null}
	 */
	private static @Nullable ListeningSocket parseListenRow(String line, int localEnd, int stateEnd,
			ByteOrder byteOrder) {
		int position = stateEnd;
		for (int field = 4; field < INODE_FIELD; field++) {
			position = tokenEnd(line, skipSpaces(line, position));
		}
		int inodeStart = skipSpaces(line, position);
		long inode = parseDecimal(line, inodeStart, tokenEnd(line, inodeStart));
		if (inode < 0) {
			return null;
		}
		int colon = line.indexOf(':');
		if (colon < 0 || colon >= localEnd) {
			return null;
		}
		int portLength = localEnd - colon - 1;
		long port = (portLength >= 1 && portLength <= 4) ? parseHex(line, colon + 1, localEnd) : -1;
		InetAddress address = decodeAddress(line, 0, colon, byteOrder);
		if (port < 0 || address == null) {
			return null;
		}
		return new ListeningSocket(address, (int) port, inode);
	}

	// Each 32-bit word of the address is printed as a number in the kernel's byte order,
	// so the words have to be written back in that order to recover network order.
	private static @Nullable InetAddress decodeAddress(String line, int start, int end, ByteOrder byteOrder) {
		int hexLength = end - start;
		if (hexLength != IPV4_HEX_LENGTH && hexLength != IPV6_HEX_LENGTH) {
			return null;
		}
		ByteBuffer bytes = ByteBuffer.allocate(hexLength / 2).order(byteOrder);
		for (int word = start; word < end; word += WORD_HEX_LENGTH) {
			long value = parseHex(line, word, word + WORD_HEX_LENGTH);
			if (value < 0) {
				return null;
			}
			bytes.putInt((int) value);
		}
		try {
			return InetAddress.getByAddress(bytes.array());
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private static int skipSpaces(byte[] buffer, int from, int end) {
		int index = from;
		while (index < end && (buffer[index] & 0xff) <= ' ') {
			index++;
		}
		return index;
	}

	private static int tokenEnd(byte[] buffer, int from, int end) {
		int index = from;
		while (index < end && (buffer[index] & 0xff) > ' ') {
			index++;
		}
		return index;
	}

	private static int skipSpaces(String line, int from) {
		int index = from;
		while (index < line.length() && line.charAt(index) <= ' ') {
			index++;
		}
		return index;
	}

	private static int tokenEnd(String line, int from) {
		int index = from;
		while (index < line.length() && line.charAt(index) > ' ') {
			index++;
		}
		return index;
	}

	private static long parseHex(String text, int start, int end) {
		if (start >= end || end - start > WORD_HEX_LENGTH) {
			return -1;
		}
		long value = 0;
		for (int index = start; index < end; index++) {
			int digit = hexDigit(text.charAt(index));
			if (digit < 0) {
				return -1;
			}
			value = (value << 4) | digit;
		}
		return value;
	}

	// Character.digit would also accept non-ASCII digits, which the kernel never prints.
	private static int hexDigit(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if (c >= 'A' && c <= 'F') {
			return c - 'A' + 10;
		}
		if (c >= 'a' && c <= 'f') {
			return c - 'a' + 10;
		}
		return -1;
	}

	private static long parseDecimal(String text, int start, int end) {
		if (start >= end || end - start > MAX_INODE_DIGITS) {
			return -1;
		}
		long value = 0;
		for (int index = start; index < end; index++) {
			char c = text.charAt(index);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	/**
	 * The listening sockets of the last descriptor scan, and the descriptor through which
	 * this process held each of its own.
	 *
	 * @param candidates the inodes of every listening socket the tables showed
	 * @param descriptors a descriptor of each of them that was this process's, by inode
	 */
	private record Ownership(Set<Long> candidates, Map<Long, Path> descriptors) {

		/**
		 * Return which of the given listening sockets are this process's, if the last
		 * scan still tells: none of them is new and each of its own is still held through
		 * the same descriptor.
		 * @param current the inodes of the listening sockets the tables show now
		 * @return the inodes of this process's sockets, or {@code null} to scan again
		 */
		@Nullable Set<Long> stillOwned(Set<Long> current) {
			if (!this.candidates.containsAll(current)) {
				return null;
			}
			Set<Long> own = new HashSet<>();
			for (Long inode : current) {
				Path descriptor = this.descriptors.get(inode);
				if (descriptor != null) {
					if (socketInode(descriptor) != inode) {
						return null;
					}
					own.add(inode);
				}
			}
			return own;
		}

	}

}
