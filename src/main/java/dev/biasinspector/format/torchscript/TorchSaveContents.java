package dev.biasinspector.format.torchscript;

import dev.biasinspector.format.DottedNameTree;
import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.pickle.PyObject;
import dev.biasinspector.model.ModuleNode;
import dev.biasinspector.model.Parameter;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The module tree of a {@code torch.save} checkpoint (no TorchScript code, only a pickle):
 * <ul>
 *   <li>a state dict ({@code model.state_dict()}): names only, so classes are guessed from shapes
 *       ({@link DottedNameTree});</li>
 *   <li>a training checkpoint, a dict holding a state dict under a key such as
 *       {@code model_state_dict}, beside numbers such as {@code epoch}, which become properties;</li>
 *   <li>a whole pickled module ({@code torch.save(model)}): real class names from its globals,
 *       parameters from each module's {@code _parameters}.</li>
 * </ul>
 */
final class TorchSaveContents {

    /** Keys that hold the model in common training-loop checkpoints, tried first. */
    private static final List<String> MODEL_KEYS = List.of("state_dict", "model_state_dict", "model", "net",
            "model_state", "module", "network", "ema", "params");
    private static final int MAX_DEPTH = 256;

    private final StorageSource storages;
    private final ByteOrder order;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    TorchSaveContents(StorageSource storages, ByteOrder order) {
        this.storages = storages;
        this.order = order;
    }

    Map<String, String> properties() {
        return properties;
    }

    ModuleNode build(Object root) throws ModelFormatException {
        if (isModule(root)) {
            properties.put("contents", "a whole pickled model (torch.save(model))");
            return module((PyObject) root, "", 0);
        }
        if (root instanceof Map<?, ?> map) {
            if (isStateDict(map)) {
                properties.put("contents", "a state dict");
                return stateDict(map);
            }
            Map.Entry<?, ?> model = findModel(map);
            if (model != null) {
                properties.put("contents", "a checkpoint; the model is under '" + model.getKey() + "'");
                map.forEach((k, v) -> {
                    if (k instanceof String key && (v instanceof Long || v instanceof Double || v instanceof String
                            || v instanceof Boolean)) {
                        properties.put(key, String.valueOf(v));
                    }
                });
                return isModule(model.getValue()) ? module((PyObject) model.getValue(), "", 0)
                        : stateDict((Map<?, ?>) model.getValue());
            }
        }
        throw new ModelFormatException("the checkpoint holds no model weights this app can show");
    }

    /** A dict whose values are all tensors (at least one), keyed by dotted names. */
    private static boolean isStateDict(Map<?, ?> map) {
        return !map.isEmpty() && map.entrySet().stream()
                .allMatch(e -> e.getKey() instanceof String && e.getValue() instanceof TensorRecord);
    }

    private static boolean isModule(Object o) {
        return o instanceof PyObject object && object.state() instanceof Map<?, ?> state
                && state.get("_parameters") instanceof Map<?, ?> && state.get("_modules") instanceof Map<?, ?>;
    }

    private static Map.Entry<?, ?> findModel(Map<?, ?> checkpoint) {
        for (String key : MODEL_KEYS) {
            Object value = checkpoint.get(key);
            if (value instanceof Map<?, ?> m && isStateDict(m) || isModule(value)) {
                return Map.entry(key, value);
            }
        }
        for (Map.Entry<?, ?> e : checkpoint.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> m && isStateDict(m) || isModule(e.getValue())) {
                return e;
            }
        }
        return null;
    }

    private ModuleNode stateDict(Map<?, ?> map) throws ModelFormatException {
        List<Parameter> parameters = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = (String) e.getKey();
            parameters.add(parameter(name, DottedNameTree.localName(name), (TensorRecord) e.getValue()));
        }
        return DottedNameTree.build(parameters);
    }

    private ModuleNode module(PyObject object, String path, int depth) throws ModelFormatException {
        if (depth > MAX_DEPTH) {
            throw new ModelFormatException("the module tree is nested too deeply (over " + MAX_DEPTH + " levels)");
        }
        seen.add(object);
        ModuleNode node = new ModuleNode(path, object.type().name());
        Map<?, ?> state = (Map<?, ?>) object.state();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) state.get("_parameters")).entrySet()) {
            if (e.getKey() instanceof String name && e.getValue() instanceof TensorRecord tensor && seen.add(tensor)) {
                node.addParameter(parameter(path.isEmpty() ? name : path + "." + name, name, tensor));
            }
        }
        for (Map.Entry<?, ?> e : ((Map<?, ?>) state.get("_modules")).entrySet()) {
            if (e.getKey() instanceof String name && isModule(e.getValue()) && !seen.contains(e.getValue())) {
                node.addChild(module((PyObject) e.getValue(), path.isEmpty() ? name : path + "." + name, depth + 1));
            }
        }
        return node;
    }

    private Parameter parameter(String name, String localName, TensorRecord tensor) throws ModelFormatException {
        return TensorReader.parameter(storages, order, name, localName, tensor);
    }
}
