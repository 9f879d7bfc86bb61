#!/usr/bin/env bash
# Benchmark of what users wait for -- opening a model, clicking a layer, exporting the chart --
# Java (this app) against the Python way (torch.jit.load + matplotlib), measured in the same run.
#
#   bash src/bench/run.sh            # from anywhere; about 10 minutes on 2 cores; writes target/bench/results.md
#
# Needs: JDK 17 + Maven (the JMH jars come from Maven Central on the first run), Debian's
# python3-torch, python3-torchvision, python3-matplotlib, hyperfine and time (GNU time):
#   apt-get install -y python3-torch python3-torchvision python3-matplotlib hyperfine time
# (hyperfine is optional: without it the whole commands are timed with a /usr/bin/time loop.)
# Step e also needs python3-numpy, and for its Netron rows node 20+ and NETRON_DIR (see below).
#
# Steps, all into target/bench/ (nothing here is committed):
#   0. builds target/bias-inspector.jar if it is missing or older than the sources; compiles the JMH
#      benchmarks (src/test/java/dev/biasinspector/bench); writes three models with PyTorch
#      (src/bench/make_models.py): SimpleNet (6 KB), resnet18 (45 MB), 4 x Linear(8192, 8192) (1 GiB);
#      checks that the Java reader and PyTorch give bit-identical values for the bias that is clicked.
#   a. JMH, warm, in one JVM: open / click / export with the default archive reader (+ open through
#      DJL's engine when the build has format.djl.DjlEngineReader); chart cost by bias length.
#   b. the same three steps in one Python process (src/bench/python_actions.py).
#   c. whole commands from a cold process with hyperfine: `java -jar target/bias-inspector.jar export
#      MODEL NAME -o x.png` against `python3 src/bench/plot_bias.py MODEL NAME x.png`.
#   d. peak memory (maximum RSS from /usr/bin/time -v) of each whole command.
#   e. side by side with peers, whole commands, ours and the peer's runs alternating, each run timed
#      and its peak RSS taken by /usr/bin/time -v (src/bench/peers.sh):
#      - `list` of a 70 GiB sharded safetensors folder (sparse shards, src/bench/make_format_models.py)
#        against Netron's loader on its model.safetensors.index.json (src/bench/netron_open.mjs);
#      - `list` and `export` of a 1 GiB safetensors and a 1 GiB GGUF file against the Python way
#        (src/bench/plot_bias_formats.py: json/struct + numpy + matplotlib) and Netron's loader;
#      - `export` of a 10^6-value bias against a 10-value one (what a long bias costs a whole command);
#      - start-up: `list` and `export` of the demo with the app image's launcher
#        (target/dist/bias-inspector/bin/bias-inspector, when `mvn -Pdist package` has built it),
#        `java -jar`, Netron's loader and the tutorial's script (plot_bias.py).
#      Java cases for a format the jar does not read yet are skipped with a note, and the values the
#      jar gives for each clicked bias are compared bit for bit with the generator's.
#   then src/bench/report.py writes target/bench/results.md.
#
# Environment knobs: BENCH_QUICK=1 (short smoke run, numbers not for publishing),
# BENCH_QUIET_WAIT=seconds to wait for a 1-minute load average below 1.0 first (default 300; 0 = don't),
# BENCH_PARTS=torch,chart,peers (default all three: torch = steps a-d against PyTorch, chart = the
# JMH chart cost by bias length, peers = step e; on a busy shared machine `BENCH_PARTS=chart,peers`
# keeps a run under 15 minutes),
# BENCH_PEER_RUNS=n (runs of each command in step e; default 7, quick 3),
# NETRON_DIR=a checkout of github.com/lutzroeder/netron (the figures in RESULTS.md used commit
# 38591e3, version 9.2.1) and node 20 or newer on the PATH; without NETRON_DIR the Netron columns
# are left empty.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
BENCH="$REPO/src/bench"
OUT="target/bench"
JAR="target/bias-inspector.jar"
PY=/usr/bin/python3
QUICK="${BENCH_QUICK:-0}"
mkdir -p "$OUT/out" "$OUT/dumps"

say() { printf '\n== %s\n' "$*" >&2; }

# ---- tools -------------------------------------------------------------------------------------
missing=()
"$PY" -c 'import torch, torchvision' 2>/dev/null || missing+=(python3-torch python3-torchvision)
"$PY" -c 'import matplotlib' 2>/dev/null || missing+=(python3-matplotlib)
[ -x /usr/bin/time ] || missing+=(time)
command -v java >/dev/null && command -v mvn >/dev/null || missing+=(openjdk-17-jdk-headless maven)
if [ ${#missing[@]} -gt 0 ]; then
  echo "missing: ${missing[*]}" >&2
  echo "install with: apt-get install -y ${missing[*]}   (Debian packages; never pip)" >&2
  exit 1
fi
HYPERFINE="$(command -v hyperfine || true)"
[ -n "$HYPERFINE" ] || echo "hyperfine not found (apt-get install -y hyperfine): timing whole commands with a /usr/bin/time loop" >&2

mvn_() { mvn -B -o -q "$@" || mvn -B -q "$@"; }   # offline first; online once if a jar is missing

# ---- build -------------------------------------------------------------------------------------
if [ ! -f "$JAR" ] || [ -n "$(find src/main pom.xml models -newer "$JAR" -print -quit)" ]; then
  say "building $JAR"
  mvn_ package -DskipTests
fi
say "compiling the JMH benchmarks"
mvn_ test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/test-classpath.txt"
CP="target/test-classes:target/classes:$(cat "$OUT/test-classpath.txt")"
HAS_DJL=0
[ -f target/classes/dev/biasinspector/format/djl/DjlEngineReader.class ] && HAS_DJL=1

# ---- models ------------------------------------------------------------------------------------
say "writing benchmark models (kept between runs)"
"$PY" "$BENCH/make_models.py" "$OUT/models" >/dev/null
"$PY" "$BENCH/make_format_models.py" "$OUT/models" >/dev/null
MANIFEST="$OUT/models/manifest.tsv"
cases=()
while IFS=$'\t' read -r key file bias _; do
  cases+=("$file#$bias")
  java -jar "$JAR" dump --csv "$file" "$bias" >"$OUT/dumps/$key.csv"
done <"$MANIFEST"
JMH_MODELS="$(IFS=,; echo "${cases[*]}")"

# ---- wait for a quiet machine ------------------------------------------------------------------
load1() { cut -d' ' -f1 /proc/loadavg; }
wait_s="${BENCH_QUIET_WAIT:-300}"
while [ "$wait_s" -gt 0 ] && awk -v l="$(load1)" 'BEGIN { exit !(l >= 1.0) }'; do
  [ "$((wait_s % 60))" -eq 0 ] && echo "load average $(load1): waiting for a quieter machine (${wait_s}s left)" >&2
  sleep 5; wait_s=$((wait_s - 5))
done
{ echo "start_load=$(cut -d' ' -f1-3 /proc/loadavg)"; echo "start_time=$(date -u +%FT%TZ)"; } >"$OUT/run.env"

if [ "$QUICK" = 1 ]; then
  JMH_ITER=(-wi 1 -i 2 -w 1s -r 1s); RUNS=3; RSS_RUNS=1; PEER_RUNS="${BENCH_PEER_RUNS:-3}"
  export BENCH_PY_BUDGET_S=2
else
  JMH_ITER=(); RUNS=7; RSS_RUNS=3; PEER_RUNS="${BENCH_PEER_RUNS:-7}"
fi
PARTS="${BENCH_PARTS:-torch,chart,peers}"
echo "parts=$PARTS" >>"$OUT/run.env"
# the report shows this run only: no figures left from an earlier run or from a part not run now
rm -f "$OUT"/jmh*.json "$OUT/python.json" "$OUT"/hyperfine-*.json "$OUT/rss.tsv" "$OUT/loop-times.tsv" "$OUT/peers.tsv"

if [[ ",$PARTS," == *",chart,"* ]]; then
  say "a. JMH: chart cost by bias length (1,000 / 8,192 / 65,536 / 1,000,000 values)"
  java -cp "$CP" org.openjdk.jmh.Main 'dev.biasinspector.bench.ChartScalingBenchmark' "${JMH_ITER[@]}" \
    -p length=1000,8192,65536,1000000 -rf json -rff "$OUT/jmh-chart.json" >"$OUT/jmh-chart.log" 2>&1 || { tail -30 "$OUT/jmh-chart.log"; exit 1; }
fi

if [[ ",$PARTS," == *",torch,"* ]]; then

# ---- a. Java in-process (JMH) ------------------------------------------------------------------
say "a. JMH: open / click / export, archive reader"
java -cp "$CP" org.openjdk.jmh.Main 'dev.biasinspector.bench.UserActionsBenchmark' "${JMH_ITER[@]}" \
  -p model="$JMH_MODELS" -rf json -rff "$OUT/jmh.json" >"$OUT/jmh.log" 2>&1 || { tail -30 "$OUT/jmh.log"; exit 1; }
rm -f "$OUT/jmh-djl.json"
if [ "$HAS_DJL" = 1 ]; then
  say "a. JMH: open through DJL's PyTorch engine"
  java -cp "$CP" org.openjdk.jmh.Main 'dev.biasinspector.bench.DjlOpenBenchmark' "${JMH_ITER[@]}" \
    -p model="$JMH_MODELS" -rf json -rff "$OUT/jmh-djl.json" >"$OUT/jmh-djl.log" 2>&1 || { tail -30 "$OUT/jmh-djl.log"; exit 1; }
fi

# ---- b. Python in-process ----------------------------------------------------------------------
say "b. Python: torch.jit.load / named_parameters / matplotlib"
"$PY" "$BENCH/python_actions.py" "$MANIFEST" "$OUT/python.json" "$OUT/dumps"

# ---- c. + d. whole commands --------------------------------------------------------------------
# One line per command: key <TAB> label <TAB> command (words separated by spaces; no shell).
: >"$OUT/commands.tsv"
while IFS=$'\t' read -r key file bias _; do
  printf '%s\tjava\tjava -jar %s export %s %s -o %s/out/java-%s.png\n' "$key" "$JAR" "$file" "$bias" "$OUT" "$key"
  printf '%s\tpython\t%s %s/plot_bias.py %s %s %s/out/python-%s.png\n' "$key" "$PY" "$BENCH" "$file" "$bias" "$OUT" "$key"
  if [ "$HAS_DJL" = 1 ]; then
    printf '%s\tjava-djl\tjava -jar %s export --engine djl %s %s -o %s/out/djl-%s.png\n' "$key" "$JAR" "$file" "$bias" "$OUT" "$key"
  fi
done <"$MANIFEST" >>"$OUT/commands.tsv"

say "c. whole commands, cold process ($RUNS runs each after 1 warm-up)"
rm -f "$OUT"/hyperfine-*.json "$OUT/loop-times.tsv"
while IFS=$'\t' read -r key label command; do
  echo "   $key / $label" >&2
  if [ -n "$HYPERFINE" ]; then
    "$HYPERFINE" -N --warmup 1 --runs "$RUNS" --style none --export-json "$OUT/hyperfine-$key-$label.json" "$command" >/dev/null
  else
    read -r -a words <<<"$command"
    "${words[@]}" >/dev/null 2>&1
    for _ in $(seq "$RUNS"); do
      /usr/bin/time -f "%e" -o "$OUT/time.tmp" "${words[@]}" >/dev/null 2>&1
      printf '%s\t%s\t%s\n' "$key" "$label" "$(cat "$OUT/time.tmp")" >>"$OUT/loop-times.tsv"
    done
  fi
done <"$OUT/commands.tsv"

say "d. peak memory, /usr/bin/time -v ($RSS_RUNS runs each)"
: >"$OUT/rss.tsv"
while IFS=$'\t' read -r key label command; do
  read -r -a words <<<"$command"
  for _ in $(seq "$RSS_RUNS"); do
    /usr/bin/time -v -o "$OUT/time.tmp" "${words[@]}" >/dev/null 2>&1
    kb="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$OUT/time.tmp")"
    printf '%s\t%s\t%s\n' "$key" "$label" "$kb" >>"$OUT/rss.tsv"
  done
done <"$OUT/commands.tsv"
rm -f "$OUT/time.tmp"
fi

# ---- e. side by side with peers ----------------------------------------------------------------
if [[ ",$PARTS," == *",peers,"* ]]; then
  say "e. side by side: Netron's loader, the Python way, the launcher ($PEER_RUNS runs each, alternating)"
  JAR="$JAR" PY="$PY" OUT="$OUT" RUNS="$PEER_RUNS" bash "$BENCH/peers.sh"
fi

{ echo "end_load=$(cut -d' ' -f1-3 /proc/loadavg)"; echo "end_time=$(date -u +%FT%TZ)"; } >>"$OUT/run.env"

# ---- report ------------------------------------------------------------------------------------
"$PY" "$BENCH/report.py" "$OUT" >"$OUT/results.md"
say "wrote $OUT/results.md"
cat "$OUT/results.md"
