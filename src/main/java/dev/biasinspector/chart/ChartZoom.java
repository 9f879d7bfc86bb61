package dev.biasinspector.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;

import java.util.List;

/**
 * Carries the user's zoom from one chart to another of the same kind: a copy drawn on a worker
 * for export, or the chart rebuilt when the slider moves to another checkpoint. Axes the user
 * has not zoomed stay automatic.
 */
public final class ChartZoom {

    private ChartZoom() {
    }

    public static void copy(JFreeChart from, JFreeChart to) {
        XYPlot source = from.getXYPlot();
        XYPlot target = to.getXYPlot();
        copyAxis(source.getDomainAxis(), target.getDomainAxis());
        if (source instanceof CombinedDomainXYPlot a && target instanceof CombinedDomainXYPlot b) {
            List<XYPlot> sourcePlots = a.getSubplots();
            List<XYPlot> targetPlots = b.getSubplots();
            for (int i = 0; i < Math.min(sourcePlots.size(), targetPlots.size()); i++) {
                copyAxis(sourcePlots.get(i).getRangeAxis(), targetPlots.get(i).getRangeAxis());
            }
        } else if (!(source instanceof CombinedDomainXYPlot) && !(target instanceof CombinedDomainXYPlot)) {
            copyAxis(source.getRangeAxis(), target.getRangeAxis());
        }
    }

    private static void copyAxis(ValueAxis from, ValueAxis to) {
        if (from != null && to != null && !from.isAutoRange()) {
            to.setRange(from.getRange());
        }
    }
}
