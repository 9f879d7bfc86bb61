package dev.biasinspector.format.djl;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.djl.DjlSavedModels.Saved;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.Parameter;
import dev.biasinspector.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Truncated, foreign and hostile files give one plain sentence, never an allocation from a bogus length. */
class DjlParamsDamageTest {

    @TempDir
    Path dir;

    private final DjlParamsReader reader = new DjlParamsReader();
    private Saved saved;
    private byte[] bytes;

    @BeforeEach
    void saveNestedModel() throws IOException {
        SequentialBlock block = new SequentialBlock()
                .add(Linear.builder().setUnits(4).build())
                .add(Activation.reluBlock())
                .add(new SequentialBlock().add(Linear.builder().setUnits(3).build()).add(Activation.reluBlock()))
                .add(Linear.builder().setUnits(2).optBias(false).build());
        saved = DjlSavedModels.save(dir.resolve("model"), "mlp", block, DataType.FLOAT32, new Shape(1, 5), Map.of(), 21);
        bytes = Files.readAllBytes(saved.file());
    }

    @Test
    void everyCutExceptAfterATensorOrAnActivationIsReportedAsTruncated() throws IOException {
        // 5 parameters + 2 activations; cuts there leave a well-formed smaller model: nothing to detect
        assertThat(saved.wellFormedCuts()).hasSize(7);
        for (int cut = DjlParamsHeader.MAGIC.length; cut < bytes.length; cut++) {
            if (saved.wellFormedCuts().contains((long) cut)) {
                continue;
            }
            Path file = write("cut" + cut + ".params", Arrays.copyOf(bytes, cut));
            try {
                reader.read(file);
                throw new AssertionError("no error for a cut at " + cut + " of " + bytes.length);
            } catch (ModelFormatException e) {
                assertThat(e).as("cut at %d", cut).hasMessage("truncated DJL parameter file");
            }
        }
    }

    @Test
    void foreignFilesAreNotDjlParameterFiles() throws IOException {
        for (Path file : List.of(Fixtures.path("simple_scripted.pt"),
                write("notes.txt", "DJL is nice".getBytes(StandardCharsets.UTF_8)),
                write("empty.params", new byte[0]),
                write("short.params", "DJL".getBytes(StandardCharsets.US_ASCII)))) {
            assertThatThrownBy(() -> reader.read(file)).as(file.toString())
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessage("not a DJL parameter file (it does not start with DJL@)");
        }
        assertThatThrownBy(() -> reader.read(dir)).isInstanceOf(ModelFormatException.class)
                .hasMessage("not a DJL parameter file (it is a folder)");
    }

    @Test
    void anUnknownFileVersionIsNamed() throws IOException {
        byte[] copy = bytes.clone();
        copy[7] = 2;
        Path file = write("v2.params", copy);

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(ModelFormatException.class)
                .hasMessage("unsupported DJL parameter file version 2");
    }

    @Test
    void hugeDeclaredLengthsAreRejectedBeforeAnythingIsAllocated() throws IOException {
        ParameterRecord first = records(bytes).get(0);
        long lengthField = first.array().dataOffset() - 4;

        byte[] hugeData = bytes.clone();
        ByteBuffer.wrap(hugeData).putInt((int) lengthField, Integer.MAX_VALUE);
        assertRejected(hugeData, "damaged DJL parameter file: a tensor's size does not match its shape");

        byte[] hugeRank = bytes.clone();
        ByteBuffer.wrap(hugeRank).putInt(ndimOffset(first), Integer.MAX_VALUE);
        assertRejected(hugeRank, "damaged DJL parameter file: a shape has 2147483647 dimensions");

        // a model-name length pointing far beyond the end of the file
        byte[] hugeName = bytes.clone();
        hugeName[8] = (byte) 0xFF;
        hugeName[9] = (byte) 0xFF;
        assertRejected(Arrays.copyOf(hugeName, 2000 < hugeName.length ? 2000 : hugeName.length), "truncated DJL parameter file");

        // a shape claiming more elements than a Java array can hold, with a matching byte count
        byte[] hugeShape = bytes.clone();
        ByteBuffer patch = ByteBuffer.wrap(hugeShape);
        patch.putLong(ndimOffset(first) + 4, 1L << 40);
        assertRejected(hugeShape, "damaged DJL parameter file: a tensor's size does not match its shape");
    }

    @Test
    void bigEndianTensorDataIsReadWithItsOwnByteOrder() throws IOException {
        byte[] swapped = bytes.clone();
        for (ParameterRecord r : records(bytes)) {
            int data = (int) r.array().dataOffset();
            assertThat(swapped[data - 5]).isEqualTo((byte) '<');
            swapped[data - 5] = '>';
            ByteBuffer little = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer big = ByteBuffer.wrap(swapped).order(ByteOrder.BIG_ENDIAN);
            for (int at = data; at < data + r.array().dataLength(); at += 4) {
                big.putFloat(at, little.getFloat(at));
            }
        }
        LoadedModel model = reader.read(write("big.params", swapped));

        List<Parameter> parameters = DjlParamsReaderTest.parameters(model);
        DjlParamsReaderTest.assertMatchesDjl(parameters, saved.parameters());
    }

    @Test
    void valuesOfAFileThatShrankAfterOpeningAreRefused() throws IOException {
        Path file = write("shrinks.params", bytes);
        LoadedModel model = reader.read(file);
        Files.write(file, Arrays.copyOf(bytes, 200));

        Parameter last = DjlParamsReaderTest.parameters(model).get(4);
        assertThatThrownBy(() -> last.data().read()).isInstanceOf(ModelFormatException.class)
                .hasMessage("the file changed since it was opened");
    }

    private void assertRejected(byte[] content, String message) throws IOException {
        Path file = write("hostile.params", content);
        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(ModelFormatException.class).hasMessage(message);
    }

    /** Offset of the i32 ndim of a record's tensor shape: after "NDAR", version, name flag + name, "DENSE", type. */
    private int ndimOffset(ParameterRecord r) {
        int nameLength = r.localName().length();
        int p = (int) r.start() + 2 + 1 + 2 + nameLength;   // 'P', version, UTF local name
        p += 6 + 4;                                       // "NDAR", encode version
        p += 1 + 2 + nameLength;                          // name flag and array name (DJL names it like the parameter)
        p += 2 + "DENSE".length() + 2 + "FLOAT32".length();
        return p;
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static List<ParameterRecord> records(byte[] content) throws ModelFormatException {
        BinaryCursor in = new BinaryCursor(ByteBuffer.wrap(content), 0, content.length);
        long start = DjlParamsHeader.read(in).blockStart();
        return ParameterRecordScanner.scan(in, start);
    }
}
