package dev.biasinspector.format.djl;

import dev.biasinspector.engine.DjlEngineStartup;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.Pair;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Makes DJL parameter files with DJL itself ({@code Model.save}) and keeps what DJL's own block
 * said about every parameter, so readers are checked against DJL, not against themselves.
 */
final class DjlSavedModels {

    /** One entry of {@code block.getParameters()}: DJL's key, shape, type and values (as float32). */
    record DjlParameter(String key, long[] shape, String dataType, float[] values) {
    }

    /**
     * @param wellFormedCuts file lengths at which a cut leaves a well-formed smaller model: the end
     *                       of every parameter and of every parameter-less leaf block (an activation),
     *                       measured by serialising DJL's own blocks one by one
     */
    record Saved(Path file, List<DjlParameter> parameters, List<Long> wellFormedCuts) {
    }

    private DjlSavedModels() {
    }

    /**
     * Initialises {@code block} with a fixed seed (biases drawn from N(0, 0.5²) so they are not all
     * zero, as DJL's default bias initialiser would make them) and saves it to {@code dir}.
     */
    static Saved save(Path dir, String name, Block block, DataType dataType, Shape input,
                      Map<String, String> properties, long seed) throws IOException {
        DjlEngineStartup.ensureStarted();
        Engine.getEngine(DjlEngineStartup.ENGINE_NAME).setRandomSeed((int) seed);
        block.setInitializer(new NormalInitializer(0.5f), Parameter.Type.BIAS);
        try (Model model = Model.newInstance(name, DjlEngineStartup.ENGINE_NAME)) {
            model.setBlock(block);
            block.initialize(model.getNDManager(), dataType, input);
            properties.forEach(model::setProperty);
            model.save(dir, name);
            List<DjlParameter> parameters = new ArrayList<>();
            for (Pair<String, Parameter> pair : block.getParameters()) {
                NDArray array = pair.getValue().getArray();
                parameters.add(new DjlParameter(pair.getKey(), array.getShape().getShape(),
                        array.getDataType().name(), array.toType(DataType.FLOAT32, false).toFloatArray()));
            }
            Path file = onlyParamsFile(dir, name);
            List<Long> cuts = new ArrayList<>();
            boundaries(block, Files.size(file) - length(block::saveParameters), cuts);
            return new Saved(file, parameters, cuts);
        }
    }

    private interface Writer {
        void writeTo(DataOutputStream out) throws IOException;
    }

    private static long length(Writer writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.writeTo(out);
        }
        return bytes.size();
    }

    /** DJL writes a block as header, own parameters, then children; only the header length is unknown. */
    private static void boundaries(Block block, long start, List<Long> cuts) throws IOException {
        long total = length(block::saveParameters);
        long parameters = 0;
        for (Parameter p : block.getDirectParameters().values()) {
            parameters += length(p::save);
        }
        long children = 0;
        for (Block child : block.getChildren().values()) {
            children += length(child::saveParameters);
        }
        long at = start + total - parameters - children;
        for (Parameter p : block.getDirectParameters().values()) {
            at += length(p::save);
            cuts.add(at);
        }
        if (parameters == 0 && children == 0) {
            cuts.add(start + total);
        }
        for (Block child : block.getChildren().values()) {
            boundaries(child, at, cuts);
            at += length(child::saveParameters);
        }
    }

    private static Path onlyParamsFile(Path dir, String name) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(name + "-")
                    && f.getFileName().toString().endsWith(".params")).toList();
            if (found.size() != 1) {
                throw new IllegalStateException("expected one " + name + "-*.params in " + dir + ", found " + found);
            }
            return found.get(0);
        }
    }
}
