#!/usr/bin/env bash
# Heap cost of Bindscope after startup. Runs the sample app alternately with and without the
# Bindscope jars (as startup.sh does) and, once the first request has been answered, takes
# a class histogram of the live heap (jcmd GC.class_histogram, which runs a full GC first)
# and the loaded-class count (jstat -class). Records per run:
#   - bindscope_bytes: the shallow size of every instance of a Bindscope class; a lower
#     bound, since the lists, strings and maps those objects hold are JDK classes;
#   - live_heap_bytes: the whole live heap; the median difference with/without is an upper
#     estimate of all Bindscope costs (its beans and everything they hold, and Spring's
#     bean definitions, condition reports and caches for them), within the run-to-run
#     noise shown by the spread;
#   - loaded_classes and loaded_class_kb: class metadata, outside the heap.
#
#   benchmarks/scripts/memory.sh [-n RUNS_PER_VARIANT] [-o DIR] [-- APP ARGS]
set -euo pipefail
source "$(dirname "$0")/common.sh"

runs=5
out="$root/benchmarks/target/results/memory-$(date -u +%Y%m%dT%H%M%SZ)"
while getopts 'n:o:' option; do
	case "$option" in
		n) runs="$OPTARG" ;;
		o) out="$OPTARG" ;;
		*) die "usage: $0 [-n RUNS_PER_VARIANT] [-o DIR] [-- APP ARGS]" ;;
	esac
done
shift $((OPTIND - 1))
[ "${1:-}" = "--" ] && shift
[ "$runs" -ge 1 ] && [ "$runs" -le 100 ] || die "runs must be 1 to 100"
command -v jcmd >/dev/null && command -v jstat >/dev/null || die "jcmd and jstat (a JDK) are needed"

trap 'stop_app' EXIT
trap 'exit 130' INT TERM
mkdir -p "$out/histograms" "$out/logs"
build_sample_classpath "$out/with.classpath"
grep -v -E '/(autoconfigure|starter)/target/|bindscope-spring-boot-(autoconfigure|starter)' \
	"$out/with.classpath" >"$out/without.classpath"
{
	echo "runs per variant: $runs"
	echo "app args: --server.address=127.0.0.1 --server.port=<free> $*"
	echo "JVM_OPTS: ${JVM_OPTS:-}"
	machine_summary
} >"$out/run.txt"

echo "run,variant,live_heap_bytes,bindscope_bytes,bindscope_instances,loaded_classes,loaded_class_kb" >"$out/memory.csv"
for run in $(seq 1 "$runs"); do
	if [ $((run % 2)) -eq 1 ]; then variants="with without"; else variants="without with"; fi
	for variant in $variants; do
		port="$(free_port)"
		start_app "$out/$variant.classpath" "$out/logs/$variant-$run.log" --server.address=127.0.0.1 \
			--server.port="$port" "$@"
		wait_ready "http://127.0.0.1:$port/" 120 >/dev/null || die "the app did not answer, see $out/logs/$variant-$run.log"
		histogram="$out/histograms/$variant-$run.txt"
		timeout 120 jcmd "$app_pid" GC.class_histogram >"$histogram"
		classes="$(timeout 60 jstat -class "$app_pid" | awk 'NR == 2 {print $1 "," $2}')"
		stop_app
		line="$(awk '
			/^Total/ {total = $3}
			$4 ~ /io\.github\.bindscope\./ && $4 !~ /io\.github\.bindscope\.sample\./ {bytes += $3; instances += $2}
			END {printf "%d,%d,%d", total, bytes, instances}' "$histogram")"
		echo "$run,$variant,$line,$classes" >>"$out/memory.csv"
		log "run $run/$runs $variant: live heap, Bindscope bytes, instances = $line; classes, KB = $classes"
	done
done

python3 - "$out/memory.csv" >"$out/summary.txt" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
def column(variant, name):
    return [float(r[name]) for r in rows if r["variant"] == variant]
print("metric,variant,n,median,min,max")
for name in ("live_heap_bytes", "bindscope_bytes", "bindscope_instances", "loaded_classes", "loaded_class_kb"):
    for variant in ("with", "without"):
        v = column(variant, name)
        print("%s,%s,%d,%.0f,%.0f,%.0f" % (name, variant, len(v), statistics.median(v), min(v), max(v)))
w, wo = column("with", "live_heap_bytes"), column("without", "live_heap_bytes")
print("live heap difference with-without (medians): %.0f KiB; spread of 'without' runs: %.0f KiB"
      % ((statistics.median(w) - statistics.median(wo)) / 1024, (max(wo) - min(wo)) / 1024))
print("Bindscope instances, shallow (median): %.1f KiB" % (statistics.median(column("with", "bindscope_bytes")) / 1024))
PY
last_with="$(ls "$out"/histograms/with-*.txt | tail -n 1)"
{
	echo
	echo "Largest Bindscope classes in $(basename "$last_with") (rank, instances, bytes, class):"
	grep -E 'io\.github\.bindscope\.' "$last_with" | grep -v 'bindscope\.sample\.' | sort -k3 -n -r | head -n 15 || true
} >>"$out/summary.txt"
cat "$out/summary.txt"
log "results in $out"
