#!/usr/bin/python3
"""Writes two TorchScript models whose `head.bias` has N values, for the export scaling benchmark.

    /usr/bin/python3 src/bench/make_long_bias.py OUT_DIR N [N ...]

Each file is OUT_DIR/long_bias_N.pt: nn.Linear(1, N) scripted and saved, seed 0, bias drawn from
N(0, 0.02) with three planted values (a maximum, a minimum, a NaN) so the chart has outliers to show.
Existing files are kept.
"""
import sys
from pathlib import Path

import torch
import torch.nn as nn


class LongBias(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.head = nn.Linear(1, n)

    def forward(self, x):
        return self.head(x)


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for n in map(int, sys.argv[2:]):
        path = out / f"long_bias_{n}.pt"
        if path.exists():
            continue
        torch.manual_seed(0)
        module = LongBias(n)
        with torch.no_grad():
            module.head.bias.copy_(torch.randn(n) * 0.02)
            if n >= 10:
                module.head.bias[n // 3] = 0.3
                module.head.bias[2 * n // 3] = -0.25
                module.head.bias[1] = float("nan")
        tmp = path.with_suffix(".tmp")
        torch.jit.save(torch.jit.script(module.eval()), str(tmp))
        tmp.replace(path)
        print(path)


if __name__ == "__main__":
    main()
