#!/usr/bin/env bash
# Whole-command cost of a long bias: `java -jar target/bias-inspector.jar export` of a 10^6-value
# bias against a 10-value one, from a cold process each time. Issue #9's target: at most 0.25 s and
# 60 MiB (maximum RSS) more than the 10-value export.
#
#   bash src/bench/export_scaling.sh        # RUNS=9 by default; needs python3-torch and GNU time
#
# Writes the two models with src/bench/make_long_bias.py into target/bench/long (not committed),
# prints the median wall time and median maximum RSS of each, and the differences.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
OUT=target/bench/long
JAR=target/bias-inspector.jar
RUNS="${RUNS:-9}"
mkdir -p "$OUT"
if [ ! -f "$JAR" ] || [ -n "$(find src/main pom.xml -newer "$JAR" -print -quit)" ]; then
  mvn -B -o -q package -DskipTests || mvn -B -q package -DskipTests
fi
/usr/bin/python3 src/bench/make_long_bias.py "$OUT" 10 1000000 >/dev/null

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

declare -A SECONDS_OF RSS_OF
for n in 10 1000000; do
  : >"$OUT/times_$n"
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$OUT/one" java -jar "$JAR" export "$OUT/long_bias_$n.pt" head.bias \
      -o "$OUT/long_bias_$n.png" 2>/dev/null
    cat "$OUT/one" >>"$OUT/times_$n"
  done
  SECONDS_OF[$n]=$(cut -d' ' -f1 "$OUT/times_$n" | median)
  RSS_OF[$n]=$(cut -d' ' -f2 "$OUT/times_$n" | median)
  printf '%8d values: median %.2f s, median max RSS %.0f MiB (%d runs)\n' "$n" "${SECONDS_OF[$n]}" \
    "$(echo "${RSS_OF[$n]} / 1024" | bc -l)" "$RUNS"
done
printf 'difference: %+.2f s, %+.0f MiB\n' "$(echo "${SECONDS_OF[1000000]} - ${SECONDS_OF[10]}" | bc -l)" \
  "$(echo "(${RSS_OF[1000000]} - ${RSS_OF[10]}) / 1024" | bc -l)"
