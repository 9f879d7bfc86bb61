package dev.biasinspector.format.djl;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the DJL demo model {@code models/mlp_demo-0003.params} with DJL itself:
 * an MLP 12 → 32 → [24 → tanh] → 16 → 6 (no bias), with a nested SequentialBlock, biases drawn
 * from N(0, 0.5²) under a fixed seed, and the property Epoch=3 (which also names the file).
 *
 * <p>Run: {@code mvn -B -o -q test-compile exec:java -Dexec.classpathScope=test
 * -Dmain.class=dev.biasinspector.format.djl.MakeDjlDemo} (the exec plugin's main class comes from
 * the {@code main.class} property). {@code MlpDemoTest} checks that the
 * committed file is exactly what this produces.
 */
public final class MakeDjlDemo {

    static final String NAME = "mlp_demo";
    static final long SEED = 20240603;
    static final Shape INPUT = new Shape(1, 12);
    static final Path COMMITTED = Path.of("models", NAME + "-0003.params");

    private MakeDjlDemo() {
    }

    static SequentialBlock demoBlock() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(32).build())
                .add(Activation.reluBlock())
                .add(new SequentialBlock()
                        .add(Linear.builder().setUnits(24).build())
                        .add(Activation.tanhBlock()))
                .add(Linear.builder().setUnits(16).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(6).optBias(false).build());
    }

    /** Saves the demo into {@code dir}, which must not hold another {@code mlp_demo-*.params}. */
    static DjlSavedModels.Saved make(Path dir) throws IOException {
        return DjlSavedModels.save(dir, NAME, demoBlock(), DataType.FLOAT32, INPUT, Map.of("Epoch", "3"), SEED);
    }

    public static void main(String[] args) throws IOException {
        Path target = args.length > 0 ? Path.of(args[0]) : COMMITTED.getParent();
        Files.createDirectories(target);
        Files.deleteIfExists(target.resolve(COMMITTED.getFileName()));
        DjlSavedModels.Saved saved = make(target);
        System.out.println("wrote " + saved.file() + " (" + Files.size(saved.file()) + " bytes)");
    }
}
