package dev.biasinspector.export;

import dev.biasinspector.chart.ChartSeries;

import dev.biasinspector.format.ModelOpener;
import dev.biasinspector.model.BiasLookup;
import dev.biasinspector.model.BiasVector;
import dev.biasinspector.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ValuesCsvTest {

    @TempDir
    Path folder;

    @Test
    void valuesReadBackAsPyTorchsFloats() throws Exception {
        BiasVector fc1 = BiasLookup.find(ModelOpener.open(Fixtures.path("simple_scripted.pt")), "fc1").load();
        Path csv = folder.resolve("fc1.csv");

        ValuesCsv.write(fc1, csv);

        List<String> lines = Files.readAllLines(csv);
        float[] expected = Fixtures.biasValues("simple_scripted.pt", "fc1.bias");
        assertThat(lines.get(0)).isEqualTo("index,value");
        assertThat(lines).hasSize(expected.length + 1);
        for (int i = 0; i < expected.length; i++) {
            assertThat(lines.get(i + 1)).startsWith(i + ",");
            assertThat(Float.parseFloat(lines.get(i + 1).substring(lines.get(i + 1).indexOf(',') + 1)))
                    .isEqualTo(expected[i]);
        }
    }

    @Test
    void nonFiniteValuesAreWrittenAsJavaSpellsThem() {
        BiasVector v = vector("b.bias", "b", Float.NaN, Float.NEGATIVE_INFINITY, -0f);
        assertThat(ValuesCsv.format(v)).isEqualTo("index,value\n0,NaN\n1,-Infinity\n2,-0.0\n");
    }

    @Test
    void severalSeriesGoSideBySideWithEmptyCellsWhereOneEnds() {
        String csv = ValuesCsv.format(List.of(new ChartSeries("simple_net.pt", new float[] {0.5f, -1f, 2f}),
                new ChartSeries("run, 2", new float[] {0.25f})));

        assertThat(csv).isEqualTo("index,simple_net.pt,\"run, 2\"\n0,0.5,0.25\n1,-1.0,\n2,2.0,\n");
    }

    private static BiasVector vector(String name, String module, float... values) {
        return new BiasVector(name, module, "Linear", new long[] {values.length},
                dev.biasinspector.model.DType.FLOAT32, values);
    }
}
