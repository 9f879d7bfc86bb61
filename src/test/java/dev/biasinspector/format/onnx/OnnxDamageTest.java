package dev.biasinspector.format.onnx;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.onnx.proto.OnnxProto.AttributeProto;
import dev.biasinspector.format.onnx.proto.OnnxProto.GraphProto;
import dev.biasinspector.format.onnx.proto.OnnxProto.ModelProto;
import dev.biasinspector.format.onnx.proto.OnnxProto.NodeProto;
import dev.biasinspector.format.onnx.proto.OnnxProto.StringStringEntryProto;
import dev.biasinspector.format.onnx.proto.OnnxProto.TensorProto;
import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.LoadedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Damaged and hostile ONNX files give one plain sentence. The files are made from the fixtures with
 * protobuf-java's own writer (the classes generated from onnx.proto), or cut short.
 */
class OnnxDamageTest {

    @TempDir
    Path dir;

    private final OnnxReader reader = new OnnxReader();

    @Test
    void everyCutOfAModelIsReportedAsTruncatedUnlessProtobufItselfReadsTheRestAsAModel() throws IOException {
        assertEveryCutIsTruncatedOrWhole("simple_net.onnx", 2);
    }

    @Test
    void everyCutOfAModelWithNestedSubgraphsIsReportedAsTruncatedUnlessWhole() throws IOException {
        assertEveryCutIsTruncatedOrWhole("subgraphs.onnx", 3);
    }

    private void assertEveryCutIsTruncatedOrWhole(String fixture, int biases) throws IOException {
        byte[] bytes = Files.readAllBytes(OnnxFixtures.path(fixture));
        int opened = 0;
        for (int cut = 1; cut < bytes.length; cut++) {
            byte[] prefix = Arrays.copyOf(bytes, cut);
            Path file = write("cut.onnx", prefix);
            if (isWholeModelWithGraph(prefix)) {
                // a cut between two top-level fields after the graph leaves a smaller valid model
                assertThat(reader.read(file).allBiases()).hasSize(biases);
                opened++;
                continue;
            }
            int at = cut;
            assertThatThrownBy(() -> reader.read(file)).as("cut at %d of %d", at, bytes.length)
                    .isInstanceOf(ModelFormatException.class)
                    .satisfies(e -> assertThat(e.getMessage()).matches(
                            "the ONNX file is truncated|the ONNX file is truncated or damaged: .*"
                                    + "|the file is not an ONNX model \\(it has no graph\\)"));
        }
        // torch and onnx.helper write ir_version, producer, graph, opset_import: only the cut before
        // opset_import is whole
        assertThat(opened).isEqualTo(1);
    }

    @Test
    void subgraphsNestedDeeperThanTheBudgetAreRefusedInOneSentence() throws IOException {
        GraphProto graph = GraphProto.newBuilder().setName("leaf").build();
        for (int depth = 0; depth < OnnxModelScanner.MAX_GRAPH_DEPTH + 1; depth++) {
            graph = GraphProto.newBuilder().setName("level" + depth).addNode(NodeProto.newBuilder().setOpType("If")
                    .addAttribute(AttributeProto.newBuilder().setName("then_branch")
                            .setType(AttributeProto.AttributeType.GRAPH).setG(graph))).build();
        }
        Path file = write("deep.onnx", ModelProto.newBuilder().setIrVersion(8).setGraph(graph).build().toByteArray());
        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(ModelFormatException.class)
                .hasMessage("the ONNX graph nests subgraphs more than " + OnnxModelScanner.MAX_GRAPH_DEPTH + " deep");
    }

    @Test
    void subgraphsAsDeepAsTheBudgetAllowsAreRead() throws IOException {
        GraphProto graph = GraphProto.newBuilder().setName("leaf")
                .addNode(NodeProto.newBuilder().setOpType("Gemm").setName("/deep/Gemm")
                        .addInput("x").addInput("deep.weight").addInput("deep.bias").addOutput("y"))
                .addInitializer(TensorProto.newBuilder().setName("deep.weight").addDims(2).addDims(2)
                        .setDataType(TensorProto.DataType.FLOAT_VALUE).addFloatData(1).addFloatData(2).addFloatData(3).addFloatData(4))
                .addInitializer(TensorProto.newBuilder().setName("deep.bias").addDims(2)
                        .setDataType(TensorProto.DataType.FLOAT_VALUE).addFloatData(0.5f).addFloatData(-0.25f))
                .build();
        for (int depth = 0; depth < OnnxModelScanner.MAX_GRAPH_DEPTH; depth++) {
            graph = GraphProto.newBuilder().setName("level" + depth).addNode(NodeProto.newBuilder().setOpType("Loop")
                    .addAttribute(AttributeProto.newBuilder().setName("body")
                            .setType(AttributeProto.AttributeType.GRAPH).setG(graph))).build();
        }
        Path file = write("deepest.onnx", ModelProto.newBuilder().setIrVersion(8).setGraph(graph).build().toByteArray());
        LoadedModel model = reader.read(file);
        assertThat(model.allBiases()).extracting(BiasEntry::name).containsExactly("deep.bias");
        assertThat(model.allBiases().get(0).load().values()).containsExactly(0.5f, -0.25f);
        assertThat(model.properties()).containsEntry("graph", "level" + (OnnxModelScanner.MAX_GRAPH_DEPTH - 1));
    }

    private static boolean isWholeModelWithGraph(byte[] bytes) {
        try {
            return ModelProto.parseFrom(bytes).hasGraph();
        } catch (InvalidProtocolBufferException e) {
            return false;
        }
    }

    @Test
    void aLengthBeyondTheFileIsNamedInOneSentence() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.writeInt64(ModelProto.IR_VERSION_FIELD_NUMBER, 8);
        out.writeTag(ModelProto.GRAPH_FIELD_NUMBER, 2);
        out.writeUInt64NoTag(1_000_000_000L);
        out.writeRawBytes(new byte[]{1, 2, 3});
        out.flush();
        Path file = write("long_graph.onnx", bytes.toByteArray());
        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(ModelFormatException.class)
                .hasMessage("the ONNX file is truncated or damaged: the graph declares 1000000000 bytes, but only 3 are left");
    }

    @Test
    void aRawDataLengthBeyondItsTensorIsNamed() throws IOException {
        // a tensor message of 6 bytes whose raw_data claims 100: name "b", then the raw_data tag and length
        ByteArrayOutputStream tensor = new ByteArrayOutputStream();
        CodedOutputStream t = CodedOutputStream.newInstance(tensor);
        t.writeString(TensorProto.NAME_FIELD_NUMBER, "b");
        t.writeTag(TensorProto.RAW_DATA_FIELD_NUMBER, 2);
        t.writeUInt32NoTag(100);
        t.writeRawBytes(new byte[]{0});
        t.flush();
        ByteArrayOutputStream graph = new ByteArrayOutputStream();
        CodedOutputStream g = CodedOutputStream.newInstance(graph);
        g.writeByteArray(GraphProto.INITIALIZER_FIELD_NUMBER, tensor.toByteArray());
        g.flush();
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        CodedOutputStream m = CodedOutputStream.newInstance(model);
        m.writeInt64(ModelProto.IR_VERSION_FIELD_NUMBER, 8);
        m.writeByteArray(ModelProto.GRAPH_FIELD_NUMBER, graph.toByteArray());
        m.writeRawBytes(new byte[200]); // bytes after the graph: the length must be checked against the tensor, not the file
        m.flush();
        Path file = write("long_raw.onnx", model.toByteArray());
        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(ModelFormatException.class)
                .hasMessage("the ONNX file is truncated or damaged: a tensor's raw_data declares 100 bytes, but only 1 are left");
    }

    @Test
    void rawDataThatDoesNotFitTheShapeIsNamed() throws IOException {
        Path file = rewrite("simple_net.onnx", model -> replaceInitializer(model, "fc1.bias",
                t -> t.setRawData(t.getRawData().substring(0, 40))));
        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(ModelFormatException.class)
                .hasMessage("the tensor fc1.bias has 40 bytes of raw_data, but its shape needs 80");
    }

    @Test
    void typedDataThatDoesNotFitTheShapeIsNamedWhenShown() throws IOException {
        Path file = rewrite("helper_built.onnx", model -> replaceInitializer(model, "dense.bias",
                t -> t.addFloatData(1f)));
        BiasEntry dense = reader.read(file).allBiases().stream().filter(b -> b.name().equals("dense.bias")).findFirst().orElseThrow();
        assertThatThrownBy(dense::load).isInstanceOf(ModelFormatException.class)
                .hasMessage("the tensor dense.bias holds 5 values, but its shape needs 4");
    }

    @Test
    void impossibleShapesAreNamed() throws IOException {
        Path negative = rewrite("simple_net.onnx", model -> replaceInitializer(model, "fc1.bias", t -> t.setDims(0, -20)));
        assertThatThrownBy(() -> reader.read(negative)).isInstanceOf(ModelFormatException.class)
                .hasMessage("the tensor fc1.bias declares an impossible shape");
        Path overflow = rewrite("simple_net.onnx", model -> replaceInitializer(model, "fc1.weight",
                t -> t.clearDims().addDims(1L << 40).addDims(1L << 40)));
        assertThatThrownBy(() -> reader.read(overflow)).isInstanceOf(ModelFormatException.class)
                .hasMessage("the tensor fc1.weight declares an impossible shape");
        Path manyDims = rewrite("simple_net.onnx", model -> replaceInitializer(model, "fc1.bias", t -> {
            for (int i = 0; i < 40; i++) {
                t.addDims(1);
            }
            return t;
        }));
        assertThatThrownBy(() -> reader.read(manyDims)).isInstanceOf(ModelFormatException.class)
                .hasMessage("the ONNX file is damaged: a tensor has more than 32 dimensions");
    }

    @Test
    void filesThatAreNotOnnxSaySo() throws IOException {
        Path text = write("notes.onnx", "hello, this is not a model\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> reader.read(text)).isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith("the file is not an ONNX model");
        Path torchScript = Files.copy(dev.biasinspector.testing.Fixtures.path("simple_scripted.pt"), dir.resolve("scripted.onnx"));
        assertThatThrownBy(() -> reader.read(torchScript)).isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith("the file is not an ONNX model");
        assertThatThrownBy(() -> reader.read(write("empty.onnx", new byte[0]))).isInstanceOf(ModelFormatException.class)
                .hasMessage("the file is not an ONNX model (it has no graph)");
    }

    // ---- external data -------------------------------------------------------------------------

    @Test
    void externalDataOpensFromTheModelsFolder() throws IOException {
        Path folder = externalCopy(UnaryOperator.identity());
        LoadedModel model = reader.read(folder.resolve("model.onnx"));
        BiasEntry proj = model.allBiases().get(0);
        assertThat(proj.name()).isEqualTo("proj.bias");
        assertThat(proj.load().values()).containsExactly(
                OnnxFixtures.values(OnnxFixtures.bias("external/linear_3d_external.onnx", "proj.bias")));
    }

    @Test
    void anExternalLocationWithDotDotIsRefused() throws IOException {
        Path folder = externalCopy(location -> "../" + location);
        // the file it names exists, one folder up: refusing it is about the name, not a missing file
        Files.copy(OnnxFixtures.path("external/linear_3d_external.onnx.data"),
                folder.getParent().resolve("linear_3d_external.onnx.data"));
        assertThatThrownBy(() -> reader.read(folder.resolve("model.onnx"))).isInstanceOf(ModelFormatException.class)
                .hasMessage("the tensor onnx::MatMul_15 refers to data outside the model's folder (../linear_3d_external.onnx.data)");
        Path nested = externalCopy(location -> "sub/../../" + location);
        assertThatThrownBy(() -> reader.read(nested.resolve("model.onnx"))).isInstanceOf(ModelFormatException.class)
                .hasMessage("the tensor onnx::MatMul_15 refers to data outside the model's folder (sub/../../linear_3d_external.onnx.data)");
    }

    @Test
    void anAbsoluteExternalLocationIsRefused() throws IOException {
        Path data = OnnxFixtures.path("external/linear_3d_external.onnx.data").toAbsolutePath();
        Path folder = externalCopy(location -> data.toString());
        assertThatThrownBy(() -> reader.read(folder.resolve("model.onnx"))).isInstanceOf(ModelFormatException.class)
                .hasMessage("the tensor onnx::MatMul_15 refers to data outside the model's folder (" + data + ")");
    }

    @Test
    void aSymbolicLinkOutOfTheFolderIsRefused() throws IOException {
        Path folder = externalCopy(location -> "link.data");
        Path outside = Files.copy(OnnxFixtures.path("external/linear_3d_external.onnx.data"), dir.resolve("outside.data"));
        Files.createSymbolicLink(folder.resolve("link.data"), outside);
        assertThatThrownBy(() -> reader.read(folder.resolve("model.onnx"))).isInstanceOf(ModelFormatException.class)
                .hasMessage("the tensor onnx::MatMul_15 refers to data outside the model's folder (link.data)");
    }

    @Test
    void anExternalLengthBeyondItsFileIsNamed() throws IOException {
        Path folder = externalCopy(UnaryOperator.identity(), "proj.bias", "length", "100000");
        assertThatThrownBy(() -> reader.read(folder.resolve("model.onnx"))).isInstanceOf(ModelFormatException.class)
                .hasMessage("the tensor proj.bias claims 100000 bytes from byte 0 of linear_3d_external.onnx.data,"
                        + " beyond its end (512 bytes)");
        Path offset = externalCopy(UnaryOperator.identity(), "tied.bias", "offset", "4096");
        assertThatThrownBy(() -> reader.read(offset.resolve("model.onnx"))).isInstanceOf(ModelFormatException.class)
                .hasMessage("the tensor tied.bias starts at byte 4096 of linear_3d_external.onnx.data, beyond its end (512 bytes)");
        Path negative = externalCopy(UnaryOperator.identity(), "tied.bias", "offset", "-1");
        assertThatThrownBy(() -> reader.read(negative.resolve("model.onnx"))).isInstanceOf(ModelFormatException.class)
                .hasMessage("the tensor tied.bias has an invalid external data offset (-1)");
    }

    @Test
    void aMissingExternalFileIsNamed() throws IOException {
        Path folder = externalCopy(UnaryOperator.identity());
        Files.delete(folder.resolve("linear_3d_external.onnx.data"));
        assertThatThrownBy(() -> reader.read(folder.resolve("model.onnx"))).isInstanceOf(ModelFormatException.class)
                .hasMessage("the external data file linear_3d_external.onnx.data of tensor onnx::MatMul_15 is missing");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Path externalCopy(UnaryOperator<String> location) throws IOException {
        return externalCopy(location, null, null, null);
    }

    /** The external-data fixture in a fresh folder, with each location rewritten and one entry of one tensor set. */
    private Path externalCopy(UnaryOperator<String> location, String tensor, String key, String value) throws IOException {
        Path folder = Files.createTempDirectory(dir, "model");
        Files.copy(OnnxFixtures.path("external/linear_3d_external.onnx.data"), folder.resolve("linear_3d_external.onnx.data"));
        ModelProto model = ModelProto.parseFrom(Files.readAllBytes(OnnxFixtures.path("external/linear_3d_external.onnx")));
        GraphProto.Builder graph = model.getGraph().toBuilder();
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            TensorProto.Builder t = graph.getInitializer(i).toBuilder();
            for (int e = 0; e < t.getExternalDataCount(); e++) {
                StringStringEntryProto entry = t.getExternalData(e);
                if (entry.getKey().equals("location")) {
                    t.setExternalData(e, entry.toBuilder().setValue(location.apply(entry.getValue())));
                }
                if (t.getName().equals(tensor) && entry.getKey().equals(key)) {
                    t.setExternalData(e, entry.toBuilder().setValue(value));
                }
            }
            graph.setInitializer(i, t);
        }
        Files.write(folder.resolve("model.onnx"), model.toBuilder().setGraph(graph).build().toByteArray());
        return folder;
    }

    private interface TensorEdit {
        TensorProto.Builder apply(TensorProto.Builder tensor);
    }

    private static ModelProto replaceInitializer(ModelProto model, String name, TensorEdit edit) {
        GraphProto.Builder graph = model.getGraph().toBuilder();
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            if (graph.getInitializer(i).getName().equals(name)) {
                graph.setInitializer(i, edit.apply(graph.getInitializer(i).toBuilder()));
            }
        }
        return model.toBuilder().setGraph(graph).build();
    }

    private Path rewrite(String fixture, UnaryOperator<ModelProto> edit) throws IOException {
        ModelProto model = ModelProto.parseFrom(Files.readAllBytes(OnnxFixtures.path(fixture)));
        return write(fixture, edit.apply(model).toByteArray());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

}
