package dev.biasinspector.bench;

import dev.biasinspector.chart.BiasChartFactory;
import dev.biasinspector.export.ChartExporter;
import dev.biasinspector.chart.ChartTheme;
import dev.biasinspector.format.ModelOpener;
import dev.biasinspector.model.BiasLookup;
import dev.biasinspector.model.BiasVector;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.UnknownBiasException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The three things a user waits for, timed warm in one JVM with the default archive reader:
 * opening a model (its structure), clicking a layer (reading that bias's values from the file)
 * and exporting the chart (building it and writing an 800x500 PNG). Run by {@code src/bench/run.sh},
 * which compares them with the same three steps in Python in the same run.
 *
 * <p>Sample-time mode, so the report can give the median and the 90th percentile of single calls,
 * like the Python harness ({@code src/bench/python_actions.py}) does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Djava.awt.headless=true", "-Dai.djl.offline=true"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class UserActionsBenchmark {

    /** {@code path#biasName}; run.sh passes the generated models with {@code -p model=...}. */
    @Param({"models/simple_net.pt#fc1.bias"})
    public String model;

    private Path file;
    private String biasName;
    private LoadedModel opened;
    private BiasVector vector;
    private Path png;

    @Setup
    public void setUp() throws IOException, UnknownBiasException {
        BenchCase benchCase = BenchCase.parse(model);
        file = benchCase.file();
        biasName = benchCase.biasName();
        opened = ModelOpener.open(file);
        vector = BiasLookup.find(opened, biasName).load();
        png = Files.createTempFile("bias-bench", ".png");
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(png);
    }

    /** Open: zip directory, data.pkl and class declarations; no weights are read. */
    @Benchmark
    public LoadedModel open() throws IOException {
        return ModelOpener.open(file);
    }

    /** Click: find the bias by name in the open model and read its values from the file. */
    @Benchmark
    public BiasVector click() throws IOException, UnknownBiasException {
        return BiasLookup.find(opened, biasName).load();
    }

    /** Export: build the scatter chart and write it as an 800x500 PNG. */
    @Benchmark
    public Path export() throws IOException {
        ChartExporter.writePng(BiasChartFactory.create(List.of(vector), ChartTheme.light()), png, 800, 500, 1.0);
        return png;
    }
}
