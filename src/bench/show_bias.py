#!/usr/bin/python3
"""The tutorial's way to see one layer's bias on screen: load the TorchScript file, scatter the
parameter in a matplotlib window (TkAgg). The peer of the app's window start in
src/dist/measure-startup.sh, which runs both under the same Xvfb:

    T0=$(date +%s%N) /usr/bin/python3 src/bench/show_bias.py MODEL.pt NAME

Prints "first chart painted N ms after start" (N from T0, the nanosecond clock read just before
the command started, as the app's -Dbias-inspector.t0) once the window has drawn its chart and Tk is
idle again, then exits: the same line the app prints with -Dbias-inspector.firstChart=exit.
"""
import os
import sys
import time

import matplotlib

matplotlib.use("TkAgg")  # the tutorial's plt.show() on a Linux desktop
import matplotlib.pyplot as plt  # noqa: E402
from plot_bias import draw  # noqa: E402  (the same chart as the tutorial's PNG)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: show_bias.py MODEL.pt NAME")
    path, name = sys.argv[1:]
    t0 = int(os.environ.get("T0", time.time_ns()))
    import torch

    values = dict(torch.jit.load(path).named_parameters())[name].detach().numpy()
    fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
    draw(ax, values, name)
    widget = fig.canvas.get_tk_widget()

    def painted():
        # The rendered figure is on the Tk canvas; let Tk send it to the X server and wait for it.
        widget.update()
        widget.tk.call("update", "idletasks")
        print(f"first chart painted {(time.time_ns() - t0) // 1_000_000} ms after start", flush=True)
        os._exit(0)

    def drawn(event):
        # Tk draws the figure once before the window is mapped; count the draw on screen.
        if widget.winfo_viewable():
            widget.after_idle(painted)

    fig.canvas.mpl_connect("draw_event", drawn)
    plt.show()


if __name__ == "__main__":
    main()
