#!/usr/bin/env bash
# Throughput and latency of /actuator/bindings beside /actuator/health, in one run of the
# sample app on 127.0.0.1: a warm-up of both, then ROUNDS rounds of wrk against each
# endpoint in turn. Records requests/s, latency percentiles and errors (non-2xx answers and
# socket errors) per round in load.csv, and medians and the throughput ratio in summary.txt.
# Every request goes to 127.0.0.1 only.
#
# A fresh report's cost depends on the kernel's connection hash, which every process and
# network namespace of the machine shares and which changes as connections come and go, so
# two builds are compared only side by side: -b REF also runs the sample app as built from
# an earlier revision, on its own port, and each round runs both apps in turn (which one
# goes first alternates).
#
#   benchmarks/scripts/load.sh [-r ROUNDS] [-d SECONDS] [-w WARMUP_SECONDS] [-c CONNECTIONS]
#                              [-t THREADS] [-b REF] [-o DIR] [-- APP ARGS]
#
set -euo pipefail
source "$(dirname "$0")/common.sh"

rounds=5
duration=10
warmup=10
connections=8
threads=2
ref=""
out="$root/benchmarks/target/results/load-$(date -u +%Y%m%dT%H%M%SZ)"
while getopts 'r:d:w:c:t:b:o:' option; do
	case "$option" in
		r) rounds="$OPTARG" ;;
		d) duration="$OPTARG" ;;
		w) warmup="$OPTARG" ;;
		c) connections="$OPTARG" ;;
		t) threads="$OPTARG" ;;
		b) ref="$OPTARG" ;;
		o) out="$OPTARG" ;;
		*) die "usage: $0 [-r ROUNDS] [-d SECONDS] [-w WARMUP_SECONDS] [-c CONNECTIONS] [-t THREADS] [-b REF] [-o DIR]" ;;
	esac
done
shift $((OPTIND - 1))
[ "${1:-}" = "--" ] && shift
[ "$rounds" -ge 1 ] && [ "$rounds" -le 50 ] || die "rounds must be 1 to 50"
[ "$duration" -ge 1 ] && [ "$duration" -le 600 ] || die "duration must be 1 to 600 seconds"
[ "$warmup" -ge 0 ] && [ "$warmup" -le 600 ] || die "warm-up must be 0 to 600 seconds"
if ! command -v wrk >/dev/null; then
	[ "$(id -u)" -eq 0 ] || die "wrk is needed (Debian package wrk)"
	log "installing wrk"
	apt-get install -y -qq wrk >&2 || { apt-get update -qq >&2 && apt-get install -y -qq wrk >&2; }
fi

tree=""
declare -A pids=()
stop_apps() {
	for variant in "${!pids[@]}"; do
		app_pid="${pids[$variant]}"
		stop_app
	done
}
trap 'stop_apps; [ -z "$tree" ] || rm -rf "$tree"' EXIT
trap 'exit 130' INT TERM
mkdir -p "$out/wrk"
build_sample_classpath "$out/app.classpath"
variants="new"
if [ -n "$ref" ]; then
	tree="$(mktemp -d -t bindscope-bench-XXXXXX)"
	git -C "$root" archive "$ref" | tar -x -C "$tree"
	build_sample_classpath "$out/app-before.classpath" "$tree"
	variants="new before"
fi
{
	echo "code: work tree at $(git -C "$root" rev-parse --short HEAD)${ref:+, before: $ref (side by side)}"
	echo "rounds: $rounds of ${duration}s per endpoint, warm-up ${warmup}s per endpoint"
	echo "wrk: $threads threads, $connections connections, $(wrk -v 2>&1 | head -n 1)"
	echo "app args: --server.address=127.0.0.1 --server.port=<free> --management.health.bindings.enabled=false $*"
	echo "JVM_OPTS: ${JVM_OPTS:-}"
	machine_summary
} >"$out/run.txt"

# Health is the baseline that costs Bindscope nothing: its bindings contributor, which reads
# the report, stays off (an earlier revision ignores the property).
declare -A bases=()
for variant in $variants; do
	classpath="$out/app.classpath"
	[ "$variant" = new ] || classpath="$out/app-$variant.classpath"
	port="$(free_port)"
	bases[$variant]="http://127.0.0.1:$port"
	start_app "$classpath" "$out/app-$variant.log" --server.address=127.0.0.1 --server.port="$port" \
		--management.health.bindings.enabled=false "$@"
	pids[$variant]="$app_pid"
	wait_ready "${bases[$variant]}/actuator/health" 120 >/dev/null ||
		die "the app did not answer, see $out/app-$variant.log"
	for endpoint in health bindings; do
		curl -sf --max-time 5 "${bases[$variant]}/actuator/$endpoint" >"$out/$endpoint-$variant.json" ||
			die "GET /actuator/$endpoint failed"
		if [ "$warmup" -gt 0 ]; then
			log "warming up /actuator/$endpoint of the $variant app for ${warmup}s"
			timeout $((warmup + 30)) wrk -t"$threads" -c"$connections" -d"${warmup}s" \
				"${bases[$variant]}/actuator/$endpoint" >/dev/null
		fi
	done
done

echo "round,variant,endpoint,requests_per_s,p50_ms,p75_ms,p90_ms,p99_ms,requests,non_2xx,socket_errors" \
	>"$out/load.csv"
for round in $(seq 1 "$rounds"); do
	if [ $((round % 2)) -eq 1 ]; then endpoints="health bindings"; else endpoints="bindings health"; fi
	order="$variants"
	[ $((round % 2)) -eq 1 ] || order="$(echo "$variants" | tr ' ' '\n' | tac | paste -sd' ')"
	for variant in $order; do
		for endpoint in $endpoints; do
			result="$out/wrk/$variant-$endpoint-$round.txt"
			timeout $((duration + 30)) wrk -t"$threads" -c"$connections" -d"${duration}s" --latency \
				"${bases[$variant]}/actuator/$endpoint" >"$result"
			kill -0 "${pids[$variant]}" 2>/dev/null || die "the $variant app died, see $out/app-$variant.log"
			line="$(python3 - "$result" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(value):
    number, unit = re.match(r"([0-9.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]
percentiles = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", text, re.M))
rps = float(re.search(r"Requests/sec:\s+([0-9.]+)", text).group(1))
requests = int(re.search(r"(\d+) requests in", text).group(1))
non2xx = int((re.search(r"Non-2xx or 3xx responses: (\d+)", text) or [0, 0])[1])
errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
socket_errors = sum(int(g) for g in errors.groups()) if errors else 0
print("%.1f,%.3f,%.3f,%.3f,%.3f,%d,%d,%d" % (rps, ms(percentiles["50"]), ms(percentiles["75"]),
      ms(percentiles["90"]), ms(percentiles["99"]), requests, non2xx, socket_errors))
PY
	)"
			echo "$round,$variant,$endpoint,$line" >>"$out/load.csv"
			log "round $round/$rounds $variant /actuator/$endpoint: $line"
		done
	done
done

python3 - "$out/load.csv" >"$out/summary.txt" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
variants = list(dict.fromkeys(x["variant"] for x in rows))
print("variant,endpoint,rounds,rps_median,rps_min,rps_max,p50_ms_median,p90_ms_median,p99_ms_median,p99_ms_max,errors")
rps = {}
for variant in variants:
    for endpoint in ("health", "bindings"):
        r = [x for x in rows if x["variant"] == variant and x["endpoint"] == endpoint]
        values = [float(x["requests_per_s"]) for x in r]
        rps[variant, endpoint] = statistics.median(values)
        errors = sum(int(x["non_2xx"]) + int(x["socket_errors"]) for x in r)
        print("%s,%s,%d,%.0f,%.0f,%.0f,%.3f,%.3f,%.3f,%.3f,%d" % (variant, endpoint, len(r), rps[variant, endpoint],
              min(values), max(values), statistics.median(float(x["p50_ms"]) for x in r),
              statistics.median(float(x["p90_ms"]) for x in r), statistics.median(float(x["p99_ms"]) for x in r),
              max(float(x["p99_ms"]) for x in r), errors))
for variant in variants:
    print("%s: throughput ratio bindings/health (medians): %.3f" % (variant,
          rps[variant, "bindings"] / rps[variant, "health"]))
PY
cat "$out/summary.txt"
log "results in $out"
