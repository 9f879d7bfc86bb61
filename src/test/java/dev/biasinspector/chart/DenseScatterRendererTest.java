package dev.biasinspector.chart;

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

    /**
     * Skipping a point whose cell already holds a marker must not lose it: its own position is
     * still covered by a marker in the series colour. Nor may it add anything: where the picture
     * differs from drawing every point (only at anti-aliased edges), it is lighter, never darker.
     */
    @Test
    void aDenseBiasKeepsEveryPointUnderAMarkerAndAddsNothing() {
        BiasVector vector = vector(DenseScatterRenderer.DENSITY_ITEMS);
        Drawn dense = draw(BiasChartFactory.create(vector, ChartTheme.light()), false);
        Drawn plain = draw(BiasChartFactory.create(vector, ChartTheme.light()), true);

        java.awt.Color series = (java.awt.Color) dense.chart.getXYPlot().getRenderer().getSeriesPaint(0);
        org.jfree.chart.plot.XYPlot plot = dense.chart.getXYPlot();
        int uncovered = 0;
        for (int i = 0; i < vector.size(); i++) {
            int px = (int) Math.floor(plot.getDomainAxis().valueToJava2D(i, dense.dataArea, plot.getDomainAxisEdge()));
            int py = (int) Math.floor(plot.getRangeAxis().valueToJava2D(vector.get(i), dense.dataArea,
                    plot.getRangeAxisEdge()));
            if (distance(dense.image.getRGB(px, py), series.getRGB()) > 8) {
                uncovered++;
            }
        }
        assertThat(uncovered).as("points with no marker over them").isZero();

        int background = ChartTheme.light().plotBackground().getRGB();
        int darker = 0;
        int differing = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int a = dense.image.getRGB(x, y);
                int b = plain.image.getRGB(x, y);
                if (a != b) {
                    differing++;
                    if (distance(a, background) > distance(b, background)) {
                        darker++;
                    }
                }
            }
        }
        assertThat(differing).as("the renderer skipped points").isPositive();
        assertThat(darker).as("pixels the dense renderer painted over more than drawing every point").isZero();
    }

    @Test
    void aShortBiasIsDrawnPointForPoint() {
        BiasVector vector = vector(DenseScatterRenderer.DENSE_ITEMS - 1);
        Drawn dense = draw(BiasChartFactory.create(vector, ChartTheme.light()), false);
        Drawn plain = draw(BiasChartFactory.create(vector, ChartTheme.light()), true);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                assertThat(dense.image.getRGB(x, y)).isEqualTo(plain.image.getRGB(x, y));
            }
        }
    }

    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;

    private record Drawn(JFreeChart chart, BufferedImage image, java.awt.geom.Rectangle2D dataArea) {
    }

    /** Draws the chart as the export does; with {@code everyPoint}, with JFreeChart's own renderer. */
    private static Drawn draw(JFreeChart chart, boolean everyPoint) {
        if (everyPoint) {
            XYLineAndShapeRenderer every = new XYLineAndShapeRenderer(false, true);
            every.setSeriesPaint(0, chart.getXYPlot().getRenderer().getSeriesPaint(0));
            every.setSeriesShape(0, chart.getXYPlot().getRenderer().getSeriesShape(0));
            chart.getXYPlot().setRenderer(every);
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = image.createGraphics();
        org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
        chart.draw(g, new java.awt.Rectangle(WIDTH, HEIGHT), info);
        g.dispose();
        return new Drawn(chart, image, info.getPlotInfo().getDataArea());
    }

    /** The largest difference of one colour channel. */
    private static int distance(int rgb1, int rgb2) {
        int d = 0;
        for (int shift = 0; shift < 24; shift += 8) {
            d = Math.max(d, Math.abs(((rgb1 >> shift) & 255) - ((rgb2 >> shift) & 255)));
        }
        return d;
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
