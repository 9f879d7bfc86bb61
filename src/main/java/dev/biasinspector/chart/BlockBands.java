package dev.biasinspector.chart;

import dev.biasinspector.model.BiasBlocks;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

import java.util.List;

/**
 * The parts of a fused bias ({@link BiasBlocks}: q, k, v or an RNN's gates) as bands behind the
 * points, every other one shaded, each labelled at the top. {@link ChartTheme} colours them.
 */
final class BlockBands {

    private BlockBands() {
    }

    /** A band over one block's indexes [start − ½, end − ½]. */
    static final class Band extends IntervalMarker {

        final int position;

        Band(BiasBlocks.Block block, int position) {
            super(block.start() - 0.5, block.end() - 0.5);
            this.position = position;
            setLabel(block.label());
            setLabelAnchor(RectangleAnchor.TOP);
            setLabelTextAnchor(TextAnchor.TOP_CENTER);
            setLabelOffset(new org.jfree.chart.ui.RectangleInsets(4, 0, 0, 0));
            setLabelBackgroundColor(new java.awt.Color(0, 0, 0, 0));
        }

        /** Every other band is shaded, so neighbours stay apart without a colour each. */
        boolean shaded() {
            return position % 2 == 0;
        }
    }

    static void add(XYPlot plot, List<BiasBlocks.Block> blocks) {
        for (int i = 0; i < blocks.size(); i++) {
            plot.addDomainMarker(new Band(blocks.get(i), i), Layer.BACKGROUND);
        }
    }
}
