package dev.biasinspector.format.torchscript;

import dev.biasinspector.format.pickle.CallHandler;
import dev.biasinspector.format.pickle.PickleException;
import dev.biasinspector.format.pickle.PickleValues;
import dev.biasinspector.format.pickle.PyDict;
import dev.biasinspector.format.pickle.PyGlobal;
import dev.biasinspector.format.pickle.PyList;
import dev.biasinspector.format.pickle.PyTuple;
import dev.biasinspector.format.pickle.SafeUnpickler;
import dev.biasinspector.model.DType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads PyTorch's {@code data.pkl}: the allow-list of callables PyTorch's own pickles use, each
 * turned into a plain Java value, and storages resolved to {@link StorageRef}s. Every other
 * callable stays an inert {@code PyObject}.
 */
final class TorchPickle {

    private static final Map<String, CallHandler> CALLS = callHandlers();

    private TorchPickle() {
    }

    static Object load(byte[] pickle) throws PickleException {
        return SafeUnpickler.load(pickle, TorchPickle::storage, CALLS);
    }

    /**
     * Reads the pickle at {@code offset} of {@code data}, telling {@code onStorage} about every
     * storage it references (torch.save's format before PyTorch 1.6 lays out storages after the
     * pickles, so their element types are needed to find where each one ends).
     */
    static SafeUnpickler.Loaded loadAt(byte[] data, int offset, java.util.function.Consumer<StorageRef> onStorage)
            throws PickleException {
        return SafeUnpickler.loadAt(data, offset, pid -> {
            Object loaded = storage(pid);
            if (loaded instanceof StorageRef ref) {
                onStorage.accept(ref);
            }
            return loaded;
        }, CALLS);
    }

    private static Map<String, CallHandler> callHandlers() {
        Map<String, CallHandler> calls = new LinkedHashMap<>();
        calls.put("collections.OrderedDict", args -> new PyDict());
        calls.put("torch._utils._rebuild_tensor_v2", TorchPickle::rebuildTensor);
        calls.put("torch._utils._rebuild_tensor", TorchPickle::rebuildTensor);
        calls.put("torch._utils._rebuild_qtensor", TorchPickle::rebuildTensor);
        calls.put("torch._utils._rebuild_parameter", args -> arg(args, 0));
        calls.put("torch._utils._rebuild_parameter_with_state", args -> arg(args, 0));
        calls.put("torch.jit._pickle.restore_type_tag", args -> arg(args, 0));
        for (String kind : List.of("intlist", "tensorlist", "doublelist", "boollist")) {
            calls.put("torch.jit._pickle.build_" + kind, args -> arg(args, 0));
        }
        // torch.device('cpu'): only a string is a device; anything else is named, never printed whole
        // (it could be a cycle or a 100,000-level nesting).
        calls.put("torch.device", args -> arg(args, 0) instanceof String device ? device
                : "device " + PickleValues.describe(arg(args, 0)));
        calls.put("builtins.set", args -> args.size() == 0 ? new PyList() : arg(args, 0));
        return Map.copyOf(calls);
    }

    /** {@code ('storage', torch.FloatStorage, key, location, numel)} → a reference to {@code data/<key>}. */
    private static Object storage(Object pid) throws PickleException {
        // The old format names a module's class by persistent id: ('module', cls, source_file, source).
        if (pid instanceof PyTuple t && t.size() >= 2 && "module".equals(t.get(0)) && t.get(1) instanceof PyGlobal cls) {
            return cls;
        }
        if (pid instanceof PyTuple t && t.size() >= 5 && "storage".equals(t.get(0))
                && t.get(1) instanceof PyGlobal type && t.get(2) instanceof String key
                && t.get(4) instanceof Long numel && numel >= 0) {
            String location = t.get(3) instanceof String s ? s : "cpu";
            if (!key.matches("[A-Za-z0-9_.]+") || key.contains("..")) {
                throw new PickleException("malformed tensor storage key '" + key + "'");
            }
            return new StorageRef(key, DType.fromStorageClass(type.name()), location, numel);
        }
        throw new PickleException("unsupported persistent id in data.pkl");
    }

    /** {@code _rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks[, metadata])}. */
    private static Object rebuildTensor(PyTuple args) throws PickleException {
        if (args.size() < 4 || !(args.get(0) instanceof StorageRef storage) || !(args.get(1) instanceof Long offset)) {
            throw new PickleException("malformed tensor record in data.pkl");
        }
        long[] size = longs(args.get(2));
        long[] stride = longs(args.get(3));
        if (size.length != stride.length || offset < 0) {
            throw new PickleException("malformed tensor record in data.pkl");
        }
        boolean requiresGrad = args.size() > 4 && Boolean.TRUE.equals(args.get(4));
        return new TensorRecord(storage, offset, size, stride, requiresGrad);
    }

    private static long[] longs(Object tuple) throws PickleException {
        if (!(tuple instanceof PyTuple t)) {
            throw new PickleException("malformed tensor shape in data.pkl");
        }
        long[] out = new long[t.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(t.get(i) instanceof Long v) || v < 0) {
                throw new PickleException("malformed tensor shape in data.pkl");
            }
            out[i] = v;
        }
        return out;
    }

    private static Object arg(PyTuple args, int index) throws PickleException {
        if (args.size() <= index) {
            throw new PickleException("malformed call in data.pkl");
        }
        return args.get(index);
    }
}
