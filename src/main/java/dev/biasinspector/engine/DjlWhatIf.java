package dev.biasinspector.engine;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.util.Pair;
import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.model.BiasEdit;
import dev.biasinspector.model.WhatIfResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs a TorchScript model with DJL's PyTorch engine twice on the same input: once as stored, once
 * with one bias edited in libtorch's memory. The file is never written. Loading runs code stored
 * in the file, as every DJL load does.
 */
public final class DjlWhatIf {

    private DjlWhatIf() {
    }

    /**
     * @param file       a TorchScript archive
     * @param biasName   the parameter to edit, as libtorch names it ({@code fc1.bias})
     * @param edit       the change
     * @param inputShape the input's shape, e.g. {@code [1, 10]}
     * @param input      the input values, row-major
     * @throws ModelFormatException for an unknown bias or an input the model refuses, in one sentence
     */
    public static WhatIfResult run(Path file, String biasName, BiasEdit edit, long[] inputShape, float[] input)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString());
        }
        DjlEngineStartup.ensureStarted();
        Path absolute = file.toAbsolutePath();
        try (Model model = Model.newInstance("whatif", DjlEngineStartup.ENGINE_NAME);
             NDManager manager = NDManager.newBaseManager(DjlEngineStartup.ENGINE_NAME)) {
            // trainParam: load the parameters as ordinary tensors. Loaded for inference they are libtorch
            // "inference tensors", which refuse the in-place write below.
            model.load(absolute.getParent(), absolute.getFileName().toString(),
                    Map.of("mapLocation", "true", "trainParam", "true"));
            NDArray bias = find(model, biasName);
            Output before;
            Output after;
            try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
                before = firstOutput(predictor, manager, inputShape, input);
                float[] stored = bias.toType(DataType.FLOAT32, false).toFloatArray();
                NDArray edited = manager.create(edit.apply(stored), bias.getShape()).toType(bias.getDataType(), false);
                // Parameters of a loaded TorchScript module are leaves that require grad; libtorch refuses
                // an in-place write to those unless gradients are off for them.
                bias.setRequiresGradient(false);
                bias.set(edited.toByteBuffer());
                after = firstOutput(predictor, manager, inputShape, input);
            }
            return new WhatIfResult(biasName, edit, inputShape.clone(), input.clone(), before.shape(),
                    before.values(), after.values());
        } catch (EngineException | MalformedModelException | TranslateException | IllegalArgumentException
                 | IllegalStateException e) {
            throw new ModelFormatException("the model could not run on this input: " + DjlEngineStartup.reason(e), e);
        }
    }

    private static NDArray find(Model model, String biasName) throws ModelFormatException {
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            if (p.getKey().equals(biasName)) {
                return p.getValue().getArray();
            }
        }
        throw new ModelFormatException("libtorch sees no parameter named " + biasName);
    }

    /** The first tensor the model returned, as floats, and its shape. */
    private record Output(long[] shape, float[] values) {
    }

    private static Output firstOutput(Predictor<NDList, NDList> predictor, NDManager manager, long[] shape,
                                       float[] input) throws TranslateException {
        NDArray x = manager.create(input, new Shape(shape));
        NDList output = predictor.predict(new NDList(x));
        if (output.isEmpty()) {
            throw new IllegalStateException("the model returned no tensor");
        }
        NDArray first = output.get(0);
        return new Output(first.getShape().getShape(), first.toType(DataType.FLOAT32, false).toFloatArray());
    }
}
