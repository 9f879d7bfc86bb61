#!/usr/bin/python3
"""Times the three user actions the Python way, warm and in one process, like the JMH benchmark does
for Java (src/test/java/dev/biasinspector/bench/UserActionsBenchmark.java):

  open   torch.jit.load(file)
  click  dict(model.named_parameters())[name].detach().numpy()
  export matplotlib scatter + savefig of an 800x500 PNG (the same code as plot_bias.py)

    /usr/bin/python3 src/bench/python_actions.py MANIFEST.tsv OUT.json [JAVA_DUMP_DIR]

Each action: a warm-up, then single calls timed with perf_counter until both a minimum count and a
time budget are reached; the median and the 90th percentile (nearest rank) are reported in ms.
With JAVA_DUMP_DIR (files <key>.csv from `bias-inspector dump --csv`), also checks that the Java
reader gives bit-identical values, so both sides chart the same numbers.
"""
import json
import math
import os
import struct
import sys
import tempfile
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import torch  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from plot_bias import scatter  # noqa: E402

WARMUP = 2
MIN_CALLS = 5
MAX_CALLS = 200
BUDGET_S = float(os.environ.get("BENCH_PY_BUDGET_S", "8"))


def timed(action):
    for _ in range(WARMUP):
        action()
    samples = []
    started = time.perf_counter()
    while len(samples) < MAX_CALLS and (len(samples) < MIN_CALLS or time.perf_counter() - started < BUDGET_S):
        t0 = time.perf_counter()
        action()
        samples.append((time.perf_counter() - t0) * 1000.0)
    samples.sort()
    return {
        "median_ms": percentile(samples, 50),
        "p90_ms": percentile(samples, 90),
        "min_ms": samples[0],
        "calls": len(samples),
    }


def percentile(sorted_samples, p):
    rank = max(1, math.ceil(p / 100.0 * len(sorted_samples)))
    return sorted_samples[rank - 1]


def as_float32(value):
    return struct.unpack("<f", struct.pack("<f", float(value)))[0]


def same_as_java(values, csv_file):
    lines = csv_file.read_text().split("\n")[1:]
    java = [as_float32(line.split(",")[1]) for line in lines if line]
    return len(java) == len(values) and all(
        (math.isnan(a) and math.isnan(b)) or a == b for a, b in zip(java, (float(v) for v in values)))


def main():
    manifest, out = Path(sys.argv[1]), Path(sys.argv[2])
    dumps = Path(sys.argv[3]) if len(sys.argv) > 3 else None
    png = Path(tempfile.mkstemp(suffix=".png", prefix="bias-bench-py")[1])
    results = {"torch": torch.__version__, "matplotlib": matplotlib.__version__,
               "torch_threads": torch.get_num_threads(), "models": {}}
    try:
        for line in manifest.read_text().splitlines():
            key, file, name = line.split("\t")[:3]
            print(f"python: {key}", file=sys.stderr, flush=True)
            entry = {"open": timed(lambda: torch.jit.load(file))}
            model = torch.jit.load(file)
            entry["click"] = timed(lambda: dict(model.named_parameters())[name].detach().numpy())
            values = dict(model.named_parameters())[name].detach().numpy()
            entry["export"] = timed(lambda: scatter(values, name, str(png)))
            entry["elements"] = int(values.size)
            if dumps is not None and (dumps / f"{key}.csv").exists():
                entry["java_values_identical"] = same_as_java(values, dumps / f"{key}.csv")
            del model
            results["models"][key] = entry
    finally:
        png.unlink(missing_ok=True)
    out.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
