package dev.biasinspector.chart;

import dev.biasinspector.export.ChartExporter;

import dev.biasinspector.model.BiasVector;
import dev.biasinspector.model.DType;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DenseScatterRendererTest {

    @Test
    void theBiasScatterUsesIt() {
        JFreeChart chart = BiasChartFactory.create(vector(10), ChartTheme.light());

        assertThat(chart.getXYPlot().getRenderer()).isInstanceOf(DenseScatterRenderer.class);
    }

    @Test
    void aDenseBiasLooksTheSameAsWithEveryPointDrawn() {
        // Between DENSE_ITEMS and DENSITY_ITEMS: markers, only where none already sits.
        assertThat(differingPixels(vector(DenseScatterRenderer.DENSITY_ITEMS))).isLessThan(800 * 500 / 100);
    }

    @Test
    void aShortBiasIsDrawnPointForPoint() {
        assertThat(differingPixels(vector(DenseScatterRenderer.DENSE_ITEMS - 1))).isZero();
    }

    /** Pixels that differ between the chart as drawn and the same chart drawing every point. */
    private static int differingPixels(BiasVector vector) {
        JFreeChart dense = BiasChartFactory.create(vector, ChartTheme.light());
        JFreeChart plain = BiasChartFactory.create(vector, ChartTheme.light());
        XYLineAndShapeRenderer everyPoint = new XYLineAndShapeRenderer(false, true);
        everyPoint.setSeriesPaint(0, dense.getXYPlot().getRenderer().getSeriesPaint(0));
        everyPoint.setSeriesShape(0, dense.getXYPlot().getRenderer().getSeriesShape(0));
        plain.getXYPlot().setRenderer(everyPoint);
        BufferedImage a = ChartExporter.render(dense, 800, 500, 1.0);
        BufferedImage b = ChartExporter.render(plain, 800, 500, 1.0);
        int differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        return differing;
    }

    private static BiasVector vector(int n) {
        Random random = new Random(7);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextGaussian() * 0.1f;
        }
        return new BiasVector("head.bias", "head", "Linear", new long[]{n}, DType.FLOAT32, values);
    }
}
