package dev.biasinspector.session;

import dev.biasinspector.chart.EvolutionChartFactory.Shading;

/**
 * How the user asked to see the content: scatter or histogram, which checkpoint the slider
 * points at, and what colours the checkpoint heat map.
 *
 * @param histogram  whether to show a histogram instead of the scatter
 * @param checkpoint index of the checkpoint shown in a checkpoint series
 * @param shading    what the heat map's colour shows
 */
public record ChartOptions(boolean histogram, int checkpoint, Shading shading) {

    public static final ChartOptions DEFAULT = new ChartOptions(false, 0, Shading.CHANGE);

    public ChartOptions withHistogram(boolean on) {
        return new ChartOptions(on, checkpoint, shading);
    }

    public ChartOptions withCheckpoint(int index) {
        return new ChartOptions(histogram, index, shading);
    }

    public ChartOptions withShading(Shading newShading) {
        return new ChartOptions(histogram, checkpoint, newShading);
    }
}
