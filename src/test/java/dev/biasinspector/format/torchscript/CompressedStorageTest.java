package dev.biasinspector.format.torchscript;

import dev.biasinspector.model.Parameter;
import dev.biasinspector.testing.CraftedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A compressed storage (PyTorch writes none; a crafted or re-zipped file may) is inflated once, not once per tensor. */
class CompressedStorageTest {

    @TempDir
    Path temp;

    @Test
    void sixteenBiasesFromOneDeflatedStorageCostOneInflate() throws Exception {
        int numel = 4 << 20; // 16 MiB of floats, each bias 4 values at the end of a 1/16th slice
        ByteBuffer storage = ByteBuffer.allocate(numel * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < numel; i++) {
            storage.putFloat(i % 1000);
        }
        Map<String, byte[]> records = new LinkedHashMap<>();
        records.put("data.pkl", CraftedFiles.moduleWithBias(null, null,
                CraftedFiles.tensor("0", numel, 0, new long[]{4}, new long[]{1})));
        records.put("data/0", storage.array());
        Path file = CraftedFiles.torchScriptZip(temp.resolve("deflated.pt"), records, Set.of("data/0"));

        try (PyTorchArchive archive = PyTorchArchive.open(file)) {
            StorageSource.InflatingZipRecords source = (StorageSource.InflatingZipRecords) StorageSource.zipRecords(file, archive);
            StorageRef ref = new StorageRef("0", dev.biasinspector.model.DType.FLOAT32, "cpu", numel);
            for (int slice = 0; slice < 16; slice++) {
                long offset = (long) (slice + 1) * (numel / 16) - 4;
                Parameter bias = TensorReader.parameter(source, ByteOrder.LITTLE_ENDIAN, "b" + slice, "bias",
                        new TensorRecord(ref, offset, new long[]{4}, new long[]{1}, true));
                float[] values = bias.data().read();
                for (int i = 0; i < 4; i++) {
                    assertThat(values[i]).isEqualTo((offset + i) % 1000);
                }
            }
            assertThat(source.inflations()).isEqualTo(1);
        }
    }
}
