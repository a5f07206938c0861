#!/usr/bin/env python3
"""Holds established TCP connections over 127.0.0.1, for scale.sh.

Listens on 127.0.0.1 on a port the kernel picks, prints "listening PORT", then reads target
counts from standard input, one a line: for each, a child process opens (or closes) client
connections to that port and this process accepts them, until each holds that many ends,
and it prints "ready COUNT". Client and server ends live in two processes, as they would on
a real host, which also keeps each under the open-file limit. Each connection is two rows
of the socket table. Nothing connects anywhere but this listener. Both processes exit at
end of input, on SIGTERM, or after --max-seconds, and close every socket with a reset
(SO_LINGER 0) so that no TIME_WAIT rows are left behind for the next count.
"""

import argparse
import os
import resource
import select
import signal
import socket
import struct
import sys
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-seconds", type=int, default=3600)
    args = parser.parse_args()
    deadline = time.monotonic() + min(args.max_seconds, 4 * 3600)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    limit = max(0, min(hard, 1 << 20) - 64)

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(1024)
    listener.settimeout(60)
    port = listener.getsockname()[1]
    to_child_read, to_child_write = os.pipe()
    child = os.fork()
    if child == 0:
        listener.close()
        os.close(to_child_write)
        clients(to_child_read, port, deadline)
        os._exit(0)
    os.close(to_child_read)

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
            if not 0 <= target <= limit:
                print("error count must be 0 to %d (open-file limit)" % limit, flush=True)
                continue
            os.write(to_child_write, b"%d\n" % target)
            while len(held) < target:
                server, _ = listener.accept()
                held.append(server)
            while len(held) > target:
                close(held.pop())
            print("ready", len(held), flush=True)
    finally:
        os.close(to_child_write)
        for server in held:
            close(server)
        listener.close()
        for _ in range(100):
            if os.waitpid(child, os.WNOHANG)[0]:
                break
            time.sleep(0.1)
        else:
            os.kill(child, signal.SIGKILL)
            os.waitpid(child, 0)


def clients(pipe, port, deadline):
    held = []
    commands = os.fdopen(pipe)
    try:
        while time.monotonic() < deadline:
            line = commands.readline()
            if not line:
                break
            target = int(line)
            while len(held) < target:
                held.append(socket.create_connection(("127.0.0.1", port), timeout=10))
            while len(held) > target:
                close(held.pop())
    finally:
        for client in held:
            close(client)


def close(sock):
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    sock.close()


if __name__ == "__main__":
    main()
