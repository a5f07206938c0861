#!/usr/bin/env bash
# Report time at scale, inside a test host of its own: a network namespace with up to
# 1,000 interfaces (veth pairs, each end with one address from the benchmarking range
# 198.18.0.0/15 and one from the documentation range 2001:db8::/32, no DAD, no
# auto-generated link-local addresses) and up to 10,000+ established TCP connections over
# the namespace's own loopback (hold_connections.py). At every interface count x socket
# count it records:
#   - timer.csv: LiveReportTimer in a fresh JVM per part (interfaces, sockets, whole
#     report): cold (first call) and warm (median of the next calls) times;
#   - app.csv: the sample app started in the namespace (binding the wildcard, so every
#     address is listed) with Bindscope's DEBUG timing line: the startup report's time, the
#     CPU time of its thread in it, and Boot's "Started ... in";
#   - ss.csv: wall time of ss -ltn and ss -ltnp, run in the namespace on the same state;
#   - footprint.csv: ReportFootprint, the heap a report of the test host holds;
#   - app-before.csv, with -b REF: the sample app built from an earlier revision, started
#     in alternation with the work tree's (ABBA), for before/after figures.
# Then it draws report-time.svg. Traffic stays on the namespace's loopback; nothing
# connects to the interface addresses. The namespace is deleted on exit, however it ends.
#
#   benchmarks/scripts/scale.sh [-i "10 100 1000"] [-s "100 1000 10000"] [-a APP_RUNS]
#                               [-t TIMER_RUNS] [-r SS_RUNS] [-b REF] [-o DIR]
set -euo pipefail
source "$(dirname "$0")/common.sh"
scripts="$root/benchmarks/scripts"

interface_counts="10 100 1000"
socket_counts="100 1000 10000"
app_runs=3
timer_runs=3
ss_runs=5
ref=""
out="$root/benchmarks/target/results/scale-$(date -u +%Y%m%dT%H%M%SZ)"
while getopts 'i:s:a:t:r:b:o:' option; do
	case "$option" in
		i) interface_counts="$OPTARG" ;;
		s) socket_counts="$OPTARG" ;;
		a) app_runs="$OPTARG" ;;
		t) timer_runs="$OPTARG" ;;
		r) ss_runs="$OPTARG" ;;
		b) ref="$OPTARG" ;;
		o) out="$OPTARG" ;;
		*) die "usage: $0 [-i INTERFACE_COUNTS] [-s SOCKET_COUNTS] [-a APP_RUNS] [-t TIMER_RUNS] [-r SS_RUNS] [-b REF] [-o DIR]" ;;
	esac
done
previous=0
for count in $interface_counts; do
	[ "$count" -ge 2 ] && [ "$count" -le 2000 ] && [ $((count % 2)) -eq 0 ] && [ "$count" -gt "$previous" ] ||
		die "interface counts must be even, 2 to 2000, in increasing order"
	previous="$count"
done
for count in $socket_counts; do
	[ "$count" -ge 0 ] && [ "$count" -le 50000 ] || die "socket counts must be 0 to 50000"
done
for runs in "$app_runs" "$timer_runs" "$ss_runs"; do
	[ "$runs" -ge 1 ] && [ "$runs" -le 50 ] || die "run counts must be 1 to 50"
done
[ "$(id -u)" -eq 0 ] || die "creating a network namespace needs root"
for tool in ip ss curl python3; do
	command -v "$tool" >/dev/null || die "$tool is needed"
done

ns="bindscope-bench-$$"
holder_pid=""
tree=""
cleanup() {
	stop_app
	if [ -n "$holder_pid" ]; then
		kill -TERM "$holder_pid" 2>/dev/null || true
		wait "$holder_pid" 2>/dev/null || true
	fi
	ip netns del "$ns" 2>/dev/null || true
	[ -z "$tree" ] || rm -rf "$tree"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$out/logs"
build_benchmarks
build_sample_classpath "$out/app.classpath"
if [ -n "$ref" ]; then
	tree="$(mktemp -d -t bindscope-bench-XXXXXX)"
	git -C "$root" archive "$ref" | tar -x -C "$tree"
	build_sample_classpath "$out/app-before.classpath" "$tree"
fi

log "creating test host $ns"
ip netns add "$ns"
in_host=(ip netns exec "$ns")
"${in_host[@]}" sysctl -q -w net.ipv6.conf.default.addr_gen_mode=1 ||
	log "cannot turn off link-local address generation; counts include fe80:: addresses"
ip -n "$ns" link set lo up
{
	echo "test host: network namespace, veth pairs, addresses 198.18.0.0/15 and 2001:db8::/32"
	echo "interface counts: $interface_counts; socket counts: $socket_counts"
	echo "app runs per state: $app_runs; timer runs per part and state: $timer_runs; ss runs: $ss_runs"
	echo "code: work tree at $(git -C "$root" rev-parse --short HEAD)${ref:+, before: $ref}"
	echo "JVM_OPTS: ${JVM_OPTS:-}"
	machine_summary
} >"$out/run.txt"

created=0
grow_interfaces() {
	local target="$1" batch="$out/ip.batch" index pair host
	: >"$batch"
	for ((index = created; index < target; index++)); do
		pair=$((index / 2))
		if [ $((index % 2)) -eq 0 ]; then
			echo "link add bs${pair}a type veth peer name bs${pair}b" >>"$batch"
		fi
		name="bs${pair}$([ $((index % 2)) -eq 0 ] && echo a || echo b)"
		host=$((index + 1))
		echo "addr add 198.$((18 + host / 65536)).$((host / 256 % 256)).$((host % 256))/32 dev $name" >>"$batch"
		printf 'addr add 2001:db8::%x/128 dev %s nodad\n' "$host" "$name" >>"$batch"
		echo "link set $name up" >>"$batch"
	done
	if [ -s "$batch" ]; then
		timeout 600 ip -n "$ns" -batch "$batch"
	fi
	created="$target"
}

log "starting the connection holder"
coproc HOLDER { "${in_host[@]}" python3 "$scripts/hold_connections.py" --max-seconds 7200; }
holder_pid="$HOLDER_PID"
read -r -t 30 word _ <&"${HOLDER[0]}" && [ "$word" = listening ] || die "the connection holder did not start"
hold_connections() {
	local reply count
	echo "$1" >&"${HOLDER[1]}"
	read -r -t 600 reply count <&"${HOLDER[0]}" && [ "$reply" = ready ] && [ "$count" = "$1" ] ||
		die "the connection holder did not reach $1 connections"
}

echo "interfaces,sockets,rows,addresses,part,cold_us,warm_median_us,warm_min_us,warm_max_us,count" >"$out/timer.csv"
echo "interfaces,sockets,rows,addresses,run,report_ms,listed_addresses,started_s,report_cpu_ms" >"$out/app.csv"
echo "interfaces,sockets,rows,addresses,command,run,ms" >"$out/ss.csv"
echo "interfaces,sockets,rows,addresses,listed_addresses,objects,bytes" >"$out/footprint.csv"
[ -z "$ref" ] || head -n 1 "$out/app.csv" >"$out/app-before.csv"
# Starts the sample app (the work tree's, or with "before" the earlier revision's) in the
# test host and records the startup report's time from its DEBUG line.
time_app() {
	local variant="$1" state="$2" run="$3" classpath="$out/app.classpath" csv="$out/app.csv" app_log timing started
	if [ "$variant" = before ]; then
		classpath="$out/app-before.classpath"
		csv="$out/app-before.csv"
	fi
	app_log="$out/logs/app-$variant-${state//,/-}-$run.log"
	start_app "$classpath" "$app_log" --server.port=8080 --logging.level.io.github.bindscope=debug
	wait_ready "http://127.0.0.1:8080/" 180 >/dev/null || die "the app did not answer, see $app_log"
	stop_app
	timing="$(grep -m1 -oE 'report of [0-9]+ listeners and [0-9]+ addresses took [0-9.]+ ms( \([0-9.]+ ms of CPU\))?' \
		"$app_log")" || die "no report timing in $app_log"
	started="$(grep -m1 -oE 'Started [A-Za-z]+ in [0-9.]+ seconds' "$app_log" | awk '{print $4}')"
	# The report thread's CPU time is logged since 0.1.0's issue 14 work; earlier builds
	# leave the column empty.
	echo "$state,$run,$(echo "$timing" | awk '{print $9 "," $6}'),$started,$(echo "$timing" | awk '{print substr($11, 2)}')" \
		>>"$csv"
	# The log lists every URL; keep only the first lines of each.
	cut -c1-400 "$app_log" >"$app_log.cut" && mv "$app_log.cut" "$app_log"
}
for interfaces in $interface_counts; do
	log "growing the test host to $interfaces interfaces"
	grow_interfaces "$interfaces"
	for sockets in $socket_counts; do
		hold_connections "$sockets"
		rows="$("${in_host[@]}" cat /proc/net/tcp /proc/net/tcp6 | grep -cE '^ *[0-9]+:' || true)"
		addresses="$("${in_host[@]}" ip -o addr show | wc -l)"
		state="$interfaces,$sockets,$rows,$addresses"
		log "state: $interfaces interfaces ($addresses addresses), $sockets connections ($rows socket table rows)"
		for run in $(seq 1 "$timer_runs"); do
			for part in interfaces sockets report; do
				# shellcheck disable=SC2086
				line="$("${in_host[@]}" timeout 120 java ${JVM_OPTS:-} -cp "$bench_jar" \
					io.github.bindscope.benchmarks.LiveReportTimer "$part" 20)" || die "LiveReportTimer $part failed"
				echo "$state,$line" >>"$out/timer.csv"
			done
		done
		for run in $(seq 1 "$app_runs"); do
			variants="new"
			if [ -n "$ref" ]; then
				# ABBA: the two builds take turns at going first.
				variants="$([ $((run % 2)) -eq 1 ] && echo "new before" || echo "before new")"
			fi
			for variant in $variants; do
				time_app "$variant" "$state" "$run"
			done
		done
		# shellcheck disable=SC2086
		line="$("${in_host[@]}" timeout 120 java ${JVM_OPTS:-} -cp "$bench_jar" \
			io.github.bindscope.benchmarks.ReportFootprint)" || die "ReportFootprint failed"
		# JOL prints its notes on standard output too; the figures are the last line.
		echo "$state,${line##*$'\n'}" >>"$out/footprint.csv"
		for command in "ss -ltn" "ss -ltnp"; do
			# shellcheck disable=SC2086
			"${in_host[@]}" python3 - "$ss_runs" $command <<'PY' | sed "s/^/$state,$command,/" >>"$out/ss.csv"
import subprocess, sys, time
runs, command = int(sys.argv[1]), sys.argv[2:]
for run in range(1, runs + 1):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True, timeout=120)
    print("%d,%.2f" % (run, (time.perf_counter() - start) * 1000))
PY
		done
	done
done

python3 "$scripts/plot_report_time.py" "$out" "$out/report-time.svg"
python3 - "$out" >"$out/summary.txt" <<'PY'
import csv, os, statistics, sys
out = sys.argv[1]
def med(values):
    return statistics.median(values) if values else float("nan")
timer = list(csv.DictReader(open(os.path.join(out, "timer.csv"))))
app = list(csv.DictReader(open(os.path.join(out, "app.csv"))))
ss = list(csv.DictReader(open(os.path.join(out, "ss.csv"))))
before_path = os.path.join(out, "app-before.csv")
before = list(csv.DictReader(open(before_path))) if os.path.exists(before_path) else []
footprint = list(csv.DictReader(open(os.path.join(out, "footprint.csv"))))
states = sorted({(int(r["interfaces"]), int(r["sockets"])) for r in timer})
print("interfaces,sockets,rows,addresses,app_report_ms_median,app_report_ms_max,cold_report_ms,warm_report_ms,"
      "cold_interfaces_ms,cold_sockets_ms,ss_ltn_ms,ss_ltnp_ms,app_ratio_to_ss_ltnp,app_before_ms_median,"
      "footprint_bytes,app_report_cpu_ms_median")
for i, s in states:
    t = [r for r in timer if int(r["interfaces"]) == i and int(r["sockets"]) == s]
    a = [float(r["report_ms"]) for r in app if int(r["interfaces"]) == i and int(r["sockets"]) == s]
    def part(name, column):
        return med([float(r[column]) / 1000 for r in t if r["part"] == name])
    def ss_ms(command):
        return med([float(r["ms"]) for r in ss if int(r["interfaces"]) == i and int(r["sockets"]) == s
                    and r["command"] == command])
    b = [float(r["report_ms"]) for r in before if int(r["interfaces"]) == i and int(r["sockets"]) == s]
    f = [r["bytes"] for r in footprint if int(r["interfaces"]) == i and int(r["sockets"]) == s]
    c = [float(r["report_cpu_ms"]) for r in app if int(r["interfaces"]) == i and int(r["sockets"]) == s
         and r.get("report_cpu_ms")]
    print("%d,%d,%s,%s,%.1f,%.1f,%.1f,%.2f,%.1f,%.1f,%.1f,%.1f,%.2f,%.1f,%s,%.1f" % (i, s, t[0]["rows"],
          t[0]["addresses"], med(a), max(a) if a else float("nan"), part("report", "cold_us"),
          part("report", "warm_median_us"), part("interfaces", "cold_us"), part("sockets", "cold_us"),
          ss_ms("ss -ltn"), ss_ms("ss -ltnp"), med(a) / ss_ms("ss -ltnp"), med(b), f[0] if f else "", med(c)))
PY
cat "$out/summary.txt"
log "results in $out"
