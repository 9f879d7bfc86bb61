#!/usr/bin/python3
"""The usual way to look at one layer's bias: load the TorchScript file, take the parameter, scatter it.

    /usr/bin/python3 src/bench/plot_bias.py MODEL.pt NAME OUT.png

NAME is a named_parameters() name such as fc1.bias. Writes an 800x500 PNG (8 x 5 inches at 100 dpi),
the size `bias-inspector export` writes by default. The benchmark (run.sh) times this whole command
against `java -jar target/bias-inspector.jar export MODEL NAME -o OUT.png`.
"""
import sys

import matplotlib
import matplotlib.pyplot as plt


def draw(ax, values, name):
    """The chart: one point per value, the zero line, titled by the bias's name (show_bias.py too)."""
    ax.scatter(range(len(values)), values, s=12)
    ax.axhline(0.0, color="grey", linewidth=1)
    ax.set_title(f"Bias of {name}")
    ax.set_xlabel("Index")
    ax.set_ylabel("Value")


def scatter(values, name, out):
    fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
    draw(ax, values, name)
    fig.savefig(out, dpi=100)
    plt.close(fig)


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: plot_bias.py MODEL.pt NAME OUT.png")
    matplotlib.use("Agg")  # no display: draw into an image only, as the Java export does
    path, name, out = sys.argv[1:]
    import torch  # here, not at the top: plot_bias_formats.py reuses scatter() without torch

    model = torch.jit.load(path)
    values = dict(model.named_parameters())[name].detach().numpy()
    scatter(values, name, out)


if __name__ == "__main__":
    main()
