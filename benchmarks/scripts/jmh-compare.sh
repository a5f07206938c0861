#!/usr/bin/env bash
# Runs the JMH benchmarks against the main code of an earlier revision and of the work tree
# alternately, in one session, for before/after figures. Both sides use the work tree's
# benchmarks module, so they run the same benchmarks; only the code under test comes from
# BEFORE_REF. BEFORE_REF must have the core module (bindscope-core), which holds that code.
# Results: one JMH CSV per side and round, and summary.csv with the median score of each
# benchmark per side, its spread and the ratio after/before.
#
#   benchmarks/scripts/jmh-compare.sh [-r ROUNDS] [-o DIR] BEFORE_REF [-- JMH options]
#   benchmarks/scripts/jmh-compare.sh -r 3 HEAD~1 -- -f 1 -wi 2 -i 3 SocketTable -p rows=10000
set -euo pipefail
source "$(dirname "$0")/common.sh"

rounds=3
out="$root/benchmarks/target/results/jmh-compare-$(date -u +%Y%m%dT%H%M%SZ)"
while getopts 'r:o:' option; do
	case "$option" in
		r) rounds="$OPTARG" ;;
		o) out="$OPTARG" ;;
		*) die "usage: $0 [-r ROUNDS] [-o DIR] BEFORE_REF [-- JMH options]" ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || die "usage: $0 [-r ROUNDS] [-o DIR] BEFORE_REF [-- JMH options]"
before_ref="$1"
shift
[ "${1:-}" = "--" ] && shift
[ "$rounds" -ge 1 ] && [ "$rounds" -le 50 ] || die "rounds must be 1 to 50"

work="$(mktemp -d -t bindscope-bench-XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out" "$work/before"

log "building $before_ref"
git -C "$root" archive "$before_ref" | tar -x -C "$work/before"
rm -rf "$work/before/benchmarks"
mkdir -p "$work/before/benchmarks"
[ -d "$work/before/core" ] || die "$before_ref has no core module; compare against a revision that has one"
cp -r "$root/benchmarks/pom.xml" "$root/benchmarks/src" "$work/before/benchmarks/"
(cd "$work/before" && ./mvnw -q -B -ntp -pl benchmarks -am package -DskipTests) >&2
cp "$work/before/benchmarks/target/benchmarks.jar" "$work/before.jar"
build_benchmarks
cp "$bench_jar" "$work/after.jar"

{
	echo "before: autoconfigure of $before_ref ($(git -C "$root" rev-parse --short "$before_ref")), benchmarks of the work tree"
	echo "after: work tree at $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD || echo ' with changes')"
	echo "jmh options: $*"
	machine_summary
} >"$out/run.txt"

for round in $(seq 1 "$rounds"); do
	# ABBA order, so that drift in the machine's load falls on both sides alike.
	if [ $((round % 2)) -eq 1 ]; then sides="before after"; else sides="after before"; fi
	for side in $sides; do
		log "round $round/$rounds: $side"
		timeout 3600 java -jar "$work/$side.jar" "$@" -rf csv -rff "$out/$side-$round.csv" >"$out/$side-$round.log" 2>&1 ||
			die "JMH failed, see $out/$side-$round.log"
	done
done

python3 - "$out" <<'PY'
import csv, glob, os, statistics, sys
out = sys.argv[1]
scores = {}
for path in sorted(glob.glob(os.path.join(out, "*-*.csv"))):
    side = os.path.basename(path).split("-")[0]
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            params = ";".join("%s=%s" % (k[7:], v) for k, v in row.items() if k.startswith("Param: ") and v)
            key = (row["Benchmark"], params, row["Mode"], row["Unit"])
            scores.setdefault(key, {}).setdefault(side, []).append(float(row["Score"]))
with open(os.path.join(out, "summary.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["benchmark", "params", "mode", "unit", "before_median", "before_min", "before_max",
                "after_median", "after_min", "after_max", "ratio"])
    for key in sorted(scores):
        b, a = scores[key].get("before", []), scores[key].get("after", [])
        if not b or not a:
            continue
        bm, am = statistics.median(b), statistics.median(a)
        w.writerow(list(key) + ["%.3f" % bm, "%.3f" % min(b), "%.3f" % max(b),
                                "%.3f" % am, "%.3f" % min(a), "%.3f" % max(a), "%.3f" % (am / bm)])
with open(os.path.join(out, "summary.csv")) as f:
    print(f.read(), end="")
PY
log "results in $out"
