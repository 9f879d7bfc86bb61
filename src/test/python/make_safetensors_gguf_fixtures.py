"""Writes safetensors and GGUF fixtures from their specifications, plus expected.json with the values
written (for quantized GGUF types: the values ggml's dequantize_row_* gives for the stored blocks).

    /usr/bin/python3 src/test/python/make_safetensors_gguf_fixtures.py [--check-with-node DIR]

Writers follow the specifications, not a library:
  - safetensors: u64 LE header length N, N bytes of JSON (padded with spaces to a multiple of 8),
    then the tensors, little-endian, row-major, contiguous from offset 0 (huggingface/safetensors
    README and src/tensor.rs; ../shared/FORMATS.md section 4).
  - GGUF v2/v3: magic, version, tensor count, KV count, KVs, tensor infos, padding to
    general.alignment, tensor data at aligned offsets (ggml docs/gguf.md). Q8_0/Q4_0/Q4_1 blocks are
    made by ggml's reference quantizers (quantize_row_q*_ref) written out here in numpy.
Real tensors come from the tutorial's SimpleNet (models/simple_net.pt, simple_net_trained.pt),
read with Debian's python3-torch 1.13.

Cross-checks (in this script, never in the Java tests):
  - every safetensors file is read back with an independent parser (json + numpy.frombuffer at the
    header's offsets) and compared bit for bit with what was meant to be written;
  - every GGUF file is parsed by @huggingface/gguf (npm) when --check-with-node points at a folder
    where it is installed (`npm install @huggingface/gguf` there); names, shapes, types, offsets and
    metadata must match. Without the flag the script says the check was skipped.
Output is byte-identical on every run.
"""
import json
import os
import struct
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
ST_OUT = os.path.join(ROOT, "src", "test", "resources", "safetensors")
GGUF_OUT = os.path.join(ROOT, "src", "test", "resources", "gguf")


def f32_bits(values):
    return [int(b) for b in np.asarray(values, dtype=np.float32).view(np.uint32)]


def is_bias(name):
    last = name.rsplit(".", 1)[-1]
    return last.startswith("bias") or last.endswith("_bias")


def simple_net(file):
    import torch
    module = torch.jit.load(os.path.join(ROOT, "models", file))
    return [(name, p.detach().numpy().astype(np.float32)) for name, p in module.named_parameters()]


# ---------------------------------------------------------------------------------------------
# safetensors

ST_WIDTH = {"BOOL": 1, "U8": 1, "I8": 1, "I16": 2, "U16": 2, "F16": 2, "BF16": 2, "I32": 4, "U32": 4,
            "F32": 4, "F64": 8, "I64": 8, "U64": 8, "C64": 8, "F8_E4M3": 1, "F8_E5M2": 1}


def write_safetensors(path, tensors, metadata=None):
    """tensors: list of (name, dtype, shape, raw little-endian bytes), written in this order."""
    header = {}
    if metadata is not None:
        header["__metadata__"] = metadata
    offset = 0
    for name, dtype, shape, raw in tensors:
        assert len(raw) == int(np.prod(shape, dtype=np.int64)) * ST_WIDTH[dtype], name
        header[name] = {"dtype": dtype, "shape": list(shape), "data_offsets": [offset, offset + len(raw)]}
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for _, _, _, raw in tensors:
            f.write(raw)


def bf16_bytes(values):
    """float32 -> bfloat16 by round-to-nearest-even on the upper 16 bits (NaN kept quiet)."""
    bits = np.asarray(values, dtype=np.float32).view(np.uint32).astype(np.uint64)
    rounded = ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16).astype(np.uint16)
    nan = np.isnan(np.asarray(values, dtype=np.float32))
    rounded[nan] = ((bits[nan] >> 16) | 0x40).astype(np.uint16)
    return rounded.astype("<u2").tobytes()


def bf16_values(raw):
    return (np.frombuffer(raw, dtype="<u2").astype(np.uint32) << 16).view(np.float32)


def e4m3_value(byte):
    """OCP float8 e4m3fn: bias 7, no infinities, S.1111.111 is NaN, exponent 0 subnormal."""
    sign = -1.0 if byte & 0x80 else 1.0
    exponent = (byte >> 3) & 0xF
    mantissa = byte & 0x7
    if exponent == 0xF and mantissa == 0x7:
        return float("nan")
    if exponent == 0:
        return sign * mantissa / 8.0 * 2.0 ** -6
    return sign * (1 + mantissa / 8.0) * 2.0 ** (exponent - 7)


def e5m2_value(byte):
    """float8 e5m2: the upper byte of an IEEE binary16."""
    return float(np.frombuffer(struct.pack("<H", byte << 8), dtype="<f2")[0])


def safetensors_fixtures(expected):
    os.makedirs(ST_OUT, exist_ok=True)
    files = expected.setdefault("files", {})

    # 1. SimpleNet's real parameters, F32
    params = simple_net("simple_net.pt")
    tensors = [(n, "F32", v.shape, v.astype("<f4").tobytes()) for n, v in params]
    write_safetensors(os.path.join(ST_OUT, "simple_net.safetensors"), tensors,
                      {"format": "pt", "source": "models/simple_net.pt"})
    files["simple_net.safetensors"] = {
        "metadata": {"format": "pt", "source": "models/simple_net.pt"},
        "tensors": [{"name": n, "dtype": "F32", "shape": list(v.shape),
                     **({"bits": f32_bits(v.flatten())} if is_bias(n) else {})} for n, v in params]}

    # 2. one bias per dtype, with the values that trip decoders: NaN, infinities, -0, subnormals
    rng = np.random.default_rng(7)
    special = np.array([0.0, -0.0, 1.0, -2.5, np.inf, -np.inf, np.nan, 1e-40, 65504.0, 3.0e-5], dtype=np.float32)
    entries = []

    def add(name, dtype, shape, raw, values):
        entries.append((name, dtype, shape, raw))
        record = {"name": name, "dtype": dtype, "shape": list(shape)}
        if values is not None:
            record["bits"] = f32_bits(values)
        return record

    records = []
    f32 = special
    records.append(add("f32.bias", "F32", [10], f32.astype("<f4").tobytes(), f32))
    f16 = special.astype(np.float16)
    records.append(add("f16.bias", "F16", [10], f16.astype("<f2").tobytes(), f16.astype(np.float32)))
    raw_bf16 = bf16_bytes(special)
    records.append(add("bf16.bias", "BF16", [10], raw_bf16, bf16_values(raw_bf16)))
    f64 = np.array([0.1, -1e300, 1e-310, np.pi, np.nan, -np.inf], dtype=np.float64)
    records.append(add("f64.bias", "F64", [2, 3], f64.astype("<f8").tobytes(), f64.astype(np.float32)))
    e4m3 = np.arange(256, dtype=np.uint8)
    records.append(add("f8_e4m3.bias", "F8_E4M3", [256], e4m3.tobytes(),
                       np.array([e4m3_value(int(b)) for b in e4m3], dtype=np.float32)))
    e5m2 = np.arange(256, dtype=np.uint8)
    records.append(add("f8_e5m2.bias", "F8_E5M2", [256], e5m2.tobytes(),
                       np.array([e5m2_value(int(b)) for b in e5m2], dtype=np.float32)))
    for dtype, np_type in [("I8", "<i1"), ("U8", "<u1"), ("I16", "<i2"), ("U16", "<u2"), ("I32", "<i4"),
                           ("U32", "<u4"), ("I64", "<i8"), ("U64", "<u8")]:
        info = np.iinfo(np.dtype(np_type))
        ints = np.array([info.min, info.max, 0, 1, 7], dtype=np_type)
        records.append(add(dtype.lower() + ".bias", dtype, [5], ints.tobytes(),
                           np.array([float(int(i)) for i in ints], dtype=np.float32)))
    bools = np.array([1, 0, 1], dtype=np.uint8)
    records.append(add("bool.bias", "BOOL", [3], bools.tobytes(), bools.astype(np.float32)))
    c64 = rng.standard_normal(4).astype("<f4")
    records.append(add("c64.bias", "C64", [2], c64.tobytes(), None))
    write_safetensors(os.path.join(ST_OUT, "dtypes.safetensors"), entries, {"written_by": "make_safetensors_gguf_fixtures.py"})
    files["dtypes.safetensors"] = {"metadata": {"written_by": "make_safetensors_gguf_fixtures.py"}, "tensors": records}

    # 3. a Hugging Face folder: SimpleNet after training, names under "transformer.", two shards
    folder = os.path.join(ST_OUT, "hf_sharded")
    os.makedirs(folder, exist_ok=True)
    trained = [("transformer." + n, v) for n, v in simple_net("simple_net_trained.pt")]
    shards = {"model-00001-of-00002.safetensors": [t for t in trained if ".fc1." in t[0]],
              "model-00002-of-00002.safetensors": [t for t in trained if ".fc2." in t[0]]}
    weight_map = {}
    total = 0
    for shard, part in shards.items():
        write_safetensors(os.path.join(folder, shard), [(n, "F32", v.shape, v.astype("<f4").tobytes()) for n, v in part],
                          {"format": "pt"})
        for n, v in part:
            weight_map[n] = shard
            total += v.size * 4
    with open(os.path.join(folder, "model.safetensors.index.json"), "w") as f:
        json.dump({"metadata": {"total_size": total}, "weight_map": dict(sorted(weight_map.items()))}, f, indent=2)
        f.write("\n")
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump({"architectures": ["SimpleNetForTests"], "model_type": "simple_net", "hidden_size": 20}, f, indent=2)
        f.write("\n")
    files["hf_sharded"] = {"metadata": {"total_size": str(total)}, "model_type": "simple_net",
                           "architectures": "SimpleNetForTests", "shards": 2,
                           "tensors": [{"name": n, "dtype": "F32", "shape": list(v.shape), "shard": weight_map[n],
                                        **({"bits": f32_bits(v.flatten())} if is_bias(n) else {})} for n, v in trained]}


def check_safetensors(expected):
    """Independent reader: json header + numpy.frombuffer at the offsets; every bit compared."""
    np_types = {"F32": "<f4", "F16": "<f2", "F64": "<f8", "I8": "<i1", "U8": "<u1", "I16": "<i2", "U16": "<u2",
                "I32": "<i4", "U32": "<u4", "I64": "<i8", "U64": "<u8", "BOOL": "<u1"}
    checked = 0
    for name, spec in expected["files"].items():
        paths = [os.path.join(ST_OUT, name)] if name.endswith(".safetensors") else \
            [os.path.join(ST_OUT, name, s) for s in sorted({t["shard"] for t in spec["tensors"]})]
        found = {}
        for path in paths:
            blob = open(path, "rb").read()
            n = struct.unpack("<Q", blob[:8])[0]
            header = json.loads(blob[8:8 + n].decode("utf-8"))
            end = max(v["data_offsets"][1] for k, v in header.items() if k != "__metadata__")
            assert 8 + n + end == len(blob), path
            for key, info in header.items():
                if key == "__metadata__":
                    continue
                begin, stop = info["data_offsets"]
                raw = blob[8 + n + begin:8 + n + stop]
                dtype = info["dtype"]
                if dtype in np_types:
                    values = np.frombuffer(raw, dtype=np_types[dtype]).astype(np.float32)
                elif dtype == "BF16":
                    values = bf16_values(raw)
                elif dtype == "F8_E4M3":
                    values = np.array([e4m3_value(b) for b in raw], dtype=np.float32)
                elif dtype == "F8_E5M2":
                    values = np.array([e5m2_value(b) for b in raw], dtype=np.float32)
                else:
                    values = None
                found[key] = (info, values)
        for t in spec["tensors"]:
            info, values = found[t["name"]]
            assert info["dtype"] == t["dtype"] and info["shape"] == t["shape"], t["name"]
            if "bits" in t:
                assert f32_bits(values) == t["bits"], t["name"]
                checked += 1
    print("safetensors: %d bias vectors read back bit for bit by an independent numpy parser" % checked)


# ---------------------------------------------------------------------------------------------
# GGUF

GGML = {"F32": (0, 1, 4), "F16": (1, 1, 2), "Q4_0": (2, 32, 18), "Q4_1": (3, 32, 20), "Q8_0": (8, 32, 34),
        "Q4_K": (12, 256, 144), "BF16": (30, 1, 2)}
KV_UINT32, KV_INT32, KV_FLOAT32, KV_BOOL, KV_STRING, KV_ARRAY, KV_UINT64 = 4, 5, 6, 7, 8, 9, 10


def gguf_string(text):
    data = text.encode("utf-8")
    return struct.pack("<Q", len(data)) + data


def kv_value(kind, value):
    if kind == KV_UINT32:
        return struct.pack("<I", value)
    if kind == KV_INT32:
        return struct.pack("<i", value)
    if kind == KV_FLOAT32:
        return struct.pack("<f", value)
    if kind == KV_BOOL:
        return struct.pack("<B", 1 if value else 0)
    if kind == KV_STRING:
        return gguf_string(value)
    if kind == KV_UINT64:
        return struct.pack("<Q", value)
    if kind == KV_ARRAY:
        element_kind, items = value
        return struct.pack("<IQ", element_kind, len(items)) + b"".join(kv_value(element_kind, v) for v in items)
    raise ValueError(kind)


def f16(x):
    return np.float32(np.float16(x))


def quantize_q8_0(x):
    """ggml quantize_row_q8_0_ref: d = amax/127, q = round(x/d); dequantized y = q*d (d as fp16)."""
    raw, out = b"", []
    for block in x.reshape(-1, 32):
        amax = np.max(np.abs(block))
        d = amax / 127.0
        inv = 1.0 / d if d else 0.0
        q = np.round(block * inv).astype(np.int8)
        dh = np.float16(d)
        raw += dh.tobytes() + q.tobytes()
        out.extend(np.float32(v) * np.float32(dh) for v in q)
    return raw, np.array(out, dtype=np.float32)


def quantize_q4_0(x):
    """ggml quantize_row_q4_0_ref: max = the value of largest magnitude, d = max/-8,
    q = min(15, int8(x/d + 8.5)); low nibbles hold elements 0..15, high nibbles 16..31."""
    raw, out = b"", []
    for block in x.reshape(-1, 32).astype(np.float32):
        mx = block[np.argmax(np.abs(block))]
        d = np.float32(mx / -8.0)
        inv = np.float32(1.0 / d) if d else np.float32(0.0)
        q = np.minimum(15, (block * inv + np.float32(8.5)).astype(np.int8)).astype(np.uint8)
        packed = (q[:16] | (q[16:] << 4)).astype(np.uint8)
        dh = np.float16(d)
        raw += dh.tobytes() + packed.tobytes()
        df = np.float32(dh)
        out.extend([np.float32(int(v) - 8) * df for v in q])
    return raw, np.array(out, dtype=np.float32)


def quantize_q4_1(x):
    """ggml quantize_row_q4_1_ref: d = (max-min)/15, m = min, q = min(15, int8((x-min)/d + 0.5));
    dequantized y = q*d + m with d and m as fp16."""
    raw, out = b"", []
    for block in x.reshape(-1, 32).astype(np.float32):
        lo, hi = np.min(block), np.max(block)
        d = np.float32((hi - lo) / 15.0)
        inv = np.float32(1.0 / d) if d else np.float32(0.0)
        q = np.minimum(15, ((block - lo) * inv + np.float32(0.5)).astype(np.int8)).astype(np.uint8)
        packed = (q[:16] | (q[16:] << 4)).astype(np.uint8)
        dh, mh = np.float16(d), np.float16(lo)
        raw += dh.tobytes() + mh.tobytes() + packed.tobytes()
        df, mf = np.float32(dh), np.float32(mh)
        out.extend([np.float32(np.float32(int(v)) * df) + mf for v in q])
    return raw, np.array(out, dtype=np.float32)


def encode(ggml_type, values):
    """Returns (raw bytes, the float32 values a reader must show)."""
    v = np.asarray(values, dtype=np.float32).flatten()
    if ggml_type == "F32":
        return v.astype("<f4").tobytes(), v
    if ggml_type == "F16":
        h = v.astype(np.float16)
        return h.astype("<f2").tobytes(), h.astype(np.float32)
    if ggml_type == "BF16":
        raw = bf16_bytes(v)
        return raw, bf16_values(raw)
    if ggml_type == "Q8_0":
        return quantize_q8_0(v)
    if ggml_type == "Q4_0":
        return quantize_q4_0(v)
    if ggml_type == "Q4_1":
        return quantize_q4_1(v)
    if ggml_type == "Q4_K":
        # a block layout of the right size; these values are listed, never decoded by the app
        blocks = v.size // 256
        return bytes((i * 37 + 11) % 256 for i in range(blocks * 144)), None
    raise ValueError(ggml_type)


def write_gguf(path, version, kvs, tensors, alignment=32):
    """kvs: list of (key, kind, value); tensors: list of (name, ggml type, shape (row-major), values)."""
    infos, blobs, records = b"", [], []
    offset = 0
    for name, ggml_type, shape, values in tensors:
        type_id, _, _ = GGML[ggml_type]
        raw, shown = encode(ggml_type, values)
        ne = list(reversed(shape))
        infos += gguf_string(name) + struct.pack("<I", len(ne)) + b"".join(struct.pack("<Q", d) for d in ne)
        infos += struct.pack("<IQ", type_id, offset)
        blobs.append((offset, raw))
        record = {"name": name, "type": ggml_type, "shape": list(shape), "ne": ne, "offset": offset}
        if shown is not None and is_bias(name):
            record["bits"] = f32_bits(shown)
        records.append(record)
        offset += len(raw)
        offset = (offset + alignment - 1) // alignment * alignment
    head = b"GGUF" + struct.pack("<I", version) + struct.pack("<QQ", len(tensors), len(kvs))
    for key, kind, value in kvs:
        head += gguf_string(key) + struct.pack("<I", kind) + kv_value(kind, value)
    head += infos
    data_start = (len(head) + alignment - 1) // alignment * alignment
    with open(path, "wb") as f:
        f.write(head)
        f.write(b"\0" * (data_start - len(head)))
        position = 0
        for start, raw in blobs:
            f.write(b"\0" * (start - position))
            f.write(raw)
            position = start + len(raw)
    return records, data_start


def gguf_fixtures(expected):
    os.makedirs(GGUF_OUT, exist_ok=True)
    files = expected.setdefault("files", {})
    rng = np.random.default_rng(2026)

    def normal(*shape):
        return (rng.standard_normal(shape) * 0.5).astype(np.float32)

    # 1. a tiny llama-like model, v3, alignment 64, every decoded type on some bias
    n_embd, n_ff, n_vocab = 32, 64, 100
    tokens = ["<unk>", "<s>", "</s>"] + ["tok%d" % i for i in range(n_vocab - 3)]
    kvs = [("general.architecture", KV_STRING, "llama"),
           ("general.name", KV_STRING, "tiny-llama-for-tests"),
           ("general.alignment", KV_UINT32, 64),
           ("llama.block_count", KV_UINT32, 1),
           ("llama.embedding_length", KV_UINT32, n_embd),
           ("llama.feed_forward_length", KV_UINT32, n_ff),
           ("llama.attention.layer_norm_rms_epsilon", KV_FLOAT32, 1e-5),
           ("tokenizer.ggml.model", KV_STRING, "llama"),
           ("tokenizer.ggml.tokens", KV_ARRAY, (KV_STRING, tokens)),
           ("tokenizer.ggml.scores", KV_ARRAY, (KV_FLOAT32, [float(-i) for i in range(n_vocab)])),
           ("tokenizer.ggml.bos_token_id", KV_UINT32, 1),
           ("test.small_array", KV_ARRAY, (KV_INT32, [1, 2, 3])),
           ("test.flag", KV_BOOL, True)]
    tensors = [("token_embd.weight", "F16", [n_vocab, n_embd], normal(n_vocab, n_embd)),
               ("blk.0.attn_norm.weight", "F32", [n_embd], normal(n_embd)),
               ("blk.0.attn_q.weight", "Q8_0", [n_embd, n_embd], normal(n_embd, n_embd)),
               ("blk.0.attn_q.bias", "F32", [n_embd], normal(n_embd)),
               ("blk.0.attn_k.weight", "Q4_0", [n_embd, n_embd], normal(n_embd, n_embd)),
               ("blk.0.attn_k.bias", "F16", [n_embd], normal(n_embd)),
               ("blk.0.attn_v.weight", "Q4_1", [n_embd, n_embd], normal(n_embd, n_embd)),
               ("blk.0.attn_v.bias", "BF16", [n_embd], normal(n_embd)),
               ("blk.0.attn_output.weight", "Q4_K", [n_embd, 256], normal(n_embd, 256)),
               ("blk.0.attn_output.bias", "Q8_0", [n_embd], normal(n_embd)),
               ("blk.0.ffn_norm.weight", "F32", [n_embd], normal(n_embd)),
               ("blk.0.ffn_up.weight", "Q8_0", [n_ff, n_embd], normal(n_ff, n_embd)),
               ("blk.0.ffn_up.bias", "Q4_0", [n_ff], normal(n_ff)),
               ("blk.0.ffn_down.weight", "Q8_0", [n_embd, n_ff], normal(n_embd, n_ff)),
               ("blk.0.ffn_down.bias", "Q4_1", [n_embd], normal(n_embd)),
               ("blk.0.ffn_gate.bias", "Q4_K", [256], normal(256)),
               ("output_norm.weight", "F32", [n_embd], normal(n_embd)),
               ("output.weight", "Q8_0", [n_vocab, n_embd], normal(n_vocab, n_embd))]
    records, data_start = write_gguf(os.path.join(GGUF_OUT, "tiny_llama.gguf"), 3, kvs, tensors, alignment=64)
    files["tiny_llama.gguf"] = {"version": 3, "alignment": 64, "data_start": data_start, "tensors": records,
                                "metadata": {"general.architecture": "llama", "general.name": "tiny-llama-for-tests",
                                             "general.alignment": "64", "llama.block_count": "1",
                                             "tokenizer.ggml.tokens": "array of %d strings" % n_vocab,
                                             "tokenizer.ggml.scores": "array of %d float32" % n_vocab,
                                             "test.small_array": "[1, 2, 3]", "test.flag": "true"}}

    # 2. SimpleNet's real parameters as F32, GGUF v2, default alignment
    params = simple_net("simple_net.pt")
    kvs = [("general.architecture", KV_STRING, "simple_net"), ("general.name", KV_STRING, "SimpleNet")]
    records, data_start = write_gguf(os.path.join(GGUF_OUT, "simple_net_v2.gguf"), 2, kvs,
                                     [(n, "F32", list(v.shape), v) for n, v in params])
    files["simple_net_v2.gguf"] = {"version": 2, "alignment": 32, "data_start": data_start, "tensors": records,
                                   "metadata": {"general.architecture": "simple_net", "general.name": "SimpleNet"}}


NODE_CHECK = r"""
const { gguf } = require("@huggingface/gguf");
(async () => {
  const out = {};
  for (const file of process.argv.slice(2)) {
    const { metadata, tensorInfos, tensorDataOffset } = await gguf(file, { allowLocalFile: true });
    const meta = {};
    for (const [k, v] of Object.entries(metadata)) {
      meta[k] = Array.isArray(v) ? ["array", v.length] : typeof v === "bigint" ? v.toString() : v;
    }
    out[file] = { metadata: meta, dataOffset: tensorDataOffset.toString(),
      tensors: tensorInfos.map(t => ({ name: t.name, shape: t.shape.map(String), type: t.dtype,
                                      offset: t.offset.toString() })) };
  }
  console.log(JSON.stringify(out));
})().catch(e => { console.error(e); process.exit(1); });
"""


def check_gguf_with_node(expected, node_dir):
    files = [os.path.join(GGUF_OUT, name) for name in expected["files"] if name.endswith(".gguf")]
    script = os.path.join(node_dir, "gguf_check.cjs")
    with open(script, "w") as f:
        f.write(NODE_CHECK)
    parsed = json.loads(subprocess.check_output(["node", script] + files, cwd=node_dir))
    for name, spec in expected["files"].items():
        if not name.endswith(".gguf"):
            continue
        got = parsed[os.path.join(GGUF_OUT, name)]
        assert int(got["dataOffset"]) == spec["data_start"], (name, got["dataOffset"], spec["data_start"])
        assert [t["name"] for t in got["tensors"]] == [t["name"] for t in spec["tensors"]], name
        for g, t in zip(got["tensors"], spec["tensors"]):
            assert [int(s) for s in g["shape"]] == t["ne"], (name, t["name"])
            assert g["type"] == GGML[t["type"]][0], (name, t["name"], g["type"])
            assert int(g["offset"]) == t["offset"], (name, t["name"])
        for key, shown in spec["metadata"].items():
            value = got["metadata"][key]
            if isinstance(value, list) and value[0] == "array" and shown.startswith("array of"):
                assert int(shown.split()[2]) == value[1], (key, value)
            elif key == "test.small_array":
                assert value == ["array", 3], value
            else:
                assert str(value).lower() == shown.lower(), (key, value, shown)
    print("gguf: %d files parsed by @huggingface/gguf; names, shapes, types, offsets and metadata agree" % len(files))


def main():
    np.seterr(over="ignore")
    st, gg = {"files": {}}, {"files": {}}
    safetensors_fixtures(st)
    check_safetensors(st)
    gguf_fixtures(gg)
    if "--check-with-node" in sys.argv:
        check_gguf_with_node(gg, sys.argv[sys.argv.index("--check-with-node") + 1])
    else:
        print("gguf: cross-check with @huggingface/gguf skipped (pass --check-with-node DIR)")
    for out, data in ((ST_OUT, st), (GGUF_OUT, gg)):
        with open(os.path.join(out, "expected.json"), "w") as f:
            json.dump(data, f, indent=1, sort_keys=True)
            f.write("\n")


if __name__ == "__main__":
    main()
