package dev.biasinspector.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvolutionChartFactoryTest {

    private static final List<String> LABELS = List.of("epoch_1.pt", "epoch_2.pt", "epoch_10.pt");
    private static final List<float[]> ROWS = List.of(
            new float[] {0.5f, -0.5f}, new float[] {0.75f, -0.5f}, new float[] {1.0f, -1.0f});

    @Test
    void heatMapHoldsTheChangeSinceTheFirstCheckpointPerIndexAndRow() {
        JFreeChart chart = EvolutionChartFactory.create("fc1", LABELS, ROWS, 1,
                EvolutionChartFactory.Shading.CHANGE, ChartTheme.light());

        XYPlot heat = EvolutionChartFactory.heatMapPlot(chart);
        XYZDataset data = (XYZDataset) heat.getDataset();
        assertThat(data.getItemCount(0)).isEqualTo(6);
        // item (index 0, checkpoint 2): 1.0 - 0.5
        assertThat(data.getXValue(0, 4)).isEqualTo(0.0);
        assertThat(data.getYValue(0, 4)).isEqualTo(2.0);
        assertThat(data.getZValue(0, 4)).isEqualTo(0.5);
        assertThat(data.getZValue(0, 0)).isZero();
        assertThat(((SymbolAxis) heat.getRangeAxis()).getSymbols()).containsExactly(LABELS.toArray(String[]::new));
        assertThat(heat.getRangeMarkers(Layer.FOREGROUND)).singleElement().satisfies(m -> {
            assertThat(((IntervalMarker) m).getStartValue()).isEqualTo(0.5);
            assertThat(((IntervalMarker) m).getEndValue()).isEqualTo(1.5);
        });
        PaintScaleLegend legend = (PaintScaleLegend) chart.getSubtitle(1);
        assertThat(legend.getAxis().getLabel()).isEqualTo("Change since epoch_1.pt");
    }

    @Test
    void theColourScaleHasAFewRoundLabelsNotOneEveryFewPixels() {
        JFreeChart chart = EvolutionChartFactory.create("fc1", LABELS, ROWS, 1,
                EvolutionChartFactory.Shading.CHANGE, ChartTheme.light());
        PaintScaleLegend legend = (PaintScaleLegend) chart.getSubtitle(1);

        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(800, 500,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g2 = image.createGraphics();
        chart.draw(g2, new java.awt.geom.Rectangle2D.Double(0, 0, 800, 500));
        g2.dispose();

        org.jfree.chart.axis.NumberAxis axis = (org.jfree.chart.axis.NumberAxis) legend.getAxis();
        double labels = axis.getRange().getLength() / axis.getTickUnit().getSize();
        // the scale spans [-0.5, 0.5]: at most about one label per 40 pixels, at least three
        assertThat(labels).isBetween(2.0, 10.0);
    }

    @Test
    void valueShadingUsesTheValuesThemselves() {
        JFreeChart chart = EvolutionChartFactory.create("fc1", LABELS, ROWS, 0,
                EvolutionChartFactory.Shading.VALUE, ChartTheme.light());

        XYZDataset data = (XYZDataset) EvolutionChartFactory.heatMapPlot(chart).getDataset();
        assertThat(data.getZValue(0, 5)).isEqualTo(-1.0);
    }

    @Test
    void scatterShowsTheCurrentCheckpointWithTheFirstAsReference() {
        JFreeChart chart = EvolutionChartFactory.create("fc1", LABELS, ROWS, 2,
                EvolutionChartFactory.Shading.CHANGE, ChartTheme.light());

        XYPlot scatter = EvolutionChartFactory.scatterPlot(chart);
        assertThat(scatter.getDataset().getSeriesKey(0)).isEqualTo("epoch_10.pt");
        assertThat(scatter.getDataset().getYValue(0, 1)).isEqualTo(-1.0);
        assertThat(scatter.getDataset().getSeriesKey(1)).isEqualTo("epoch_1.pt (first)");
        assertThat(scatter.getRenderer().getSeriesPaint(1)).isEqualTo(ChartTheme.light().axis());

        JFreeChart atFirst = EvolutionChartFactory.create("fc1", LABELS, ROWS, 0,
                EvolutionChartFactory.Shading.CHANGE, ChartTheme.light());
        assertThat(EvolutionChartFactory.scatterPlot(atFirst).getDataset().getSeriesCount()).isEqualTo(1);
    }

    @Test
    void coloursAreCentredOnZeroAndFollowTheTheme() {
        ChartTheme dark = ChartTheme.dark();
        JFreeChart chart = EvolutionChartFactory.create("fc1", LABELS, ROWS, 0,
                EvolutionChartFactory.Shading.VALUE, dark);

        DivergingPaintScale scale = (DivergingPaintScale) ((XYBlockRenderer) EvolutionChartFactory.heatMapPlot(chart)
                .getRenderer()).getPaintScale();
        assertThat(scale.limit()).isEqualTo(1.0);
        assertThat(scale.getPaint(0)).isEqualTo(dark.plotBackground());
        assertThat(scale.getPaint(-1)).isEqualTo(dark.seriesColor(0));
        assertThat(scale.getPaint(5)).isEqualTo(dark.seriesColor(1));
        assertThat(scale.getPaint(Double.NaN)).isEqualTo(new Color(0, 0, 0, 0));
    }

    @Test
    void rowsOfDifferentLengthOrAMissingCheckpointAreRejected() {
        assertThatThrownBy(() -> EvolutionChartFactory.create("t", List.of("a", "b"),
                List.of(new float[1], new float[2]), 0, EvolutionChartFactory.Shading.VALUE, ChartTheme.light()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EvolutionChartFactory.create("t", LABELS, ROWS, 3,
                EvolutionChartFactory.Shading.VALUE, ChartTheme.light()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
