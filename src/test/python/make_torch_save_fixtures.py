"""Writes torch.save checkpoints (state dicts, training checkpoints, whole pickled models) into
src/test/resources/torchsave/, plus expected.json with PyTorch's own names, shapes, dtypes and
bias values for each. Run with Debian's python3-torch:

    /usr/bin/python3 src/test/python/make_torch_save_fixtures.py
"""
import json
import os
import sys

import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "resources", "torchsave"))


class SimpleNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(10, 20)
        self.fc2 = nn.Linear(20, 10)

    def forward(self, x):
        return self.fc2(self.fc1(x))


class ConvNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4), nn.ReLU())
        self.head = nn.Linear(4, 2)

    def forward(self, x):
        return self.head(self.features(x).mean((2, 3)))


def is_bias(name):
    last = name.rsplit(".", 1)[-1]
    return last.startswith("bias") or last.endswith("_bias")


def describe(state_dict):
    entries = []
    for name, t in state_dict.items():
        entry = {"name": name, "shape": list(t.shape), "dtype": str(t.dtype).replace("torch.", "")}
        if is_bias(name):
            entry["values"] = [float(v) for v in t.detach().float().flatten().tolist()]
        entries.append(entry)
    return entries


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(0)
    expected = {"torch_version": torch.__version__, "files": {}}

    net = SimpleNet()
    torch.save(net.state_dict(), os.path.join(OUT, "simple_state_dict.pth"))
    expected["files"]["simple_state_dict.pth"] = {"tensors": describe(net.state_dict()), "kind": "state_dict"}

    opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
    loss = nn.MSELoss()(net(torch.randn(4, 10)), torch.randn(4, 10))
    loss.backward()
    opt.step()
    checkpoint = {"epoch": 7, "model_state_dict": net.state_dict(), "optimizer_state_dict": opt.state_dict(),
                  "loss": float(loss)}
    torch.save(checkpoint, os.path.join(OUT, "training_checkpoint.pt"))
    expected["files"]["training_checkpoint.pt"] = {"tensors": describe(net.state_dict()), "kind": "checkpoint",
                                                   "state_dict_key": "model_state_dict", "epoch": 7}

    conv = ConvNet()
    conv.train()
    conv(torch.randn(2, 3, 8, 8))  # moves the BatchNorm running statistics
    torch.save(conv.state_dict(), os.path.join(OUT, "conv_bn_state_dict.pth"))
    expected["files"]["conv_bn_state_dict.pth"] = {"tensors": describe(conv.state_dict()), "kind": "state_dict"}

    half = SimpleNet().half()
    torch.save(half.state_dict(), os.path.join(OUT, "half_state_dict.pth"))
    expected["files"]["half_state_dict.pth"] = {"tensors": describe(half.state_dict()), "kind": "state_dict"}

    whole = ConvNet()
    torch.save(whole, os.path.join(OUT, "whole_model.pth"))
    modules = [{"path": n, "class": type(m).__name__} for n, m in whole.named_modules()]
    expected["files"]["whole_model.pth"] = {"tensors": describe(dict(whole.named_parameters())),
                                            "kind": "module", "modules": modules}

    legacy = SimpleNet()
    torch.save(legacy.state_dict(), os.path.join(OUT, "legacy_format.pth"), _use_new_zipfile_serialization=False)
    expected["files"]["legacy_format.pth"] = {"tensors": describe(legacy.state_dict()), "kind": "legacy"}

    legacy_whole = ConvNet()
    torch.save(legacy_whole, os.path.join(OUT, "legacy_whole_model.pth"), _use_new_zipfile_serialization=False)
    modules = [{"path": n, "class": type(m).__name__} for n, m in legacy_whole.named_modules()]
    expected["files"]["legacy_whole_model.pth"] = {"tensors": describe(dict(legacy_whole.named_parameters())),
                                                   "kind": "legacy module", "modules": modules}

    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")
    for name in sorted(os.listdir(OUT)):
        print(name, os.path.getsize(os.path.join(OUT, name)))


if __name__ == "__main__":
    sys.exit(main())
