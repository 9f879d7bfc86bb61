package dev.biasinspector.cli;

import dev.biasinspector.chart.ChartTheme;
import dev.biasinspector.export.ChartExporter;
import dev.biasinspector.export.ViewExport;
import dev.biasinspector.model.BiasEdit;
import dev.biasinspector.model.BiasLookup;
import dev.biasinspector.model.SeededInput;
import dev.biasinspector.model.UnknownBiasException;
import dev.biasinspector.session.BiasSession;
import dev.biasinspector.session.ChartContent;
import dev.biasinspector.session.Engine;
import dev.biasinspector.session.OpenModel;
import dev.biasinspector.session.SessionListener;
import dev.biasinspector.session.TaskRunner;
import dev.biasinspector.session.WhatIfInput;
import dev.biasinspector.session.WhatIfRequest;
import org.jfree.chart.JFreeChart;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Writes the chart the window would show for the same choices, drawn by the same code: the
 * session opens MODEL (a checkpoint folder becomes a series), compares, selects and picks the
 * view exactly as the window's commands do, and {@link ViewExport} draws its content.
 */
final class ExportCommand implements Callable<Integer> {

    final ModelOptions modelOptions = new ModelOptions();

    List<String> names;

    Path output;

    int width;

    int height;

    boolean dark;

    String view;

    int bins;

    Path compare;

    String whatIf;

    String inputShape;

    long seed;

    CommandSpec spec;

    /** This command as picocli's model, bound to these fields (in code: see {@link Binding}). */
    CommandSpec declare() {
        spec = DeferredFactory.specOf(this).name("export");
        spec.usageMessage().description("Write the chart of one or more layers as PNG, as the window shows it.");
        modelOptions.declareIn(spec);
        Binding<List<String>> namesField = Binding.of(() -> names, v -> names = v);
        spec.addPositional(PositionalParamSpec.builder().index("1..*").arity("1..*").required(true).paramLabel("NAME")
                .type(List.class).auxiliaryTypes(String.class)
                .description("Bias names or module paths; several give one chart with a legend.")
                .getter(namesField).setter(namesField).build());
        spec.addOption(Binding.option(Path.class, () -> output, v -> output = v, "-o", "--output")
                .required(true).paramLabel("FILE.png")
                .description("PNG file to write; - writes it to standard output.").build());
        spec.addOption(Binding.option(int.class, () -> width, v -> width = v, "--width")
                .defaultValue("800").paramLabel("W").description("Width in pixels (default ${DEFAULT-VALUE}).").build());
        spec.addOption(Binding.option(int.class, () -> height, v -> height = v, "--height")
                .defaultValue("500").paramLabel("H").description("Height in pixels (default ${DEFAULT-VALUE}).").build());
        spec.addOption(Binding.flag("--dark", "Use the dark theme.", () -> dark, v -> dark = v));
        spec.addOption(Binding.option(String.class, () -> view, v -> view = v, "--view")
                .defaultValue("scatter").paramLabel("VIEW")
                .description("scatter (values by index, the default) or histogram.").build());
        spec.addOption(Binding.option(int.class, () -> bins, v -> bins = v, "--bins")
                .defaultValue("0").paramLabel("N")
                .description("About how many histogram bins (round widths; default: automatic).").build());
        spec.addOption(Binding.option(Path.class, () -> compare, v -> compare = v, "--compare").paramLabel("B")
                .description("A second checkpoint of the same model: both versions of the first NAME and the change, as in the window.")
                .build());
        spec.addOption(Binding.option(String.class, () -> whatIf, v -> whatIf = v, "--whatif").paramLabel("CHANGE")
                .description("zero, scale=K or shift=K: run the model (needs --engine djl) with the first NAME changed "
                        + "in memory and draw both outputs and the change.").build());
        spec.addOption(Binding.option(String.class, () -> inputShape, v -> inputShape = v, "--input-shape")
                .paramLabel("SHAPE")
                .description("Input shape for --whatif, e.g. 1,10 (default: from the first Linear layer).").build());
        spec.addOption(Binding.option(long.class, () -> seed, v -> seed = v, "--seed")
                .defaultValue("" + SeededInput.DEFAULT_SEED).paramLabel("N")
                .description("Seed of the random normal input for --whatif (default ${DEFAULT-VALUE}).").build());
        return spec;
    }

    /** The same session the window uses, on the calling thread. */
    private final BiasSession session = new BiasSession(TaskRunner.sameThread(), null);
    private SessionListener.Failure failure;

    @Override
    public Integer call() throws Exception {
        if (width < 16 || height < 16 || width > ChartExporter.MAX_SIDE || height > ChartExporter.MAX_SIDE) {
            throw new ParameterException(spec.commandLine(),
                    "--width and --height must be between 16 and " + ChartExporter.MAX_SIDE);
        }
        if (bins < 0 || bins > dev.biasinspector.chart.HistogramChartFactory.MAX_REQUESTED_BINS) {
            throw new ParameterException(spec.commandLine(), "--bins must be between 1 and "
                    + dev.biasinspector.chart.HistogramChartFactory.MAX_REQUESTED_BINS);
        }
        boolean histogram = switch (view.toLowerCase(Locale.ROOT)) {
            case "scatter" -> false;
            case "histogram" -> true;
            default -> throw new ParameterException(spec.commandLine(),
                    "'" + view + "' is not a view (use scatter or histogram)");
        };
        BiasEdit edit = whatIf == null ? null : edit(whatIf);
        if (edit != null && modelOptions.engine != Engine.DJL) {
            throw new ParameterException(spec.commandLine(),
                    "--whatif runs the model with DJL, which runs code stored in the file: add --engine djl");
        }
        ChartContent content = content(histogram, edit);
        ChartTheme theme = dark ? ChartTheme.dark() : ChartTheme.light();
        if (output.toString().equals("-")) {
            // Binary PNG bytes: the raw process stream, not picocli's text writer.
            JFreeChart chart = ViewExport.chart(content, session.options(), theme);
            ChartExporter.writePng(ChartExporter.render(chart, width, height, 1.0), System.out);
            return 0;
        }
        try {
            ViewExport.writePng(content, session.options(), theme, output, width, height, 1.0);
        } catch (IOException e) {
            throw new ModelFileException(output, e);
        }
        spec.commandLine().getErr().println("wrote " + output);
        if (content instanceof ChartContent.WhatIf whatIf) {
            whatIf.result().topClasses().ifPresent(t -> spec.commandLine().getOut().println(t.sentence()));
        }
        return 0;
    }

    /** Opens, compares, selects and runs as the window would; every failure names its file. */
    private ChartContent content(boolean histogram, BiasEdit edit) throws ModelFileException {
        session.addListener(new SessionListener() {
            @Override
            public void failed(Failure failed) {
                failure = failed;
            }
        });
        session.open(modelOptions.model, modelOptions.engine);
        throwIfFailed(modelOptions.model);
        OpenModel open = session.current().orElseThrow();
        List<String> biases = new ArrayList<>();
        for (String name : names) {
            try {
                biases.add(BiasLookup.find(open.model(), name).name());
            } catch (UnknownBiasException e) {
                throw new ModelFileException(modelOptions.model, e.getMessage());
            }
        }
        if (compare != null) {
            if (open.checkpoints().isPresent()) {
                throw new ParameterException(spec.commandLine(), "--compare needs one model, not a folder of checkpoints");
            }
            session.compareWith(compare);
            throwIfFailed(compare);
        }
        session.select(biases);
        session.setHistogram(histogram);
        session.setBins(bins);
        if (edit != null) {
            return whatIf(open, biases.get(0), edit);
        }
        ChartContent content = session.content()
                .orElseThrow(() -> new ModelFileException(modelOptions.model, session.message()));
        if (compare != null && !(content instanceof ChartContent.Compared)) {
            // The window shows the open model's bias with this sentence above it; a file needs both.
            String why = session.comparison().orElseThrow().whyNotCompared(biases.get(0));
            throw new ModelFileException(compare, why.substring(0, why.length() - 1));
        }
        return content;
    }

    private ChartContent whatIf(OpenModel open, String bias, BiasEdit edit) throws ModelFileException {
        Path file = open.torchScriptFile().orElseThrow(() -> new ModelFileException(modelOptions.model,
                "--whatif needs a TorchScript model (a .pt file or a DJL model folder with one)"));
        long[] shape;
        try {
            shape = inputShape != null ? WhatIfInput.parseShape(inputShape)
                    : SeededInput.suggestedShape(open.model()).orElseThrow(() -> new IllegalArgumentException(
                    "the model does not start with a Linear layer: give the input's shape with --input-shape"));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        WhatIfRequest request = new WhatIfRequest(file, open.model().fileName(), bias, edit, shape,
                SeededInput.normal(shape, seed));
        ChartContent[] done = new ChartContent[1];
        Throwable[] failed = new Throwable[1];
        session.runWhatIf(request, result -> done[0] = result, cause -> failed[0] = cause);
        if (failed[0] != null) {
            throw new ModelFileException(modelOptions.model, failed[0]);
        }
        return done[0];
    }

    private void throwIfFailed(Path file) throws ModelFileException {
        if (failure != null) {
            throw new ModelFileException(file, failure.cause());
        }
    }

    /** "zero", "scale=0.5", "shift=-1". */
    private BiasEdit edit(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        if (lower.equals("zero")) {
            return BiasEdit.zero();
        }
        int eq = lower.indexOf('=');
        String kind = eq < 0 ? lower : lower.substring(0, eq);
        if (eq > 0 && (kind.equals("scale") || kind.equals("shift"))) {
            try {
                double amount = WhatIfInput.parseAmount(lower.substring(eq + 1));
                return kind.equals("scale") ? BiasEdit.scale(amount) : BiasEdit.shift(amount);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--whatif " + text + ": " + e.getMessage());
            }
        }
        throw new ParameterException(spec.commandLine(), "'" + text + "' is not a change (use zero, scale=K or shift=K)");
    }
}
