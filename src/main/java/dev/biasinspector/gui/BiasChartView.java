package dev.biasinspector.gui;

import dev.biasinspector.chart.BiasChartFactory;
import dev.biasinspector.chart.ChartTheme;
import dev.biasinspector.model.BiasVector;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;

import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.SwingConstants;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Dimension;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.Optional;

/**
 * The right side: the scatter of the selected bias with its statistics, or a message in its place
 * ("Loading…", "Select a layer…"). Drag a rectangle to zoom, drag leftwards or double-click to reset.
 */
public final class BiasChartView extends JPanel {

    private static final String CHART_CARD = "chart";
    private static final String MESSAGE_CARD = "message";

    private final CardLayout cards = new CardLayout();
    private final JPanel center = new JPanel(cards);
    private final ChartPanel chartPanel;
    private final JLabel message = new JLabel("", SwingConstants.CENTER);
    private final StatisticsPanel statistics = new StatisticsPanel();

    private ChartTheme theme;
    private BiasVector vector;

    public BiasChartView(ChartTheme theme) {
        super(new BorderLayout());
        this.theme = theme;
        // No "save"/"print" entries: JFreeChart's own save writes on the EDT and drops the error.
        chartPanel = new ChartPanel(null, false, false, false, true, true);
        chartPanel.setName("biasChart");
        chartPanel.setMouseWheelEnabled(true);
        chartPanel.setMinimumDrawWidth(80);
        chartPanel.setMinimumDrawHeight(60);
        // The defaults (1024x768) make JFreeChart stretch a bitmap on large windows.
        chartPanel.setMaximumDrawWidth(8000);
        chartPanel.setMaximumDrawHeight(8000);
        chartPanel.setPreferredSize(new Dimension(640, 420));
        chartPanel.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2 && e.getButton() == MouseEvent.BUTTON1) {
                    resetZoom();
                }
            }
        });
        message.setName("chartMessage");
        message.setEnabled(false);
        center.add(chartPanel, CHART_CARD);
        center.add(message, MESSAGE_CARD);
        add(center, BorderLayout.CENTER);
        add(statistics, BorderLayout.SOUTH);
        showMessage("");
    }

    /** Replaces the chart's right-click menu with the application's commands. */
    public void setChartMenu(JPopupMenu menu) {
        chartPanel.setPopupMenu(menu);
    }

    public void show(BiasVector newVector) {
        this.vector = newVector;
        chartPanel.setChart(BiasChartFactory.create(newVector, theme));
        statistics.show(newVector.statistics());
        cards.show(center, CHART_CARD);
    }

    /** Shows {@code text} where the chart was; the chart is forgotten. */
    public void showMessage(String text) {
        vector = null;
        chartPanel.setChart(null);
        statistics.clear();
        message.setText(text);
        cards.show(center, MESSAGE_CARD);
    }

    /** Repaints the current chart in a new theme, keeping the zoom. */
    public void setTheme(ChartTheme newTheme) {
        this.theme = newTheme;
        JFreeChart chart = chartPanel.getChart();
        if (chart != null) {
            newTheme.applyTo(chart);
        }
    }

    public ChartTheme theme() {
        return theme;
    }

    public Optional<JFreeChart> chart() {
        return Optional.ofNullable(chartPanel.getChart());
    }

    public Optional<BiasVector> vector() {
        return Optional.ofNullable(vector);
    }

    /** The chart's current size on screen, the natural size of an export. */
    public Dimension chartSize() {
        return chartPanel.getSize();
    }

    public void resetZoom() {
        if (chartPanel.getChart() != null) {
            chartPanel.restoreAutoBounds();
        }
    }

    ChartPanel chartPanel() {
        return chartPanel;
    }
}
