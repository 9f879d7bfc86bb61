package dev.biasinspector.cli;

import dev.biasinspector.format.pickle.PickleBytes;
import dev.biasinspector.testing.CpuBudget;
import dev.biasinspector.testing.CraftedFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.biasinspector.testing.CraftedFiles.floats;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The eleven small crafted files of issue #10, each through the command line a user would run:
 * every one ends, within 2 s of CPU and (run by the "bounded" surefire execution) a 256 MB heap,
 * with a model or one line {@code error: FILE: reason}.
 */
@Tag("bounded")
class CraftedFilesTest {

    @TempDir
    Path temp;

    private static CliRun run(Object... args) {
        return CpuBudget.run(Arrays.toString(args), () -> CliRun.of(args)).value();
    }

    private static void assertOneSentence(CliRun run, Path file, String reason) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("error: " + file + ": " + reason);
    }

    private Path torchScript(String name, byte[] dataPkl, Map<String, byte[]> storages, Set<String> deflated)
            throws IOException {
        Map<String, byte[]> records = new LinkedHashMap<>();
        records.put("data.pkl", dataPkl);
        storages.forEach((key, bytes) -> records.put("data/" + key, bytes));
        return CraftedFiles.torchScriptZip(temp.resolve(name), records, deflated);
    }

    private static byte[] moduleWith(String attribute, java.util.function.Consumer<PickleBytes> value) {
        return CraftedFiles.moduleWithBias(attribute, value,
                CraftedFiles.tensor("0", 3, 0, new long[]{3}, new long[]{1}));
    }

    @Test
    void aDeviceArgumentThatIsACycleA100kNestingOrA40LevelDupGraphIsNamedNotPrinted() throws IOException {
        for (var value : Map.of("cycle", CraftedFiles.cycle(), "deep", CraftedFiles.deepTuple(100_000),
                "dup", CraftedFiles.dupGraph(40)).entrySet()) {
            Path file = torchScript(value.getKey() + ".pt", moduleWith("device", CraftedFiles.device(value.getValue())),
                    Map.of("0", floats(1f, 2f, 3f)), Set.of());

            CliRun run = run("dump", "--csv", file, "bias");

            assertThat(run.exitCode()).as(value.getKey() + ": " + run.err()).isZero();
            assertThat(run.out().lines()).containsExactly("index,value", "0,1.0", "1,2.0", "2,3.0");
        }
    }

    @Test
    void legacyProtocolPicklesThatAreCyclesNestingsOrDupGraphsAreNamedInOneSentence() throws IOException {
        Path cycle = CraftedFiles.legacyWithProtocol(temp.resolve("cycle.pth"), CraftedFiles.cycle());
        Path deep = CraftedFiles.legacyWithProtocol(temp.resolve("deep.pth"), CraftedFiles.deepTuple(100_000));
        Path dup = CraftedFiles.legacyWithProtocol(temp.resolve("dup.pth"), CraftedFiles.dupGraph(40));

        assertOneSentence(run("list", cycle), cycle, "unsupported torch.save protocol version list of 1");
        assertOneSentence(run("list", deep), deep, "unsupported torch.save protocol version tuple of 1");
        assertOneSentence(run("list", dup), dup, "unsupported torch.save protocol version tuple of 2");
    }

    @Test
    void legacyStorageKeysThatAreCyclesOrNestingsAreNamedInOneSentence() throws IOException {
        byte[] object = CraftedFiles.stateDict(CraftedFiles.tensor("0", 3, 0, new long[]{3}, new long[]{1}));
        Path cycle = CraftedFiles.legacyTorchSave(temp.resolve("keys_cycle.pth"), object,
                CraftedFiles.pickleOf(CraftedFiles.cycle()), 3, floats(1f, 2f, 3f));
        Path deep = CraftedFiles.legacyTorchSave(temp.resolve("keys_deep.pth"), object,
                CraftedFiles.pickleOf(p -> {
                    p.op(']');
                    CraftedFiles.deepTuple(100_000).accept(p);
                    p.op('a');
                }), 3, floats(1f, 2f, 3f));

        assertOneSentence(run("list", cycle), cycle,
                "the checkpoint's structure is damaged: storage list of 1 is listed but never used");
        assertOneSentence(run("list", deep), deep,
                "the checkpoint's structure is damaged: storage tuple of 1 is listed but never used");
    }

    @Test
    void aDataPklOf200MillionEmptyTuplesIsRefusedBeforeItIsInflated() throws IOException {
        // PROTO, then EMPTY_TUPLE 200 million times: 195 KB deflated. Built in 1 MiB slices.
        Path file = temp.resolve("tuples.pt");
        try (var out = Files.newOutputStream(file); var zip = new java.util.zip.ZipOutputStream(out)) {
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            zip.putNextEntry(new java.util.zip.ZipEntry("model/constants.pkl"));
            zip.write(new PickleBytes().proto().op(')').stop().bytes());
            zip.putNextEntry(new java.util.zip.ZipEntry("model/data.pkl"));
            zip.write(new byte[]{(byte) 0x80, 2});
            byte[] slice = new byte[1 << 20];
            Arrays.fill(slice, (byte) ')');
            for (int i = 0; i < 200_000_000 / slice.length; i++) {
                zip.write(slice);
            }
            zip.closeEntry();
        }
        assertThat(Files.size(file)).isLessThan(2_000_000);

        assertOneSentence(run("list", file), file, "record data.pkl is larger than 67108864 bytes");
    }

    @Test
    void aDataPklOfMillionsOfObjectsWithinTheSizeCapStopsAtTheObjectBudget() throws IOException {
        // 2.1 million (EMPTY_TUPLE, POP) pairs: small stack, many objects
        byte[] pickle = new byte[2 + 2 * 2_100_000];
        pickle[0] = (byte) 0x80;
        pickle[1] = 2;
        for (int i = 2; i < pickle.length; i += 2) {
            pickle[i] = ')';
            pickle[i + 1] = '0';
        }
        Path file = torchScript("objects.pt", pickle, Map.of(), Set.of("data.pkl"));

        assertOneSentence(run("list", file), file,
                "the model structure (data.pkl) is damaged: the pickle creates more than 2000000 objects (this reader's limit)");
    }

    @Test
    void aStrideZeroViewClaiming64MiValuesOfA12ByteStorageIsRefusedAndASmallOneReadsAsWhatItIs() throws IOException {
        Path huge = torchScript("stride0.pt", CraftedFiles.moduleWithBias(null, null,
                CraftedFiles.tensor("0", 3, 0, new long[]{64L << 20}, new long[]{0})),
                Map.of("0", floats(1f, 2f, 3f)), Set.of());
        Path small = torchScript("stride0_small.pt", CraftedFiles.moduleWithBias(null, null,
                CraftedFiles.tensor("0", 3, 1, new long[]{5}, new long[]{0})),
                Map.of("0", floats(7f, 8f, 9f)), Set.of());
        String refused = "tensor bias has 67108864 values, more than the 16777216 this app reads for one tensor";

        // export goes through the session, which says which bias it could not read
        assertOneSentence(run("export", huge, "bias", "-o", temp.resolve("x.png")), huge,
                "bias could not be read: " + refused + ".");
        CliRun csv = run("dump", "--csv", huge, "bias");
        assertOneSentence(csv, huge, refused);
        assertThat(csv.out()).isEmpty();
        assertThat(run("dump", "--csv", small, "bias").out().lines())
                .containsExactly("index,value", "0,8.0", "1,8.0", "2,8.0", "3,8.0", "4,8.0");
        assertThat(temp.resolve("x.png")).doesNotExist();
    }

    @Test
    void aDeflatedStorageThatWouldInflateTo80MiBIsRefusedBeforeInflating() throws IOException {
        int numel = 20 << 20; // 80 MiB of float zeros, about 80 KB deflated
        Path file = torchScript("deflated.pt", CraftedFiles.moduleWithBias(null, null,
                CraftedFiles.tensor("0", numel, numel - 3, new long[]{3}, new long[]{1})),
                Map.of("0", new byte[numel * 4]), Set.of("data/0"));

        assertOneSentence(run("dump", file, "bias"), file, "record data/0 is compressed and would inflate to "
                + (numel * 4L) + " bytes, more than the 67108864 this app inflates for one record");
        assertOneSentence(run("diff", file, file), file, "record data/0 is compressed and would inflate to "
                + (numel * 4L) + " bytes, more than the 67108864 this app inflates for one record");
    }

    @Test
    void aLegacyElementCountNear2To63IsTruncationNamedWithTheFile() throws IOException {
        long numel = Long.MAX_VALUE / 4;
        byte[] object = CraftedFiles.stateDict(CraftedFiles.tensor("0", numel, 0, new long[]{3}, new long[]{1}));
        byte[] keys = CraftedFiles.pickleOf(p -> p.op(']').string("0").op('a'));
        Path file = CraftedFiles.legacyTorchSave(temp.resolve("numel.pth"), object, keys, numel, floats(1f, 2f, 3f));

        assertOneSentence(run("dump", file, "bias"), file,
                "the checkpoint is truncated: storage 0 declares " + numel + " elements, more than the file holds");
    }

    @Test
    void aSparse3GbServingPropertiesIsRefusedBySizeBeforeReading() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("sparse"));
        Files.copy(Path.of("models/mlp_demo-0003.params"), folder.resolve("mlp_demo-0003.params"));
        try (RandomAccessFile sparse = new RandomAccessFile(folder.resolve("serving.properties").toFile(), "rw")) {
            sparse.setLength(3L << 30);
        }

        assertOneSentence(run("list", folder), folder,
                "serving.properties is 3221225472 bytes, more than the 65536 this app reads");
    }

    @Test
    void aDjlParamsFileWith4000EmptyBlockHeadersEndsWithoutStackOverflow() throws IOException {
        byte[] header = CraftedFiles.djlHeader();
        byte[] file = Arrays.copyOf(header, header.length + 4000 * 5);
        for (int i = 0; i < 4000; i++) {
            file[header.length + i * 5] = 2; // version 2, no input shapes: a parameter-less block
        }
        Path params = Files.write(temp.resolve("empty-0001.params"), file);
        assertThat(Files.size(params)).isLessThan(21_000);

        assertOneSentence(run("list", params), params, "truncated DJL parameter file");
    }

    @Test
    void aTarGzThatWouldWrite1Point9GbIsStoppedAtTheInflateBudgetAndLeavesNoTemporaryFile() throws IOException {
        Path bomb = CraftedFiles.tarGzBomb(temp.resolve("bomb.tar.gz"), 1_900_000_000L);
        assertThat(Files.size(bomb)).isLessThan(2_500_000);
        long budget = Math.max(64L << 20, 64 * Files.size(bomb));

        CliRun run = run("list", bomb);

        assertOneSentence(run, bomb, "the archive inflates to more than " + budget
                + " bytes (this app inflates at most 64 times the archive's size, and at least 67108864 bytes)");
        Path ours = Path.of(System.getProperty("java.io.tmpdir"),
                "bias-inspector-" + ProcessHandle.current().pid() + ".tmp-models");
        if (Files.isDirectory(ours)) {
            try (Stream<Path> files = Files.walk(ours)) {
                assertThat(files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum())
                        .isLessThan(1_000_000);
            }
        }
    }

    @Test
    void twoZipRecordsWithOneNameAreRefusedBecausePyTorchMightLoadTheOther() throws IOException {
        Path file = torchScript("dup.pt", CraftedFiles.moduleWithBias(null, null,
                        CraftedFiles.tensor("0", 3, 0, new long[]{3}, new long[]{1})),
                Map.of("0", floats(1f, 2f, 3f), "1", floats(4f, 5f, 6f)), Set.of());
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("model/data/1", "model/data/0");
        Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));

        assertOneSentence(run("list", file), file,
                "the archive holds two records named model/data/0; PyTorch might load either, so it is not shown");
    }
}
