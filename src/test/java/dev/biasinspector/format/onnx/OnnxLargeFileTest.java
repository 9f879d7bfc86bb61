package dev.biasinspector.format.onnx;

import com.google.protobuf.CodedOutputStream;
import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.onnx.proto.OnnxProto.GraphProto;
import dev.biasinspector.format.onnx.proto.OnnxProto.ModelProto;
import dev.biasinspector.format.onnx.proto.OnnxProto.NodeProto;
import dev.biasinspector.format.onnx.proto.OnnxProto.TensorProto;
import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A model file over 2 GiB (protobuf-java's own limit for one message) opens, because the reader walks
 * it with positional reads and skips raw_data: a sparse file whose Gemm weight is 2 GiB of zeros that
 * take no disk, followed by the bias, which lies beyond byte 2^31.
 */
class OnnxLargeFileTest {

    private static final long ROWS = 1L << 28; // weight [2^28, 2] float32: 2 GiB of raw_data
    private static final float[] BIAS = {0.5f, -1.25f, Float.MIN_VALUE, 3.0e38f};

    @TempDir
    Path dir;

    @Test
    void aModelOverTwoGibibytesOpensAndShowsTheBiasThatLiesBeyondIt() throws IOException {
        Path file = writeSparseModel(dir.resolve("large.onnx"));
        assertThat(Files.size(file)).isGreaterThan(1L << 31);

        LoadedModel model = new OnnxReader().read(file);

        BiasEntry bias = model.allBiases().get(0);
        assertThat(bias.name()).isEqualTo("dense.bias");
        assertThat(bias.type()).isEqualTo("Linear");
        assertThat(bias.load().values()).containsExactly(BIAS);
        Parameter weight = model.module("dense").orElseThrow().parameters().get(0);
        assertThat(weight.name()).isEqualTo("dense.weight");
        assertThat(weight.shape()).containsExactly(ROWS, 2);
        assertThatThrownBy(() -> weight.data().read()).isInstanceOf(ModelFormatException.class)
                .hasMessage("the tensor is too large to show (2147483648 bytes)");
    }

    /**
     * ModelProto { ir_version, graph { node Gemm, initializer dense.weight (raw_data: a hole),
     * initializer dense.bias } }, written field by field so the hole costs no disk.
     */
    private static Path writeSparseModel(Path file) throws IOException {
        long rawLength = ROWS * 2 * Float.BYTES;
        byte[] node = NodeProto.newBuilder().setName("/dense/Gemm").setOpType("Gemm")
                .addInput("x").addInput("W").addInput("dense.bias").addOutput("y").build().toByteArray();
        byte[] weightHead = TensorProto.newBuilder().setName("W").addDims(ROWS).addDims(2)
                .setDataType(TensorProto.DataType.FLOAT_VALUE).build().toByteArray();
        ByteBuffer biasBytes = ByteBuffer.allocate(BIAS.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : BIAS) {
            biasBytes.putFloat(v);
        }
        byte[] bias = TensorProto.newBuilder().setName("dense.bias").addDims(BIAS.length)
                .setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(com.google.protobuf.ByteString.copyFrom(biasBytes.array())).build().toByteArray();

        long weightRawField = CodedOutputStream.computeTagSize(TensorProto.RAW_DATA_FIELD_NUMBER)
                + CodedOutputStream.computeUInt64SizeNoTag(rawLength) + rawLength;
        long weightLength = weightHead.length + weightRawField;
        long graphLength = CodedOutputStream.computeByteArraySize(GraphProto.NODE_FIELD_NUMBER, node)
                + CodedOutputStream.computeTagSize(GraphProto.INITIALIZER_FIELD_NUMBER)
                + CodedOutputStream.computeUInt64SizeNoTag(weightLength) + weightLength
                + CodedOutputStream.computeByteArraySize(GraphProto.INITIALIZER_FIELD_NUMBER, bias);

        ByteArrayOutputStream head = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(head);
        out.writeInt64(ModelProto.IR_VERSION_FIELD_NUMBER, 8);
        out.writeTag(ModelProto.GRAPH_FIELD_NUMBER, 2);
        out.writeUInt64NoTag(graphLength);
        out.writeByteArray(GraphProto.NODE_FIELD_NUMBER, node);
        out.writeTag(GraphProto.INITIALIZER_FIELD_NUMBER, 2);
        out.writeUInt64NoTag(weightLength);
        out.writeRawBytes(weightHead);
        out.writeTag(TensorProto.RAW_DATA_FIELD_NUMBER, 2);
        out.writeUInt64NoTag(rawLength);
        out.flush();

        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        CodedOutputStream end = CodedOutputStream.newInstance(tail);
        end.writeByteArray(GraphProto.INITIALIZER_FIELD_NUMBER, bias);
        end.flush();

        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SPARSE)) {
            channel.write(ByteBuffer.wrap(head.toByteArray()), 0);
            channel.write(ByteBuffer.wrap(tail.toByteArray()), head.size() + rawLength);
        }
        return file;
    }
}
