package dev.biasinspector.format;

import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.testing.CpuBudget;
import dev.biasinspector.testing.CraftedFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded, deterministic mutation run over every file under {@code src/test/resources} and
 * {@code models} (found by walking the folders, so fixtures of formats added later join without a
 * change here) and over the crafted files of issue #10: truncations, bit flips, size fields set
 * huge, runs of 0x00/0xFF. Every case must end, within 2 s of CPU in a 256 MB heap (the
 * "bounded" surefire execution), with a model whose biases all read, or with the app's own
 * one-line error — a {@link ModelFormatException} or an {@link IOException} — never another type.
 *
 * <p>A failing case names its file, mutation and seed; {@link #mutate} rebuilds it exactly.
 */
@Tag("bounded")
class ReadersFuzzTest {

    private static final long SEED = 20261201L;
    private static final int CASES_PER_FILE = 48;
    private static final long MAX_FIXTURE_BYTES = 4L << 20;
    /** Biases read per opened model: enough to reach every reader path, few enough to stay fast. */
    private static final int MAX_BIASES_READ = 64;
    private static Path work;
    private static Path crafted;
    private static int cases;

    @BeforeAll
    static void makeCraftedFiles() throws IOException {
        work = Files.createTempDirectory("fuzz");
        crafted = Files.createDirectories(work.resolve("crafted"));
        Map<String, Map<String, byte[]>> zips = Map.of(
                "device_cycle.pt", Map.of("data.pkl", CraftedFiles.moduleWithBias("device",
                        CraftedFiles.device(CraftedFiles.cycle()), bias()), "data/0", CraftedFiles.floats(1, 2, 3)),
                "device_deep.pt", Map.of("data.pkl", CraftedFiles.moduleWithBias("device",
                        CraftedFiles.device(CraftedFiles.deepTuple(20_000)), bias()), "data/0", CraftedFiles.floats(1, 2, 3)),
                "dup_graph.pt", Map.of("data.pkl", CraftedFiles.moduleWithBias("device",
                        CraftedFiles.device(CraftedFiles.dupGraph(40)), bias()), "data/0", CraftedFiles.floats(1, 2, 3)),
                "stride0.pt", Map.of("data.pkl", CraftedFiles.moduleWithBias(null, null,
                        CraftedFiles.tensor("0", 3, 0, new long[]{64L << 20}, new long[]{0})),
                        "data/0", CraftedFiles.floats(1, 2, 3)));
        for (var zip : zips.entrySet()) {
            CraftedFiles.torchScriptZip(crafted.resolve(zip.getKey()), zip.getValue(), Set.of());
        }
        long numel = Long.MAX_VALUE / 4;
        CraftedFiles.legacyTorchSave(crafted.resolve("legacy_numel.pth"),
                CraftedFiles.stateDict(CraftedFiles.tensor("0", numel, 0, new long[]{3}, new long[]{1})),
                CraftedFiles.pickleOf(p -> p.op(']').string("0").op('a')), numel, CraftedFiles.floats(1, 2, 3));
        CraftedFiles.legacyTorchSave(crafted.resolve("legacy_small.pth"),
                CraftedFiles.stateDict(CraftedFiles.tensor("0", 3, 0, new long[]{3}, new long[]{1})),
                CraftedFiles.pickleOf(p -> p.op(']').string("0").op('a')), 3, CraftedFiles.floats(1, 2, 3));
        byte[] header = CraftedFiles.djlHeader();
        byte[] headers = java.util.Arrays.copyOf(header, header.length + 4000 * 5);
        for (int i = 0; i < 4000; i++) {
            headers[header.length + i * 5] = 2;
        }
        Files.write(crafted.resolve("headers-0001.params"), headers);
        CraftedFiles.tarGzBomb(crafted.resolve("bomb.tar.gz"), 256L << 20);
    }

    private static java.util.function.Consumer<dev.biasinspector.format.pickle.PickleBytes> bias() {
        return CraftedFiles.tensor("0", 3, 0, new long[]{3}, new long[]{1});
    }

    @org.junit.jupiter.api.Test
    void runsInTheSmallHeapItPromises() {
        // the "bounded-heap" surefire execution gives this JVM -Xmx256m
        assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(256L << 20);
    }

    @AfterAll
    static void reportAndCleanUp() throws IOException {
        try (Stream<Path> paths = Files.walk(work)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        // the run as a whole is the promise: at least 2,000 cases
        assertThat(cases).as("fuzz cases run").isGreaterThanOrEqualTo(2000);
    }

    static Stream<Path> seeds() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(Path.of("src/test/resources"), Path.of("models"))) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(p -> p.toFile().length() <= MAX_FIXTURE_BYTES)
                        .sorted().forEach(files::add);
            }
        }
        if (crafted == null) {
            makeCraftedFiles();
        }
        try (Stream<Path> walk = Files.list(crafted)) {
            walk.sorted().forEach(files::add);
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void everyMutationEndsWithAModelOrOneSentence(Path seedFile) throws IOException {
        byte[] original = Files.readAllBytes(seedFile);
        String name = seedFile.getFileName().toString();
        // seeded by the path as the test names it (relative), so every run and machine makes the same cases
        String key = seedFile.startsWith(crafted) ? "crafted/" + name : seedFile.toString();
        Path folder = Files.createDirectories(work.resolve("case-" + Integer.toHexString(seedFile.toString().hashCode())));
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES_PER_FILE; i++) {
            long seed = SEED ^ ((long) key.hashCode() << 16) ^ i;
            Mutated mutated = mutate(original, new Random(seed));
            Path file = Files.write(folder.resolve(name), mutated.bytes());
            String what = key + " " + mutated.how() + " (seed " + seed + ")";
            try {
                CpuBudget.Outcome<String> outcome = CpuBudget.run(what, () -> openAndRead(file));
                Throwable failure = outcome.failure();
                if (failure != null && !(failure instanceof IOException)) {
                    failures.add(what + ": " + failure + where(failure));
                } else if (failure != null && (failure.getMessage() == null || failure.getMessage().contains("\n")
                        || failure.getMessage().contains("null"))) {
                    failures.add(what + ": not one sentence: " + failure + where(failure));
                }
            } catch (AssertionError budget) {
                failures.add(budget.getMessage());
            }
            cases++;
        }
        assertThat(failures).as("cases of " + seedFile + " that broke the promise").isEmpty();
    }

    private static String where(Throwable failure) {
        StackTraceElement[] trace = failure.getStackTrace();
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < Math.min(trace.length, 6); i++) {
            where.append("\n    at ").append(trace[i]);
        }
        return where.toString();
    }

    /** Opens {@code file} and reads its first biases, as a user clicking through them would. */
    static String openAndRead(Path file) throws IOException {
        LoadedModel model = ModelOpener.open(file);
        int read = 0;
        for (BiasEntry bias : model.allBiases()) {
            if (read++ >= MAX_BIASES_READ) {
                break;
            }
            bias.load();
        }
        return String.valueOf(model.format());
    }

    record Mutated(byte[] bytes, String how) {
    }

    /** One mutation of {@code original}, fully determined by {@code random}'s seed. */
    static Mutated mutate(byte[] original, Random random) {
        int n = original.length;
        byte[] bytes = original.clone();
        switch (random.nextInt(5)) {
            case 0 -> {
                int cut = n == 0 ? 0 : random.nextInt(n);
                return new Mutated(java.util.Arrays.copyOf(original, cut), "cut at " + cut);
            }
            case 1 -> {
                int flips = 1 + random.nextInt(8);
                StringBuilder where = new StringBuilder();
                for (int i = 0; i < flips && n > 0; i++) {
                    int at = random.nextInt(n);
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                    where.append(' ').append(at);
                }
                return new Mutated(bytes, "bits flipped at" + where);
            }
            case 2 -> {
                if (n < 8) {
                    return new Mutated(bytes, "unchanged (too short)");
                }
                int at = random.nextInt(n - 7);
                long[] huge = {0x7FFFFFFFL, 0xFFFFFFFFL, -1L, Long.MAX_VALUE, 1L << 31, 1L << 32, 1L << 40, 1L << 62};
                long value = huge[random.nextInt(huge.length)];
                boolean wide = random.nextBoolean();
                ByteOrder order = random.nextBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
                ByteBuffer patch = ByteBuffer.wrap(bytes).order(order);
                if (wide) {
                    patch.putLong(at, value);
                } else {
                    patch.putInt(at, (int) value);
                }
                return new Mutated(bytes, "size field at " + at + " set to " + value + (wide ? " (8 bytes " : " (4 bytes ")
                        + order + ")");
            }
            case 3 -> {
                if (n == 0) {
                    return new Mutated(bytes, "unchanged (empty)");
                }
                int at = random.nextInt(n);
                int length = Math.min(n - at, 1 + random.nextInt(64));
                byte fill = random.nextBoolean() ? 0 : (byte) 0xFF;
                java.util.Arrays.fill(bytes, at, at + length, fill);
                return new Mutated(bytes, length + " bytes at " + at + " set to " + (fill & 0xFF));
            }
            default -> {
                // a pickle's or a header's length prefixes sit early: hit the first 4 KiB harder
                int window = Math.min(n, 4096);
                if (window < 4) {
                    return new Mutated(bytes, "unchanged (too short)");
                }
                int at = random.nextInt(window - 3);
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at, Integer.MAX_VALUE);
                return new Mutated(bytes, "int at " + at + " set to 2^31-1");
            }
        }
    }
}
