package dev.biasinspector.format.torchscript;

import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.ModelOpener;
import dev.biasinspector.format.pickle.PickleBytes;
import dev.biasinspector.model.LoadedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Archives no PyTorch would write, built by hand: each must fail with one sentence, or read harmlessly. */
class HostileArchiveTest {

    @TempDir
    Path temp;

    @Test
    void aWellFormedHandMadeArchiveReads() throws Exception {
        Path file = archive(Map.of("data.pkl", moduleWithBias("0", 3, 3, 0), "data/0", floats(1f, 2f, 3f)));

        LoadedModel model = ModelOpener.open(file);

        assertThat(model.allBiases()).hasSize(1);
        assertThat(model.allBiases().get(0).load().values()).containsExactly(1f, 2f, 3f);
    }

    @Test
    void aRootThatIsACallInsteadOfAModuleIsRefused() throws Exception {
        byte[] pickle = new PickleBytes().proto().global("os", "system").string("rm -rf /")
                .op(0x85).op('R').stop().bytes();
        Path file = archive(Map.of("data.pkl", pickle));

        assertThatThrownBy(() -> ModelOpener.open(file)).isInstanceOf(ModelFormatException.class)
                .hasMessage("the archive holds no module (data.pkl has no module object)");
    }

    @Test
    void aStorageKeyThatLeavesTheDataFolderIsRefused() throws Exception {
        Path file = archive(Map.of("data.pkl", moduleWithBias("../../etc/passwd", 3, 3, 0)));

        assertThatThrownBy(() -> ModelOpener.open(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("malformed tensor storage key");
    }

    @Test
    void aTensorReachingPastItsStorageIsRefused() throws Exception {
        // 3 stored elements, a view of 3 starting at element 2
        Path file = archive(Map.of("data.pkl", moduleWithBias("0", 3, 3, 2), "data/0", floats(1f, 2f, 3f)));

        assertThatThrownBy(() -> ModelOpener.open(file)).isInstanceOf(ModelFormatException.class)
                .hasMessage("tensor bias reaches past its stored data");
    }

    @Test
    void aStorageLargerThanItsRecordIsRefused() throws Exception {
        // declares a billion elements, stores three
        Path file = archive(Map.of("data.pkl", moduleWithBias("0", 1_000_000_000, 3, 0), "data/0", floats(1f, 2f, 3f)));

        assertThatThrownBy(() -> ModelOpener.open(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("does not match its stored data");
    }

    @Test
    void modulesNestedThousandsDeepAreRefusedWithoutStackOverflow() throws Exception {
        PickleBytes p = new PickleBytes().proto();
        int depth = 1000; // deeper than the tree builder's 256 levels, within the pickle's 4,096 MARKs
        for (int i = 0; i < depth; i++) {
            p.global("__torch__", "Net").op(')').op(0x81).op('}').op('(').string("training").op(0x88).string("child");
        }
        p.global("__torch__", "Leaf").op(')').op(0x81).op('}').op('(').string("training").op(0x88).op('u').op('b');
        for (int i = 0; i < depth; i++) {
            p.op('u').op('b');
        }
        Path file = archive(Map.of("data.pkl", p.stop().bytes()));

        assertThatThrownBy(() -> ModelOpener.open(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("nested too deeply");
    }

    @Test
    void aModuleThatContainsItselfIsListedOnce() throws Exception {
        // net.self = net: a cycle through the memo
        byte[] pickle = new PickleBytes().proto().global("__torch__", "Net").op(')').op(0x81).op('q').op(0)
                .op('}').op('(').string("training").op(0x88).string("self").op('h').op(0).op('u').op('b')
                .stop().bytes();
        Path file = archive(Map.of("data.pkl", pickle));

        LoadedModel model = ModelOpener.open(file);

        assertThat(model.moduleCount()).isEqualTo(1);
    }

    @Test
    void aTorchSaveCheckpointWithoutWeightsSaysSo() throws Exception {
        Map<String, byte[]> records = new LinkedHashMap<>();
        records.put("data.pkl", new PickleBytes().proto().op('}').stop().bytes());
        records.put("version", "3\n".getBytes());
        Path file = temp.resolve("state_dict.pth");
        write(file, "state_dict/", records);

        assertThatThrownBy(() -> ModelOpener.open(file)).isInstanceOf(ModelFormatException.class)
                .hasMessage("the checkpoint holds no model weights this app can show");
    }

    @Test
    void aZipWithoutAModelIsNotAPyTorchArchive() throws Exception {
        Path file = temp.resolve("photos.zip");
        write(file, "", Map.of("holiday.txt", "hello".getBytes()));

        assertThatThrownBy(() -> ModelOpener.open(file)).isInstanceOf(ModelFormatException.class)
                .hasMessage("not a PyTorch archive: the zip has no data.pkl");
    }

    @Test
    void anEmptyFileIsSaidToBeEmpty() throws Exception {
        Path file = Files.createFile(temp.resolve("empty.pt"));

        assertThatThrownBy(() -> ModelOpener.open(file)).isInstanceOf(ModelFormatException.class)
                .hasMessage("the file is empty");
    }

    // --- building archives ------------------------------------------------------------------

    private Path archive(Map<String, byte[]> records) throws IOException {
        Map<String, byte[]> all = new LinkedHashMap<>(records);
        all.put("constants.pkl", new PickleBytes().proto().op(')').stop().bytes());
        all.put("version", "3\n".getBytes());
        Path file = temp.resolve("model" + System.nanoTime() + ".pt");
        write(file, "model/", all);
        return file;
    }

    private static void write(Path file, String folder, Map<String, byte[]> records) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> record : records.entrySet()) {
                zip.putNextEntry(new ZipEntry(folder + record.getKey()));
                zip.write(record.getValue());
                zip.closeEntry();
            }
        }
    }

    /** A module {@code Net} with a parameter {@code bias} viewing {@code size} elements of a storage of {@code numel}. */
    private static byte[] moduleWithBias(String key, int numel, int size, int offset) {
        PickleBytes p = new PickleBytes().proto();
        p.global("__torch__", "Net").op(')').op(0x81).op('}').op('(');
        p.string("training").op(0x88);
        p.string("bias");
        p.global("torch._utils", "_rebuild_tensor_v2").op('(');
        p.op('(').string("storage").global("torch", "FloatStorage").string(key).string("cpu").op('J').int32(numel)
                .op('t').op('Q');
        p.op('J').int32(offset);
        p.op('(').op('J').int32(size).op('t');
        p.op('(').int1(1).op('t');
        p.op(0x88);
        p.global("collections", "OrderedDict").op(')').op('R');
        p.op('t').op('R');
        p.op('u').op('b');
        return p.stop().bytes();
    }

    private static byte[] floats(float... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buffer.putFloat(v);
        }
        return buffer.array();
    }
}
