#!/usr/bin/env python3
"""Holds established TCP connections over 127.0.0.1, for scale.sh.

Listens on 127.0.0.1 on a port the kernel picks, prints "listening PORT", then reads target
counts from standard input, one a line: for each it opens client connections to itself,
accepts them, until it holds that many, and prints "ready COUNT". Each connection is two
rows of the socket table (client and server end). It connects to its own loopback listener
only. It exits at end of input, on SIGTERM, or after --max-seconds, and closes every socket
with a reset (SO_LINGER 0) so that no TIME_WAIT rows are left behind for the next count.
"""

import argparse
import resource
import select
import signal
import socket
import struct
import sys
import time

MAX_CONNECTIONS = 50_000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-seconds", type=int, default=3600)
    args = parser.parse_args()
    deadline = time.monotonic() + min(args.max_seconds, 4 * 3600)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))

    needed = 2 * MAX_CONNECTIONS + 64
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < needed:
        resource.setrlimit(resource.RLIMIT_NOFILE, (needed, max(hard, needed)))

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(1024)
    port = listener.getsockname()[1]
    held = []
    print("listening", port, flush=True)
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([sys.stdin], [], [], 1.0)
            if not ready:
                continue
            line = sys.stdin.readline()
            if not line:
                break
            target = int(line)
            if not 0 <= target <= MAX_CONNECTIONS:
                print("error count must be 0 to %d" % MAX_CONNECTIONS, flush=True)
                continue
            while len(held) < target and time.monotonic() < deadline:
                client = socket.create_connection(("127.0.0.1", port), timeout=10)
                server, _ = listener.accept()
                held.append((client, server))
            while len(held) > target:
                close(*held.pop())
            print("ready", len(held), flush=True)
    finally:
        for pair in held:
            close(*pair)
        listener.close()


def close(*sockets):
    for sock in sockets:
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
        sock.close()


if __name__ == "__main__":
    main()
