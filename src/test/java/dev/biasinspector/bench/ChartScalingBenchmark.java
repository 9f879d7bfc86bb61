package dev.biasinspector.bench;

import dev.biasinspector.chart.BiasChartFactory;
import dev.biasinspector.chart.BiasDataset;
import dev.biasinspector.export.ChartExporter;
import dev.biasinspector.chart.ChartTheme;
import dev.biasinspector.model.BiasVector;
import dev.biasinspector.model.DType;
import org.jfree.chart.JFreeChart;
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

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * How the export cost grows with the length of the bias: building the dataset and chart, and drawing
 * it at 800x500. Output layers are where long biases live (a 50,257-token language-model head, an
 * LSTM with 4 x 16,384 gates), so this is where a non-linear step shows first. Issue #9's target:
 * 10^6 values drawn in at most 150 ms ({@link #createAndRender}: build the chart and draw it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Djava.awt.headless=true")
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class ChartScalingBenchmark {

    @Param({"1000", "8192", "65536", "1000000"})
    public int length;

    private BiasVector vector;
    private JFreeChart chart;

    @Setup
    public void setUp() {
        Random random = new Random(length);
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) (random.nextGaussian() * 0.02);
        }
        vector = new BiasVector("head.bias", "head", "Linear", new long[] {length}, DType.FLOAT32, values);
        chart = BiasChartFactory.create(List.of(vector), ChartTheme.light());
    }

    /** The values as JFreeChart's dataset. */
    @Benchmark
    public BiasDataset dataset() {
        return BiasChartFactory.createDataset(List.of(vector));
    }

    /** Building the chart from the vector and drawing it at 800x500: what an export or a click costs. */
    @Benchmark
    public BufferedImage createAndRender() {
        return ChartExporter.render(BiasChartFactory.create(List.of(vector), ChartTheme.light()), 800, 500, 1.0);
    }

    /** Drawing the chart into an 800x500 image (no PNG encoding). */
    @Benchmark
    public BufferedImage render() {
        return ChartExporter.render(chart, 800, 500, 1.0);
    }
}
