package dev.biasinspector.format.torchscript;

import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.pickle.PyGlobal;
import dev.biasinspector.format.pickle.PyObject;
import dev.biasinspector.format.pickle.PyTuple;
import dev.biasinspector.model.ModuleNode;
import dev.biasinspector.model.Parameter;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the object graph of {@code data.pkl} into the module tree, named as PyTorch's
 * {@code named_modules()} and {@code named_parameters()} name things: pre-order, attributes in the
 * order the archive stores them, a module or tensor reached twice listed once.
 */
final class ModuleTreeBuilder {

    private static final int MAX_DEPTH = 256;
    private static final Pattern MANGLING = Pattern.compile("\\.___torch_mangle_\\d+");

    private final StorageSource storages;
    private final ClassDeclarations declarations;
    private final ByteOrder byteOrder;
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    ModuleTreeBuilder(Path file, PyTorchArchive archive, ByteOrder byteOrder) {
        this.storages = StorageSource.zipRecords(file, archive);
        this.declarations = new ClassDeclarations(archive);
        this.byteOrder = byteOrder;
    }

    ModuleNode build(Object root) throws IOException {
        if (!(root instanceof PyObject module) || !(module.state() instanceof Map<?, ?>)) {
            throw new ModelFormatException("the archive holds no module (data.pkl has no module object)");
        }
        seen.add(root);
        return visit(module, "", 0);
    }

    private ModuleNode visit(PyObject object, String path, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new ModelFormatException("the module tree is nested too deeply (over " + MAX_DEPTH + " levels)");
        }
        PyGlobal type = object.type();
        ModuleNode node = new ModuleNode(path, pythonClassName(type));
        Optional<ClassDeclarations.Declaration> declaration = declarations.find(type.module(), type.name());
        Map<?, ?> state = object.state() instanceof Map<?, ?> map ? map : Map.of();
        for (Map.Entry<?, ?> attribute : state.entrySet()) {
            if (!(attribute.getKey() instanceof String name)) {
                continue;
            }
            Object value = attribute.getValue();
            String childPath = path.isEmpty() ? name : path + "." + name;
            if (value instanceof TensorRecord tensor && isParameter(declaration, name, tensor) && seen.add(tensor)) {
                node.addParameter(parameter(childPath, name, tensor));
            }
        }
        if (node.isLinear() && state.get("_packed_params") instanceof PyObject holder) {
            TensorRecord bias = packedBias(holder);
            if (bias != null && seen.add(bias)) {
                node.addParameter(parameter(path.isEmpty() ? "bias" : path + ".bias", "bias", bias));
            }
        }
        for (Map.Entry<?, ?> attribute : state.entrySet()) {
            if (attribute.getKey() instanceof String name && attribute.getValue() instanceof PyObject child
                    && isModule(child) && seen.add(child)) {
                node.addChild(visit(child, path.isEmpty() ? name : path + "." + name, depth + 1));
            }
        }
        return node;
    }

    /**
     * A quantized Linear keeps its weight and bias inside a C++ object, not as parameters
     * ({@code _packed_params}; FORMATS.md §3): current archives hold a
     * {@code LinearPackedParamsBase} whose state is {@code (qweight, bias)}, older ones the tuple
     * {@code (qweight, bias, training, dtype)} directly. Shown as the layer's {@code bias}, as
     * {@code Linear.bias()} returns it.
     */
    private static TensorRecord packedBias(PyObject holder) {
        Object state = holder.state();
        if (state instanceof Map<?, ?> map && map.get("_packed_params") instanceof PyObject base) {
            state = base.state();
        }
        if (state instanceof PyTuple tuple && tuple.size() >= 2 && tuple.get(1) instanceof TensorRecord bias) {
            return bias;
        }
        return null;
    }

    private static boolean isParameter(Optional<ClassDeclarations.Declaration> declaration, String name,
                                       TensorRecord tensor) {
        return declaration.map(d -> d.parameters().contains(name)).orElse(tensor.requiresGrad());
    }

    private boolean isModule(PyObject object) throws IOException {
        Optional<ClassDeclarations.Declaration> declaration =
                declarations.find(object.type().module(), object.type().name());
        if (declaration.isPresent()) {
            return declaration.get().module();
        }
        // No class source (stripped archive): every nn.Module carries a 'training' flag.
        return object.state() instanceof Map<?, ?> map && map.get("training") instanceof Boolean;
    }

    private Parameter parameter(String name, String localName, TensorRecord tensor) throws ModelFormatException {
        return TensorReader.parameter(storages, byteOrder, name, localName, tensor);
    }

    /**
     * {@code __torch__.torch.nn.modules.linear.___torch_mangle_3.Linear} → {@code Linear};
     * {@code __torch__.SimpleNet} → {@code SimpleNet}.
     */
    static String pythonClassName(PyGlobal type) {
        String qualified = MANGLING.matcher(type.qualifiedName()).replaceAll("");
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }
}
