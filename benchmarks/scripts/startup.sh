#!/usr/bin/env bash
# Startup cost of Bindscope: runs the sample app alternately with and without the Bindscope
# jars on the classpath (same main class, arguments and JVM flags), on 127.0.0.1 and a free
# port, and records Spring Boot's "Started ... in X seconds" and the time from starting the
# JVM to the first successful request. Writes startup.csv and summary.txt (medians, spread,
# ratio with/without).
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

echo "run,variant,started_s,process_running_s,first_request_ms" >"$out/startup.csv"
for run in $(seq 1 "$runs"); do
	# ABBA order, so that drift in the machine's load falls on both variants alike.
	if [ $((run % 2)) -eq 1 ]; then variants="with without"; else variants="without with"; fi
	for variant in $variants; do
		port="$(free_port)"
		app_log="$out/logs/$variant-$run.log"
		start_app "$out/$variant.classpath" "$app_log" --server.address=127.0.0.1 --server.port="$port" "$@"
		ms="$(wait_ready "http://127.0.0.1:$port/" 120)" || die "the app did not answer, see $app_log"
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
		echo "$run,$variant,$seconds,$process,$ms" >>"$out/startup.csv"
		log "run $run/$runs $variant: started in ${seconds}s, first request after ${ms} ms"
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
for metric, unit_scale in (("started_s", 1000.0), ("first_request_ms", 1.0)):
    for variant in ("with", "without"):
        values = [float(r[metric]) * unit_scale for r in rows if r["variant"] == variant]
        m = stats(values)
        medians[(metric, variant)] = m[0]
        print("%s_ms,%s,%d,%.0f,%.0f,%.0f,%.0f,%.0f" % ((metric.replace("_s", "").replace("_ms", ""), variant, len(values)) + m))
for metric in ("started_s", "first_request_ms"):
    w, wo = medians[(metric, "with")], medians[(metric, "without")]
    print("ratio %s with/without: %.3f (median difference %+.0f ms)" % (metric.replace("_s", "").replace("_ms", ""), w / wo, w - wo))
PY
cat "$out/summary.txt"
log "results in $out"
