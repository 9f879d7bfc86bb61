#!/usr/bin/env bash
# Step e of run.sh: whole commands side by side with their peers, in one loop that alternates them
# (A, B, C, A, B, C, ...) so a burst of load from the other users of a shared machine falls on every
# side alike. Each run goes through /usr/bin/time (peak RSS, exit status) and is timed in ns with
# `date`; one warm-up run of every command comes first (file in the page cache, process cold).
#
#   JAR=target/bias-inspector.jar PY=/usr/bin/python3 OUT=target/bench RUNS=7 bash src/bench/peers.sh
#
# Needs the models from make_models.py and make_format_models.py in $OUT/models. Writes
# $OUT/peers.tsv (group, label, run, seconds, max RSS KiB, exit status, CPU seconds user + system),
# $OUT/peers-commands.tsv,
# $OUT/peers-notes.txt (what was skipped and why; the value checks) and $OUT/peers.env (versions).
set -euo pipefail

: "${JAR:?}" "${PY:?}" "${OUT:?}" "${RUNS:?}"
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODELS="$OUT/models"
LAUNCHER="target/dist/bias-inspector/bin/bias-inspector"
NOTES="$OUT/peers-notes.txt"
: >"$NOTES"
: >"$OUT/peers.env"
note() { echo "$*" | tee -a "$NOTES" >&2; }

# ---- who takes part ----------------------------------------------------------------------------
NETRON=0
if [ -n "${NETRON_DIR:-}" ] && [ -f "$NETRON_DIR/source/view.js" ] && command -v node >/dev/null; then
  NETRON=1
  {
    echo "node=$(node --version)"
    echo "netron_version=$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$NETRON_DIR/package.json" | head -1)"
    echo "netron_commit=$(git -C "$NETRON_DIR" rev-parse --short HEAD 2>/dev/null || echo "${NETRON_COMMIT:-unknown}")"
  } >>"$OUT/peers.env"
else
  note "Netron: skipped (set NETRON_DIR to a checkout of lutzroeder/netron and put node 20+ on the PATH)"
fi
HAS_LAUNCHER=0
if [ -x "$LAUNCHER" ]; then
  HAS_LAUNCHER=1
else
  note "launcher: skipped ($LAUNCHER not built; mvn -B -Pdist package builds it)"
fi
netron() { printf 'node %s/netron_open.mjs %s' "$BENCH" "$1"; }

IFS=$'\t' read -r _ LLAMA LLAMA_BIAS _ LLAMA_COUNT < <(grep '^llama_70b' "$MODELS/formats_manifest.tsv")
IFS=$'\t' read -r _ ST ST_BIAS _ _ < <(grep '^linear_1gib_st' "$MODELS/formats_manifest.tsv")
IFS=$'\t' read -r _ GG GG_BIAS _ _ < <(grep '^linear_1gib_gguf' "$MODELS/formats_manifest.tsv")
IFS=$'\t' read -r _ W10 W10_BIAS _ _ < <(grep '^wide_10' "$MODELS/chart_manifest.tsv")
IFS=$'\t' read -r _ W1M W1M_BIAS _ _ < <(grep '^wide_1e6' "$MODELS/chart_manifest.tsv")
DEMO="models/simple_net.pt"

# Does the jar read this model, and are the values of the clicked bias the generator's, bit for bit?
java_reads() {  # key path bias expected.f32
  local key="$1" path="$2" bias="$3" expected="$4"
  if ! java -jar "$JAR" list "$path" >/dev/null 2>"$OUT/peers-$key.err"; then
    note "$key: Java skipped, the jar does not read it yet: $(head -c 300 "$OUT/peers-$key.err")"
    return 1
  fi
  java -jar "$JAR" dump --csv "$path" "$bias" >"$OUT/dumps/$key.csv"
  if "$PY" - "$OUT/dumps/$key.csv" "$expected" <<'EOF'
import struct, sys
import numpy as np
rows = [line.split(",")[1] for line in open(sys.argv[1]).read().split("\n")[1:] if line]
java = np.array([struct.unpack("<f", struct.pack("<f", float(v)))[0] for v in rows], dtype=np.float32)
expected = np.fromfile(sys.argv[2], dtype="<f4")
sys.exit(0 if java.shape == expected.shape and java.view(np.uint32).tolist() == expected.view(np.uint32).tolist() else 1)
EOF
  then
    note "$key: the jar's values of $bias are bit-identical to the generator's (${key}.expected.f32)"
  else
    note "$key: VALUES DIFFER between the jar and the generator for $bias"
  fi
}

# ---- the commands: group <TAB> label <TAB> command -----------------------------------------------
CMDS="$OUT/peers-commands.tsv"
: >"$CMDS"
add() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$CMDS"; }

if java_reads llama_70b "$LLAMA" "$LLAMA_BIAS" "$MODELS/llama_70b.expected.f32"; then
  add list70 java "java -jar $JAR list $LLAMA"
fi
# Netron, given the folder, opens its config.json as a "Transformers" model with no tensors; given
# the index (what a user opens in Netron), it fetches every shard's header: that is the peer.
[ "$NETRON" = 1 ] && add list70 netron "$(netron "$LLAMA/model.safetensors.index.json")"

for fmt in st gguf; do
  if [ "$fmt" = st ]; then file="$ST"; bias="$ST_BIAS"; key=linear_1gib_st; else file="$GG"; bias="$GG_BIAS"; key=linear_1gib_gguf; fi
  if java_reads "$key" "$file" "$bias" "$MODELS/$key.expected.f32"; then
    add "${fmt}_list" java "java -jar $JAR list $file"
    add "${fmt}_export" java "java -jar $JAR export $file $bias -o $OUT/out/peer-$fmt-java.png"
  fi
  add "${fmt}_list" python "$PY $BENCH/plot_bias_formats.py list $file"
  [ "$NETRON" = 1 ] && add "${fmt}_list" netron "$(netron "$file")"
  add "${fmt}_export" python "$PY $BENCH/plot_bias_formats.py export $file $bias $OUT/out/peer-$fmt-python.png"
  if [ "$fmt" = st ]; then  # Hugging Face users read safetensors as torch tensors: torch is imported
    add "${fmt}_list" python-torch "$PY $BENCH/plot_bias_formats.py --torch list $file"
    add "${fmt}_export" python-torch "$PY $BENCH/plot_bias_formats.py --torch export $file $bias $OUT/out/peer-$fmt-python-torch.png"
  fi
done

add long_export java-10 "java -jar $JAR export $W10 $W10_BIAS -o $OUT/out/peer-wide10.png"
add long_export java-1e6 "java -jar $JAR export $W1M $W1M_BIAS -o $OUT/out/peer-wide1e6.png"

[ "$HAS_LAUNCHER" = 1 ] && add start_list launcher "$LAUNCHER list $DEMO"
add start_list java "java -jar $JAR list $DEMO"
[ "$NETRON" = 1 ] && add start_list netron "$(netron "$DEMO")"
[ "$HAS_LAUNCHER" = 1 ] && add start_export launcher "$LAUNCHER export $DEMO fc1.bias -o $OUT/out/peer-start-launcher.png"
add start_export java "java -jar $JAR export $DEMO fc1.bias -o $OUT/out/peer-start-java.png"
add start_export python "$PY $BENCH/plot_bias.py $DEMO fc1.bias $OUT/out/peer-start-python.png"

# ---- run them, alternating ----------------------------------------------------------------------
TSV="$OUT/peers.tsv"
: >"$TSV"
once() {  # group label run command...
  local group="$1" label="$2" run="$3"; shift 3
  local t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -f '%M %x %U %S' -o "$OUT/peers-time.tmp" "$@" </dev/null >"$OUT/peers-last.out" 2>&1 || true
  t1=$(date +%s%N)
  read -r kb rc user sys <"$OUT/peers-time.tmp" || true
  if [ "${rc:-1}" != 0 ]; then
    note "$group/$label run $run failed: $(tail -c 300 "$OUT/peers-last.out" | tr '\n' ' ')"
  fi
  [ "$run" = 0 ] || printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$group" "$label" "$run" \
    "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')" "${kb:-}" "${rc:-1}" \
    "$(awk -v u="${user:-0}" -v s="${sys:-0}" 'BEGIN { printf "%.2f", u + s }')" >>"$TSV"
}
for run in $(seq 0 "$RUNS"); do   # run 0 is the warm-up
  echo "   round $run of $RUNS (load $(cut -d' ' -f1 /proc/loadavg))" >&2
  while IFS=$'\t' read -r group label command; do
    read -r -a words <<<"$command"
    once "$group" "$label" "$run" "${words[@]}"
  done <"$CMDS"
done
rm -f "$OUT/peers-time.tmp" "$OUT/peers-last.out"
