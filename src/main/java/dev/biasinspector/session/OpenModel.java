package dev.biasinspector.session;

import dev.biasinspector.session.Engine;
import dev.biasinspector.model.BiasVector;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.ModelFormat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The model on screen: what was read, from which file, by which engine, and the bias values read
 * so far (biases are small; reading them again on every click would hit the disk for nothing).
 * For a checkpoint series, the model is the last checkpoint and {@link #checkpoints()} holds all.
 */
public final class OpenModel {

    private final LoadedModel model;
    private final ModelSource source;
    private final Engine engine;
    private final OpenCheckpoints checkpoints;
    /** Filled by workers and read on the EDT. */
    private final Map<String, BiasVector> values = new ConcurrentHashMap<>();

    OpenModel(LoadedModel model, ModelSource source, Engine engine) {
        this(model, source, engine, null);
    }

    OpenModel(LoadedModel model, ModelSource source, Engine engine, OpenCheckpoints checkpoints) {
        this.model = model;
        this.source = source;
        this.engine = engine;
        this.checkpoints = checkpoints;
    }

    /** Reads what {@code source} names (see {@link ModelFiles#read}); runs on a worker. */
    static OpenModel read(ModelSource source, Engine engine) throws java.io.IOException {
        return ModelFiles.read(source, engine);
    }

    /** The checkpoint series, when a folder of checkpoints is open. */
    public Optional<OpenCheckpoints> checkpoints() {
        return Optional.ofNullable(checkpoints);
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
        return model.format() == ModelFormat.TORCHSCRIPT;
    }

    /**
     * The TorchScript file DJL can run for a what-if: the file itself, or the model file inside a
     * DJL model folder; empty for DJL {@code .params} files and packed archives.
     */
    public Optional<Path> torchScriptFile() {
        if (!isTorchScript()) {
            return Optional.empty();
        }
        if (model.modelFileInFolder().isEmpty()) {
            return Optional.of(model.file());
        }
        return modelFolder().map(folder -> folder.resolve(model.modelFileInFolder().get()));
    }

    /**
     * What the DJL engine loads, so what consent to run code is about: the TorchScript file, or
     * the file or archive itself when there is no separate TorchScript file.
     */
    public Path engineFile() {
        return torchScriptFile().orElse(model.file());
    }

    /**
     * The DJL model folder this model was read from, when it was (not a packed archive): the
     * folder reader names the model file it picked ({@link LoadedModel#modelFileInFolder()}).
     */
    public Optional<Path> modelFolder() {
        if (model.modelFileInFolder().isEmpty()) {
            return Optional.empty();
        }
        String name = String.valueOf(model.file().getFileName()).toLowerCase(java.util.Locale.ROOT);
        boolean packed = name.endsWith(".zip") || name.endsWith(".gz") || name.endsWith(".tgz");
        return packed ? Optional.empty() : Optional.of(model.file());
    }

    Optional<BiasVector> cached(String biasName) {
        return Optional.ofNullable(values.get(biasName));
    }

    void cache(BiasVector vector) {
        values.put(vector.name(), vector);
    }
}
