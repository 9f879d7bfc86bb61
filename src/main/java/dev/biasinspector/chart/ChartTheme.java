package dev.biasinspector.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.statistics.HistogramDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The look of a bias chart, built from explicit colours so that the same theme renders in a
 * window, in a headless test and in the command line's PNG. JFreeChart's default grey plot does
 * not follow the application's look and feel; the GUI builds one of these from its current
 * FlatLaf colours instead.
 *
 * @param isDark         whether this is a dark theme (informational; used for names and tests)
 * @param background     area around the plot, also the PNG's background
 * @param plotBackground inside the axes
 * @param grid           grid lines
 * @param text           title, axis labels, tick labels, legend
 * @param axis           axis lines and tick marks
 * @param zeroLine       the horizontal line at value 0
 * @param series         point colours, one per series, reused cyclically
 * @param font           base font; the title is derived from it (bold, larger)
 */
public record ChartTheme(boolean isDark, Color background, Color plotBackground, Color grid, Color text,
                         Color axis, Color zeroLine, List<Color> series, Font font) {

    private static final double POINT_SIZE = 7.0;
    private static final Font DEFAULT_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    public ChartTheme {
        Objects.requireNonNull(background);
        Objects.requireNonNull(plotBackground);
        Objects.requireNonNull(grid);
        Objects.requireNonNull(text);
        Objects.requireNonNull(axis);
        Objects.requireNonNull(zeroLine);
        Objects.requireNonNull(font);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a theme needs at least one series colour");
        }
        series = List.copyOf(series);
    }

    /** Light theme matching FlatLaf Light. */
    public static ChartTheme light() {
        return new ChartTheme(false, new Color(0xF2F2F2), Color.WHITE, new Color(0xE0E0E0),
                new Color(0x1F1F1F), new Color(0x8C8C8C), new Color(0x6E6E6E),
                List.of(new Color(0x1F77B4), new Color(0xD62728), new Color(0x2CA02C), new Color(0xFF7F0E),
                        new Color(0x9467BD), new Color(0x8C564B)),
                DEFAULT_FONT);
    }

    /** Dark theme matching FlatLaf Dark. */
    public static ChartTheme dark() {
        return new ChartTheme(true, new Color(0x3C3F41), new Color(0x2B2B2B), new Color(0x45484A),
                new Color(0xDDDDDD), new Color(0x8A8D8F), new Color(0xA9B7C6),
                List.of(new Color(0x4FA3F7), new Color(0xFF6B6B), new Color(0x6BD66B), new Color(0xFFB347),
                        new Color(0xC39BEA), new Color(0xD2A58B)),
                DEFAULT_FONT);
    }

    /** The same theme with another base font (e.g. the look and feel's default font). */
    public ChartTheme withFont(Font newFont) {
        return new ChartTheme(isDark, background, plotBackground, grid, text, axis, zeroLine, series, newFont);
    }

    public Color seriesColor(int index) {
        return series.get(index % series.size());
    }

    /** Point shape of a series: circles first, then other shapes so series stay apart in grey scale. */
    public static Shape seriesShape(int index) {
        double s = POINT_SIZE;
        double h = s / 2;
        return switch (index % 4) {
            case 0 -> new Ellipse2D.Double(-h, -h, s, s);
            case 1 -> new Rectangle2D.Double(-h + 0.5, -h + 0.5, s - 1, s - 1);
            case 2 -> polygon(0, -h - 0.5, h + 0.5, 0, 0, h + 0.5, -h - 0.5, 0);
            default -> polygon(0, -h - 0.5, h + 0.5, h, -h - 0.5, h);
        };
    }

    private static Shape polygon(double... xy) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(xy[i], xy[i + 1]);
        }
        path.closePath();
        return path;
    }

    /**
     * Paints a chart made by one of this package's factories in this theme: a single XY plot or a
     * combined one (its subplots share the index axis), scatter points, bars, heat-map blocks and
     * their colour legend. Series colours run on across subplots, so "after − before" below a
     * before/after scatter gets a colour of its own. Safe to call again on a theme switch.
     */
    public void applyTo(JFreeChart chart) {
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setBackgroundPaint(background);
        chart.setBorderVisible(false);
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setPaint(text);
            title.setFont(font.deriveFont(Font.BOLD, font.getSize2D() + 3f));
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setBackgroundPaint(background);
            legend.setItemPaint(text);
            legend.setItemFont(font);
            legend.setFrame(new org.jfree.chart.block.BlockBorder(background));
        }
        XYPlot plot = chart.getXYPlot();
        if (plot instanceof CombinedDomainXYPlot combined) {
            styleAxis(combined.getDomainAxis());
            combined.setBackgroundPaint(background);
            combined.setOutlineVisible(false);
            int firstColour = 0;
            for (XYPlot subplot : combined.getSubplots()) {
                firstColour = stylePlot(subplot, firstColour);
            }
        } else {
            stylePlot(plot, 0);
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof PaintScaleLegend scaleLegend) {
                styleScaleLegend(scaleLegend);
            } else if (chart.getSubtitle(i) instanceof TextTitle subtitle) {
                boolean warning = BiasChartFactory.NON_FINITE_ID.equals(subtitle.getID());
                subtitle.setPaint(warning ? warning() : text);
                subtitle.setFont(warning ? font.deriveFont(Font.BOLD) : font);
                subtitle.setPadding(new RectangleInsets(2, 0, 2, 0));
            }
        }
    }

    /** The colour of warnings drawn on a chart (where NaN and ±Inf are). */
    public Color warning() {
        return isDark ? new Color(0xFF8A80) : new Color(0xB71C1C);
    }

    /** Bars of an increase in a comparison's change view. */
    public Color increase() {
        return isDark ? new Color(0x6BD66B) : new Color(0x2CA02C);
    }

    /** Bars of a decrease. */
    public Color decrease() {
        return isDark ? new Color(0xFF8A65) : new Color(0xE6550D);
    }

    /** Styles one plot; returns the colour index for the next plot's first series. */
    private int stylePlot(XYPlot plot, int firstColour) {
        plot.setBackgroundPaint(plotBackground);
        plot.setOutlinePaint(axis);
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        if (plot.getDomainAxis() != null) {
            styleAxis(plot.getDomainAxis());
        }
        styleAxis(plot.getRangeAxis());
        styleMarkers(plot.getRangeMarkers(Layer.BACKGROUND));
        styleMarkers(plot.getRangeMarkers(Layer.FOREGROUND));
        styleMarkers(plot.getDomainMarkers(Layer.BACKGROUND));
        XYItemRenderer renderer = plot.getRenderer();
        if (renderer instanceof XYBlockRenderer blocks) {
            if (blocks.getPaintScale() instanceof DivergingPaintScale scale) {
                blocks.setPaintScale(recolour(scale));
            }
            return firstColour;
        }
        if (renderer instanceof XYBarRenderer bars) {
            bars.setBarPainter(new StandardXYBarPainter());
            bars.setShadowVisible(false);
            bars.setDrawBarOutline(false);
        }
        if (renderer instanceof SignedBarRenderer signed) {
            signed.setColours(increase(), decrease());
            plot.setFixedLegendItems(signed.legendItems());
            return firstColour + 1;
        }
        int count = plot.getDataset() == null ? 0 : plot.getDataset().getSeriesCount();
        boolean overlaid = renderer instanceof XYBarRenderer && plot.getDataset() instanceof HistogramDataset
                && count > 1;
        int colour = firstColour;
        for (int i = 0; i < count; i++) {
            if (isReference(plot, i)) {
                renderer.setSeriesPaint(i, axis);
                renderer.setSeriesShape(i, seriesShape(0));
                if (renderer instanceof XYLineAndShapeRenderer points) {
                    points.setSeriesShapesFilled(i, false);
                }
                continue;
            }
            renderer.setSeriesPaint(i, overlaid ? translucent(seriesColor(colour)) : seriesColor(colour));
            renderer.setSeriesShape(i, seriesShape(colour));
            if (renderer instanceof XYBarRenderer bars && plot.getDataset() instanceof HistogramDataset && !overlaid) {
                // one histogram: neighbouring bars parted by a hairline of the plot's background
                bars.setDrawBarOutline(true);
                bars.setSeriesOutlinePaint(i, plotBackground);
                bars.setSeriesOutlineStroke(i, new BasicStroke(0.8f));
            }
            if (overlaid) {
                // Overlaid histograms: see-through fills, each outlined in its own solid colour.
                ((XYBarRenderer) renderer).setDrawBarOutline(true);
                renderer.setSeriesOutlinePaint(i, seriesColor(colour));
                renderer.setSeriesOutlineStroke(i, new BasicStroke(1.2f));
            }
            colour++;
        }
        return colour;
    }

    /**
     * Whether series {@code i} is a faint reference drawn behind the others (the first checkpoint
     * under the one the slider shows): grey hollow circles instead of a colour of its own.
     */
    private static boolean isReference(XYPlot plot, int i) {
        return plot.getDataset() instanceof BiasDataset data && data.isReference(i);
    }

    private static Color translucent(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 110);
    }

    /** Negative values in the first series colour, positive in the second, zero like the plot. */
    DivergingPaintScale recolour(DivergingPaintScale scale) {
        return scale.withColours(seriesColor(0), plotBackground, seriesColor(1));
    }

    private void styleScaleLegend(PaintScaleLegend scaleLegend) {
        if (scaleLegend.getScale() instanceof DivergingPaintScale scale) {
            scaleLegend.setScale(recolour(scale));
        }
        scaleLegend.setBackgroundPaint(background);
        scaleLegend.setStripOutlineVisible(true);
        scaleLegend.setStripOutlinePaint(axis);
        styleAxis(scaleLegend.getAxis());
    }

    private void styleAxis(ValueAxis valueAxis) {
        valueAxis.setLabelPaint(text);
        valueAxis.setLabelFont(font.deriveFont(font.getSize2D() + 1f));
        valueAxis.setTickLabelPaint(text);
        valueAxis.setTickLabelFont(font.deriveFont(font.getSize2D() - 1f));
        valueAxis.setAxisLinePaint(axis);
        valueAxis.setTickMarkPaint(axis);
    }

    private void styleMarkers(Collection<?> markers) {
        if (markers == null) {
            return;
        }
        for (Object marker : markers) {
            if (marker instanceof BlockBands.Band band) {
                band.setPaint(band.shaded() ? new Color(text.getRed(), text.getGreen(), text.getBlue(), 22)
                        : new Color(0, 0, 0, 0));
                band.setOutlinePaint(grid);
                band.setOutlineStroke(new BasicStroke(1f));
                band.setLabelPaint(text);
                band.setLabelFont(font.deriveFont(Font.BOLD));
            } else if (marker instanceof IntervalMarker band) {
                // a frame around a row (the checkpoint the slider shows), not a filled band
                band.setOutlinePaint(text);
            } else {
                ((Marker) marker).setPaint(zeroLine);
            }
        }
    }
}
