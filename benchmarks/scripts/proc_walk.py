#!/usr/bin/env python3
"""What reading the listening section of /proc/net/tcp6 costs, by what else the network
namespace holds: Bindscope stops reading after the last listening row, but to print that row
the kernel looks for the next one, walking its established hash (shared by every namespace)
from the first bucket to the first socket of the table's family in this namespace. Run by
kernel-paths.sh inside a test host of its own: it opens a listener on the IPv6 wildcard and
connections over the namespace's own 127.0.0.1 and ::1, and prints the best time of many
512-byte reads (what Bindscope's first read asks) in microseconds, as CSV.

    proc_walk.py [IPV4_CONNECTIONS] [IPV6_CONNECTIONS]
"""

import os
import resource
import socket
import sys
import time


def best(path, size=512, runs=300):
    fastest = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fd = os.open(path, os.O_RDONLY)
        os.read(fd, size)
        os.close(fd)
        fastest = min(fastest, time.perf_counter() - start)
    return fastest * 1e6


def connections(family, host, count):
    server = socket.socket(family)
    server.bind((host, 0))
    server.listen(4096)
    port = server.getsockname()[1]
    held = [server]
    for _ in range(count):
        client = socket.socket(family)
        client.connect((host, port))
        accepted, _ = server.accept()
        held += [client, accepted]
    return held


def main():
    ipv4 = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    ipv6 = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    if not (0 <= ipv4 <= 20000 and 0 <= ipv6 <= 20000):
        sys.exit("connection counts must be 0 to 20000")
    resource.setrlimit(resource.RLIMIT_NOFILE, (2 * (ipv4 + ipv6) + 100,) * 2)
    listener = socket.socket(socket.AF_INET6)
    listener.bind(("::", 0))
    listener.listen()
    print("state,table,best_us")
    print("IPv6 listener only,tcp6,%.0f" % best("/proc/self/net/tcp6"))
    print("IPv6 listener only,sockstat,%.0f" % best("/proc/self/net/sockstat", 1024))
    held = connections(socket.AF_INET, "127.0.0.1", ipv4)
    print("and %d IPv4 connections,tcp6,%.0f" % (ipv4, best("/proc/self/net/tcp6")))
    print("and %d IPv4 connections,tcp,%.0f" % (ipv4, best("/proc/self/net/tcp")))
    held += connections(socket.AF_INET6, "::1", ipv6)
    print("and %d IPv6 connections,tcp6,%.0f" % (ipv6, best("/proc/self/net/tcp6")))
    for s in held:
        s.close()


if __name__ == "__main__":
    main()
