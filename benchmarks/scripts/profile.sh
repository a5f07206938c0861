#!/usr/bin/env bash
# Where a fresh /actuator/bindings spends its time: runs the sample app on 127.0.0.1 with
# bindscope.report.max-age=0 (a new report for every request) and health without its bindings
# contributor, warms the endpoint up with wrk, then records a JFR profile (settings=profile,
# Java and native method samples) while wrk loads the endpoint. Writes rec.jfr, wrk.txt and
# top.txt: the top frames by samples (self), without the threads that only wait for work
# (accept, epoll), and the top Bindscope frames (inclusive). Every request goes to 127.0.0.1.
#
#   benchmarks/scripts/profile.sh [-d SECONDS] [-w WARMUP_SECONDS] [-e ENDPOINT] [-b REF] [-o DIR]
#                                 [-- APP ARGS]
#
# -b REF profiles the sample app as built from an earlier revision, for before/after figures.
set -euo pipefail
source "$(dirname "$0")/common.sh"

duration=20
warmup=10
endpoint=bindings
ref=""
out="$root/benchmarks/target/results/profile-$(date -u +%Y%m%dT%H%M%SZ)"
while getopts 'd:w:e:b:o:' option; do
	case "$option" in
		d) duration="$OPTARG" ;;
		w) warmup="$OPTARG" ;;
		e) endpoint="$OPTARG" ;;
		b) ref="$OPTARG" ;;
		o) out="$OPTARG" ;;
		*) die "usage: $0 [-d SECONDS] [-w WARMUP_SECONDS] [-e ENDPOINT] [-b REF] [-o DIR] [-- APP ARGS]" ;;
	esac
done
shift $((OPTIND - 1))
[ "${1:-}" = "--" ] && shift
[ "$duration" -ge 1 ] && [ "$duration" -le 600 ] || die "duration must be 1 to 600 seconds"
[ "$warmup" -ge 0 ] && [ "$warmup" -le 600 ] || die "warm-up must be 0 to 600 seconds"
[[ "$endpoint" =~ ^[a-z]+$ ]] || die "the endpoint must be an id such as bindings or health"
for tool in wrk jcmd jfr python3; do
	command -v "$tool" >/dev/null || die "$tool is needed"
done

tree=""
trap 'stop_app; [ -z "$tree" ] || rm -rf "$tree"' EXIT
trap 'exit 130' INT TERM
mkdir -p "$out"
if [ -n "$ref" ]; then
	tree="$(mktemp -d -t bindscope-bench-XXXXXX)"
	git -C "$root" archive "$ref" | tar -x -C "$tree"
	build_sample_classpath "$out/app.classpath" "$tree"
else
	build_sample_classpath "$out/app.classpath"
fi
port="$(free_port)"
base="http://127.0.0.1:$port"
{
	echo "code: ${ref:-work tree at $(git -C "$root" rev-parse --short HEAD)}"
	echo "endpoint: /actuator/$endpoint, ${duration}s recorded after ${warmup}s of warm-up, wrk -t2 -c8"
	echo "app args: --server.address=127.0.0.1 --server.port=<free> --bindscope.report.max-age=0 --management.health.bindings.enabled=false $*"
	machine_summary
} >"$out/run.txt"

JVM_OPTS="${JVM_OPTS:-} -XX:FlightRecorderOptions=stackdepth=256" start_app "$out/app.classpath" "$out/app.log" \
	--server.address=127.0.0.1 --server.port="$port" --bindscope.report.max-age=0 \
	--management.health.bindings.enabled=false "$@"
wait_ready "$base/actuator/health" 120 >/dev/null || die "the app did not answer, see $out/app.log"
if [ "$warmup" -gt 0 ]; then
	log "warming up /actuator/$endpoint for ${warmup}s"
	timeout $((warmup + 30)) wrk -t2 -c8 -d"${warmup}s" "$base/actuator/$endpoint" >/dev/null
fi
jcmd "$app_pid" JFR.start name=profile settings=profile >/dev/null
log "recording /actuator/$endpoint for ${duration}s"
timeout $((duration + 30)) wrk -t2 -c8 -d"${duration}s" --latency "$base/actuator/$endpoint" >"$out/wrk.txt"
jcmd "$app_pid" JFR.stop name=profile filename="$out/rec.jfr" >/dev/null
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/run.txt"

python3 - "$out/rec.jfr" >"$out/top.txt" <<'PY'
import collections, json, subprocess, sys
data = json.loads(subprocess.run(["jfr", "print", "--json", "--stack-depth", "256", "--events",
                                  "jdk.ExecutionSample,jdk.NativeMethodSample", sys.argv[1]],
                                 capture_output=True, text=True, check=True).stdout)
# Threads that wait for work in native code are sampled too; they cost nothing.
idle = {"sun.nio.ch.Net.accept", "sun.nio.ch.EPoll.wait", "sun.nio.ch.EventFD.set0"}
def name(frame):
    method = frame["method"]
    return (method["type"]["name"] + "." + method["name"]).replace("/", ".")
own, inclusive, total = collections.Counter(), collections.Counter(), 0
for event in data["recording"]["events"]:
    trace = event["values"].get("stackTrace")
    if not trace or not trace["frames"]:
        continue
    names = [name(frame) for frame in trace["frames"]]
    if names[0] in idle:
        continue
    total += 1
    own[names[0]] += 1
    for frame in set(names):
        inclusive[frame] += 1
print("samples (threads waiting for work left out): %d" % total)
print("-- top frames, self")
for frame, count in own.most_common(15):
    print("%5.1f%%  %s" % (100.0 * count / total, frame))
print("-- top Bindscope frames, inclusive")
for frame, count in [item for item in inclusive.most_common() if item[0].startswith("io.github.bindscope.")][:15]:
    print("%5.1f%%  %s" % (100.0 * count / total, frame))
PY
grep -E "Requests/sec|Non-2xx|Socket errors" "$out/wrk.txt" || true
cat "$out/top.txt"
log "results in $out"
