#!/usr/bin/python3
"""Turns the raw results in target/bench/ (written by run.sh) into one Markdown report on stdout.

    /usr/bin/python3 src/bench/report.py target/bench > target/bench/results.md
"""
import json
import statistics
import subprocess
import sys
from pathlib import Path

ACTIONS = ("open", "click", "export")
LABELS = {"simple_net": "SimpleNet", "resnet18": "resnet18", "linear_1gib": "4 × Linear(8192, 8192)"}


def ms(value):
    if value is None:
        return "—"
    if value < 1:
        return f"{value:.2f} ms"
    if value < 1000:
        return f"{value:.0f} ms" if value >= 100 else f"{value:.1f} ms"
    return f"{value / 1000:.2f} s"


def ratio(python, java):
    """How Java compares with Python, as a reader would say it."""
    if python is None or java is None or python <= 0 or java <= 0:
        return "—"
    r = python / java if python >= java else java / python
    if r < 1.1:
        return "about the same"
    times = f"{r:,.0f}×" if r >= 10 else f"{r:.1f}×"
    return f"Java {times} faster" if python >= java else f"Java {times} slower"


def size(num_bytes):
    for unit, factor in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if num_bytes >= factor:
            return f"{num_bytes / factor:.1f} {unit}"
    return f"{num_bytes} B"


def run(*command):
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        return (result.stdout + result.stderr).strip()
    except OSError:
        return "n/a"


def model_key(params):
    return Path(params["model"].split("#")[0]).stem


def jmh(path, key_of=model_key):
    """{(key, action): (median, p90, calls)} from a JMH JSON file."""
    results = {}
    if not path.exists():
        return results
    for row in json.loads(path.read_text()):
        key = key_of(row["params"])
        action = row["benchmark"].rsplit(".", 1)[1]
        metric = row["primaryMetric"]
        calls = sum(count for fork in metric.get("rawDataHistogram", [])
                    for iteration in fork for _, count in iteration)
        results[(key, action)] = (metric["scorePercentiles"]["50.0"], metric["scorePercentiles"]["90.0"], calls)
    return results


def cell(stats):
    if stats is None:
        return "—"
    return f"{ms(stats[0])} ({ms(stats[1])})"


def whole_commands(out):
    """{(key, label): (mean s, stddev s, median s, runs)} from hyperfine JSON or the time loop."""
    results = {}
    for file in sorted(out.glob("hyperfine-*.json")):
        _, key_label = file.stem.split("-", 1)
        # model keys contain underscores, never dashes; the label may contain one (java-djl)
        key, label = key_label.split("-", 1)
        r = json.loads(file.read_text())["results"][0]
        results[(key, label)] = (r["mean"], r["stddev"] or 0.0, r["median"], len(r["times"]), r["min"], r["max"])
    loop = out / "loop-times.tsv"
    if loop.exists():
        times = {}
        for line in loop.read_text().splitlines():
            key, label, seconds = line.split("\t")
            times.setdefault((key, label), []).append(float(seconds))
        for k, v in times.items():
            results[k] = (statistics.mean(v), statistics.pstdev(v), statistics.median(v), len(v), min(v), max(v))
    return results


def rss(out):
    values = {}
    path = out / "rss.tsv"
    if path.exists():
        for line in path.read_text().splitlines():
            key, label, kb = line.split("\t")
            if kb:
                values.setdefault((key, label), []).append(int(kb))
    return {k: statistics.median(v) / 1024 for k, v in values.items()}


def main():
    out = Path(sys.argv[1])
    manifest = [line.split("\t") for line in (out / "models" / "manifest.tsv").read_text().splitlines()]
    python = json.loads((out / "python.json").read_text())
    java = jmh(out / "jmh.json")
    djl = jmh(out / "jmh-djl.json")
    commands = whole_commands(out)
    memory = rss(out)
    env = dict(line.split("=", 1) for line in (out / "run.env").read_text().splitlines() if "=" in line)
    has_djl = bool(djl) or any(label == "java-djl" for _, label in commands)
    runs = max((c[3] for c in commands.values()), default=0)
    tool = "hyperfine" if list(out.glob("hyperfine-*.json")) else "/usr/bin/time loop"

    cpu = next((line.split(":", 1)[1].strip() for line in run("lscpu").splitlines()
                if line.startswith("Model name")), "unknown")
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    os_name = next((line.split("=", 1)[1].strip('"') for line in Path("/etc/os-release").read_text().splitlines()
                    if line.startswith("PRETTY_NAME")), "Linux")
    java_version = run("java", "-version").splitlines()
    p = print

    p("## Performance: Bias Inspector against the Python way")
    p()
    p("Measured by `bash src/bench/run.sh` (from the repository root; writes `target/bench/results.md`).")
    p(f"Run {env.get('start_time', '?')} – {env.get('end_time', '?')}; "
      f"load average at start {env.get('start_load', '?')}, at end {env.get('end_load', '?')}.")
    p()
    p(f"- Machine: {run('nproc')} cores, {cpu}, {mem_kb / (1 << 20):.0f} GiB, {os_name}")
    p(f"- Java: {java_version[0] if java_version else '?'} ({java_version[-1] if java_version else ''})")
    p(f"- Python: {run('/usr/bin/python3', '--version')}, torch {python['torch']} (Debian), "
      f"matplotlib {python['matplotlib']} (Agg), torch threads {python['torch_threads']}")
    p(f"- Whole commands timed with {run('hyperfine', '--version') if tool == 'hyperfine' else tool}")
    p()
    p("| Model | File | Parameters | Bias clicked and exported |")
    p("| --- | ---: | ---: | --- |")
    for key, file, bias, nbytes, count in manifest:
        elements = python["models"][key]["elements"]
        p(f"| {LABELS.get(key, key)} | {size(int(nbytes))} | {int(count):,} | `{bias}` ({elements:,} values) |")
    p()

    p("### In one process, warm: median (90th percentile) of single calls")
    p()
    p("Java: JMH 1.37, sample-time mode, 1 fork, 5 × 1 s warm-up, 5 × 1 s measurement, archive reader "
      "(the default). Python: the same steps in one process, 2 warm-up calls, then single calls for "
      "at least 5 calls and 8 s (`src/bench/python_actions.py`)."
      + (" DJL engine: `ModelOpener.open(file, Engine.DJL)`, libtorch through DJL's PyTorch engine, "
         "engine already started, 5 × 2 s warm-up (libtorch's loads keep getting faster for a few calls)."
         if djl else ""))
    p()
    header = "| Model | Action | Java (Bias Inspector) | Python (PyTorch + matplotlib) | Java against Python |"
    rule = "| --- | --- | ---: | ---: | ---: |"
    if djl:
        header += " Java, DJL engine (open only) |"
        rule += " ---: |"
    p(header)
    p(rule)
    what = {"open": "open", "click": "click a layer", "export": "export PNG"}
    for key, *_ in manifest:
        for action in ACTIONS:
            j = java.get((key, action))
            py = python["models"][key][action]
            row = (f"| {LABELS.get(key, key)} | {what[action]} | {cell(j)} | "
                   f"{cell((py['median_ms'], py['p90_ms']))} | {ratio(py['median_ms'], j[0] if j else None)} |")
            if djl:
                row += f" {cell(djl.get((key, 'openWithDjl'))) if action == 'open' else ''} |"
            p(row)
    p()
    identical = [python["models"][key].get("java_values_identical") for key, *_ in manifest]
    if all(v is True for v in identical):
        p("For every model, the values the Java reader shows are bit-identical to PyTorch's "
          "`named_parameters()` (checked in the same run).")
        p()

    chart = jmh(out / "jmh-chart.json", key_of=lambda params: params["length"])
    if chart:
        lengths = sorted({int(k) for k, _ in chart})
        p("### Chart cost by bias length (Java, warm, median (90th percentile))")
        p()
        p("`BiasChartFactory.createDataset` and drawing the chart into an 800×500 image "
          "(`ChartExporter.render`, no PNG encoding) for a synthetic bias of each length.")
        p()
        p("| Values | Dataset | Draw 800×500 |")
        p("| ---: | ---: | ---: |")
        for n in lengths:
            p(f"| {n:,} | {cell(chart.get((str(n), 'dataset')))} | {cell(chart.get((str(n), 'render')))} |")
        p()

    p("### Whole command from a cold process: export one bias as an 800×500 PNG")
    p()
    p(f"`java -jar target/bias-inspector.jar export MODEL NAME -o x.png` against "
      f"`python3 src/bench/plot_bias.py MODEL NAME x.png`: median (fastest–slowest) of {runs} {tool} runs "
      "after one warm-up run (the file is in the page cache; the process, the JVM and the Python imports start cold every run).")
    p()
    header = "| Model | Java | Python | Java against Python |"
    rule = "| --- | ---: | ---: | ---: |"
    if has_djl:
        header += " Java, `--engine djl` |"
        rule += " ---: |"
    p(header)
    p(rule)

    def seconds(k):
        c = commands.get(k)
        return "—" if c is None else f"{c[2]:.2f} s ({c[4]:.2f}–{c[5]:.2f})"

    for key, *_ in manifest:
        j, py = commands.get((key, "java")), commands.get((key, "python"))
        row = (f"| {LABELS.get(key, key)} | {seconds((key, 'java'))} | {seconds((key, 'python'))} | "
               f"{ratio(py[2] if py else None, j[2] if j else None)} |")
        if has_djl:
            row += f" {seconds((key, 'java-djl'))} |"
        p(row)
    p()

    p("### Peak memory of the whole command (maximum resident set size, median of runs)")
    p()
    header = "| Model | Java | Python |"
    rule = "| --- | ---: | ---: |"
    if has_djl:
        header += " Java, `--engine djl` |"
        rule += " ---: |"
    p(header)
    p(rule)
    for key, *_ in manifest:
        def mib(label):
            v = memory.get((key, label))
            return "—" if v is None else f"{v:.0f} MiB"
        row = f"| {LABELS.get(key, key)} | {mib('java')} | {mib('python')} |"
        if has_djl:
            row += f" {mib('java-djl')} |"
        p(row)


if __name__ == "__main__":
    main()
