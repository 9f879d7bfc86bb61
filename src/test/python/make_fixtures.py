#!/usr/bin/python3
"""Writes the TorchScript fixtures the Java tests read, and the oracle they are compared with.

Run from anywhere:  /usr/bin/python3 src/test/python/make_fixtures.py
(Debian python3-torch 1.13 and python3-torchvision; no downloads.)

Output: src/test/resources/fixtures/<file> plus expected.json. Everything in expected.json is taken
from the archive as torch.jit.load reads it back (names, classes, values), because the archive is what
the Java readers see; the original Python module is only used to check that the archive kept it.
"""
import io
import json
import math
import os
import sys
import warnings
import zipfile
import zlib
from pathlib import Path

import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "resources" / "fixtures"

warnings.filterwarnings("ignore")  # tracer warnings about constants are expected and harmless here


# ---------------------------------------------------------------------------------------------
# Models (all dims <= 32). Class names are distinct on purpose: the archive names a class by
# its Python qualified name, here `__torch__.<Class>` because this file runs as __main__.
# ---------------------------------------------------------------------------------------------

class SimpleNet(nn.Module):
    """The tutorial's network."""

    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(10, 20)
        self.fc2 = nn.Linear(20, 10)

    def forward(self, x):
        return self.fc2(self.fc1(x))


class NestedNet(nn.Module):
    """Sequential inside Sequential, ModuleList and ModuleDict: names like enc.2.0.bias, heads.cls.bias."""

    def __init__(self):
        super().__init__()
        self.enc = nn.Sequential(
            nn.Linear(8, 16),
            nn.ReLU(),
            nn.Sequential(nn.Linear(16, 16), nn.Tanh()),
        )
        self.blocks = nn.ModuleList([nn.Linear(16, 16), nn.Linear(16, 16, bias=False)])
        self.heads = nn.ModuleDict({"cls": nn.Linear(16, 4), "reg": nn.Linear(16, 2)})

    def forward(self, x):
        h = self.enc(x)
        for block in self.blocks:
            h = torch.relu(block(h))
        return self.heads["cls"](h), self.heads["reg"](h)


class NoBiasNet(nn.Module):
    """A Linear without bias (pickled as None) next to one with bias."""

    def __init__(self):
        super().__init__()
        self.proj = nn.Linear(6, 8, bias=False)
        self.out = nn.Linear(8, 3)

    def forward(self, x):
        return self.out(self.proj(x))


class ConvNet(nn.Module):
    """Conv1d, Conv2d without bias, BatchNorm2d (with running stats buffers), Conv2d with bias."""

    def __init__(self):
        super().__init__()
        self.conv1d = nn.Conv1d(3, 4, kernel_size=3)
        self.conv = nn.Conv2d(3, 8, kernel_size=3, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(8)
        self.conv2 = nn.Conv2d(8, 4, kernel_size=3)

    def forward(self, x):
        seq = self.conv1d(x.flatten(2))
        img = self.conv2(torch.relu(self.bn(self.conv(x))))
        return img.flatten(1).sum(1) + seq.flatten(1).sum(1)


class AttentionBlock(nn.Module):
    """MultiheadAttention (in_proj_bias, out_proj.bias of class NonDynamicallyQuantizableLinear) + LayerNorm."""

    def __init__(self):
        super().__init__()
        self.attn = nn.MultiheadAttention(16, 2)
        self.norm = nn.LayerNorm(16)

    def forward(self, x):
        a, _ = self.attn(x, x, x)
        return self.norm(x + a)


class RecurrentNet(nn.Module):
    """2-layer LSTM (bias_ih_l0, bias_hh_l1 ...) and a bidirectional GRU (bias_ih_l0_reverse ...)."""

    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(6, 8, num_layers=2)
        self.gru = nn.GRU(8, 5, bidirectional=True)

    def forward(self, x):
        y, _ = self.lstm(x)
        z, _ = self.gru(y)
        return z


class Mlp(nn.Module):
    """Small MLP used for the dtype fixtures (fp16, fp64, bf16) and the quantized one."""

    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(12, 24), nn.GELU(), nn.Linear(24, 5))
        self.norm = nn.LayerNorm(5)

    def forward(self, x):
        return self.norm(self.layers(x))


class ScaledLinear(nn.Linear):
    """A user class that subclasses nn.Linear ("a Linear layer" by the class-name rule)."""

    def __init__(self, in_features: int, out_features: int):
        super().__init__(in_features, out_features)
        self.scale = nn.Parameter(torch.tensor([1.5]))

    def forward(self, x):
        # TorchScript cannot call super().forward, hence F.linear.
        return F.linear(x, self.weight, self.bias) * self.scale


class ResidualStack(nn.Module):
    """A user container with its own parameters: gate_bias (a bias by the `_bias` rule) and
    unbiased_scale (NOT a bias: the last part neither starts with "bias" nor ends with "_bias")."""

    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([ScaledLinear(12, 12), ScaledLinear(12, 12)])
        self.gate_bias = nn.Parameter(torch.randn(12))
        self.unbiased_scale = nn.Parameter(torch.randn(12))

    def forward(self, x):
        for layer in self.layers:
            x = x + torch.tanh(layer(x) + self.gate_bias) * self.unbiased_scale
        return x


class CustomNet(nn.Module):
    """Root-level parameter named plain `bias` (module path "") besides custom submodules."""

    def __init__(self):
        super().__init__()
        self.stack = ResidualStack()
        self.head = ScaledLinear(12, 3)
        self.bias = nn.Parameter(torch.randn(3))

    def forward(self, x):
        return self.head(self.stack(x)) + self.bias


class TiedNet(nn.Module):
    """dec shares enc's weight and bias tensors; `again` is the enc module registered a second time."""

    def __init__(self):
        super().__init__()
        self.enc = nn.Linear(8, 8)
        self.dec = nn.Linear(8, 8)
        self.dec.weight = self.enc.weight
        self.dec.bias = self.enc.bias
        self.again = self.enc

    def forward(self, x):
        return self.again(self.dec(torch.relu(self.enc(x))))


# ---------------------------------------------------------------------------------------------
# Fixture list: file name -> how to build, save and run it.
# ---------------------------------------------------------------------------------------------

def mobilenet_v2():
    return torchvision.models.mobilenet_v2(width_mult=0.1, num_classes=4)


def mobilenet_v3_small():
    return torchvision.models.mobilenet_v3_small(width_mult=0.1, num_classes=4)


def quantized_mlp():
    torch.backends.quantized.engine = "qnnpack"  # this torch build has no fbgemm
    return torch.ao.quantization.quantize_dynamic(Mlp(), {nn.Linear}, dtype=torch.qint8)


IMG = (1, 3, 8, 8)
TV_IMG = (1, 3, 64, 64)

# file name, scripted/traced, factory, example input shape (None: not run), dtype conversion, covers
FIXTURES = [
    ("simple_scripted.pt", "scripted", SimpleNet, (1, 10), None,
     "the tutorial's SimpleNet, scripted; fc1 and fc2 get different archive types (Linear and ___torch_mangle_N.Linear)"),
    ("simple_traced.pt", "traced", SimpleNet, (1, 10), None,
     "SimpleNet traced: every class name mangled (___torch_mangle_N)"),
    ("nested_scripted.pt", "scripted", NestedNet, (2, 8), None,
     "nested Sequential / ModuleList / ModuleDict, a Linear with bias=False inside a ModuleList"),
    ("nested_traced.pt", "traced", NestedNet, (2, 8), None,
     "the nested model traced (mangled Sequential/ModuleList/ModuleDict names)"),
    ("no_bias.pt", "scripted", NoBiasNet, (2, 6), None,
     "Linear(bias=False) (bias attribute pickled as None) next to Linear with bias"),
    ("conv_scripted.pt", "scripted", ConvNet, IMG, None,
     "Conv1d, Conv2d(bias=False), BatchNorm2d (weight/bias params + running_mean/var/num_batches_tracked buffers)"),
    ("conv_traced.pt", "traced", ConvNet, IMG, None, "the conv model traced"),
    ("attention_scripted.pt", "scripted", AttentionBlock, (5, 1, 16), None,
     "MultiheadAttention (in_proj_bias, out_proj = NonDynamicallyQuantizableLinear) and LayerNorm"),
    ("attention_traced.pt", "traced", AttentionBlock, (5, 1, 16), None, "the attention block traced"),
    ("rnn_scripted.pt", "scripted", RecurrentNet, (4, 1, 6), None,
     "2-layer LSTM (bias_ih_l0 ... bias_hh_l1) and bidirectional GRU (bias_ih_l0_reverse)"),
    ("rnn_traced.pt", "traced", RecurrentNet, (4, 1, 6), None, "the recurrent model traced"),
    ("mlp_fp16.pt", "scripted", Mlp, None, torch.float16, "model converted with .half(): Half storages"),
    ("mlp_fp64.pt", "scripted", Mlp, (2, 12), torch.float64, "model converted with .double(): Double storages"),
    ("mlp_bf16.pt", "scripted", Mlp, (2, 12), torch.bfloat16, "model converted to bfloat16: BFloat16 storages"),
    ("custom_scripted.pt", "scripted", CustomNet, (2, 12), None,
     "user classes: ScaledLinear(nn.Linear), container ResidualStack with gate_bias/unbiased_scale, root-level `bias`"),
    ("custom_traced.pt", "traced", CustomNet, (2, 12), None, "the custom-class model traced"),
    ("tied_scripted.pt", "scripted", TiedNet, (2, 8), None,
     "parameters shared between modules (one storage, several names) and a module registered twice"),
    ("quantized_dynamic.pt", "scripted", quantized_mlp, (2, 12), None,
     "dynamic qint8 quantized Linear: weights and biases live in LinearPackedParamsBase, not in named_parameters"),
    ("renamed.torchscript", "scripted", SimpleNet, (1, 10), None, "other extension: inner folder renamed/"),
    ("weights.zip", "traced", NestedNet, (2, 8), None, ".zip extension, traced: inner folder weights/"),
    ("model.pth", "scripted", NoBiasNet, (2, 6), None, ".pth extension: inner folder model/"),
    ("my.model.v2.pt", "scripted", SimpleNet, (1, 10), None,
     "dots in the file name: inner folder my.model.v2/ (only the last extension is dropped)"),
    ("stream_saved.pt", "scripted", SimpleNet, (1, 10), None,
     "saved to a byte stream (as DJL does): inner folder archive/ regardless of the file name"),
    ("mobilenet_v2_scripted.pt", "scripted", mobilenet_v2, TV_IMG, None,
     "torchvision mobilenet_v2(width_mult=0.1, num_classes=4), random init, scripted"),
    ("mobilenet_v2_traced.pt", "traced", mobilenet_v2, TV_IMG, None, "the same mobilenet_v2 traced"),
    ("mobilenet_v3_small_scripted.pt", "scripted", mobilenet_v3_small, TV_IMG, None,
     "torchvision mobilenet_v3_small(width_mult=0.1, num_classes=4): SqueezeExcitation, Hardswish, scripted"),
    ("mobilenet_v3_small_traced.pt", "traced", mobilenet_v3_small, TV_IMG, None,
     "the same mobilenet_v3_small traced"),
]


# What a reader of the archive should know beyond what the generic checks write down.
KNOWN_NOTES = {
    "quantized_dynamic.pt": [
        "The quantized layers.0/layers.2 have class Linear but no parameters: their qint8 weight and "
        "float32 bias are the state tuple of the C++ object <layer>._packed_params._packed_params "
        "(GLOBAL __torch__.torch.classes.quantized LinearPackedParamsBase, weight via _rebuild_qtensor); "
        "see packed_biases. named_parameters() only lists norm.weight and norm.bias.",
    ],
    "tied_scripted.pt": [
        "named_parameters() lists enc.weight/enc.bias once; dec and again hold the same two tensors "
        "(data.pkl pickles each tensor once and refers to it again with BINGET; two data/ records in all; "
        "see aliases). A reader that walks every module sees dec.bias and again.bias too.",
    ],
    "mlp_fp16.pt": ["not run after loading: torch 1.13 on CPU has no Half addmm "
                    "(\"addmm_impl_cpu_\" not implemented for 'Half'); only loaded and compared"],
}


def seed_for(name):
    # Per-fixture seed, so adding a fixture does not change the values of the others.
    return zlib.crc32(name.encode("ascii")) & 0x7FFFFFFF


def make_distinct(model):
    """BatchNorm/LayerNorm/attention start with constant biases (0) and weights (1); a test that
    compares a vector of zeros proves little, so spread any constant-initialised parameter, and give
    BatchNorm non-trivial running statistics."""
    with torch.no_grad():
        for p in model.parameters():
            if p.numel() > 1 and p.dtype.is_floating_point and bool((p == p.flatten()[0]).all()):
                p.add_(torch.randn_like(p) * 0.1)
        for m in model.modules():
            if isinstance(m, nn.modules.batchnorm._BatchNorm):
                m.running_mean.copy_(torch.randn_like(m.running_mean) * 0.1)
                m.running_var.copy_(torch.rand_like(m.running_var) + 0.5)
                m.num_batches_tracked.fill_(7)


def dtype_name(dtype):
    return str(dtype).replace("torch.", "")


def is_bias(name):
    last = name.rsplit(".", 1)[-1]
    return last.startswith("bias") or last.endswith("_bias")


def module_of(name):
    return name.rsplit(".", 1)[0] if "." in name else ""


def exact_floats(t):
    values = t.detach().float().flatten().tolist()
    assert all(math.isfinite(v) for v in values)
    return values


def save(scripted, path):
    if path.name == "stream_saved.pt":
        buffer = io.BytesIO()
        torch.jit.save(scripted, buffer)
        path.write_bytes(buffer.getvalue())
    else:
        torch.jit.save(scripted, str(path))


def make_fixture(name, kind, factory, input_shape, dtype, covers):
    path = OUT / name
    torch.manual_seed(seed_for(name))
    model = factory()
    make_distinct(model)
    model.eval()
    if dtype is not None:
        model = model.to(dtype)
    example = torch.randn(input_shape, dtype=dtype or torch.float32) if input_shape else None
    if kind == "scripted":
        archived = torch.jit.script(model)
    else:
        archived = torch.jit.trace(model, example)
    save(archived, path)
    loaded = torch.jit.load(str(path))
    notes = list(KNOWN_NOTES.get(name, []))
    verify(model, loaded, example, notes)
    return describe(path, kind, loaded, covers, notes)


def verify(model, loaded, example, notes):
    """The archive must hold what PyTorch had; where scripting/tracing legitimately changes the
    picture, write it down instead of hiding it."""
    original = dict(model.named_parameters())
    archived = dict(loaded.named_parameters())
    if list(original) != list(archived):
        notes.append(f"named_parameters differ: python {list(original)} vs archive {list(archived)}")
    for key in original.keys() & archived.keys():
        a, b = original[key].detach(), archived[key].detach()
        assert a.dtype == b.dtype and a.shape == b.shape and torch.equal(a, b), key
    py_modules = [(p, type(m).__name__) for p, m in model.named_modules()]
    ts_modules = [(p, m.original_name) for p, m in loaded.named_modules()]
    if py_modules != ts_modules:
        notes.append(f"named_modules differ: python {py_modules} vs archive {ts_modules}")
    if example is not None:
        with torch.no_grad():
            expected, actual = model(example), loaded(example)
        expected = expected if isinstance(expected, tuple) else (expected,)
        actual = actual if isinstance(actual, tuple) else (actual,)
        for e, a in zip(expected, actual):
            assert torch.allclose(e, a, rtol=1e-5, atol=1e-6), "archive computes something else"


def aliases(loaded):
    """Parameters reachable under more than one name. named_parameters() lists each tensor once
    (first name wins); libtorch's C++ named_parameters (what DJL calls) and a plain walk over data.pkl
    see every name."""
    first_name = {}
    found = []
    for path, module in loaded.named_modules(remove_duplicate=False):
        for local, tensor in module._parameters.items():
            if tensor is None:
                continue
            full = f"{path}.{local}" if path else local
            key = (tensor.data_ptr(), tuple(tensor.shape), tensor.dtype)
            if key in first_name:
                found.append({"name": full, "same_as": first_name[key]})
            else:
                first_name[key] = full
    return found


def packed_biases(loaded):
    """Biases of quantized Linear layers. They are not parameters: the archive pickles them inside
    the C++ object <layer>._packed_params._packed_params (LinearPackedParamsBase) as the second item
    of its state tuple (qint8 weight, float bias)."""
    modules = dict(loaded.named_modules())
    found = []
    for path, module in modules.items():
        if module.original_name != "LinearPackedParams":
            continue
        _, bias = torch.ops.quantized.linear_unpack(module._packed_params)
        layer = module_of(path)
        found.append({
            "holder": f"{path}._packed_params",
            "module": layer,
            "class": modules[layer].original_name,
            "shape": list(bias.shape),
            "dtype": dtype_name(bias.dtype),
            "values": exact_floats(bias),
        })
    return found


def describe(path, kind, loaded, covers, notes):
    modules = {p: m for p, m in loaded.named_modules()}
    with zipfile.ZipFile(path) as archive:
        entries = archive.namelist()
    params = list(loaded.named_parameters())
    return {
        "kind": kind,
        "covers": covers,
        "notes": notes,
        "inner_folder": entries[0].split("/", 1)[0],
        "zip_entries": entries,
        "modules": [
            {"path": p, "class": m.original_name, "archive_type": m._c._type().qualified_name()}
            for p, m in loaded.named_modules()
        ],
        "parameters": [
            {"name": n, "shape": list(t.shape), "dtype": dtype_name(t.dtype)} for n, t in params
        ],
        "buffers": [
            {"name": n, "shape": list(t.shape), "dtype": dtype_name(t.dtype)}
            for n, t in loaded.named_buffers()
        ],
        "aliases": aliases(loaded),
        "packed_biases": packed_biases(loaded),
        "biases": [
            {
                "name": n,
                "module": module_of(n),
                "class": modules[module_of(n)].original_name,
                "shape": list(t.shape),
                "dtype": dtype_name(t.dtype),
                "values": exact_floats(t),
            }
            for n, t in params if is_bias(n)
        ],
    }


def rerun_reproducibly():
    """Make the archives byte-identical on every run and every checkout. Two things vary otherwise:
    TorchScript prints class constants in set order (Python's per-process string hash), and it
    stores the defining file's path in code/*.debug_pkl, which Python makes absolute for a script.
    So re-run once with a fixed hash seed, from this folder, under the relative file name."""
    if os.environ.get("BIAS_INSPECTOR_FIXTURES_RERUN") == "1":
        return
    env = dict(os.environ, PYTHONHASHSEED="0", BIAS_INSPECTOR_FIXTURES_RERUN="1")
    os.chdir(HERE)
    runner = f"import runpy; runpy.run_path({Path(__file__).name!r}, run_name='__main__')"
    os.execve(sys.executable, [sys.executable, "-c", runner], env)


def main():
    rerun_reproducibly()
    OUT.mkdir(parents=True, exist_ok=True)
    fixtures = {}
    for name, kind, factory, input_shape, dtype, covers in FIXTURES:
        fixtures[name] = make_fixture(name, kind, factory, input_shape, dtype, covers)
        size = (OUT / name).stat().st_size
        print(f"{name:34s} {kind:8s} {size:8d} bytes  {len(fixtures[name]['biases'])} biases", file=sys.stderr)
    expected = {
        "torch_version": torch.__version__,
        "torchvision_version": torchvision.__version__,
        "generator": "/usr/bin/python3 src/test/python/make_fixtures.py",
        "fixtures": fixtures,
    }
    with open(OUT / "expected.json", "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
