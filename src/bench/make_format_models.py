#!/usr/bin/python3
"""Writes the benchmark's safetensors and GGUF models into OUT_DIR (default target/bench/models),
from the formats' specifications, with numpy (Debian python3-numpy) and nothing else.

    /usr/bin/python3 src/bench/make_format_models.py [OUT_DIR]

  llama_70b/       a Hugging Face folder: config.json, model.safetensors.index.json and 15 shards
                   model-000NN-of-00015.safetensors, ~70 GiB in all, in the layout of a 70B llama
                   (80 layers, hidden 8192, 64 heads with 8 key/value heads, MLP 28672, vocabulary
                   128256; q/k/v/o projections with biases). The shards are SPARSE: each one's
                   header and its 1-D tensors (biases, norms: 4.6 MB in all) are written, the
                   matrices are holes (the file is truncated to its full size), so the folder needs
                   no disk beyond the headers and the biases.
  linear_1gib.safetensors   4 x Linear(8192, 8192), F32, every byte written (1 GiB)
  linear_1gib.gguf          the same tensors as GGUF v3, F32, every byte written (1 GiB)

Each case gets <key>.expected.f32: the clicked bias's values as little-endian float32, as the
generator wrote them, so run.sh can compare `bias-inspector dump --csv` with them bit for bit.
formats_manifest.tsv: key, path, bias to click, bytes on disk (apparent size), tensor count.
Files that exist with the right size are kept, so a second run does not rewrite 2 GiB.

The format rules followed (see ../shared/FORMATS.md sections 4, 7 and 9):
- safetensors: u64 LE header length N, N bytes of JSON padded with spaces to a multiple of 8,
  then the data; data_offsets relative to the data start, contiguous from 0, no holes between
  tensors; tensors ordered like the Rust/Python writer (wider dtypes first, then by name);
  __metadata__ {"format": "pt"}; index.json {"metadata": {"total_size": N}, "weight_map": {...}}.
- GGUF v3: "GGUF", u32 3, u64 tensor count, u64 KV count; KV = gguf string key, u32 type, value;
  tensor info = name, u32 n_dims, ne[] innermost first, u32 ggml type (0 = F32), u64 offset
  (multiple of the alignment, 32 by default); data section aligned to 32 after the infos.
"""
import json
import os
import struct
import sys
import zlib
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]

BF16, F8, F32 = "BF16", "F8_E4M3", "F32"
ITEMSIZE = {BF16: 2, F8: 1, F32: 4}


# ---- values ----------------------------------------------------------------------------------------

def bf16_bits(values):
    """float32 -> bfloat16 bit patterns (round to nearest even), as torch does."""
    bits = values.astype(np.float32).view(np.uint32).astype(np.uint64)
    rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) >> 16
    return rounded.astype(np.uint16)


def bf16_as_f32(bits):
    return (bits.astype(np.uint32) << 16).view(np.float32)


def rng_for(seed, name):
    """Each tensor's values depend only on the seed and its name, so a rerun writes the same bytes
    and the expected values can be made again without the other tensors."""
    return np.random.default_rng([seed, zlib.crc32(name.encode())])


def small_tensor(name, shape):
    """Real values for a 1-D tensor: a bias ~ N(0, 0.02), a norm ~ 1 + N(0, 0.02)."""
    noise = rng_for(70, name).standard_normal(shape, dtype=np.float32) * np.float32(0.02)
    return noise + np.float32(1.0) if name.endswith("norm.weight") else noise


# ---- a 70B llama in sparse safetensors shards -------------------------------------------------------

LLAMA = dict(layers=80, hidden=8192, heads=64, kv_heads=8, intermediate=28672, vocab=128256)
SHARDS = 15
LLAMA_BIAS = "model.layers.40.self_attn.k_proj.bias"


def llama_tensors(cfg):
    """(name, dtype, shape) in the order of a state dict. Matrices F8_E4M3 (as the FP8 releases of
    70B models ship, 1 byte a weight: that is what makes 70B weights about 70 GiB), 1-D tensors BF16."""
    h, kv = cfg["hidden"], cfg["hidden"] // cfg["heads"] * cfg["kv_heads"]
    out = [("model.embed_tokens.weight", BF16, [cfg["vocab"], h])]
    for i in range(cfg["layers"]):
        p = f"model.layers.{i}."
        out.append((p + "input_layernorm.weight", BF16, [h]))
        for proj, rows in (("q_proj", h), ("k_proj", kv), ("v_proj", kv), ("o_proj", h)):
            out.append((f"{p}self_attn.{proj}.weight", F8, [rows, h]))
            out.append((f"{p}self_attn.{proj}.bias", BF16, [rows]))
        out.append((p + "post_attention_layernorm.weight", BF16, [h]))
        out.append((p + "mlp.gate_proj.weight", F8, [cfg["intermediate"], h]))
        out.append((p + "mlp.up_proj.weight", F8, [cfg["intermediate"], h]))
        out.append((p + "mlp.down_proj.weight", F8, [h, cfg["intermediate"]]))
    out.append(("model.norm.weight", BF16, [h]))
    out.append(("lm_head.weight", BF16, [cfg["vocab"], h]))
    return out


def nbytes(dtype, shape):
    n = ITEMSIZE[dtype]
    for d in shape:
        n *= d
    return n


def split_shards(tensors, count):
    """Consecutive runs of the state dict of about equal size, as transformers' save_pretrained does."""
    total = sum(nbytes(d, s) for _, d, s in tensors)
    limit, shards, current, size = total / count, [], [], 0
    for t in tensors:
        b = nbytes(t[1], t[2])
        if current and size + b > limit and len(shards) < count - 1:
            shards.append(current)
            current, size = [], 0
        current.append(t)
        size += b
    shards.append(current)
    return shards


def safetensors_header(tensors):
    """(header bytes including the u64 length, {name: (dtype, begin, end)}) in the writer's order."""
    ordered = sorted(tensors, key=lambda t: (-ITEMSIZE[t[1]], t[0]))
    offsets, position = {}, 0
    for name, dtype, shape in ordered:
        end = position + nbytes(dtype, shape)
        offsets[name] = (dtype, position, end)
        position = end
    header = {"__metadata__": {"format": "pt"}}
    for name, dtype, shape in sorted(tensors):
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": list(offsets[name][1:])}
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text, offsets, position


def write_sparse_shard(path, tensors):
    head, offsets, data_size = safetensors_header(tensors)
    total = len(head) + data_size
    if path.exists() and path.stat().st_size == total:
        return total
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as f:
        f.write(head)
        for name, dtype, shape in tensors:
            if len(shape) == 1:  # biases and norms: real values; matrices stay holes
                f.seek(len(head) + offsets[name][1])
                f.write(bf16_bits(small_tensor(name, shape)).astype("<u2").tobytes())
        f.truncate(total)
    tmp.replace(path)
    return data_size


def make_llama(out):
    folder = out / "llama_70b"
    folder.mkdir(parents=True, exist_ok=True)
    tensors = llama_tensors(LLAMA)
    shards = split_shards(tensors, SHARDS)
    weight_map, total = {}, 0
    for i, shard in enumerate(shards, 1):
        name = f"model-{i:05d}-of-{len(shards):05d}.safetensors"
        total += write_sparse_shard(folder / name, shard)
        weight_map.update((t[0], name) for t in shard)
    (folder / "model.safetensors.index.json").write_text(json.dumps(
        {"metadata": {"total_size": total}, "weight_map": weight_map}, indent=2) + "\n")
    (folder / "config.json").write_text(json.dumps({
        "architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": LLAMA["hidden"],
        "intermediate_size": LLAMA["intermediate"], "num_hidden_layers": LLAMA["layers"],
        "num_attention_heads": LLAMA["heads"], "num_key_value_heads": LLAMA["kv_heads"],
        "vocab_size": LLAMA["vocab"], "attention_bias": True, "torch_dtype": "bfloat16",
        "rms_norm_eps": 1e-5, "tie_word_embeddings": False}, indent=2) + "\n")
    shape = next(t[2] for t in tensors if t[0] == LLAMA_BIAS)
    return folder, bf16_as_f32(bf16_bits(small_tensor(LLAMA_BIAS, shape))), len(tensors)


# ---- 4 x Linear(8192, 8192) as safetensors and GGUF, every byte real ---------------------------------

WIDTH, LAYERS = 8192, 4


def linear_value(seed, name, shape):
    """nn.Linear's default init: U(-1/sqrt(in), 1/sqrt(in)) for weight and bias, float32."""
    bound = np.float32(1.0 / np.sqrt(WIDTH))
    return (rng_for(seed, name).random(shape, dtype=np.float32) * np.float32(2) - np.float32(1)) * bound


def make_linear_safetensors(out):
    path = out / "linear_1gib.safetensors"
    tensors = []
    for i in range(LAYERS):
        tensors += [(f"layers.{i}.weight", F32, [WIDTH, WIDTH]), (f"layers.{i}.bias", F32, [WIDTH])]
    head, offsets, data_size = safetensors_header(tensors)
    if not (path.exists() and path.stat().st_size == len(head) + data_size):
        print(f"writing {path} ...", file=sys.stderr, flush=True)
        tmp = path.with_suffix(".tmp")
        with open(tmp, "wb") as f:
            f.write(head)
            for name, _, shape in tensors:
                f.seek(len(head) + offsets[name][1])
                f.write(linear_value(1, name, shape).astype("<f4").tobytes())
        tmp.replace(path)
    bias = f"layers.{LAYERS - 1}.bias"
    return path, linear_value(1, bias, [WIDTH]), len(tensors)


def gguf_string(text):
    data = text.encode()
    return struct.pack("<Q", len(data)) + data


def make_linear_gguf(out):
    path = out / "linear_1gib.gguf"
    alignment = 32
    # No general.alignment KV: llama.cpp's writer leaves it out at the default 32 (and Netron 9.2.1
    # takes the KV entry itself, not its value, for the alignment, so with it Netron shows no values).
    kvs = [("general.architecture", 8, gguf_string("linear")), ("general.name", 8, gguf_string("4 x Linear(8192, 8192)"))]
    infos, offset = [], 0
    for i in range(LAYERS):
        for name, ne in ((f"blk.{i}.ffn_up.weight", [WIDTH, WIDTH]), (f"blk.{i}.ffn_up.bias", [WIDTH])):
            infos.append((name, ne, offset))
            size = 4 * int(np.prod(ne))
            offset += size + (-size % alignment)
    head = b"GGUF" + struct.pack("<IQQ", 3, len(infos), len(kvs))
    for key, kind, value in kvs:
        head += gguf_string(key) + struct.pack("<I", kind) + value
    for name, ne, off in infos:
        head += gguf_string(name) + struct.pack("<I", len(ne)) + struct.pack(f"<{len(ne)}Q", *ne)
        head += struct.pack("<IQ", 0, off)  # ggml type 0 = F32
    head += b"\0" * (-len(head) % alignment)
    if not (path.exists() and path.stat().st_size == len(head) + offset):
        print(f"writing {path} ...", file=sys.stderr, flush=True)
        tmp = path.with_suffix(".tmp")
        with open(tmp, "wb") as f:
            f.write(head)
            for name, ne, off in infos:
                # ne[0] is the innermost dimension: a row-major [out, in] matrix has ne = [in, out]
                f.seek(len(head) + off)
                f.write(linear_value(2, name, ne[::-1]).astype("<f4").tobytes())
            f.truncate(len(head) + offset)
        tmp.replace(path)
    bias = f"blk.{LAYERS - 1}.ffn_up.bias"
    return path, linear_value(2, bias, [WIDTH]), len(infos)


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "target" / "bench" / "models"
    out.mkdir(parents=True, exist_ok=True)
    cases = [
        ("llama_70b", make_llama, LLAMA_BIAS),
        ("linear_1gib_st", make_linear_safetensors, f"layers.{LAYERS - 1}.bias"),
        ("linear_1gib_gguf", make_linear_gguf, f"blk.{LAYERS - 1}.ffn_up.bias"),
    ]
    lines = []
    for key, make, bias in cases:
        path, expected, count = make(out)
        expected.astype("<f4").tofile(out / f"{key}.expected.f32")
        size = sum(p.stat().st_size for p in path.iterdir()) if path.is_dir() else path.stat().st_size
        lines.append(f"{key}\t{path}\t{bias}\t{size}\t{count}\n")
    (out / "formats_manifest.tsv").write_text("".join(lines))
    sys.stdout.write("".join(lines))


if __name__ == "__main__":
    main()
