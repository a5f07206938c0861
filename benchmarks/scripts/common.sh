# Shared by the benchmark scripts; sourced, never run.
# shellcheck shell=bash

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench_jar="$root/benchmarks/target/benchmarks.jar"

log() {
	printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2
}

die() {
	log "error: $*"
	exit 1
}

# Builds the JMH uber-jar of the work tree (inspect and report code included).
build_benchmarks() {
	log "building the benchmarks jar"
	(cd "$root" && ./mvnw -q -B -ntp -pl benchmarks -am package -DskipTests) >&2
	[ -f "$bench_jar" ] || die "no $bench_jar after the build"
}

# Builds the sample app and writes its runtime classpath, one entry a line, to $1. With a
# second argument, builds the tree in that directory instead of the work tree.
build_sample_classpath() {
	local out="$1" tree="${2:-$root}"
	log "building the sample app and its classpath in $tree"
	(cd "$tree" && ./mvnw -q -B -ntp -pl sample-app -am package dependency:build-classpath -DskipTests \
		-DincludeScope=runtime -Dmdep.outputFile="$out.raw") >&2
	{
		echo "$tree/sample-app/target/classes"
		tr ':' '\n' <"$out.raw"
	} | grep -v '^$' >"$out"
	rm -f "$out.raw"
}

# Describes the machine for the report: CPU, memory, kernel, JDK, load.
machine_summary() {
	echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') x $(nproc)"
	echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
	echo "kernel: $(uname -sr)"
	echo "java: $(java -version 2>&1 | head -n 2 | tail -n 1)"
	echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Prints median, min, max, q1 and q3 of the numbers on standard input, one a line.
summarize() {
	python3 -c '
import statistics, sys
values = sorted(float(v) for v in sys.stdin.read().split())
if not values:
    print("n=0"); sys.exit()
q = statistics.quantiles(values, n=4, method="inclusive") if len(values) > 1 else [values[0]] * 3
print("n=%d median=%.1f min=%.1f max=%.1f q1=%.1f q3=%.1f" % (len(values), statistics.median(values), values[0], values[-1], q[0], q[2]))
'
}

main_class="io.github.bindscope.sample.SampleApplication"
app_pid=""
# A command that start_app and wait_ready run the app and curl under, such as
# (ip netns exec NAME); empty to run them here.
in_host=()

# Prints a free TCP port on 127.0.0.1 (the kernel picks it).
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Starts the sample app in the background: start_app CLASSPATH_FILE LOG [ARGS...].
# Sets app_pid and app_start_ns (just before the JVM is started). JVM_OPTS is passed to
# every run alike.
start_app() {
	local classpath_file="$1" app_log="$2"
	shift 2
	app_start_ns="$(date +%s%N)"
	# shellcheck disable=SC2086
	"${in_host[@]}" java ${JVM_OPTS:-} -cp "$(paste -sd: "$classpath_file")" "$main_class" "$@" >"$app_log" 2>&1 &
	app_pid=$!
}

# Polls URL until it answers 2xx, at most TIMEOUT seconds; prints the milliseconds from
# app_start_ns to the first successful answer. Fails if the app exits or time runs out.
wait_ready() {
	local url="$1" timeout="${2:-120}" deadline code
	deadline=$(($(date +%s) + timeout))
	while [ "$(date +%s)" -lt "$deadline" ]; do
		code="$("${in_host[@]}" curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$url" || true)"
		if [ "${code:0:1}" = "2" ]; then
			echo $((($(date +%s%N) - app_start_ns) / 1000000))
			return 0
		fi
		kill -0 "$app_pid" 2>/dev/null || return 1
		sleep 0.01
	done
	return 1
}

# Stops the app started last, SIGTERM first, SIGKILL after 20 seconds.
stop_app() {
	[ -n "$app_pid" ] || return 0
	if kill -0 "$app_pid" 2>/dev/null; then
		kill -TERM "$app_pid" 2>/dev/null || true
		for _ in $(seq 1 200); do
			kill -0 "$app_pid" 2>/dev/null || break
			sleep 0.1
		done
		kill -KILL "$app_pid" 2>/dev/null || true
	fi
	wait "$app_pid" 2>/dev/null || true
	app_pid=""
}
