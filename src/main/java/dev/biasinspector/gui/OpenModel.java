package dev.biasinspector.gui;

import dev.biasinspector.format.Engine;
import dev.biasinspector.model.BiasVector;
import dev.biasinspector.model.LoadedModel;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The model on screen: what was read, from which file, by which engine, and the bias values read
 * so far (biases are small; reading them again on every click would hit the disk for nothing).
 */
public final class OpenModel {

    private final LoadedModel model;
    private final ModelSource source;
    private final Engine engine;
    private final Map<String, BiasVector> values = new HashMap<>();

    OpenModel(LoadedModel model, ModelSource source, Engine engine) {
        this.model = model;
        this.source = source;
        this.engine = engine;
    }

    public LoadedModel model() {
        return model;
    }

    public ModelSource source() {
        return source;
    }

    public Engine engine() {
        return engine;
    }

    /** Whether the TorchScript file can be read again with the other engine. */
    public boolean isTorchScript() {
        return "torchscript".equals(model.format());
    }

    Optional<BiasVector> cached(String biasName) {
        return Optional.ofNullable(values.get(biasName));
    }

    void cache(BiasVector vector) {
        values.put(vector.name(), vector);
    }
}
