#!/usr/bin/python3
"""The Python way for safetensors and GGUF files, where Debian has neither the `safetensors` nor the
`gguf` package: read the header with json/struct, the one tensor with numpy, draw with matplotlib.

    /usr/bin/python3 src/bench/plot_bias_formats.py list FILE
    /usr/bin/python3 src/bench/plot_bias_formats.py export FILE NAME OUT.png
    /usr/bin/python3 src/bench/plot_bias_formats.py dump FILE NAME OUT.f32
    /usr/bin/python3 src/bench/plot_bias_formats.py --torch list|export ...

--torch: the way most Hugging Face users read a safetensors file, `safe_open(path, framework="pt")`,
which imports torch and hands out torch tensors: here torch is imported and each tensor read is
made a torch tensor (torch.from_numpy) before it is listed or drawn.

`list` prints every tensor's name, dtype and shape (what `bias-inspector list` shows); `export`
writes the same 800x500 scatter as plot_bias.py; `dump` writes the tensor as float32 (the check).
Both readers are lazy the way the packages are: safetensors' `safe_open` reads the header and then
only the requested tensor; gguf-py's `GGUFReader` maps the file with np.memmap and slices it. So the
Python side pays for its imports and the header, not for the whole file, as a fair peer should.
Only F32, F16 and BF16 values are decoded here (the benchmark's files are F32 and BF16).
"""
import json
import struct
import sys

import numpy as np

GGUF_TYPES = {0: ("F32", "<f4", 4), 1: ("F16", "<f2", 2), 30: ("BF16", "<u2", 2)}
GGUF_VALUE = {0: "<u1", 1: "<i1", 2: "<u2", 3: "<i2", 4: "<u4", 5: "<i4", 6: "<f4", 7: "<u1",
              10: "<u8", 11: "<i8", 12: "<f8"}


def bf16_to_f32(bits):
    return (bits.astype(np.uint32) << 16).view(np.float32)


# ---- safetensors ----------------------------------------------------------------------------------

def safetensors_tensors(path):
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n))
    header.pop("__metadata__", None)
    return {name: (v["dtype"], v["shape"], 8 + n + v["data_offsets"][0], v["data_offsets"][1] - v["data_offsets"][0])
            for name, v in header.items()}


def safetensors_values(path, name):
    dtype, shape, offset, _ = safetensors_tensors(path)[name]
    count = int(np.prod(shape))
    if dtype == "BF16":
        return bf16_to_f32(np.fromfile(path, dtype="<u2", count=count, offset=offset))
    return np.fromfile(path, dtype={"F32": "<f4", "F16": "<f2", "F64": "<f8"}[dtype], count=count, offset=offset)


# ---- GGUF -----------------------------------------------------------------------------------------

class Gguf:
    """The parts of gguf-py's GGUFReader a user needs: np.memmap, metadata skipped, tensor infos."""

    def __init__(self, path):
        self.data = np.memmap(path, mode="r")
        self.pos = 0
        if bytes(self.data[:4]) != b"GGUF":
            raise SystemExit(f"{path}: not a GGUF file")
        version, n_tensors, n_kv = struct.unpack_from("<IQQ", self.data, 4)
        self.pos = 24
        alignment = 32
        for _ in range(n_kv):
            key = self.string()
            value = self.value(self.u32())
            if key == "general.alignment":
                alignment = int(value)
        self.tensors = {}
        for _ in range(n_tensors):
            name = self.string()
            n_dims = self.u32()
            ne = struct.unpack_from(f"<{n_dims}Q", self.data, self.pos)
            self.pos += 8 * n_dims
            kind = self.u32()
            (offset,) = struct.unpack_from("<Q", self.data, self.pos)
            self.pos += 8
            self.tensors[name] = (kind, list(reversed(ne)), offset)
        self.start = self.pos + (-self.pos % alignment)

    def u32(self):
        (v,) = struct.unpack_from("<I", self.data, self.pos)
        self.pos += 4
        return v

    def string(self):
        (n,) = struct.unpack_from("<Q", self.data, self.pos)
        text = bytes(self.data[self.pos + 8:self.pos + 8 + n]).decode()
        self.pos += 8 + n
        return text

    def value(self, kind):
        if kind == 8:
            return self.string()
        if kind == 9:
            inner = self.u32()
            (count,) = struct.unpack_from("<Q", self.data, self.pos)
            self.pos += 8
            if inner in GGUF_VALUE:  # a numeric array (token scores...): skip it in one step
                self.pos += count * np.dtype(GGUF_VALUE[inner]).itemsize
                return None
            return [self.value(inner) for _ in range(count)]
        dtype = np.dtype(GGUF_VALUE[kind])
        v = np.frombuffer(self.data, dtype=dtype, count=1, offset=self.pos)[0]
        self.pos += dtype.itemsize
        return v

    def values(self, name):
        kind, shape, offset = self.tensors[name]
        if kind not in GGUF_TYPES:
            raise SystemExit(f"{name}: ggml type {kind} is not decoded here")
        _, dtype, _ = GGUF_TYPES[kind]
        raw = np.frombuffer(self.data, dtype=dtype, count=int(np.prod(shape)), offset=self.start + offset)
        return bf16_to_f32(raw) if kind == 30 else raw.astype(np.float32)


def tensors_of(path):
    if path.endswith(".gguf"):
        g = Gguf(path)
        return {n: (GGUF_TYPES.get(k, (f"type {k}",))[0], s) for n, (k, s, _) in g.tensors.items()}
    return {n: (d, s) for n, (d, s, _, _) in safetensors_tensors(path).items()}


def values_of(path, name):
    return Gguf(path).values(name) if path.endswith(".gguf") else safetensors_values(path, name)


def main():
    args = sys.argv[1:]
    as_torch = None
    if args and args[0] == "--torch":
        import torch

        args = args[1:]
        as_torch = torch.from_numpy
    if len(args) == 2 and args[0] == "list":
        for name, (dtype, shape) in tensors_of(args[1]).items():
            print(f"{name}\t{dtype}\t{shape}")
    elif len(args) == 4 and args[0] == "export":
        import matplotlib  # imported only to draw, as a script would

        matplotlib.use("Agg")
        sys.path.insert(0, __file__.rsplit("/", 1)[0])
        from plot_bias import scatter

        values = values_of(args[1], args[2])
        if as_torch:
            values = as_torch(np.array(values)).numpy()
        scatter(values, args[2], args[3])
    elif len(args) == 4 and args[0] == "dump":
        values_of(args[1], args[2]).astype("<f4").tofile(args[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
