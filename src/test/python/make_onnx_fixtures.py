#!/usr/bin/python3
"""Writes the ONNX fixtures the Java tests read, and the oracle they are compared with.

Run from anywhere:  /usr/bin/python3 src/test/python/make_onnx_fixtures.py
(Debian python3-torch 1.13 and python3-onnx 1.12; no downloads, never pip.)

Output: src/test/resources/onnx/<file> plus expected.json. Two real writers make the files:
torch.onnx.export (PyTorch's exporter, which keeps parameter names such as fc1.bias where it can
and generates names such as onnx::Conv_21 for tensors it computes, e.g. a Conv with its BatchNorm
folded in) and onnx.helper / onnx.save_model (ONNX's own Python API, which also writes typed
fields such as float_data and external data files).

Every expected value is read back from the saved file by ONNX's own reader (onnx.load +
onnx.numpy_helper.to_array), converted to float32 exactly, and also given as float32 bit
patterns ("bits") so tests compare bit for bit, NaN and infinities included. Expected names come
from the writer's side: the PyTorch parameter name when the exporter kept it, otherwise the
PyTorch module the node was exported from (found by matching the values against that module's
own parameters, not by parsing the node name), plus ".bias".
"""
import copy
import io
import json
import os
import struct
import sys
import warnings
from pathlib import Path

import numpy as np
import onnx
import torch
import torch.nn as nn
from onnx import TensorProto, helper, numpy_helper

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "resources" / "onnx"

warnings.filterwarnings("ignore")  # exporter warnings about constant folding are expected here

INIT_SEED = 0  # the tutorial's seed (models/generate.py), so simple_net.onnx is models/simple_net.pt


# ---------------------------------------------------------------------------------------------
# Models exported with torch.onnx.export
# ---------------------------------------------------------------------------------------------

class SimpleNet(nn.Module):
    """The tutorial's network."""

    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(10, 20)
        self.fc2 = nn.Linear(20, 10)

    def forward(self, x):
        return self.fc2(self.fc1(x))


class BasicBlock(nn.Module):
    """A ResNet block: conv1/bn1/conv2/bn2. The exporter folds each BatchNorm into its Conv."""

    def __init__(self, channels):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(channels)
        self.conv2 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(channels)

    def forward(self, x):
        h = torch.relu(self.bn1(self.conv1(x)))
        return torch.relu(self.bn2(self.conv2(h)) + x)


class ConvBnNet(nn.Module):
    """Folded Conv+BatchNorm (generated names), a Conv and a ConvTranspose with their own biases
    (names kept), and a Linear head (Gemm)."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 4, 3, bias=False)
        self.bn1 = nn.BatchNorm2d(4)
        self.layer1 = nn.Sequential(BasicBlock(4))
        self.conv2 = nn.Conv2d(4, 5, 3)
        self.up = nn.ConvTranspose2d(5, 2, 2)
        self.fc = nn.Linear(2, 3)

    def forward(self, x):
        h = torch.relu(self.bn1(self.conv1(x)))
        h = self.up(self.conv2(self.layer1(h)))
        return self.fc(h.mean((2, 3)))


class Linear3dNet(nn.Module):
    """Linear on 3-D input, exported as MatMul + Add. The tied Linear is used twice, so the
    exporter shares its transposed weight through an Identity node."""

    def __init__(self):
        super().__init__()
        self.proj = nn.Linear(6, 8)
        self.tied = nn.Linear(8, 8)

    def forward(self, x):
        return self.tied(torch.relu(self.tied(self.proj(x))))


class SharedNet(nn.Module):
    """Parameters with equal values, which torch.onnx stores once and shares through Identity
    nodes: two Linear biases set equal (names kept), and two Conv+BatchNorm pairs whose folded
    biases are equal (generated names), as in any ResNet straight after initialisation."""

    def __init__(self):
        super().__init__()
        self.convs = nn.Sequential(nn.Conv2d(3, 4, 3, bias=False), nn.BatchNorm2d(4), nn.ReLU(),
                                   nn.Conv2d(4, 4, 3, bias=False), nn.BatchNorm2d(4))
        self.a = nn.Linear(4, 6)
        self.b = nn.Linear(6, 6)
        with torch.no_grad():
            self.b.bias.copy_(self.a.bias)
            second = self.convs[4]
            for first_p, second_p in ((self.convs[1].weight, second.weight), (self.convs[1].bias, second.bias)):
                first_p.uniform_(0.5, 1.5)
                second_p.copy_(first_p)
            self.convs[1].running_mean.normal_(0, 0.1)
            second.running_mean.copy_(self.convs[1].running_mean)
            self.convs[1].running_var.uniform_(0.5, 1.5)
            second.running_var.copy_(self.convs[1].running_var)

    def forward(self, x):
        return self.b(self.a(self.convs(x).mean((2, 3))))


class BranchNet(nn.Module):
    """A data-dependent `if`, scripted: torch.onnx.export writes an If node whose two branch
    subgraphs hold the Gemm nodes of `pos` and `neg` (their weights stay in the main graph)."""

    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 3)
        self.pos = nn.Linear(3, 2)
        self.neg = nn.Linear(3, 2)

    def forward(self, x):
        h = self.fc1(x)
        if bool(h.sum() > 0):
            return self.pos(h)
        return self.neg(h)


def spread_batch_norm(model):
    """BatchNorm starts as the identity (weight 1, bias 0, mean 0, var 1); folding that changes
    nothing, so give it real statistics."""
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.weight.copy_(torch.rand_like(m.weight) + 0.5)
                m.bias.copy_(torch.randn_like(m.bias) * 0.1)
                m.running_mean.copy_(torch.randn_like(m.running_mean) * 0.1)
                m.running_var.copy_(torch.rand_like(m.running_var) + 0.5)


def export(model, example):
    buffer = io.BytesIO()
    torch.onnx.export(model, example, buffer, opset_version=14, do_constant_folding=True,
                      training=torch.onnx.TrainingMode.EVAL)
    return onnx.load_from_string(buffer.getvalue())


def folded_conv_bias(conv, bn):
    """What folding BatchNorm into the Conv before it gives as the Conv's bias (in float64)."""
    mean = bn.running_mean.double()
    scale = bn.weight.double() / torch.sqrt(bn.running_var.double() + bn.eps)
    bias = conv.bias.double() if conv.bias is not None else torch.zeros_like(mean)
    return (bias - mean) * scale + bn.bias.double()


# ---------------------------------------------------------------------------------------------
# Reading the written file back (the oracle)
# ---------------------------------------------------------------------------------------------

DTYPE_NAMES = {
    TensorProto.FLOAT: "float32", TensorProto.FLOAT16: "float16", TensorProto.BFLOAT16: "bfloat16",
    TensorProto.DOUBLE: "float64", TensorProto.INT8: "int8", TensorProto.UINT8: "uint8",
    TensorProto.INT16: "int16", TensorProto.INT32: "int32", TensorProto.INT64: "int64",
    TensorProto.UINT16: "uint16", TensorProto.UINT32: "uint32", TensorProto.UINT64: "uint64",
    TensorProto.BOOL: "bool",
}


def dtype_name(data_type):
    """PyTorch's name for a decoded type, ONNX's own (lower case) for the others."""
    return DTYPE_NAMES.get(data_type) or TensorProto.DataType.Name(data_type).lower()


def float32_bits(values):
    return [struct.unpack("<I", struct.pack("<f", v))[0] for v in values]


def tensor_values(tensor, folder):
    array = numpy_helper.to_array(tensor, str(folder))
    as_float32 = np.asarray(array).astype(np.float32).flatten()
    # each value is exactly a float32 now; Python floats print it so that it reads back exactly
    return [float(v) for v in as_float32]


def all_graphs(graph):
    """The graph and every graph nested in its nodes' attributes (If branches, Loop/Scan bodies)."""
    yield graph
    for n in graph.node:
        for a in n.attribute:
            if a.type == onnx.AttributeProto.GRAPH:
                yield from all_graphs(a.g)
            elif a.type == onnx.AttributeProto.GRAPHS:
                for g in a.graphs:
                    yield from all_graphs(g)


def all_nodes(model):
    return [n for g in all_graphs(model.graph) for n in g.node]


def initializers(model):
    """Every initializer of the model, its subgraphs' included (ONNX names are unique across them)."""
    return {t.name: t for g in all_graphs(model.graph) for t in g.initializer}


def describe_bias(model, folder, name, module, cls, onnx_name, node):
    tensor = initializers(model)[onnx_name]
    entry = {
        "name": name, "module": module, "class": cls, "onnx_initializer": onnx_name,
        "onnx_node": node.name, "onnx_op": node.op_type, "shape": list(tensor.dims),
        "dtype": dtype_name(tensor.data_type),
        "onnx_data_type": TensorProto.DataType.Name(tensor.data_type),
    }
    if tensor.data_type in DTYPE_NAMES:
        # (onnx 1.12's to_array cannot even convert typed COMPLEX64: only decoded types are read)
        values = tensor_values(tensor, folder)
        entry["values"] = values
        entry["bits"] = float32_bits(values)
    return entry


def describe_weight(model, name, onnx_name):
    tensor = initializers(model)[onnx_name]
    return {"name": name, "onnx_initializer": onnx_name, "shape": list(tensor.dims),
            "dtype": dtype_name(tensor.data_type)}


def model_properties(model):
    props = {
        "ir_version": str(model.ir_version),
        "producer_name": model.producer_name,
        "producer_version": model.producer_version,
        "opset": ", ".join(f"{o.domain or 'ai.onnx'} {o.version}" for o in model.opset_import),
    }
    props.update({p.key: p.value for p in model.metadata_props})
    return props


def node_using(model, onnx_name, op_types):
    """The node of one of op_types that takes the initializer, directly or through Identity nodes."""
    aliases = {onnx_name}
    changed = True
    while changed:
        changed = False
        for n in all_nodes(model):
            if n.op_type == "Identity" and n.input[0] in aliases and n.output[0] not in aliases:
                aliases.add(n.output[0])
                changed = True
    for n in all_nodes(model):
        if n.op_type in op_types and aliases & set(n.input):
            return n
    raise AssertionError(f"no {op_types} node uses {onnx_name}")


def through_identity(model, value):
    """The initializer behind a value that Identity nodes pass on."""
    producers = {n.output[0]: n for n in all_nodes(model) if n.op_type == "Identity"}
    while value in producers:
        value = producers[value].input[0]
    return value


def weight_of(model, node):
    """The weight of the layer whose bias node uses: input 1 of Gemm/Conv/ConvTranspose, the
    constant operand of the MatMul before an Add."""
    inits = initializers(model)
    if node.op_type != "Add":
        return through_identity(model, node.input[1])
    matmuls = {n.output[0]: n for n in all_nodes(model) if n.op_type == "MatMul"}
    matmul = next(matmuls[i] for i in node.input if i in matmuls)
    return next(through_identity(model, i) for i in matmul.input if through_identity(model, i) in inits)


def bias_uses(model):
    """(node, bias value name) for every Gemm C, Conv/ConvTranspose B and Add-after-MatMul constant,
    in graph order; the name is the one the node sees (maybe an Identity's output)."""
    inits = initializers(model)
    matmul_outputs = {n.output[0] for n in all_nodes(model) if n.op_type == "MatMul"}
    uses = []
    for n in all_nodes(model):
        if n.op_type == "Gemm" and len(n.input) > 2:
            uses.append((n, n.input[2]))
        elif n.op_type in ("Conv", "ConvTranspose") and len(n.input) > 2 and n.input[2]:
            uses.append((n, n.input[2]))
        elif n.op_type == "Add":
            for i in (0, 1):
                if n.input[1 - i] in matmul_outputs and through_identity(model, n.input[i]) in inits:
                    uses.append((n, n.input[i]))
    return uses


def exported_biases(model, net, folder):
    """Every bias of an exported torch model, named from the torch side.

    A kept name (fc1.bias) is the parameter's own; torch.onnx also keeps it as the output of the
    Identity through which it shares a tensor equal to another parameter's. A generated one
    (onnx::Conv_21) belongs to the torch Conv whose bias, with the BatchNorm after it folded in, has
    these values; when several Convs fold to equal values (the exporter then stores them once),
    they are taken in the order the model defines them, which is the order it calls them here."""
    params = dict(net.named_parameters())
    modules = dict(net.named_modules())
    biases, weights = [], []
    claimed = set()
    for node, value in bias_uses(model):
        onnx_name = through_identity(model, value)
        values = np.asarray(tensor_values(initializers(model)[onnx_name], folder), dtype=np.float64)
        if value in params:
            module = value.rsplit(".", 1)[0]
            name = value
            # a kept name holds exactly the parameter's values
            assert np.array_equal(params[value].detach().numpy().astype(np.float32), values.astype(np.float32)), value
        else:
            candidates = []
            for path, m in modules.items():
                bn = modules.get(path.replace("conv", "bn")) if "conv" in path else None
                if bn is None and path.split(".")[-1].isdigit():
                    # in a Sequential the BatchNorm is the next child
                    parent, index = path.rsplit(".", 1)
                    bn = modules.get(f"{parent}.{int(index) + 1}")
                if isinstance(m, nn.Conv2d) and isinstance(bn, nn.BatchNorm2d) and path not in claimed:
                    expected = folded_conv_bias(m, bn).detach().numpy()
                    if expected.shape == values.shape and np.allclose(expected, values, rtol=1e-5, atol=1e-6):
                        candidates.append(path)
            assert candidates, (value, onnx_name)
            module = candidates[0]
            name = module + ".bias"
        if module in claimed:
            continue  # the same module called again (a tied Linear)
        claimed.add(module)
        m = modules[module]
        entry = describe_bias(model, folder, name, module, type(m).__name__, onnx_name, node)
        entry["onnx_value"] = value
        biases.append(entry)
        weight = weight_of(model, node)
        weights.append(describe_weight(model, module + ".weight", weight))
    return biases, weights


# ---------------------------------------------------------------------------------------------
# A model written with onnx.helper: typed fields, every decoded dtype, Identity chains
# ---------------------------------------------------------------------------------------------

def float32_from_bits(bits):
    return struct.unpack("<f", struct.pack("<I", bits))[0]


def helper_model():
    rng = np.random.default_rng(20261201)
    inits, nodes, biases, weights = [], [], [], []

    def gemm(node_name, x, out, weight, bias, width):
        nodes.append(helper.make_node("Gemm", [x, weight.name, bias.name], [out], name=node_name, transB=1))
        inits.extend([weight, bias])

    # 1. names kept, typed float_data for weight and bias
    w = rng.standard_normal((4, 3)).astype(np.float32)
    b = rng.standard_normal(4).astype(np.float32)
    gemm("dense", "x", "h1",
         helper.make_tensor("dense.weight", TensorProto.FLOAT, [4, 3], w.flatten().tolist()),
         helper.make_tensor("dense.bias", TensorProto.FLOAT, [4], b.tolist()), 4)
    biases.append(("dense.bias", "dense", "Linear", "dense.bias"))
    weights.append(("dense.weight", "dense.weight"))

    # 2. generated names (no dot), fp16 raw_data weight and bias, with the awkward values
    half_bits = [0x0000, 0x8000, 0x0001, 0x03FF, 0x0400, 0x3C00, 0xBC00, 0x7BFF, 0xFBFF, 0x7C00, 0xFC00,
                 0x3555, 0x7E00, 0x1234]
    half = np.array(half_bits, dtype=np.uint16).view(np.float16)
    w16 = rng.standard_normal((len(half_bits), 4)).astype(np.float16)
    gemm("/head/Gemm", "h1", "h2",
         helper.make_tensor("head_W", TensorProto.FLOAT16, list(w16.shape), w16.tobytes(), raw=True),
         helper.make_tensor("head_B", TensorProto.FLOAT16, [len(half_bits)], half.tobytes(), raw=True), 0)
    biases.append(("head.bias", "head", "Linear", "head_B"))
    weights.append(("head.weight", "head_W"))

    # 3. every other decoded element type, each as the bias of its own Gemm (node name = module)
    def dtype_gemm(module, onnx_type, bias_tensor):
        n = bias_tensor.dims[0]
        weight = helper.make_tensor(module + "_W", TensorProto.FLOAT, [n, 2],
                                    rng.standard_normal(n * 2).astype(np.float32).tolist())
        gemm(module, "x2", module + "_out", weight, bias_tensor, n)
        biases.append((module + ".bias", module, "Linear", bias_tensor.name))
        weights.append((module + ".weight", weight.name))

    dtype_gemm("half_typed", TensorProto.FLOAT16,  # FLOAT16 in int32_data (one uint16 per int32)
               helper.make_tensor("half_typed_B", TensorProto.FLOAT16, [5],
                                  np.array([0x3C00, 0x8001, 0x7C00, 0x4248, 0xC000], dtype=np.uint16)
                                  .view(np.float16).astype(np.float32).tolist()))
    bf16_bits = [0x3F80, 0xBF80, 0x7F80, 0x0001, 0x4049, 0xC2F7]
    dtype_gemm("bf16_raw", TensorProto.BFLOAT16,
               helper.make_tensor("bf16_raw_B", TensorProto.BFLOAT16, [len(bf16_bits)],
                                  np.array(bf16_bits, dtype=np.uint16).tobytes(), raw=True))
    dtype_gemm("bf16_typed", TensorProto.BFLOAT16,  # make_tensor rounds to bfloat16 into int32_data
               helper.make_tensor("bf16_typed_B", TensorProto.BFLOAT16, [3], [1.0, -2.5, 0.15625]))
    dtype_gemm("double_typed", TensorProto.DOUBLE,
               helper.make_tensor("double_typed_B", TensorProto.DOUBLE, [4], [0.1, -1e-300, 3.5e38, 1e39]))
    dtype_gemm("double_raw", TensorProto.DOUBLE,
               helper.make_tensor("double_raw_B", TensorProto.DOUBLE, [3],
                                  np.array([1 / 3, -2.0, 5e-324]).astype("<f8").tobytes(), raw=True))
    dtype_gemm("int8_raw", TensorProto.INT8,
               helper.make_tensor("int8_raw_B", TensorProto.INT8, [4],
                                  np.array([-128, -1, 0, 127], dtype=np.int8).tobytes(), raw=True))
    dtype_gemm("int8_typed", TensorProto.INT8,
               helper.make_tensor("int8_typed_B", TensorProto.INT8, [3], [-128, 5, 127]))
    dtype_gemm("uint8_raw", TensorProto.UINT8,
               helper.make_tensor("uint8_raw_B", TensorProto.UINT8, [3],
                                  np.array([0, 128, 255], dtype=np.uint8).tobytes(), raw=True))
    dtype_gemm("int16_typed", TensorProto.INT16,
               helper.make_tensor("int16_typed_B", TensorProto.INT16, [3], [-32768, 7, 32767]))
    dtype_gemm("int32_typed", TensorProto.INT32,
               helper.make_tensor("int32_typed_B", TensorProto.INT32, [3], [-2147483648, 16777217, 2147483647]))
    dtype_gemm("int64_typed", TensorProto.INT64,
               helper.make_tensor("int64_typed_B", TensorProto.INT64, [3], [-(2 ** 63), 1, 2 ** 62]))
    dtype_gemm("int64_raw", TensorProto.INT64,
               helper.make_tensor("int64_raw_B", TensorProto.INT64, [2],
                                  np.array([-5, 2 ** 40], dtype="<i8").tobytes(), raw=True))
    dtype_gemm("uint16_raw", TensorProto.UINT16,
               helper.make_tensor("uint16_raw_B", TensorProto.UINT16, [3],
                                  np.array([0, 40000, 65535], dtype="<u2").tobytes(), raw=True))
    dtype_gemm("uint32_typed", TensorProto.UINT32,  # in uint64_data
               helper.make_tensor("uint32_typed_B", TensorProto.UINT32, [2], [1, 4000000000]))
    dtype_gemm("uint64_typed", TensorProto.UINT64,
               helper.make_tensor("uint64_typed_B", TensorProto.UINT64, [2], [7, 2 ** 64 - 1]))
    dtype_gemm("bool_typed", TensorProto.BOOL,
               helper.make_tensor("bool_typed_B", TensorProto.BOOL, [3], [True, False, True]))
    # a type the app lists but does not decode
    dtype_gemm("complex_typed", TensorProto.COMPLEX64,
               helper.make_tensor("complex_typed_B", TensorProto.COMPLEX64, [2], [1 + 2j, -0.5j]))

    # 4. Conv with a kept-looking name, reached through a chain of two Identity nodes, and a
    #    ConvTranspose with typed float_data; Conv1d-shaped weights so the class is Conv1d
    cw = rng.standard_normal((3, 2, 2)).astype(np.float32)
    cb = rng.standard_normal(3).astype(np.float32)
    inits.append(helper.make_tensor("enc.conv.weight", TensorProto.FLOAT, [3, 2, 2], cw.flatten().tolist()))
    inits.append(helper.make_tensor("enc.conv.bias", TensorProto.FLOAT, [3], cb.tobytes(), raw=True))
    nodes.append(helper.make_node("Identity", ["enc.conv.bias"], ["shared_bias_1"], name="Identity_0"))
    nodes.append(helper.make_node("Identity", ["shared_bias_1"], ["shared_bias_2"], name="Identity_1"))
    nodes.append(helper.make_node("Conv", ["seq", "enc.conv.weight", "shared_bias_2"], ["c1"], name="/enc/conv/Conv"))
    biases.append(("enc.conv.bias", "enc.conv", "Conv1d", "enc.conv.bias"))
    weights.append(("enc.conv.weight", "enc.conv.weight"))
    tw = rng.standard_normal((3, 2, 2, 2)).astype(np.float32)
    tb = rng.standard_normal(2).astype(np.float32)
    inits.append(helper.make_tensor("onnx::ConvTranspose_41", TensorProto.FLOAT, [3, 2, 2, 2], tw.flatten().tolist()))
    inits.append(helper.make_tensor("onnx::ConvTranspose_42", TensorProto.FLOAT, [2], tb.tolist()))
    nodes.append(helper.make_node("ConvTranspose", ["img", "onnx::ConvTranspose_41", "onnx::ConvTranspose_42"],
                                  ["c2"], name="/decoder/decoder.3/ConvTranspose"))
    biases.append(("decoder.3.bias", "decoder.3", "ConvTranspose2d", "onnx::ConvTranspose_42"))
    weights.append(("decoder.3.weight", "onnx::ConvTranspose_41"))

    # 5. MatMul + Add with the bias as the Add's second operand (torch puts it first)
    mw = rng.standard_normal((3, 5)).astype(np.float32)
    mb = rng.standard_normal(5).astype(np.float32)
    inits.append(helper.make_tensor("onnx::MatMul_50", TensorProto.FLOAT, [3, 5], mw.tobytes(), raw=True))
    inits.append(helper.make_tensor("onnx::Add_51", TensorProto.FLOAT, [5], mb.tobytes(), raw=True))
    nodes.append(helper.make_node("MatMul", ["tokens", "onnx::MatMul_50"], ["m"], name="/blocks/blocks.1/mlp/MatMul"))
    nodes.append(helper.make_node("Add", ["m", "onnx::Add_51"], ["y"], name="/blocks/blocks.1/mlp/Add"))
    biases.append(("blocks.1.mlp.bias", "blocks.1.mlp", "Linear", "onnx::Add_51"))
    weights.append(("blocks.1.mlp.weight", "onnx::MatMul_50"))

    # 6. not biases: a 1-D initializer added to a graph input (no MatMul before it), and a 2-D one
    inits.append(helper.make_tensor("offset", TensorProto.FLOAT, [5], [1.0, 2.0, 3.0, 4.0, 5.0]))
    nodes.append(helper.make_node("Add", ["y", "offset"], ["y2"], name="/shift/Add"))

    inputs = [helper.make_tensor_value_info(n, TensorProto.FLOAT, shape)
              for n, shape in (("x", [1, 3]), ("x2", [1, 2]), ("seq", [1, 2, 5]), ("img", [1, 3, 4, 4]),
                               ("tokens", [2, 3]))]
    outputs = [helper.make_tensor_value_info(n, TensorProto.FLOAT, ["n"]) for n in ("h2", "c1", "c2", "y2")]
    outputs += [helper.make_tensor_value_info(m + "_out", TensorProto.FLOAT, ["n"])
                for m in ("half_typed", "bf16_raw", "bf16_typed", "double_typed", "double_raw", "int8_raw",
                          "int8_typed", "uint8_raw", "int16_typed", "int32_typed", "int64_typed", "int64_raw",
                          "uint16_raw", "uint32_typed", "uint64_typed", "bool_typed", "complex_typed")]
    graph = helper.make_graph(nodes, "helper_graph", inputs, outputs, initializer=inits)
    model = helper.make_model(graph, producer_name="onnx.helper", producer_version=onnx.__version__,
                              opset_imports=[helper.make_opsetid("", 13)])
    model.model_version = 3
    helper.set_model_props(model, {"author": "make_onnx_fixtures.py", "license": "Apache-2.0"})
    onnx.checker.check_model(model)
    return model, biases, weights


def subgraph_model():
    """Linear layers in nested subgraphs, with initializers of their own: an If whose then branch
    is another If (depth 2), a bias stored inside a branch (raw_data and typed float_data), and one
    a branch takes from the main graph."""
    rng = np.random.default_rng(20261202)
    biases, weights = [], []

    def floats(name, shape, raw):
        data = rng.standard_normal(int(np.prod(shape))).astype(np.float32)
        return helper.make_tensor(name, TensorProto.FLOAT, shape, data.tobytes() if raw else data.tolist(), raw=raw)

    def branch(graph_name, gemm_name, out, weight, bias, inits):
        node = helper.make_node("Gemm", ["x", weight, bias], [out], name=gemm_name, transB=1)
        return helper.make_graph([node], graph_name, [],
                                 [helper.make_tensor_value_info(out, TensorProto.FLOAT, [1, 2])], initializer=inits)

    inner_then = branch("inner_then", "/deep/yes/Gemm", "deep_yes", "deep.yes.weight", "deep.yes.bias",
                        [floats("deep.yes.weight", [2, 3], True), floats("deep.yes.bias", [2], True)])
    inner_else = branch("inner_else", "/deep/no/Gemm", "deep_no", "deep.no.weight", "deep.no.bias",
                        [floats("deep.no.weight", [2, 3], False), floats("deep.no.bias", [2], False)])
    inner_if = helper.make_node("If", ["flag"], ["inner_out"], name="/deep/If", then_branch=inner_then,
                                else_branch=inner_else)
    outer_then = helper.make_graph([inner_if], "outer_then", [],
                                   [helper.make_tensor_value_info("inner_out", TensorProto.FLOAT, [1, 2])])
    outer_else = branch("outer_else", "/shallow/Gemm", "shallow_out", "shallow.weight", "shallow.bias", [])
    outer_if = helper.make_node("If", ["flag"], ["y"], name="/If", then_branch=outer_then, else_branch=outer_else)
    main_inits = [floats("shallow.weight", [2, 3], True), floats("shallow.bias", [2], True)]
    graph = helper.make_graph([outer_if], "subgraph_graph",
                              [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3]),
                               helper.make_tensor_value_info("flag", TensorProto.BOOL, [])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 2])], initializer=main_inits)
    model = helper.make_model(graph, producer_name="onnx.helper", producer_version=onnx.__version__,
                              opset_imports=[helper.make_opsetid("", 13)])
    onnx.checker.check_model(model)
    for module in ("deep.yes", "deep.no", "shallow"):
        biases.append((module + ".bias", module, "Linear", module + ".bias"))
        weights.append((module + ".weight", module + ".weight"))
    return model, biases, weights


def helper_fixture(name, model, biases, weights, covers, fixtures):
    path = OUT / name
    write(model, path)
    reloaded = onnx.load(str(path))
    described = []
    for bias_name, module, cls, onnx_name in biases:
        node = node_using(reloaded, onnx_name, {"Gemm", "Conv", "ConvTranspose", "Add"})
        described.append(describe_bias(reloaded, OUT, bias_name, module, cls, onnx_name, node))
        assert weight_of(reloaded, node) == dict(weights)[module + ".weight"], module
    fixtures[name] = fixture_entry(path, covers, described, [describe_weight(reloaded, n, o) for n, o in weights])


# ---------------------------------------------------------------------------------------------

def write(model, path, **save_args):
    path.parent.mkdir(parents=True, exist_ok=True)
    if "location" in save_args:
        # onnx.save_model appends to an existing data file: start from none
        (path.parent / save_args["location"]).unlink(missing_ok=True)
    onnx.save_model(model, str(path), **save_args)


def fixture_entry(path, covers, biases, weights):
    model = onnx.load(str(path))
    return {
        "covers": covers,
        "properties": model_properties(model),
        "biases": biases,
        "weights": weights,
        # the main graph's and its subgraphs'
        "node_count": len(all_nodes(model)),
        "initializer_count": len(initializers(model)),
    }


def exported_fixture(name, net, example, covers, fixtures, save_args=None, exported=None):
    """Exports `exported` (default: net; a scripted copy of net keeps its control flow) and
    describes its biases from the eager net's parameters and module classes."""
    model = export(exported if exported is not None else net, example)
    path = OUT / name
    write(model, path, **(save_args or {}))
    reloaded = onnx.load(str(path))
    # the file computes what the module computes (checked with ONNX's reference-free shape: torch
    # cannot run ONNX, so compare the stored weights instead: every kept name holds its values)
    biases, weights = exported_biases(reloaded, net, path.parent)
    fixtures[name] = fixture_entry(path, covers, biases, weights)


def main():
    if os.environ.get("PYTHONHASHSEED") != "0":
        # Protobuf and the exporter iterate dicts and sets of strings in places; fix the hash seed
        # so the files are byte-identical on every run.
        os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, PYTHONHASHSEED="0"))
    OUT.mkdir(parents=True, exist_ok=True)
    torch.set_num_threads(1)
    fixtures = {}

    torch.manual_seed(INIT_SEED)
    simple = SimpleNet().eval()
    exported_fixture("simple_net.onnx", simple, torch.randn(1, 10),
                     "the tutorial's SimpleNet (seed 0, as models/simple_net.pt), torch.onnx.export: "
                     "Gemm nodes, PyTorch names kept (fc1.bias)", fixtures)
    # the same weights as the demo model: the tutorial's seed gives the tutorial's values
    demo = torch.jit.load(str(HERE.parent.parent.parent / "models" / "simple_net.pt"))
    for n, p in demo.named_parameters():
        assert torch.equal(p, dict(simple.named_parameters())[n]), n

    torch.manual_seed(1)
    conv = ConvBnNet()
    spread_batch_norm(conv)
    conv.eval()
    exported_fixture("conv_bn.onnx", conv, torch.randn(1, 3, 10, 10),
                     "Conv+BatchNorm folded by the exporter (generated names onnx::Conv_N; module from the "
                     "node name /layer1/layer1.0/conv1/Conv), Conv and ConvTranspose with kept names, Gemm",
                     fixtures)

    torch.manual_seed(2)
    linear3d = Linear3dNet().eval()
    exported_fixture("linear_3d.onnx", linear3d, torch.randn(2, 5, 6),
                     "Linear on 3-D input: MatMul + Add (bias first operand), a Linear used twice "
                     "(weight shared through an Identity node, bias used by two Adds)", fixtures)

    torch.manual_seed(3)
    exported_fixture("shared_bias.onnx", SharedNet().eval(), torch.randn(1, 3, 8, 8),
                     "equal tensors stored once: b.bias reaches its Gemm as Identity(a.bias) named b.bias, "
                     "and two folded Conv biases are one initializer shared through Identity", fixtures)

    exported_fixture("external/linear_3d_external.onnx", linear3d, torch.randn(2, 5, 6),
                     "linear_3d.onnx saved with onnx.save_model(save_as_external_data=True, "
                     "all_tensors_to_one_file=True, size_threshold=0): every raw_data in "
                     "linear_3d_external.onnx.data", fixtures,
                     save_args=dict(save_as_external_data=True, all_tensors_to_one_file=True,
                                    location="linear_3d_external.onnx.data", size_threshold=0))

    model, biases, weights = helper_model()
    helper_fixture("helper_built.onnx", model, biases, weights,
                   "written with onnx.helper: typed float_data/int32_data/int64_data/double_data/uint64_data, "
                   "fp16/bf16/double/int8/uint8/uint16/int64 raw_data, COMPLEX64 (listed, not decoded), Identity chain, "
                   "Conv1d and ConvTranspose2d, MatMul+Add with the bias second, metadata_props", fixtures)

    torch.manual_seed(4)
    branchy = BranchNet().eval()
    exported_fixture("branch.onnx", branchy, torch.randn(1, 4),
                     "a scripted data-dependent if, torch.onnx.export: an If node whose then/else subgraphs "
                     "hold the Gemm nodes of pos and neg, their weights and biases in the main graph", fixtures,
                     exported=torch.jit.script(branchy))

    model, biases, weights = subgraph_model()
    helper_fixture("subgraphs.onnx", model, biases, weights,
                   "written with onnx.helper: an If nested in an If's then branch, biases stored inside the "
                   "branches (raw_data, typed float_data) and one a branch takes from the main graph", fixtures)

    expected = {
        "torch_version": torch.__version__,
        "onnx_version": onnx.__version__,
        "generator": "/usr/bin/python3 src/test/python/make_onnx_fixtures.py",
        "fixtures": fixtures,
    }
    with open(OUT / "expected.json", "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")
    for name, entry in fixtures.items():
        size = (OUT / name).stat().st_size
        print(f"{name:40s} {size:7d} bytes  {len(entry['biases'])} biases", file=sys.stderr)


if __name__ == "__main__":
    main()
