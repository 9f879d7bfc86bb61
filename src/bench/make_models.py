#!/usr/bin/python3
"""Writes the benchmark's model files into OUT_DIR (default target/bench/models) and a manifest.

    /usr/bin/python3 src/bench/make_models.py [OUT_DIR]      (Debian python3-torch and torchvision)

Three sizes, all TorchScript archives (torch.jit.save of torch.jit.script), fixed seeds:
  simple_net  the tutorial's SimpleNet, copied from models/simple_net.pt (6 KB)
  resnet18    torchvision resnet18, random init (11.7 M parameters, ~45 MB)
  linear_1gib four nn.Linear(8192, 8192) layers (268 M parameters, ~1 GiB)
The point of the large one: the archive reader opens the structure without reading weights,
torch.jit.load (and libtorch behind DJL) reads all of them.

manifest.tsv has one line per model: key, file, bias to click, file size in bytes, parameter count.
Existing files are kept, so a second run of the benchmark does not rebuild them.

Two more, for the chart's cost by length (not in manifest.tsv, so not in the JMH open/click/export
table; listed in chart_manifest.tsv): wide_10 = Linear(1, 10) and wide_1e6 = Linear(1, 10^6)
(8 MB), each clicked at `fc.bias`.
"""
import shutil
import sys
from pathlib import Path

import torch
import torch.nn as nn

REPO = Path(__file__).resolve().parents[2]


class Linear1GiB(nn.Module):
    def __init__(self, width=8192, layers=4):
        super().__init__()
        self.layers = nn.Sequential(*[nn.Linear(width, width) for _ in range(layers)])

    def forward(self, x):
        return self.layers(x)


class Wide(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.fc = nn.Linear(1, width)

    def forward(self, x):
        return self.fc(x)


def resnet18():
    import torchvision
    return torchvision.models.resnet18(weights=None)


def save_scripted(make, path, seed):
    torch.manual_seed(seed)
    with torch.no_grad():
        module = make()
    torch.jit.save(torch.jit.script(module.eval()), str(path))


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "target" / "bench" / "models"
    out.mkdir(parents=True, exist_ok=True)
    models = [
        ("simple_net", "simple_net.pt", "fc1.bias", None),
        ("resnet18", "resnet18.pt", "fc.bias", resnet18),
        ("linear_1gib", "linear_1gib.pt", "layers.3.bias", Linear1GiB),
    ]
    lines = []
    for key, file_name, bias, make in models:
        path = out / file_name
        if not path.exists():
            tmp = path.with_suffix(".tmp")
            if make is None:
                shutil.copyfile(REPO / "models" / file_name, tmp)
            else:
                print(f"writing {path} ...", file=sys.stderr, flush=True)
                save_scripted(make, tmp, seed=0)
            tmp.replace(path)
        loaded = torch.jit.load(str(path))
        params = dict(loaded.named_parameters())
        if bias not in params:
            raise SystemExit(f"{path}: no parameter {bias}")
        count = sum(p.numel() for p in params.values())
        lines.append(f"{key}\t{path}\t{bias}\t{path.stat().st_size}\t{count}\n")
        del loaded, params
    (out / "manifest.tsv").write_text("".join(lines))
    sys.stdout.write("".join(lines))
    chart = []
    for key, width in (("wide_10", 10), ("wide_1e6", 1_000_000)):
        path = out / f"{key}.pt"
        if not path.exists():
            tmp = path.with_suffix(".tmp")
            save_scripted(lambda: Wide(width), tmp, seed=0)
            tmp.replace(path)
        chart.append(f"{key}\t{path}\tfc.bias\t{path.stat().st_size}\t{2 * width}\n")
    (out / "chart_manifest.tsv").write_text("".join(chart))


if __name__ == "__main__":
    main()
