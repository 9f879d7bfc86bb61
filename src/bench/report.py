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


PEER_LABELS = {"java": "`java -jar`", "launcher": "launcher", "netron": "Netron's loader", "python": "the Python way",
               "python-torch": "the Python way with torch",
               "java-10": "10 values", "java-1e6": "10^6 values"}
GROUPS = {
    "list70": "`list` of the 70 GiB sharded safetensors folder",
    "st_list": "`list` of the 1 GiB safetensors file",
    "st_export": "`export` of `layers.3.bias` from the 1 GiB safetensors file",
    "gguf_list": "`list` of the 1 GiB GGUF file",
    "gguf_export": "`export` of `blk.3.ffn_up.bias` from the 1 GiB GGUF file",
    "long_export": "`export` of a 10-value and a 10^6-value bias (`java -jar`)",
    "start_list": "start-up: `list models/simple_net.pt`",
    "start_export": "start-up: `export models/simple_net.pt fc1.bias`",
}
# (group, ours, peer, time ratio at most, our peak MiB at most, issue)
TARGETS = [
    ("list70", "java", "netron", 0.1, 150, "#8"),
    ("st_list", "java", "python", 0.35, 120, "#8"),
    ("st_list", "java", "python-torch", 0.35, 120, "#8"),
    ("st_export", "java", "python", 0.35, 120, "#8"),
    ("st_export", "java", "python-torch", 0.35, 120, "#8"),
    ("gguf_list", "java", "python", 0.35, 120, "#8"),
    ("gguf_export", "java", "python", 0.35, 120, "#8"),
    ("start_list", "launcher", "netron", 0.7, None, "#11"),
    ("start_export", "launcher", "python", 0.25, None, "#11"),
]


def peers(out):
    """{(group, label): {"s": [seconds], "kb": [KiB], "failed": n}} from peers.tsv, in file order."""
    rows = {}
    path = out / "peers.tsv"
    if path.exists():
        for line in path.read_text().splitlines():
            group, label, _, seconds, kb, rc, *cpu = line.split("\t")
            r = rows.setdefault((group, label), {"s": [], "kb": [], "cpu": [], "failed": 0})
            if rc != "0":
                r["failed"] += 1
                continue
            r["s"].append(float(seconds))
            if kb:
                r["kb"].append(int(kb))
            if cpu:
                r["cpu"].append(float(cpu[0]))
    return rows


def median_range(values, fmt):
    if not values:
        return "—"
    bare = lambda v: fmt(v).split(" ")[0]
    return f"{fmt(statistics.median(values))} ({bare(min(values))}–{bare(max(values))})"


def secs(v):
    return f"{v:.2f} s" if v < 10 else f"{v:.1f} s"


def mib(kb):
    return f"{kb / 1024:.0f} MiB"


def peer_report(out, p, chart):
    rows = peers(out)
    if not rows:
        return
    env = {}
    for name in ("peers.env", "run.env"):
        f = out / name
        if f.exists():
            env.update(line.split("=", 1) for line in f.read_text().splitlines() if "=" in line)
    runs = max(len(r["s"]) + r["failed"] for r in rows.values())
    p("### Side by side: Netron's loader, the Python way, the launcher (whole commands)")
    p()
    netron = (f"Netron {env.get('netron_version', '?')} (commit {env.get('netron_commit', '?')}) under node "
              f"{env.get('node', '?')}, through `src/bench/netron_open.mjs`: Netron's own `ModelFactoryService` "
              "opens the file with a host that reads files as Netron's desktop app does (whole below 1 GiB, "
              "streamed above); the graph is not drawn." if "netron_version" in env else "Netron: not measured (NETRON_DIR unset).")
    p(f"Each command run {runs} times after one warm-up run, all commands of the step alternating "
      "(A, B, C, A, B, C…) so load from other users falls on every side alike; median (fastest–slowest) "
      f"of wall time and of peak RSS (`/usr/bin/time`). {netron} The Python way for safetensors and GGUF "
      "is `src/bench/plot_bias_formats.py`: json/struct for the header and numpy for the one tensor "
      "(lazy, as `safetensors.safe_open` and gguf-py's `GGUFReader` are; Debian packages neither), "
      "matplotlib to draw. For TorchScript it is the tutorial's `plot_bias.py` (torch.jit.load).")
    p()

    def t(group, label):
        r = rows.get((group, label))
        return statistics.median(r["s"]) if r and r["s"] else None

    def m(group, label):
        r = rows.get((group, label))
        return statistics.median(r["kb"]) / 1024 if r and r["kb"] else None

    def c(group, label):
        r = rows.get((group, label))
        return statistics.median(r["cpu"]) if r and r.get("cpu") else None

    p("| Target | Ours | Peer | Ours ÷ peer (time) | Our peak RSS | Target | Met | Ours ÷ peer (CPU time) |")
    p("| --- | ---: | ---: | ---: | ---: | --- | --- | ---: |")
    for group, ours, peer, max_ratio, max_mib, issue in TARGETS:
        a, b = t(group, ours), t(group, peer)
        ours_label = PEER_LABELS[ours]
        if a is None and ours == "launcher":
            ours, ours_label = "java", "`java -jar` (no launcher built)"
            a = t(group, ours)
        ratio_v = a / b if a and b else None
        ca, cb = c(group, ours), c(group, peer)
        cpu_ratio = f"{ca / cb:.2f}×" if ca and cb else "—"
        mem = m(group, ours)
        goal = f"≤ {max_ratio}× {PEER_LABELS[peer]}" + (f", ≤ {max_mib} MiB" if max_mib else "")
        if ratio_v is None:
            met = "not measured"
        else:
            ok = ratio_v <= max_ratio and (max_mib is None or (mem is not None and mem <= max_mib))
            met = "yes" if ok else "**no**"
        p(f"| {issue} {GROUPS[group]} | {ours_label} {secs(a) if a else '—'} | {PEER_LABELS[peer]} {secs(b) if b else '—'} | "
          f"{f'{ratio_v:.2f}×' if ratio_v else '—'} | {f'{mem:.0f} MiB' if mem else '—'} | {goal} | {met} | {cpu_ratio} |")
    a, b = t("long_export", "java-1e6"), t("long_export", "java-10")
    ma, mb = m("long_export", "java-1e6"), m("long_export", "java-10")
    if a and b:
        ok = a - b <= 0.25 and ma - mb <= 60
        p(f"| #9 export of a 10^6-value bias against a 10-value one | 10^6: {secs(a)}, {ma:.0f} MiB | 10: {secs(b)}, {mb:.0f} MiB | "
          f"+{a - b:.2f} s | +{ma - mb:.0f} MiB | ≤ +0.25 s, ≤ +60 MiB | {'yes' if ok else '**no**'} | "
          + (f"+{c('long_export', 'java-1e6') - c('long_export', 'java-10'):.2f} s |" if c("long_export", "java-10") else "— |"))
    draw = chart.get(("1000000", "render")) if chart else None
    if draw:
        p(f"| #9 drawing 10^6 values at 800×500, warm JVM (JMH, median) | {ms(draw[0])} | | | | ≤ 150 ms | "
          f"{'yes' if draw[0] <= 150 else '**no**'} | |")
    p()
    p("Every command (median (fastest–slowest)):")
    p()
    p("| Step | Command | Wall time | CPU time (user + system) | Peak RSS | Runs |")
    p("| --- | --- | ---: | ---: | ---: | ---: |")
    for (group, label), r in sorted(rows.items(), key=lambda kv: list(GROUPS).index(kv[0][0]) if kv[0][0] in GROUPS else 99):
        failed = f", {r['failed']} failed" if r["failed"] else ""
        p(f"| {GROUPS.get(group, group)} | {PEER_LABELS.get(label, label)} | {median_range(r['s'], secs)} | "
          f"{median_range(r.get('cpu', []), secs)} | {median_range(r['kb'], mib)} | {len(r['s'])}{failed} |")
    p()
    notes = out / "peers-notes.txt"
    if notes.exists() and notes.read_text().strip():
        p("Notes from the run:")
        p()
        for line in notes.read_text().splitlines():
            p(f"- {line}")
        p()


def chart_report(out, p):
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
    return chart


def main():
    out = Path(sys.argv[1])
    if not (out / "python.json").exists():  # BENCH_PARTS=peers: only step e
        env = dict(line.split("=", 1) for line in (out / "run.env").read_text().splitlines() if "=" in line)
        print("## Performance: side by side with peers")
        print()
        print(f"Run {env.get('start_time', '?')} – {env.get('end_time', '?')}; "
              f"load average at start {env.get('start_load', '?')}, at end {env.get('end_load', '?')}.")
        print()
        peer_report(out, print, chart_report(out, print))
        return
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

    chart = chart_report(out, p)

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
    p()
    peer_report(out, p, chart)


if __name__ == "__main__":
    main()
