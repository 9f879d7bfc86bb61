package dev.biasinspector.gui;

import dev.biasinspector.session.LoadFailure;
import dev.biasinspector.session.OpenModel;
import dev.biasinspector.session.WhatIfInput;

import dev.biasinspector.chart.ChartSeries;
import dev.biasinspector.chart.ComparisonChartFactory;
import dev.biasinspector.session.ChartContent;
import dev.biasinspector.session.ChartOptions;
import dev.biasinspector.session.WhatIfRequest;
import dev.biasinspector.session.WhatIfRuns;
import dev.biasinspector.session.TaskRunner;
import dev.biasinspector.model.BiasEdit;
import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.SeededInput;
import dev.biasinspector.model.WhatIfResult;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;

import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JRadioButton;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.SwingConstants;
import javax.swing.UIManager;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Model > What-if: scale, shift or zero one bias in libtorch's memory (the file is never
 * written), run the model with DJL on one input, and compare the outputs before and after. The
 * input is seeded random normal values of a shape taken from the first Linear layer, or typed by
 * the user (conv nets; or exact values to compare with PyTorch). Engine errors, such as an input
 * of the wrong shape, are shown in the dialog in one sentence; nothing else changes.
 */
public final class WhatIfDialog extends JDialog {

    private static final String CHART_CARD = "chart";
    private static final String MESSAGE_CARD = "message";

    private final AppContext context;
    private final OpenModel model;
    private final Path file;
    private final String modelName;

    private final JComboBox<String> bias;
    private final JRadioButton zero = radio("Set to zero", "whatIfZero");
    private final JRadioButton scale = radio("Scale by", "whatIfScale");
    private final JRadioButton shift = radio("Shift by", "whatIfShift");
    private final JTextField amount = field("0.5", 6, "whatIfAmount");
    private final JTextField shape = field("", 14, "whatIfShape");
    private final JLabel shapeHint = new JLabel();
    private final JRadioButton seeded = radio("Random normal values, seed", "whatIfSeeded");
    private final JTextField seed = field(Long.toString(SeededInput.DEFAULT_SEED), 8, "whatIfSeed");
    private final JRadioButton typed = radio("These values:", "whatIfTyped");
    private final JTextField values = field("", 28, "whatIfValues");
    private final JButton run = new JButton("Run");
    private final JLabel progressText = new JLabel();
    private final JProgressBar progress = new JProgressBar();
    private final JLabel error = new JLabel();
    private final JLabel summary = new JLabel(" ");
    private final CardLayout cards = new CardLayout();
    private final JPanel resultArea = new JPanel(cards);
    private final JLabel placeholder = new JLabel("", SwingConstants.CENTER);
    private final ChartPanel chartPanel = new ChartPanel(null, false, false, false, true, true);

    private TaskRunner.Handle running;
    private WhatIfResult result;
    private boolean asking;

    /**
     * @param model    the open model
     * @param file     the TorchScript file to run
     * @param biases   the biases the user may edit
     * @param selected the bias selected in the tree, preselected here
     * @param shape    the suggested input shape (first Linear layer), if known
     */
    private WhatIfDialog(AppContext context, OpenModel model, Path file, List<BiasEntry> biases,
                         Optional<String> selected, Optional<long[]> shape) {
        super(context.frame(), "What-if \u2014 " + model.model().fileName(), ModalityType.MODELESS);
        this.context = context;
        this.model = model;
        this.file = file;
        this.modelName = model.model().fileName();
        setName("whatIfDialog");
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);

        bias = new JComboBox<>(biases.stream().map(BiasEntry::name).toArray(String[]::new));
        bias.setName("whatIfBias");
        selected.ifPresent(bias::setSelectedItem);
        ButtonGroup edits = new ButtonGroup();
        for (JRadioButton button : List.of(zero, scale, shift)) {
            edits.add(button);
            button.addActionListener(e -> amount.setEnabled(!zero.isSelected()));
        }
        zero.setSelected(true);
        amount.setEnabled(false);
        shape.ifPresentOrElse(s -> {
            this.shape.setText(WhatIfInput.format(s));
            shapeHint.setText("from the first Linear layer");
        }, () -> shapeHint.setText("type it, e.g. 1, 3, 224, 224"));
        shapeHint.setEnabled(false);
        ButtonGroup inputs = new ButtonGroup();
        inputs.add(seeded);
        inputs.add(typed);
        seeded.setSelected(true);
        seeded.addActionListener(e -> inputChoiceChanged());
        typed.addActionListener(e -> inputChoiceChanged());
        values.setToolTipText("Numbers separated by commas, row by row");
        values.putClientProperty("JTextField.placeholderText", "e.g. 0.1, -0.2, 0.3, \u2026");
        inputChoiceChanged();

        run.setName("whatIfRun");
        run.addActionListener(e -> run());
        getRootPane().setDefaultButton(run);
        progress.setIndeterminate(true);
        progress.setPreferredSize(new Dimension(100, progress.getPreferredSize().height));
        progress.setVisible(false);
        progressText.setName("whatIfProgress");
        error.setName("whatIfError");
        error.setForeground(UIManager.getColor("Component.error.focusedBorderColor"));
        error.setVisible(false);
        summary.setName("whatIfSummary");

        chartPanel.setName("whatIfChart");
        chartPanel.setMouseWheelEnabled(true);
        chartPanel.setMaximumDrawWidth(8000);
        chartPanel.setMaximumDrawHeight(8000);
        placeholder.setEnabled(false);
        placeholder.setText("<html><center>Choose a change and press Run.<br>The model runs twice on the same input: "
                + "with the bias as stored and with the change.<br>The change is made in memory; the file is "
                + "never written.</center></html>");
        resultArea.add(placeholder, MESSAGE_CARD);
        resultArea.add(chartPanel, CHART_CARD);
        resultArea.setPreferredSize(new Dimension(720, 420));

        JPanel content = new JPanel(new BorderLayout(0, 8));
        content.setBorder(BorderFactory.createEmptyBorder(10, 12, 10, 12));
        content.add(form(), BorderLayout.NORTH);
        content.add(resultArea, BorderLayout.CENTER);
        content.add(summary, BorderLayout.SOUTH);
        setContentPane(content);
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                if (running != null) {
                    running.cancel();
                }
            }
        });
        pack();
        setLocationRelativeTo(context.frame());
        // The first engine start takes seconds; begin now so that Run answers sooner. Starting the
        // engine loads libtorch only: no code from the model file runs until Run.
        WhatIfRuns.warmUp();
    }

    /** The dialog for the open model, its selected bias preselected. Call on the EDT. */
    public static WhatIfDialog create(AppContext context, OpenModel model) {
        return new WhatIfDialog(context, model, model.torchScriptFile().orElseThrow(),
                model.model().allBiases(), context.session().selection().stream().findFirst().map(BiasEntry::name),
                SeededInput.suggestedShape(model.model()));
    }

    /** Whether this dialog runs {@code model}. */
    public boolean isFor(OpenModel model) {
        return this.model == model;
    }

    /** The last successful run, if any. */
    public Optional<WhatIfResult> result() {
        return Optional.ofNullable(result);
    }

    /** The chart of the last run, if any. */
    public Optional<JFreeChart> chart() {
        return Optional.ofNullable(chartPanel.getChart());
    }

    /** Whether a run is in progress. */
    public boolean isRunning() {
        return running != null;
    }

    private JPanel form() {
        JPanel form = new JPanel(new GridBagLayout());
        int row = 0;
        addRow(form, row++, "Bias", flow(bias));
        addRow(form, row++, "Change", flow(zero, scale, shift, amount));
        addRow(form, row++, "Input shape", flow(shape, shapeHint));
        addRow(form, row++, "Input", flow(seeded, seed));
        addRow(form, row++, "", flow(typed, values));
        JPanel actions = new JPanel(new BorderLayout(8, 0));
        actions.add(flow(progressText, progress), BorderLayout.CENTER);
        JButton close = new JButton("Close");
        close.setName("whatIfClose");
        close.addActionListener(e -> dispose());
        actions.add(flow(run, close), BorderLayout.EAST);
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = row++;
        c.gridwidth = 2;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        c.insets = new Insets(6, 0, 0, 0);
        form.add(actions, c);
        c.gridy = row;
        form.add(error, c);
        return form;
    }

    private static void addRow(JPanel form, int row, String label, JComponent field) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = row;
        c.anchor = GridBagConstraints.LINE_START;
        c.insets = new Insets(2, 0, 2, 12);
        form.add(new JLabel(label), c);
        c.gridx = 1;
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.insets = new Insets(2, 0, 2, 0);
        form.add(field, c);
    }

    private static JPanel flow(JComponent... components) {
        JPanel panel = new JPanel(new FlowLayout(FlowLayout.LEADING, 6, 0));
        for (JComponent component : components) {
            panel.add(component);
        }
        return panel;
    }

    private void inputChoiceChanged() {
        seed.setEnabled(seeded.isSelected());
        values.setEnabled(typed.isSelected());
    }

    /** Reads the form, asks for the DJL consent once, and runs on a worker. */
    private void run() {
        if (running != null || asking) {
            return;
        }
        String biasName = (String) bias.getSelectedItem();
        BiasEdit edit;
        long[] inputShape;
        float[] input;
        String inputText;
        try {
            edit = edit();
            inputShape = WhatIfInput.parseShape(shape.getText());
            if (typed.isSelected()) {
                input = WhatIfInput.parseValues(values.getText(), inputShape);
                inputText = "typed input " + WhatIfInput.describe(inputShape);
            } else {
                long chosenSeed = WhatIfInput.parseSeed(seed.getText());
                input = SeededInput.normal(inputShape, chosenSeed);
                inputText = "random input " + WhatIfInput.describe(inputShape) + ", seed " + chosenSeed;
            }
        } catch (IllegalArgumentException e) {
            showError(e.getMessage());
            return;
        }
        WhatIfRequest request = new WhatIfRequest(file, modelName, biasName, edit, inputShape, input);
        error.setVisible(false);
        run.setEnabled(false);
        asking = true;
        DjlConsent.whenAccepted(this, context.session(), context.settings().trustedModels(), file,
                "Run with DJL Engine",
                () -> {
                    asking = false;
                    if (isDisplayable()) {
                        start(request, inputText);
                    }
                },
                () -> {
                    asking = false;
                    run.setEnabled(true);
                });
    }

    /** Whether the dialog is waiting for the file's fingerprint or the user's consent. */
    boolean isAsking() {
        return asking;
    }

    private void start(WhatIfRequest request, String inputText) {
        progressText.setText(WhatIfRuns.isEngineStarted() ? "Running the model twice\u2026"
                : "Starting the DJL engine and running the model\u2026");
        progress.setVisible(true);
        running = context.session().runWhatIf(request,
                done -> {
                    finished();
                    show(done, inputText);
                },
                failure -> {
                    finished();
                    // The chart of an earlier run would look like the answer to this one.
                    result = null;
                    chartPanel.setChart(null);
                    placeholder.setText("No output: the model did not run. Change the input and press Run again.");
                    cards.show(resultArea, MESSAGE_CARD);
                    summary.setText(" ");
                    showError(sentence(failure));
                });
    }

    private BiasEdit edit() {
        if (zero.isSelected()) {
            return BiasEdit.zero();
        }
        double value = WhatIfInput.parseAmount(amount.getText());
        return scale.isSelected() ? BiasEdit.scale(value) : BiasEdit.shift(value);
    }

    private void finished() {
        running = null;
        run.setEnabled(true);
        progress.setVisible(false);
        progressText.setText("");
    }

    private void show(ChartContent.WhatIf content, String inputText) {
        WhatIfResult done = content.result();
        result = done;
        chartPanel.setChart(content.chart(ChartOptions.DEFAULT, context.chart().theme()));
        cards.show(resultArea, CHART_CARD);
        float[] change = done.change();
        int largest = 0;
        for (int i = 1; i < change.length; i++) {
            if (Math.abs(change[i]) > Math.abs(change[largest])) {
                largest = i;
            }
        }
        summary.setText(String.format(Locale.ROOT,
                "<html>%d output%s \u00b7 %slargest change %s (output %d) \u00b7 %s \u00b7 the file is unchanged</html>",
                change.length, change.length == 1 ? "" : "s",
                done.topClasses().map(t -> "<b>" + t.sentence() + "</b> \u00b7 ").orElse(""),
                dev.biasinspector.chart.BiasChartFactory.formatValue(change[largest]), largest, inputText));
    }

    private void showError(String sentence) {
        error.setText("<html>" + sentence.replace("&", "&amp;").replace("<", "&lt;") + "</html>");
        error.setVisible(true);
        getContentPane().revalidate();
    }

    /**
     * "The model could not run on this input: mat1 and mat2 shapes cannot be multiplied (1x7 and
     * 10x20)." The engine already reduces libtorch's traceback to its reason.
     */
    static String sentence(Throwable failure) {
        return WhatIfRuns.sentence(failure);
    }

    private static JRadioButton radio(String text, String name) {
        JRadioButton button = new JRadioButton(text);
        button.setName(name);
        return button;
    }

    private static JTextField field(String text, int columns, String name) {
        JTextField field = new JTextField(text, columns);
        field.setName(name);
        return field;
    }
}
