#!/usr/bin/env bash
# Runs the JMH benchmarks of the work tree: warm figures (average time, every size) and cold
# figures (single shot, the first call in each of many fresh JVMs) of the socket table, the
# host addresses and the whole report. Writes warm.csv and cold.csv (JMH's CSV) and run.txt.
#
#   benchmarks/scripts/jmh.sh [-q|-m] [-o DIR] [-- extra JMH options]
#
# -q is a quick pass (fewer and shorter iterations and forks) to check that everything runs;
# -m a medium pass (one warm fork of 5 one-second iterations, 10 cold forks) that fits a session.
set -euo pipefail
source "$(dirname "$0")/common.sh"

quick=false
medium=false
out="$root/benchmarks/target/results/jmh-$(date -u +%Y%m%dT%H%M%SZ)"
while getopts 'qmo:' option; do
	case "$option" in
		q) quick=true ;;
		m) medium=true ;;
		o) out="$OPTARG" ;;
		*) die "usage: $0 [-q|-m] [-o DIR] [-- extra JMH options]" ;;
	esac
done
shift $((OPTIND - 1))
[ "${1:-}" = "--" ] && shift
if $quick; then
	warm=(-f 1 -wi 2 -i 3 -w 500ms -r 500ms)
	cold=(-f 5)
elif $medium; then
	warm=(-f 1 -wi 3 -i 5 -w 1s -r 1s)
	cold=(-f 10)
else
	warm=(-f 3 -wi 5 -i 10 -w 1s -r 1s)
	cold=(-f 30)
fi

mkdir -p "$out"
build_benchmarks
{
	echo "warm: ${warm[*]}; cold: -bm ss -wi 0 -i 1 ${cold[*]}; extra: $*"
	machine_summary
} >"$out/run.txt"
log "warm figures"
timeout 7200 java -jar "$bench_jar" "${warm[@]}" -rf csv -rff "$out/warm.csv" "$@" >"$out/warm.log" 2>&1 ||
	die "JMH failed, see $out/warm.log"
log "cold figures"
timeout 7200 java -jar "$bench_jar" -bm ss -tu ms -wi 0 -i 1 "${cold[@]}" -rf csv -rff "$out/cold.csv" \
	'SocketTableBenchmark|HostAddressesBenchmark|ReportBenchmark' -p rows=100,10000 -p addresses=10,1000 \
	-p sockets=100,10000 "$@" >"$out/cold.log" 2>&1 || die "JMH failed, see $out/cold.log"
grep -E '^(Benchmark|[A-Z][A-Za-z]+Benchmark\.)' "$out/warm.log" "$out/cold.log" | sed 's/^.*\.log://'
log "results in $out"
