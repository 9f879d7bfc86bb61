package dev.biasinspector.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComparisonChartFactoryTest {

    private static final ChartSeries BEFORE = new ChartSeries("a.pt", new float[] {0.5f, -0.25f, 0f});
    private static final ChartSeries AFTER = new ChartSeries("b.pt", new float[] {0.75f, -0.5f, 0f});
    private static final ChartSeries CHANGE = new ChartSeries("after \u2212 before", new float[] {0.25f, -0.25f, 0f});

    @Test
    void bothVersionsAboveTheChangeBelowOnOneIndexAxis() {
        JFreeChart chart = ComparisonChartFactory.create("fc1: a.pt \u2192 b.pt", BEFORE, AFTER, CHANGE, ChartTheme.light());

        assertThat(chart.getTitle().getText()).isEqualTo("fc1: a.pt \u2192 b.pt");
        XYDataset values = ComparisonChartFactory.valuesPlot(chart).getDataset();
        assertThat(values.getSeriesCount()).isEqualTo(2);
        assertThat(values.getSeriesKey(0)).isEqualTo("a.pt");
        assertThat(values.getSeriesKey(1)).isEqualTo("b.pt");
        assertThat(values.getYValue(1, 1)).isEqualTo(-0.5);
        XYPlot changePlot = ComparisonChartFactory.changePlot(chart);
        assertThat(changePlot.getRenderer()).isInstanceOf(XYBarRenderer.class);
        assertThat(changePlot.getDataset().getYValue(0, 0)).isEqualTo(0.25);
        assertThat(changePlot.getRangeAxis().getLabel()).isEqualTo("Change");
        assertThat(chart.getXYPlot().getDomainAxis().getLabel()).isEqualTo("Index");
        assertThat(chart.getLegend().getSources()[0].getLegendItems().getItemCount()
                + chart.getLegend().getSources().length).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theChangeHasAColourOfItsOwn() {
        JFreeChart chart = ComparisonChartFactory.create("t", BEFORE, AFTER, CHANGE, ChartTheme.dark());

        XYPlot values = ComparisonChartFactory.valuesPlot(chart);
        XYPlot change = ComparisonChartFactory.changePlot(chart);
        assertThat(change.getRenderer().getSeriesPaint(0))
                .isNotIn(values.getRenderer().getSeriesPaint(0), values.getRenderer().getSeriesPaint(1));
        assertThat(change.getBackgroundPaint()).isEqualTo(ChartTheme.dark().plotBackground());
    }

    @Test
    void lengthsMustAgree() {
        assertThatThrownBy(() -> ComparisonChartFactory.create("t", BEFORE,
                new ChartSeries("b", new float[] {1f}), CHANGE, ChartTheme.light()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zoomCarriesOverToACopy() {
        JFreeChart shown = ComparisonChartFactory.create("t", BEFORE, AFTER, CHANGE, ChartTheme.light());
        shown.getXYPlot().getDomainAxis().setRange(0.5, 1.5);
        ComparisonChartFactory.changePlot(shown).getRangeAxis().setRange(-1, 1);

        JFreeChart copy = ComparisonChartFactory.create("t", BEFORE, AFTER, CHANGE, ChartTheme.dark());
        ChartZoom.copy(shown, copy);

        assertThat(copy.getXYPlot().getDomainAxis().getRange()).isEqualTo(shown.getXYPlot().getDomainAxis().getRange());
        assertThat(ComparisonChartFactory.changePlot(copy).getRangeAxis().getLowerBound()).isEqualTo(-1.0);
        assertThat(ComparisonChartFactory.valuesPlot(copy).getRangeAxis().isAutoRange()).isTrue();
    }
}
