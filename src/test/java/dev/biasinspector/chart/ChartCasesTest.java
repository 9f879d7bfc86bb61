package dev.biasinspector.chart;

import dev.biasinspector.export.ChartExporter;
import dev.biasinspector.model.BiasVector;
import dev.biasinspector.model.DType;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kind of vector a user meets, drawn onto an image at 800x500, checked for what a user looks
 * at: tick labels that differ and read as plain numbers, NaN and ±Inf where they are, a long
 * vector that is a picture of its distribution rather than a block, the parts of a fused bias.
 */
class ChartCasesTest {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;

    static BiasVector vector(String name, String type, float... values) {
        String module = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
        return new BiasVector(name, module, type, new long[] {values.length}, DType.FLOAT32, values);
    }

    /** The chart drawn at 800x500; what the plot and axes look like afterwards. */
    record Drawn(JFreeChart chart, BufferedImage image, ChartRenderingInfo info, List<String> valueLabels,
                 Rectangle2D dataArea) {

        Range valueRange() {
            return chart.getXYPlot().getRangeAxis().getRange();
        }

        double x(double index) {
            return chart.getXYPlot().getDomainAxis().valueToJava2D(index, dataArea, RectangleEdge.BOTTOM);
        }

        double y(double value) {
            return chart.getXYPlot().getRangeAxis().valueToJava2D(value, dataArea, RectangleEdge.LEFT);
        }

        List<String> toolTips() {
            List<String> tips = new ArrayList<>();
            for (Object e : info.getEntityCollection().getEntities()) {
                if (e instanceof XYItemEntity item && item.getToolTipText() != null) {
                    tips.add(item.getToolTipText());
                }
            }
            return tips;
        }
    }

    static Drawn draw(JFreeChart chart) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT), info);
        Rectangle2D dataArea = info.getPlotInfo().getDataArea();
        List<String> labels = labels(g2, chart.getXYPlot().getRangeAxis(), dataArea, RectangleEdge.LEFT);
        g2.dispose();
        return new Drawn(chart, image, info, labels, dataArea);
    }

    /** The major tick labels {@code axis} draws along {@code edge} of {@code dataArea}. */
    static List<String> labels(Graphics2D g2, ValueAxis axis, Rectangle2D dataArea, RectangleEdge edge) {
        List<String> labels = new ArrayList<>();
        for (Object tick : axis.refreshTicks(g2, new AxisState(), dataArea, edge)) {
            if (!(tick instanceof org.jfree.chart.axis.ValueTick v) || v.getTickType() == org.jfree.chart.axis.TickType.MAJOR) {
                labels.add(((Tick) tick).getText());
            }
        }
        return labels;
    }

    static Drawn draw(BiasVector vector) {
        return draw(BiasChartFactory.create(List.of(vector), ChartTheme.light()));
    }

    /** Labels a user can read: several, all different, none empty, none "-0". */
    private static void assertReadable(List<String> labels) {
        assertReadable(labels, 14);
    }

    private static void assertReadable(List<String> labels, int most) {
        assertThat(labels).hasSizeBetween(3, most);
        assertThat(new HashSet<>(labels)).as("distinct labels %s", labels).hasSameSizeAs(labels);
        assertThat(labels).allSatisfy(l -> {
            assertThat(l).isNotBlank();
            assertThat(l).isNotEqualTo("-0");
            assertThat(Double.parseDouble(l)).isFinite();
        });
    }

    private static void assertPlain(List<String> labels) {
        assertThat(labels).noneMatch(l -> l.contains("E"));
    }

    @Test
    void oneValueGetsAWindowAroundItWithPlainDistinctTicks() {
        Drawn d = draw(vector("fc.bias", "Linear", 0.3176875f));

        assertReadable(d.valueLabels());
        assertPlain(d.valueLabels());
        assertThat(d.valueRange().contains(0.3176875)).isTrue();
        assertThat(d.valueRange().getLength()).isGreaterThan(0.01);
        // index 0 in the middle, with an index axis that does not count in fractions
        assertThat(d.chart().getXYPlot().getDomainAxis().getRange().getCentralValue()).isZero();
    }

    @Test
    void aConstantVectorIsCentredWithPlainTicks() {
        Drawn d = draw(vector("c.bias", "Linear", 0.5f, 0.5f, 0.5f, 0.5f));

        assertReadable(d.valueLabels());
        assertPlain(d.valueLabels());
        assertThat(d.valueRange().getCentralValue()).isEqualTo(0.5, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void anAllZeroBiasShowsMinusOneToOneWithZeroAsZero() {
        Drawn d = draw(vector("ln.bias", "LayerNorm", new float[16]));

        assertReadable(d.valueLabels());
        assertPlain(d.valueLabels());
        assertThat(d.valueLabels()).contains("0", "1.0", "-1.0");
        // the zero line is drawn
        assertThat(d.chart().getXYPlot().getRangeMarkers(Layer.BACKGROUND)).isNotEmpty();
    }

    @Test
    void aNanoScaleRangeGetsDistinctScientificTicks() {
        float[] tiny = new float[20];
        for (int i = 0; i < tiny.length; i++) {
            tiny[i] = 1e-9f + i * 1e-10f;
        }
        Drawn d = draw(vector("t.bias", "Linear", tiny));

        assertReadable(d.valueLabels());
        assertThat(d.valueRange().getLength()).isLessThan(1e-8);
        Set<Double> values = new HashSet<>();
        d.valueLabels().forEach(l -> values.add(Double.parseDouble(l)));
        assertThat(values).hasSameSizeAs(d.valueLabels());
    }

    @Test
    void valuesOneUlpApartStillGetDistinctPlainLabels() {
        float base = 0.3176875f;
        float[] near = new float[20];
        for (int i = 0; i < near.length; i++) {
            near[i] = base + (i % 3) * Math.ulp(base) * 2;
        }
        Drawn d = draw(vector("n.bias", "Linear", near));

        assertReadable(d.valueLabels());
        assertPlain(d.valueLabels());
    }

    @Test
    void hugeValuesGetScientificLabelsAndZeroReadsZero() {
        float[] huge = new float[21];
        for (int i = 0; i < huge.length; i++) {
            huge[i] = (i - 10) * 1.7e29f;
        }
        Drawn d = draw(vector("h.bias", "Linear", huge));

        assertReadable(d.valueLabels());
        assertThat(d.valueLabels()).contains("0");
        assertThat(d.valueLabels()).filteredOn(l -> !l.equals("0")).allMatch(l -> l.contains("E"));
    }

    @Test
    void ordinaryBiasesGetPlainLabels() {
        float[] values = new float[200];
        Random random = new Random(3);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * 0.1);
        }
        Drawn d = draw(vector("fc1.bias", "Linear", values));

        assertReadable(d.valueLabels());
        assertPlain(d.valueLabels());
    }

    @Test
    void nanAndInfinitiesAreMarkedAtTheirIndexesAndListed() {
        float[] values = new float[30];
        Random random = new Random(1);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian() * 0.1f;
        }
        values[3] = Float.NaN;
        values[7] = Float.POSITIVE_INFINITY;
        values[12] = Float.NEGATIVE_INFINITY;
        values[20] = Float.NaN;
        Drawn d = draw(vector("blocks.0.0.bias", "Linear", values));

        assertThat(d.chart().getTitle().getText()).isEqualTo("blocks.0.0.bias");
        assertThat(BiasChartFactory.subtitle(d.chart(), BiasChartFactory.NON_FINITE_ID).getText())
                .isEqualTo("NaN at 3, 20; +Inf at 7; \u2212Inf at 12");
        assertThat(d.toolTips()).contains("index 3: NaN", "index 20: NaN", "index 7: +Inf", "index 12: -Inf");
        // the finite values still decide the axis
        assertThat(d.valueRange().getLength()).isLessThan(1);

        Color series = (Color) d.chart().getXYPlot().getRenderer().getSeriesPaint(0);
        Rectangle2D area = d.dataArea();
        assertThat(hasColourNear(d.image(), d.x(7), area.getMinY() + 6, series)).as("+Inf at the top").isTrue();
        assertThat(hasColourNear(d.image(), d.x(12), area.getMaxY() - 6, series)).as("-Inf at the bottom").isTrue();
        assertThat(hasColourNear(d.image(), d.x(3), area.getMaxY() - 7, series)).as("NaN at the bottom").isTrue();
        assertThat(hasColourNear(d.image(), d.x(7), area.getMaxY() - 6, series)).as("+Inf not at the bottom").isFalse();
    }

    @Test
    void aVectorOfOnlyNanStillDrawsItsMarks() {
        Drawn d = draw(vector("x.bias", "Linear", Float.NaN, Float.NaN));

        assertThat(d.toolTips()).containsExactly("index 0: NaN", "index 1: NaN");
        assertReadable(d.valueLabels());
    }

    @Test
    void aMillionValuesAreADensityPictureWithEveryOutlierVisible() {
        float[] values = new float[1_000_000];
        Random random = new Random(5);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * 0.02);
        }
        values[123_456] = 0.3f;
        values[700_000] = -0.25f;
        values[5] = Float.NaN;
        Drawn d = draw(vector("head.bias", "Linear", values));

        Rectangle2D area = d.dataArea();
        Set<Integer> colours = new HashSet<>();
        int filled = 0;
        int total = 0;
        int background = Color.WHITE.getRGB();
        for (int y = (int) area.getMinY() + 1; y < area.getMaxY() - 1; y++) {
            for (int x = (int) area.getMinX() + 1; x < area.getMaxX() - 1; x++) {
                int rgb = d.image().getRGB(x, y);
                colours.add(rgb);
                total++;
                if (isBlueish(rgb) && rgb != background) {
                    filled++;
                }
            }
        }
        // shades of the count, not one colour; the distribution's band, not the whole plot
        assertThat(colours).hasSizeGreaterThan(30);
        assertThat((double) filled / total).isBetween(0.05, 0.6);
        Color series = (Color) d.chart().getXYPlot().getRenderer().getSeriesPaint(0);
        assertThat(hasColourNear(d.image(), d.x(123_456), d.y(0.3), series)).as("the maximum").isTrue();
        assertThat(hasColourNear(d.image(), d.x(700_000), d.y(-0.25), series)).as("the minimum").isTrue();
        // drawn as full markers, as a short bias's points are, not as 2-pixel dots
        assertThat(pixelsOfColourNear(d.image(), d.x(123_456), d.y(0.3), series)).as("the maximum's marker")
                .isGreaterThanOrEqualTo(16);
        assertThat(pixelsOfColourNear(d.image(), d.x(700_000), d.y(-0.25), series)).as("the minimum's marker")
                .isGreaterThanOrEqualTo(16);
        assertThat(d.toolTips()).contains("index 5: NaN", "index 123456: 0.300000", "index 700000: -0.250000");
        // tooltips for each column's extremes, not for a million points
        assertThat(d.toolTips().size()).isLessThan(4 * WIDTH);
    }

    @Test
    void zoomingInRedrawsSingleMarkersForTheVisibleIndexes() {
        float[] values = new float[100_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) Math.sin(i * 0.01);
        }
        JFreeChart chart = BiasChartFactory.create(vector("head.bias", "Linear", values), ChartTheme.light());
        chart.getXYPlot().getDomainAxis().setRange(50_000, 50_500);

        Drawn d = draw(chart);

        // every visible point has its own tooltip again (the plot also draws one neighbour each side)
        assertThat(d.toolTips()).hasSizeBetween(500, 503).contains("index 50250: " + BiasChartFactory.formatValue(values[50_250]));
    }

    @Test
    void aFusedAttentionBiasIsMarkedAsQueryKeyAndValue() {
        float[] values = new float[96];
        JFreeChart chart = BiasChartFactory.create(vector("layers.0.self_attn.in_proj_bias",
                "MultiheadAttention", values), ChartTheme.light());

        List<String> labels = new ArrayList<>();
        List<Range> spans = new ArrayList<>();
        for (Object marker : markers(chart)) {
            IntervalMarker band = (IntervalMarker) marker;
            labels.add(band.getLabel());
            spans.add(new Range(band.getStartValue(), band.getEndValue()));
        }
        assertThat(labels).containsExactly("q", "k", "v");
        assertThat(spans).containsExactly(new Range(-0.5, 31.5), new Range(31.5, 63.5), new Range(63.5, 95.5));
        draw(chart);
    }

    @Test
    void gpt2sCAttnAndAnLstmAreSplitButAPlainLinearIsNot() {
        assertThat(markers(BiasChartFactory.create(vector("h.0.attn.c_attn.bias", "Conv1D", new float[2304]),
                ChartTheme.dark()))).hasSize(3);
        assertThat(markers(BiasChartFactory.create(vector("lstm.bias_hh_l0", "LSTM", new float[64]),
                ChartTheme.dark()))).extracting(m -> ((IntervalMarker) m).getLabel())
                .containsExactly("input i", "forget f", "cell g", "output o");
        assertThat(markers(BiasChartFactory.create(vector("fc1.bias", "Linear", new float[96]),
                ChartTheme.dark()))).isEmpty();
    }

    @Test
    void theSourceFileIsASubtitleUnderTheFullParameterName() {
        JFreeChart chart = BiasChartFactory.create(vector("blocks.0.0.bias", "Linear", 1f, 2f), ChartTheme.dark());
        BiasChartFactory.setSource(chart, "simple_net.pt", ChartTheme.dark());
        BiasChartFactory.setSource(chart, "other.pt", ChartTheme.dark());

        assertThat(chart.getTitle().getText()).isEqualTo("blocks.0.0.bias");
        assertThat(BiasChartFactory.subtitle(chart, BiasChartFactory.SOURCE_ID).getText()).isEqualTo("other.pt");
        assertThat(BiasChartFactory.subtitle(chart, BiasChartFactory.SOURCE_ID).getPaint())
                .isEqualTo(ChartTheme.dark().text());
        long sources = java.util.stream.IntStream.range(0, chart.getSubtitleCount())
                .mapToObj(chart::getSubtitle).filter(t -> t instanceof org.jfree.chart.title.TextTitle).count();
        assertThat(sources).isEqualTo(1);
    }

    @Test
    void changeBarsAreColouredBySign() {
        ChartTheme theme = ChartTheme.light();
        JFreeChart chart = ComparisonChartFactory.create("fc1.bias", new ChartSeries("a.pt", new float[] {0, 0, 0}),
                new ChartSeries("b.pt", new float[] {1, -1, 0}), new ChartSeries("change", new float[] {1, -1, 0}),
                theme);
        var bars = ComparisonChartFactory.changePlot(chart).getRenderer();

        assertThat(bars.getItemPaint(0, 0)).isEqualTo(theme.increase());
        assertThat(bars.getItemPaint(0, 1)).isEqualTo(theme.decrease());
        assertThat(theme.increase()).isNotEqualTo(theme.decrease());
        List<String> legend = new ArrayList<>();
        var items = chart.getXYPlot().getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            legend.add(items.get(i).getLabel());
        }
        assertThat(legend).containsExactly("a.pt", "b.pt", "increase", "decrease");
        ChartExporter.render(chart, WIDTH, HEIGHT, 1.0);
    }

    @Test
    void aLongChangeIsOneBarPerPixelColumnEachWayWithItsExtremes() {
        int n = 200_000;
        float[] before = new float[n];
        float[] change = new float[n];
        Random random = new Random(9);
        for (int i = 0; i < n; i++) {
            change[i] = (float) (random.nextGaussian() * 0.01);
        }
        change[150_000] = 0.5f;
        change[60_000] = -0.4f;
        JFreeChart chart = ComparisonChartFactory.create("head.bias", new ChartSeries("a.pt", before),
                new ChartSeries("b.pt", change), new ChartSeries("change", change), ChartTheme.light());
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT), info);
        g2.dispose();

        List<String> changeTips = new ArrayList<>();
        for (Object e : info.getEntityCollection().getEntities()) {
            if (e instanceof XYItemEntity item && item.getDataset() instanceof BiasDataset d
                    && d.getSeriesKey(0).equals("change")) {
                changeTips.add(item.getToolTipText());
            }
        }
        assertThat(changeTips).hasSizeLessThanOrEqualTo(2 * WIDTH)
                .contains("index 150000: 0.500000", "index 60000: -0.400000");
        Rectangle2D changeArea = info.getPlotInfo().getSubplotInfo(1).getDataArea();
        var changePlot = ComparisonChartFactory.changePlot(chart);
        double x = changePlot.getDomainAxis().valueToJava2D(150_000, changeArea, RectangleEdge.BOTTOM);
        double top = changePlot.getRangeAxis().valueToJava2D(0.45, changeArea, RectangleEdge.LEFT);
        assertThat(hasColourNear(image, x, top, ChartTheme.light().increase())).isTrue();
    }

    @Test
    void theHistogramTakesTheBinCountAskedForWithRoundEdges() {
        float[] values = new float[1000];
        Random random = new Random(2);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        for (int asked : new int[] {10, 20, 50, 100}) {
            HistogramChartFactory.Bins bins = HistogramChartFactory.bins(List.of(new ChartSeries("x", values)), asked);
            assertThat(bins.count()).as("asked %d", asked).isBetween((int) (asked / 1.7), (int) (asked * 1.7));
            assertThat(bins.width().stripTrailingZeros().unscaledValue().intValue()).isIn(1, 2, 5);
            assertThat(bins.lower() / bins.width().doubleValue())
                    .isCloseTo(Math.rint(bins.lower() / bins.width().doubleValue()), org.assertj.core.api.Assertions.within(1e-9));
        }
        JFreeChart chart = HistogramChartFactory.create("h", List.of(new ChartSeries("x", values)), ChartTheme.light(), 20);
        Drawn d = draw(chart);
        Graphics2D g2 = d.image().createGraphics();
        List<String> valueLabels = labels(g2, chart.getXYPlot().getDomainAxis(), d.dataArea(), RectangleEdge.BOTTOM);
        g2.dispose();
        // every tick on a bin edge
        double width = HistogramChartFactory.bins(List.of(new ChartSeries("x", values)), 20).width().doubleValue();
        NumberAxis axis = (NumberAxis) chart.getXYPlot().getDomainAxis();
        double tick = axis.getTickUnit().getSize();
        assertThat(tick / width).isCloseTo(Math.rint(tick / width), org.assertj.core.api.Assertions.within(1e-9));
        assertReadable(valueLabels, 20);
        assertPlain(valueLabels);
    }

    @Test
    void histogramTicksFallOnBinEdgesEvenWhenTheBinsAreWide() {
        float[] values = {-0.26f, -0.2f, -0.1f, 0f, 0.05f, 0.1f, 0.2f, 0.26f};
        JFreeChart chart = HistogramChartFactory.create("h", List.of(new ChartSeries("x", values)),
                ChartTheme.light());
        draw(chart);
        double width = HistogramChartFactory.bins(List.of(new ChartSeries("x", values)), 0).width().doubleValue();
        double tick = ((NumberAxis) chart.getXYPlot().getDomainAxis()).getTickUnit().getSize();

        assertThat(tick / width).isGreaterThanOrEqualTo(1 - 1e-9);
        assertThat(tick / width).isCloseTo(Math.rint(tick / width), org.assertj.core.api.Assertions.within(1e-9));
    }

    private static Collection<?> markers(JFreeChart chart) {
        Collection<?> markers = chart.getXYPlot().getDomainMarkers(Layer.BACKGROUND);
        return markers == null ? List.of() : markers;
    }

    private static boolean isBlueish(int rgb) {
        Color c = new Color(rgb);
        return c.getBlue() > c.getRed() + 10;
    }

    /** Whether a pixel within 3 pixels of (x, y) has exactly {@code colour}. */
    private static int pixelsOfColourNear(BufferedImage image, double x, double y, Color colour) {
        int count = 0;
        for (int dy = -4; dy <= 4; dy++) {
            for (int dx = -4; dx <= 4; dx++) {
                int px = (int) Math.round(x) + dx;
                int py = (int) Math.round(y) + dy;
                if (px >= 0 && py >= 0 && px < image.getWidth() && py < image.getHeight()
                        && distance(image.getRGB(px, py), colour.getRGB()) < 60) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int distance(int rgb1, int rgb2) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d += Math.abs(((rgb1 >> shift) & 0xFF) - ((rgb2 >> shift) & 0xFF));
        }
        return d;
    }

    static boolean hasColourNear(BufferedImage image, double x, double y, Color colour) {
        for (int dy = -3; dy <= 3; dy++) {
            for (int dx = -3; dx <= 3; dx++) {
                int px = (int) Math.round(x) + dx;
                int py = (int) Math.round(y) + dy;
                if (px >= 0 && py >= 0 && px < image.getWidth() && py < image.getHeight()
                        && (image.getRGB(px, py) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    return true;
                }
            }
        }
        return false;
    }
}
