package dev.biasinspector.bench;

import dev.biasinspector.session.ModelFiles;
import dev.biasinspector.session.Engine;
import dev.biasinspector.format.ModelOpener;
import dev.biasinspector.model.LoadedModel;
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
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Opening the same models through DJL's PyTorch engine (libtorch's {@code torch::jit::load}),
 * warm: the engine is started in the setup, so this is the cost of every further open. It is the
 * measured reason the pure-Java archive reader is the default. run.sh runs it only when the build
 * has the DJL reader.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Djava.awt.headless=true", "-Dai.djl.offline=true"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
public class DjlOpenBenchmark {

    /** {@code path#biasName}, as for {@link UserActionsBenchmark}; the bias name is not used. */
    @Param({"models/simple_net.pt#fc1.bias"})
    public String model;

    private Path file;

    @Setup
    public void setUp() throws IOException {
        file = BenchCase.parse(model).file();
        ModelFiles.open(file, Engine.DJL);
    }

    @Benchmark
    public LoadedModel openWithDjl() throws IOException {
        return ModelFiles.open(file, Engine.DJL);
    }
}
