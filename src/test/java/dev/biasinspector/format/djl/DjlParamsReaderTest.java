package dev.biasinspector.format.djl;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.biasinspector.format.DetectedModel;
import dev.biasinspector.format.FormatDetector;
import dev.biasinspector.format.ModelKind;
import dev.biasinspector.model.ModelFormat;
import dev.biasinspector.format.djl.DjlSavedModels.DjlParameter;
import dev.biasinspector.format.djl.DjlSavedModels.Saved;
import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.ModuleNode;
import dev.biasinspector.model.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link DjlParamsReader} against files written by DJL's {@code Model.save}, compared with DJL's own arrays. */
class DjlParamsReaderTest {

    private static final Shape MLP_INPUT = new Shape(2, 6);

    @TempDir
    Path dir;

    private final DjlParamsReader reader = new DjlParamsReader();

    static SequentialBlock flatMlp() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(8).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(5).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(3).optBias(false).build());
    }

    @Test
    void flatSequentialGetsDjlsOwnNamesShapesAndBitIdenticalValues() throws IOException {
        Saved saved = DjlSavedModels.save(dir, "flat", flatMlp(), DataType.FLOAT32, MLP_INPUT, Map.of(), 11);

        LoadedModel model = reader.read(saved.file());

        // DJL's getParameters() key is our module path and local name joined by '_'
        assertThat(parameters(model)).extracting(p -> p.name().replace('.', '_'))
                .containsExactlyElementsOf(saved.parameters().stream().map(DjlParameter::key).toList());
        assertMatchesDjl(parameters(model), saved.parameters());
        assertThat(model.root().className()).isEqualTo("SequentialBlock");
        assertThat(model.root().children()).extracting(m -> m.path() + ":" + m.className()).containsExactly(
                "01Linear:Linear", "02LambdaBlock:LambdaBlock", "03Linear:Linear",
                "04LambdaBlock:LambdaBlock", "05Linear:Linear");
        assertThat(model.linearBiases()).extracting(BiasEntry::name).containsExactly("01Linear.bias", "03Linear.bias");
        assertThat(model.format().id()).isEqualTo("djl");
        assertThat(model.source()).contains("no code run");
    }

    @Test
    void nestedBlocksAreFlattenedInFileOrderAndSaySo() throws IOException {
        SequentialBlock block = new SequentialBlock()
                .add(Linear.builder().setUnits(8).build())
                .add(Activation.reluBlock())
                .add(new SequentialBlock().add(Linear.builder().setUnits(6).build()).add(Activation.tanhBlock()))
                .add(Linear.builder().setUnits(3).optBias(false).build());
        Saved saved = DjlSavedModels.save(dir, "nested", block, DataType.FLOAT32, MLP_INPUT, Map.of(), 12);

        LoadedModel model = reader.read(saved.file());

        assertThat(saved.parameters()).extracting(DjlParameter::key).containsExactly("01Linear_weight", "01Linear_bias",
                "03SequentialBlock_01Linear_weight", "03SequentialBlock_01Linear_bias", "04Linear_weight");
        assertThat(parameters(model)).extracting(Parameter::name).containsExactly("01Linear.weight", "01Linear.bias",
                "03Linear.weight", "03Linear.bias", "05Linear.weight");
        assertMatchesDjl(parameters(model), saved.parameters());
        assertThat(model.properties().get(LayerInference.STRUCTURE_KEY)).contains("1 nested SequentialBlock(s) flattened");
    }

    @Test
    void convolutionNormalisationAndActivationsAreRecognised() throws IOException {
        SequentialBlock block = new SequentialBlock()
                .add(Conv2d.builder().setFilters(3).setKernelShape(new Shape(3, 3)).build())
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(5).build())
                .add(LayerNorm.builder().build());
        Saved saved = DjlSavedModels.save(dir, "conv", block, DataType.FLOAT32, new Shape(2, 1, 6, 6), Map.of(), 13);

        LoadedModel model = reader.read(saved.file());

        assertThat(parameters(model)).extracting(p -> p.name().replace('.', '_'))
                .containsExactlyElementsOf(saved.parameters().stream().map(DjlParameter::key).toList());
        assertMatchesDjl(parameters(model), saved.parameters());
        assertThat(model.root().children()).extracting(ModuleNode::className).containsExactly(
                "Conv2d", "BatchNorm", "LambdaBlock", "LambdaBlock", "Linear", "LayerNorm");
        assertThat(model.allBiases()).extracting(BiasEntry::name).containsExactly("01Conv2d.bias", "05Linear.bias");
        assertThat(model.linearBiases()).extracting(BiasEntry::name).containsExactly("05Linear.bias");
    }

    @Test
    void aLinearSavedAsTheRootBlockHoldsItsOwnParameters() throws IOException {
        Saved saved = DjlSavedModels.save(dir, "single", Linear.builder().setUnits(4).build(), DataType.FLOAT32,
                MLP_INPUT, Map.of(), 14);

        LoadedModel model = reader.read(saved.file());

        assertThat(model.root().className()).isEqualTo("Linear");
        assertThat(model.root().children()).isEmpty();
        assertThat(parameters(model)).extracting(Parameter::name).containsExactly("weight", "bias");
        assertMatchesDjl(parameters(model), saved.parameters());
        assertThat(model.linearBiases()).extracting(BiasEntry::modulePath).containsExactly("");
    }

    @Test
    void halfAndDoublePrecisionValuesAreConvertedExactlyAsDjlDoes() throws IOException {
        for (DataType type : List.of(DataType.FLOAT16, DataType.FLOAT64)) {
            Path sub = dir.resolve(type.name());
            Saved saved = DjlSavedModels.save(sub, "typed", flatMlp(), type, MLP_INPUT, Map.of(), 15);

            LoadedModel model = reader.read(saved.file());

            assertThat(saved.parameters()).allSatisfy(p -> assertThat(p.dataType()).isEqualTo(type.name()));
            assertThat(parameters(model)).allSatisfy(p ->
                    assertThat(p.dtype().pythonName()).isEqualTo(type == DataType.FLOAT16 ? "float16" : "float64"));
            assertMatchesDjl(parameters(model), saved.parameters());
        }
    }

    @Test
    void headerFactsBecomeProperties() throws IOException {
        Saved saved = DjlSavedModels.save(dir, "props", flatMlp(), DataType.FLOAT32, MLP_INPUT,
                Map.of("Epoch", "7", "Accuracy", "0.93"), 16);

        LoadedModel model = reader.read(saved.file());

        assertThat(saved.file().getFileName().toString()).isEqualTo("props-0007.params");
        assertThat(model.properties()).containsEntry("modelName", "props")
                .containsEntry("dataType", "FLOAT32")
                .containsEntry("inputs", "data0 (2, 6)")
                .containsEntry("Epoch", "7")
                .containsEntry("Accuracy", "0.93");
    }

    @Test
    void blocksWithUnknownMetadataFallBackToGroupingAdjacentParameters() throws IOException {
        Saved saved = DjlSavedModels.save(dir, "custom", new TaggedBlock(), DataType.FLOAT32, MLP_INPUT, Map.of(), 17);

        LoadedModel model = reader.read(saved.file());

        assertThat(saved.parameters()).extracting(DjlParameter::key)
                .containsExactly("01Linear_weight", "01Linear_bias", "03Linear_weight", "03Linear_bias");
        // the custom header hides the parameter-less activation between the two Linear layers
        assertThat(parameters(model)).extracting(Parameter::name)
                .containsExactly("01Linear.weight", "01Linear.bias", "02Linear.weight", "02Linear.bias");
        assertMatchesDjl(parameters(model), saved.parameters());
        assertThat(model.properties().get(LayerInference.STRUCTURE_KEY)).contains("not understood");
    }

    /**
     * Model.save refuses uninitialised blocks, so DJL cannot write this file itself; the two bytes
     * {@code 00 4E} are exactly what {@code Parameter.save} writes for an uninitialised parameter
     * (here: a bias of the last Linear, inserted after its weight).
     */
    @Test
    void anUninitialisedParameterMarkIsCountedNotNamed() throws IOException {
        Saved saved = DjlSavedModels.save(dir, "uninit", flatMlp(), DataType.FLOAT32, MLP_INPUT, Map.of(), 19);
        byte[] bytes = Files.readAllBytes(saved.file());
        byte[] marked = Arrays.copyOf(bytes, bytes.length + 2);
        marked[bytes.length] = 0;
        marked[bytes.length + 1] = 'N';
        Path file = Files.write(dir.resolve("marked.params"), marked);

        LoadedModel model = reader.read(file);

        assertThat(model.properties()).containsEntry(LayerInference.UNINITIALISED_KEY, "1");
        assertMatchesDjl(parameters(model), saved.parameters());
    }

    @Test
    void filesStartingWithTheDjlMagicAreDetectedAsDjlParameters() throws IOException {
        Saved saved = DjlSavedModels.save(dir, "magic", flatMlp(), DataType.FLOAT32, MLP_INPUT, Map.of(), 18);

        try (DetectedModel file = FormatDetector.detect(saved.file()); DetectedModel folder = FormatDetector.detect(dir)) {
            assertThat(file.kind()).isEqualTo(ModelKind.DJL_PARAMS);
            assertThat(folder.kind()).isEqualTo(ModelKind.DJL_FOLDER);
        }
        assertThat(reader.format()).isEqualTo(ModelFormat.DJL);
        assertThat(reader.format().id()).isEqualTo("djl");
    }

    /** A user block with metadata no built-in DJL block writes (a string); holds two Linear layers. */
    static final class TaggedBlock extends AbstractBlock {
        private final SequentialBlock body = new SequentialBlock()
                .add(Linear.builder().setUnits(4).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(2).build());

        TaggedBlock() {
            super((byte) 9);
            // AbstractBlock numbers children itself: 01Linear, 02LambdaBlock, 03Linear
            body.getChildren().forEach(child -> addChildBlock(child.getValue().getClass().getSimpleName(), child.getValue()));
        }

        @Override
        protected void saveMetadata(DataOutputStream os) throws IOException {
            saveInputShapes(os);
            os.writeUTF("tagged by a user block");
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            body.initialize(manager, dataType, inputShapes);
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                         PairList<String, Object> params) {
            return body.forward(store, inputs, training, params);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return body.getOutputShapes(inputShapes);
        }
    }

    static List<Parameter> parameters(LoadedModel model) {
        List<Parameter> all = new ArrayList<>();
        model.root().walk(m -> all.addAll(m.parameters()));
        return all;
    }

    /** Same order, shapes and bit-identical float32 values as DJL's own arrays. */
    static void assertMatchesDjl(List<Parameter> actual, List<DjlParameter> expected) throws IOException {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.size(); i++) {
            Parameter p = actual.get(i);
            DjlParameter d = expected.get(i);
            assertThat(p.shape()).as(p.name()).containsExactly(d.shape());
            float[] values = p.data().read();
            assertThat(values).as(p.name()).hasSize(d.values().length);
            for (int j = 0; j < values.length; j++) {
                assertThat(Float.floatToRawIntBits(values[j])).as(p.name() + "[" + j + "]")
                        .isEqualTo(Float.floatToRawIntBits(d.values()[j]));
            }
        }
    }
}
