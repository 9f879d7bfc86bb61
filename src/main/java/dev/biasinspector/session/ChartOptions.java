package dev.biasinspector.session;

import dev.biasinspector.chart.EvolutionChartFactory.Shading;
import dev.biasinspector.chart.HistogramChartFactory;

/**
 * How the user asked to see the content: scatter or histogram, which checkpoint the slider
 * points at, and what colours the checkpoint heat map.
 *
 * @param histogram  whether to show a histogram instead of the scatter
 * @param checkpoint index of the checkpoint shown in a checkpoint series
 * @param shading    what the heat map's colour shows
 * @param bins       about how many histogram bins, {@link HistogramChartFactory#AUTOMATIC} for the
 *                   Freedman–Diaconis rule
 */
public record ChartOptions(boolean histogram, int checkpoint, Shading shading, int bins) {

    public static final ChartOptions DEFAULT = new ChartOptions(false, 0, Shading.CHANGE, HistogramChartFactory.AUTOMATIC);

    public ChartOptions {
        if (bins < 0 || bins > HistogramChartFactory.MAX_REQUESTED_BINS) {
            throw new IllegalArgumentException("bin count must be between 1 and "
                    + HistogramChartFactory.MAX_REQUESTED_BINS + " (0: automatic), got " + bins);
        }
    }

    public ChartOptions(boolean histogram, int checkpoint, Shading shading) {
        this(histogram, checkpoint, shading, HistogramChartFactory.AUTOMATIC);
    }

    public ChartOptions withHistogram(boolean on) {
        return new ChartOptions(on, checkpoint, shading, bins);
    }

    public ChartOptions withCheckpoint(int index) {
        return new ChartOptions(histogram, index, shading, bins);
    }

    public ChartOptions withShading(Shading newShading) {
        return new ChartOptions(histogram, checkpoint, newShading, bins);
    }

    public ChartOptions withBins(int newBins) {
        return new ChartOptions(histogram, checkpoint, shading, newBins);
    }

    // equals and hashCode are written out: a record's own are linked on their first call through
    // ObjectMethods' bootstrap, about 12 ms of every `export` (async-profiler, 3 runs), which
    // compares options once. ChartOptionsTest checks that they cover every component.

    @Override
    public boolean equals(Object other) {
        return other instanceof ChartOptions o && histogram == o.histogram && checkpoint == o.checkpoint
                && shading == o.shading && bins == o.bins;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(histogram, checkpoint, shading, bins);
    }
}
