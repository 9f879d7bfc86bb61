#!/usr/bin/python3
"""Writes the demo models and their PyTorch oracle (expected.json) into this folder.

Run from anywhere:  /usr/bin/python3 models/generate.py   (Debian python3-torch 1.13)

The tutorial's experiment: SimpleNet (fc1 = Linear(10, 20), fc2 = Linear(20, 10)) is saved as
simple_net.pt, trained for 100 SGD steps (lr 0.01, MSELoss, a fresh random input and target per
step) and saved as simple_net_trained.pt. The same run is snapshotted every few steps into
checkpoints/epoch_<k>.pt after k*10 steps, so epoch_10.pt holds the same weights as
simple_net_trained.pt. All files are TorchScript archives (torch.jit.save of torch.jit.script).
"""
import json
import math
import os
import sys
from pathlib import Path

import torch
import torch.nn as nn

HERE = Path(__file__).resolve().parent

INIT_SEED = 0         # weights of simple_net.pt
TRAIN_SEED = 1        # random inputs and targets of the 100 training steps
WHATIF_SEED = 1234    # x = torch.randn(1, 10) for the what-if oracle
STEPS = 100
LEARNING_RATE = 0.01
CHECKPOINT_EPOCHS = (1, 2, 5, 10)   # epoch k = after k * STEPS_PER_EPOCH steps of the same run
STEPS_PER_EPOCH = 10


class SimpleNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(10, 20)
        self.fc2 = nn.Linear(20, 10)

    def forward(self, x):
        return self.fc2(self.fc1(x))


def save(net, relative):
    torch.jit.save(torch.jit.script(net), str(HERE / relative))


def load(relative):
    return torch.jit.load(str(HERE / relative))


def floats(tensor):
    values = tensor.detach().float().flatten().tolist()
    assert all(math.isfinite(v) for v in values)
    return values


def is_bias(name):
    last = name.rsplit(".", 1)[-1]
    return last.startswith("bias") or last.endswith("_bias")


def train_and_save():
    """Returns the file names in the order they were written."""
    torch.manual_seed(INIT_SEED)
    net = SimpleNet()
    save(net, "simple_net.pt")
    written = ["simple_net.pt"]

    torch.manual_seed(TRAIN_SEED)
    optimizer = torch.optim.SGD(net.parameters(), lr=LEARNING_RATE)
    loss_fn = nn.MSELoss()
    for step in range(1, STEPS + 1):
        x = torch.randn(1, 10)
        target = torch.randn(1, 10)
        optimizer.zero_grad()
        loss_fn(net(x), target).backward()
        optimizer.step()
        if step % STEPS_PER_EPOCH == 0 and step // STEPS_PER_EPOCH in CHECKPOINT_EPOCHS:
            name = f"checkpoints/epoch_{step // STEPS_PER_EPOCH}.pt"
            save(net, name)
            written.append(name)
    save(net, "simple_net_trained.pt")
    written.append("simple_net_trained.pt")
    return written


def describe(relative):
    return {
        "parameters": [
            {"name": n, "shape": list(p.shape), "dtype": str(p.dtype).replace("torch.", ""),
             "values": floats(p)}
            for n, p in load(relative).named_parameters()
        ]
    }


def diff(a, b):
    """Per-bias change from file a to file b, in float64 from the stored float32 values."""
    before = dict(load(a).named_parameters())
    after = dict(load(b).named_parameters())
    rows = []
    for name in before:
        if not is_bias(name) or name not in after:
            continue
        old = [float(v) for v in floats(before[name])]
        new = [float(v) for v in floats(after[name])]
        delta = [y - x for x, y in zip(old, new)]
        rows.append({
            "name": name,
            "n": len(delta),
            "maxAbsChange": max(abs(d) for d in delta),
            "l2Change": math.sqrt(math.fsum(d * d for d in delta)),
            "l2Before": math.sqrt(math.fsum(x * x for x in old)),
            "l2After": math.sqrt(math.fsum(y * y for y in new)),
        })
    return {
        "a": a,
        "b": b,
        "biases": rows,
        "onlyInA": [n for n in before if is_bias(n) and n not in after],
        "onlyInB": [n for n in after if is_bias(n) and n not in before],
    }


def what_if(x, relative):
    """Outputs of the archived model for x, unchanged and with one bias zeroed in memory."""
    result = {}
    with torch.no_grad():
        result["output"] = floats(load(relative)(x))
        for bias in ("fc1.bias", "fc2.bias"):
            model = load(relative)
            dict(model.named_parameters())[bias].zero_()
            result[f"output_{bias.replace('.', '_')}_zero"] = floats(model(x))
    return result


def rerun_reproducibly():
    """Make the archives byte-identical on every run and every checkout: TorchScript prints class
    constants in set order (Python's per-process string hash) and stores the defining file's path
    in code/*.debug_pkl, which Python makes absolute for a script. So re-run once with a fixed hash
    seed, from this folder, under the relative file name."""
    if os.environ.get("BIAS_INSPECTOR_MODELS_RERUN") == "1":
        return
    env = dict(os.environ, PYTHONHASHSEED="0", BIAS_INSPECTOR_MODELS_RERUN="1")
    os.chdir(HERE)
    runner = f"import runpy; runpy.run_path({Path(__file__).name!r}, run_name='__main__')"
    os.execve(sys.executable, [sys.executable, "-c", runner], env)


def main():
    rerun_reproducibly()
    (HERE / "checkpoints").mkdir(exist_ok=True)
    written = train_and_save()

    torch.manual_seed(WHATIF_SEED)
    x = torch.randn(1, 10)
    checkpoints = [f"checkpoints/epoch_{k}.pt" for k in CHECKPOINT_EPOCHS]
    expected = {
        "torch_version": torch.__version__,
        "generator": "/usr/bin/python3 models/generate.py",
        "training": {
            "init_seed": INIT_SEED, "train_seed": TRAIN_SEED, "steps": STEPS,
            "optimizer": "SGD", "lr": LEARNING_RATE, "loss": "MSELoss",
            "input_shape": [1, 10], "target_shape": [1, 10],
            "checkpoint_steps": {c: k * STEPS_PER_EPOCH for c, k in zip(checkpoints, CHECKPOINT_EPOCHS)},
        },
        "files": {name: describe(name) for name in written},
        "diffs": [diff("simple_net.pt", "simple_net_trained.pt"),
                  diff("simple_net.pt", checkpoints[0]),
                  diff(checkpoints[0], checkpoints[-1])]
                 + [diff(a, b) for a, b in zip(checkpoints, checkpoints[1:])],
        "whatif": {
            "seed": WHATIF_SEED,
            "input": {"shape": list(x.shape), "values": floats(x)},
            "models": {name: what_if(x, name) for name in ("simple_net.pt", "simple_net_trained.pt")},
        },
    }
    with open(HERE / "expected.json", "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")
    for name in written:
        print(f"{name:28s} {(HERE / name).stat().st_size:6d} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
