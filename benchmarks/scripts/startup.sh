#!/usr/bin/env bash
# Startup cost of Bindscope: runs the sample app alternately with and without the Bindscope
# jars on the classpath (same main class, arguments and JVM flags), on 127.0.0.1 and a free
# port, and records Spring Boot's "Started ... in X seconds", the time from starting the
# JVM to the first successful request, and the CPU time (user + system, all threads) the
# JVM had used when it logged "Started". A third variant, "control", is the app without
# Bindscope again: the ratio control/without (an A/A comparison) shows what differences
# this machine can resolve at all. Writes startup.csv and summary.txt (medians, spread,
# ratios with/without and control/without).
#
#   benchmarks/scripts/startup.sh [-n RUNS_PER_VARIANT] [-o DIR] [-- APP ARGS]
#
# JVM_OPTS, if set, is passed to every run alike.
set -euo pipefail
source "$(dirname "$0")/common.sh"

runs=10
out="$root/benchmarks/target/results/startup-$(date -u +%Y%m%dT%H%M%SZ)"
while getopts 'n:o:' option; do
	case "$option" in
		n) runs="$OPTARG" ;;
		o) out="$OPTARG" ;;
		*) die "usage: $0 [-n RUNS_PER_VARIANT] [-o DIR] [-- APP ARGS]" ;;
	esac
done
shift $((OPTIND - 1))
[ "${1:-}" = "--" ] && shift
[ "$runs" -ge 1 ] && [ "$runs" -le 200 ] || die "runs must be 1 to 200"
command -v curl >/dev/null || die "curl is needed"

trap 'stop_app' EXIT
trap 'exit 130' INT TERM
mkdir -p "$out/logs"
build_sample_classpath "$out/with.classpath"
grep -v -E '/(autoconfigure|starter)/target/|bindscope-spring-boot-(autoconfigure|starter)' \
	"$out/with.classpath" >"$out/without.classpath"
[ "$(wc -l <"$out/with.classpath")" -gt "$(wc -l <"$out/without.classpath")" ] ||
	die "no Bindscope entry found on the classpath"
{
	echo "runs per variant: $runs"
	echo "app args: --server.address=127.0.0.1 --server.port=<free> $*"
	echo "JVM_OPTS: ${JVM_OPTS:-}"
	echo "removed for 'without':"
	comm -23 <(sort "$out/with.classpath") <(sort "$out/without.classpath") | sed "s|^$root/|  |"
	machine_summary
} >"$out/run.txt"

cp "$out/without.classpath" "$out/control.classpath"
# Prints the CPU time (user + system, every thread, in ms) of process $1 at the moment its
# log $2 first shows "Started": polled every 2 ms, so it may count up to 2 ms of what the
# JVM does afterwards. Each poll reads only what the log gained since the last one, so that
# the poller takes as little as it can of the CPU the JVM is measured on.
cpu_at_started() {
	python3 - "$1" "$2" <<'PY'
import os, sys, time
pid, log = sys.argv[1], sys.argv[2]
tick = os.sysconf("SC_CLK_TCK")
marker = b" seconds (process running for "
deadline = time.monotonic() + 120
tail = b""
f = None
while time.monotonic() < deadline:
    try:
        if f is None:
            f = open(log, "rb")
        tail = tail[-len(marker):] + f.read()
        if marker in tail:
            with open("/proc/%s/stat" % pid) as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
                print(round((int(fields[11]) + int(fields[12])) * 1000 / tick))
                sys.exit(0)
    except FileNotFoundError:
        pass
    time.sleep(0.002)
sys.exit(1)
PY
}

echo "run,variant,started_s,process_running_s,first_request_ms,cpu_at_started_ms" >"$out/startup.csv"
for run in $(seq 1 "$runs"); do
	# Each variant first, second and third equally often, and each order also reversed, so
	# that drift in the machine's load falls on every variant alike.
	case $((run % 6)) in
		1) variants="with without control" ;;
		2) variants="control without with" ;;
		3) variants="without control with" ;;
		4) variants="with control without" ;;
		5) variants="control with without" ;;
		0) variants="without with control" ;;
	esac
	for variant in $variants; do
		port="$(free_port)"
		app_log="$out/logs/$variant-$run.log"
		start_app "$out/$variant.classpath" "$app_log" --server.address=127.0.0.1 --server.port="$port" "$@"
		cpu_file="$out/logs/$variant-$run.cpu"
		cpu_at_started "$app_pid" "$app_log" >"$cpu_file" &
		cpu_pid=$!
		ms="$(wait_ready "http://127.0.0.1:$port/" 120)" || die "the app did not answer, see $app_log"
		wait "$cpu_pid" || die "no CPU time at 'Started' for $app_log"
		cpu_ms="$(cat "$cpu_file")"
		started="$(grep -m1 -oE 'Started [A-Za-z]+ in [0-9.]+ seconds \(process running for [0-9.]+\)' "$app_log" || true)"
		[ -n "$started" ] || die "no 'Started' line in $app_log"
		stop_app
		if [ "$variant" = with ]; then
			grep -q 'Bindscope: ' "$app_log" || die "Bindscope did not report in $app_log"
		else
			! grep -q 'Bindscope: ' "$app_log" || die "Bindscope reported without its jars in $app_log"
		fi
		seconds="$(echo "$started" | awk '{print $4}')"
		process="$(echo "$started" | awk '{print $9}' | tr -d ')')"
		echo "$run,$variant,$seconds,$process,$ms,$cpu_ms" >>"$out/startup.csv"
		log "run $run/$runs $variant: started in ${seconds}s, first request after ${ms} ms, CPU ${cpu_ms} ms"
	done
done

python3 - "$out/startup.csv" >"$out/summary.txt" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
def stats(values):
    values = sorted(values)
    q = statistics.quantiles(values, n=4, method="inclusive") if len(values) > 1 else [values[0]] * 3
    return statistics.median(values), values[0], values[-1], q[0], q[2]
print("metric,variant,n,median,min,max,q1,q3")
medians = {}
metrics = (("started_s", 1000.0), ("first_request_ms", 1.0), ("cpu_at_started_ms", 1.0))
def name(metric):
    return metric[:-2] if metric.endswith("_s") else metric[:-3]
for metric, unit_scale in metrics:
    for variant in ("with", "without", "control"):
        values = [float(r[metric]) * unit_scale for r in rows if r["variant"] == variant]
        m = stats(values)
        medians[(metric, variant)] = m[0]
        print("%s_ms,%s,%d,%.0f,%.0f,%.0f,%.0f,%.0f" % ((name(metric), variant, len(values)) + m))
for metric, _ in metrics:
    wo = medians[(metric, "without")]
    for variant in ("with", "control"):
        v = medians[(metric, variant)]
        print("ratio %s %s/without: %.3f (median difference %+.0f ms)" % (name(metric), variant, v / wo, v - wo))
PY
cat "$out/summary.txt"
log "results in $out"
