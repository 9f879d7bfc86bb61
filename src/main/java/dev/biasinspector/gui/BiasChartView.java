package dev.biasinspector.gui;

import dev.biasinspector.chart.BiasChartFactory;
import dev.biasinspector.chart.ChartTheme;
import dev.biasinspector.chart.ChartZoom;
import dev.biasinspector.chart.EvolutionChartFactory.Shading;
import dev.biasinspector.model.BiasVector;
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

    private final CardLayout cards = new CardLayout();
    private final JPanel center = new JPanel(cards);
    private final ChartPanel chartPanel;
    private final JLabel message = new JLabel("", SwingConstants.CENTER);
    private final JLabel notice = new JLabel();
    private final JPanel tools = new JPanel(new FlowLayout(FlowLayout.TRAILING, 6, 0));
    private final JComboBox<String> shading = new JComboBox<>(new DefaultComboBoxModel<>(
            new String[] {SHADE_CHANGE, SHADE_VALUE}));
    private final CheckpointSlider slider = new CheckpointSlider(this::showCheckpoint);
    private final JLabel statisticsCaption = new JLabel();
    private final StatisticsPanel statistics = new StatisticsPanel();

    private ChartTheme theme;
    private ChartContent content;
    private ChartOptions options = ChartOptions.DEFAULT;
    private String source = "";

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

        notice.setName("chartNotice");
        notice.putClientProperty("FlatLaf.styleClass", "small");
        shading.setName("heatMapShading");
        shading.setToolTipText("What the colour of the checkpoint heat map shows");
        shading.addActionListener(e -> setShading(
                SHADE_VALUE.equals(shading.getSelectedItem()) ? Shading.VALUE : Shading.CHANGE));
        shading.setVisible(false);
        tools.add(shading);
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
        bottom.add(statistics, BorderLayout.SOUTH);

        add(top, BorderLayout.NORTH);
        add(center, BorderLayout.CENTER);
        add(bottom, BorderLayout.SOUTH);
        showMessage("");
    }

    /**
     * Names where the charts come from (the open file), drawn as a subtitle in the window and in
     * exported PNGs. A comparison names its two files itself.
     */
    public void setSource(String newSource) {
        source = newSource == null ? "" : newSource;
        chart().ifPresent(c -> {
            if (!(content instanceof ChartContent.Compared)) {
                BiasChartFactory.setSource(c, source, theme);
            }
        });
    }

    private JFreeChart withSource(JFreeChart chart, ChartTheme chartTheme) {
        if (!(content instanceof ChartContent.Compared)) {
            BiasChartFactory.setSource(chart, source, chartTheme);
        }
        return chart;
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

    public void show(BiasVector vector) {
        show(new ChartContent.Biases(List.of(vector)));
    }

    /** Shows new content; a checkpoint series starts at its last checkpoint unless the slider fits it. */
    public void show(ChartContent newContent) {
        boolean series = newContent instanceof ChartContent.Evolution;
        if (newContent instanceof ChartContent.Evolution evolution) {
            boolean sameSeries = content instanceof ChartContent.Evolution old && old.size() == evolution.size();
            int index = sameSeries ? options.checkpoint() : evolution.size() - 1;
            options = options.withCheckpoint(index);
            slider.setCheckpoints(evolution.evolution().checkpoints(), index);
        }
        this.content = newContent;
        slider.setVisible(series);
        shading.setVisible(series && !options.histogram());
        notice.setText(newContent.notice());
        redraw(false);
        cards.show(center, CHART_CARD);
    }

    /** Shows {@code text} where the chart was; the chart is forgotten. */
    public void showMessage(String text) {
        content = null;
        chartPanel.setChart(null);
        statistics.clear();
        statisticsCaption.setText(" ");
        notice.setText("");
        slider.setVisible(false);
        shading.setVisible(false);
        message.setText(text);
        cards.show(center, MESSAGE_CARD);
    }

    /** Scatter (false) or histogram (true). */
    public void setHistogram(boolean on) {
        if (on != options.histogram()) {
            options = options.withHistogram(on);
            shading.setVisible(content instanceof ChartContent.Evolution && !on);
            redraw(false);
        }
    }

    /** Moves the checkpoint slider (as the user would) and shows that checkpoint. */
    public void showCheckpoint(int index) {
        if (content instanceof ChartContent.Evolution && index != options.checkpoint()) {
            options = options.withCheckpoint(index);
            if (slider.index() != index) {
                slider.setCheckpoints(((ChartContent.Evolution) content).evolution().checkpoints(), index);
            }
            redraw(true);
        }
    }

    private void setShading(Shading newShading) {
        if (newShading != options.shading()) {
            options = options.withShading(newShading);
            redraw(true);
        }
    }

    private void redraw(boolean keepZoom) {
        if (content == null) {
            return;
        }
        JFreeChart old = chartPanel.getChart();
        JFreeChart chart = withSource(content.chart(options, theme), theme);
        if (keepZoom && old != null) {
            ChartZoom.copy(old, chart);
        }
        chartPanel.setChart(chart);
        statistics.show(content.primary(options).statistics());
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
        JFreeChart copy = withSource(content.chart(options, copyTheme), copyTheme);
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
