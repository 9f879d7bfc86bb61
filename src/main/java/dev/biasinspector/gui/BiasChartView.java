package dev.biasinspector.gui;

import dev.biasinspector.session.ChartContent;
import dev.biasinspector.session.ChartOptions;

import dev.biasinspector.chart.ChartTheme;
import dev.biasinspector.chart.ChartZoom;
import dev.biasinspector.chart.EvolutionChartFactory.Shading;
import dev.biasinspector.model.BiasVector;
import dev.biasinspector.session.BiasSession;
import dev.biasinspector.session.SessionListener;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;

import javax.swing.Action;
import javax.swing.BorderFactory;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JToggleButton;
import javax.swing.JToolBar;
import javax.swing.SwingConstants;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.event.ActionEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.Optional;

/**
 * The right side: the chart of what is selected (see {@link ChartContent}) with its statistics,
 * or a message in its place ("Loading…", "Select a layer…"). Above the chart: the scatter /
 * histogram toggle and, for a checkpoint series, what the heat map colours; below it, for a
 * series, the checkpoint slider. Drag a rectangle to zoom, drag leftwards or double-click to reset.
 */
public final class BiasChartView extends JPanel {

    private static final String CHART_CARD = "chart";
    private static final String MESSAGE_CARD = "message";
    private static final String SHADE_CHANGE = "Colour: change since first";
    private static final String SHADE_VALUE = "Colour: value";
    private static final String[] BIN_CHOICES = {"Bins: auto", "10 bins", "20 bins", "50 bins", "100 bins"};

    private final CardLayout cards = new CardLayout();
    private final JPanel center = new JPanel(cards);
    private final ChartPanel chartPanel;
    private final JLabel message = new JLabel("", SwingConstants.CENTER);
    private final JLabel notice = new JLabel();
    private final JPanel tools = new JPanel(new FlowLayout(FlowLayout.TRAILING, 6, 0));
    /**
     * The heat map's colour choice and the histogram's bin count, made when first shown: a start
     * shows neither, and these two and the overlay table were 23 ms of it (first chart 510 -> 487 ms
     * median, 25 interleaved starts).
     */
    private JComboBox<String> shading;
    private JComboBox<String> bins;
    private final BiasSession session;
    private final CheckpointSlider slider;
    private final JLabel statisticsCaption = new JLabel();
    private final StatisticsPanel statistics = new StatisticsPanel();
    private final OverlayStatisticsTable overlayStatistics = new OverlayStatisticsTable();

    private ChartTheme theme;
    /** True while the view sets its own controls from the session: their listeners stay quiet. */
    private boolean updating;
    /** What is drawn, as last told by the session. */
    private ChartContent content;
    private ChartOptions options = ChartOptions.DEFAULT;

    /** A view of {@code session}'s chart; the slider and the shading choice go back to it. */
    public BiasChartView(ChartTheme theme, BiasSession session) {
        super(new BorderLayout());
        this.theme = theme;
        this.session = session;
        this.slider = new CheckpointSlider(session::showCheckpoint);
        // No JFreeChart menu: the window sets its own (setChartMenu), whose export reports errors;
        // JFreeChart's own save writes on the EDT and drops the error. Drawn between 80x60 and
        // 8000x8000: the defaults' 1024x768 make JFreeChart stretch a bitmap on large windows.
        chartPanel = new ChartPanel(null, 640, 420, 80, 60, 8000, 8000, true,
                false, false, false, false, false, true);
        chartPanel.setName("biasChart");
        chartPanel.setMouseWheelEnabled(true);
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

        notice.setName("chartNotice");
        notice.putClientProperty("FlatLaf.styleClass", "small");
        JPanel top = new JPanel(new BorderLayout(8, 0));
        top.setBorder(BorderFactory.createEmptyBorder(4, 12, 2, 8));
        top.add(notice, BorderLayout.CENTER);
        top.add(tools, BorderLayout.EAST);

        slider.setVisible(false);
        statisticsCaption.setName("statisticsCaption");
        statisticsCaption.setEnabled(false);
        statisticsCaption.setBorder(BorderFactory.createEmptyBorder(4, 18, 0, 12));
        JPanel bottom = new JPanel(new BorderLayout());
        bottom.add(slider, BorderLayout.NORTH);
        bottom.add(statisticsCaption, BorderLayout.CENTER);
        JPanel numbers = new JPanel(new BorderLayout());
        numbers.add(statistics, BorderLayout.NORTH);
        numbers.add(overlayStatistics, BorderLayout.CENTER);
        bottom.add(numbers, BorderLayout.SOUTH);

        add(top, BorderLayout.NORTH);
        add(center, BorderLayout.CENTER);
        add(bottom, BorderLayout.SOUTH);
        showMessage("");
        session.addListener(new SessionListener() {
            @Override
            public void chartChanged(boolean sameContent) {
                showSession(sameContent);
            }
        });
    }

    /** Replaces the chart's right-click menu with the application's commands. */
    public void setChartMenu(JPopupMenu menu) {
        chartPanel.setPopupMenu(menu);
    }

    /**
     * Adds the Scatter | Histogram switch to the row above the chart. The histogram action holds
     * the state (it is also in the View menu); Scatter switches it off.
     */
    public void addViewSwitch(Action histogram) {
        JToggleButton scatter = new JToggleButton("Scatter");
        scatter.setName("scatterToggle");
        scatter.setToolTipText("Values by index");
        scatter.setSelected(!Boolean.TRUE.equals(histogram.getValue(Action.SELECTED_KEY)));
        scatter.addActionListener(e -> {
            if (Boolean.TRUE.equals(histogram.getValue(Action.SELECTED_KEY))) {
                histogram.putValue(Action.SELECTED_KEY, false);
                histogram.actionPerformed(new ActionEvent(scatter, ActionEvent.ACTION_PERFORMED, "scatter"));
            }
            scatter.setSelected(true);
        });
        JToggleButton bars = new JToggleButton(histogram);
        bars.setName("histogramToggle");
        histogram.addPropertyChangeListener(e -> {
            if (Action.SELECTED_KEY.equals(e.getPropertyName())) {
                scatter.setSelected(!Boolean.TRUE.equals(e.getNewValue()));
            }
        });
        JToolBar bar = new JToolBar();
        bar.setFloatable(false);
        bar.setBorder(BorderFactory.createEmptyBorder());
        for (JToggleButton button : new JToggleButton[] {scatter, bars}) {
            button.setFocusable(false);
            bar.add(button);
        }
        tools.add(bar);
    }

    private JComboBox<String> shadingChoice() {
        if (shading == null) {
            shading = new JComboBox<>(new DefaultComboBoxModel<>(new String[] {SHADE_CHANGE, SHADE_VALUE}));
            shading.setName("heatMapShading");
            shading.setToolTipText("What the colour of the checkpoint heat map shows");
            shading.addActionListener(e -> {
                if (!updating) {
                    session.setShading(SHADE_VALUE.equals(shading.getSelectedItem()) ? Shading.VALUE : Shading.CHANGE);
                }
            });
            tools.add(shading, 0);
            tools.revalidate();
        }
        return shading;
    }

    private JComboBox<String> binsChoice() {
        if (bins == null) {
            bins = new JComboBox<>(new DefaultComboBoxModel<>(BIN_CHOICES));
            bins.setName("histogramBins");
            bins.setToolTipText("About how many bins the histogram has (round widths; every series shares them)");
            bins.addActionListener(e -> {
                if (!updating) {
                    session.setBins(binsOf((String) bins.getSelectedItem()));
                }
            });
            // After the shading choice, before the Scatter | Histogram switch.
            tools.add(bins, shading == null ? 0 : 1);
            tools.revalidate();
        }
        return bins;
    }

    /** Shows or hides the two choices, those already made (a hidden one need not exist). */
    private void showChoices(boolean shadingShown, boolean binsShown) {
        if (shading != null) {
            shading.setVisible(shadingShown);
        }
        if (bins != null) {
            bins.setVisible(binsShown);
        }
    }

    /** Draws what the session shows now; {@code sameContent}: only the options changed, keep the zoom. */
    void showSession(boolean sameContent) {
        Optional<ChartContent> shown = session.content();
        if (shown.isEmpty()) {
            showMessage(session.message());
            return;
        }
        ChartContent newContent = shown.get();
        ChartOptions newOptions = session.options();
        boolean series = newContent instanceof ChartContent.Evolution;
        updating = true;
        try {
            if (newContent instanceof ChartContent.Evolution evolution) {
                slider.setCheckpoints(evolution.evolution().checkpoints(), newOptions.checkpoint());
            }
            if (series && !newOptions.histogram()) {
                shadingChoice().setSelectedItem(newOptions.shading() == Shading.VALUE ? SHADE_VALUE : SHADE_CHANGE);
            }
            if (newOptions.histogram()) {
                binsChoice().setSelectedItem(newOptions.bins() == 0 ? BIN_CHOICES[0] : newOptions.bins() + " bins");
            }
        } finally {
            updating = false;
        }
        this.content = newContent;
        this.options = newOptions;
        slider.setVisible(series);
        showChoices(series && !options.histogram(), options.histogram());
        notice.setText(newContent.notice());
        redraw(sameContent);
        cards.show(center, CHART_CARD);
    }

    /** Shows {@code text} where the chart was; the chart is forgotten. */
    private void showMessage(String text) {
        content = null;
        chartPanel.setChart(null);
        statistics.clear();
        overlayStatistics.show(List.of());
        statisticsCaption.setText(" ");
        notice.setText("");
        slider.setVisible(false);
        showChoices(false, false);
        message.setText(text);
        cards.show(center, MESSAGE_CARD);
    }

    /** "20 bins" → 20, "Bins: auto" → 0. */
    private static int binsOf(String choice) {
        return choice == null || choice.equals(BIN_CHOICES[0]) ? 0 : Integer.parseInt(choice.split(" ")[0]);
    }

    /** Moves the checkpoint slider (as the user would) and shows that checkpoint. */
    public void showCheckpoint(int index) {
        session.showCheckpoint(index);
    }

    private void redraw(boolean keepZoom) {
        if (content == null) {
            return;
        }
        JFreeChart old = chartPanel.getChart();
        JFreeChart chart = content.chart(options, theme);
        if (keepZoom && old != null) {
            ChartZoom.copy(old, chart);
        }
        chartPanel.setChart(chart);
        statistics.show(content.primary(options).statistics());
        overlayStatistics.show(content instanceof ChartContent.Biases biases ? biases.vectors() : List.of());
        String caption = content.primaryCaption(options);
        statisticsCaption.setText(caption.isEmpty() ? " " : "Statistics of " + caption);
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

    /** What is shown, if anything. */
    public Optional<ChartContent> content() {
        return Optional.ofNullable(content);
    }

    public ChartOptions options() {
        return options;
    }

    /** The vector whose statistics are shown: the selected bias, the first of several, or the checkpoint's. */
    public Optional<BiasVector> vector() {
        return content().map(c -> c.primary(options));
    }

    /**
     * A new chart equal to the one shown, zoom included, sharing nothing mutable with it: another
     * thread may draw it (an export) while the EDT paints the original.
     */
    public Optional<JFreeChart> copyOfChart(ChartTheme copyTheme) {
        if (content == null || chartPanel.getChart() == null) {
            return Optional.empty();
        }
        JFreeChart copy = content.chart(options, copyTheme);
        ChartZoom.copy(chartPanel.getChart(), copy);
        return Optional.of(copy);
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
