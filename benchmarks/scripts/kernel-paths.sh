#!/usr/bin/env bash
# What the kernel's other paths would cost, measured where Bindscope's cost is measured: in a
# test host of its own (a network namespace with 1,000 interfaces as scale.sh builds them).
#   - proc_walk.csv: the first read of /proc/net/tcp6 and tcp with only a listener in the
#     table's family, then beside IPv4 and IPv6 connections over the namespace's loopback
#     (proc_walk.py);
#   - netlink.csv: netlink sock_diag and RTM_GETADDR through the Foreign Function and Memory
#     API, cold and warm, beside /proc and the JDK's interface listing (NetlinkCost.java, in
#     three fresh JVMs). Needs Java 22 or later: JAVA22_HOME, or java on the PATH.
# Nothing is sent beyond the namespace's loopback; the namespace is deleted on exit.
#
#   benchmarks/scripts/kernel-paths.sh [-p VETH_PAIRS] [-c IPV4_CONNECTIONS] [-o DIR]
set -euo pipefail
source "$(dirname "$0")/common.sh"
scripts="$root/benchmarks/scripts"

pairs=500
ipv4=5000
out="$root/benchmarks/target/results/kernel-paths-$(date -u +%Y%m%dT%H%M%SZ)"
while getopts 'p:c:o:' option; do
	case "$option" in
		p) pairs="$OPTARG" ;;
		c) ipv4="$OPTARG" ;;
		o) out="$OPTARG" ;;
		*) die "usage: $0 [-p VETH_PAIRS] [-c IPV4_CONNECTIONS] [-o DIR]" ;;
	esac
done
[ "$pairs" -ge 0 ] && [ "$pairs" -le 1000 ] || die "veth pairs must be 0 to 1000"
[ "$ipv4" -ge 0 ] && [ "$ipv4" -le 20000 ] || die "connections must be 0 to 20000"
[ "$(id -u)" -eq 0 ] || die "creating a network namespace needs root"
java_bin="${JAVA22_HOME:+$JAVA22_HOME/bin/}java"
javac_bin="${JAVA22_HOME:+$JAVA22_HOME/bin/}javac"
feature="$("$java_bin" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
[ "${feature:-0}" -ge 22 ] 2>/dev/null || die "NetlinkCost needs Java 22 or later: set JAVA22_HOME"

ns="bindscope-kernel-$$"
classes="$(mktemp -d -t bindscope-netlink-XXXXXX)"
trap 'ip netns del "$ns" 2>/dev/null || true; rm -rf "$classes"' EXIT
trap 'exit 130' INT TERM
mkdir -p "$out"
"$javac_bin" -d "$classes" "$scripts/NetlinkCost.java"
{
	echo "test host: network namespace, $pairs veth pairs, addresses 198.18.0.0/15 and 2001:db8::/32"
	echo "java for NetlinkCost: $("$java_bin" -version 2>&1 | head -n 2 | tail -n 1)"
	machine_summary
} >"$out/run.txt"

ip netns add "$ns"
in_host=(ip netns exec "$ns")
"${in_host[@]}" sysctl -q -w net.ipv6.conf.default.addr_gen_mode=1
ip -n "$ns" link set lo up
batch="$out/ip.batch"
: >"$batch"
for pair in $(seq 1 "$pairs"); do
	echo "link add bs${pair}a type veth peer name bs${pair}b" >>"$batch"
	for end in a b; do
		host=$((pair * 2 + $([ "$end" = a ] && echo 0 || echo 1)))
		echo "addr add 198.$((18 + host / 65536)).$((host / 256 % 256)).$((host % 256))/32 dev bs${pair}${end}" >>"$batch"
		printf 'addr add 2001:db8::%x/128 dev %s nodad\n' "$host" "bs${pair}${end}" >>"$batch"
		echo "link set bs${pair}${end} up" >>"$batch"
	done
done
[ ! -s "$batch" ] || timeout 600 ip -n "$ns" -batch "$batch"
log "test host $ns: $(ip -n "$ns" -o addr show | wc -l) addresses"

timeout 600 "${in_host[@]}" python3 "$scripts/proc_walk.py" "$ipv4" 50 >"$out/proc_walk.csv"
cat "$out/proc_walk.csv"
for run in 1 2 3; do
	timeout 300 "${in_host[@]}" "$java_bin" --enable-native-access=ALL-UNNAMED -cp "$classes" NetlinkCost |
		sed "s/^/$run,/"
done | tee "$out/netlink.csv"
log "results in $out"
