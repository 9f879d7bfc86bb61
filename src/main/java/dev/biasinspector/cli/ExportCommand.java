package dev.biasinspector.cli;

import dev.biasinspector.chart.BiasChartFactory;
import dev.biasinspector.chart.ChartExporter;
import dev.biasinspector.chart.ChartSeries;
import dev.biasinspector.chart.ChartTheme;
import dev.biasinspector.model.BiasVector;
import dev.biasinspector.model.FileLabels;
import dev.biasinspector.model.LoadedModel;
import org.jfree.chart.JFreeChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "export", description = "Write the bias scatter chart of one or more layers as PNG.")
final class ExportCommand implements Callable<Integer> {

    @Mixin
    ModelOptions modelOptions;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "NAME",
            description = "Bias names or module paths; several give one chart with a legend.")
    List<String> names;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.png", description = "PNG file to write.")
    Path output;

    @Option(names = "--width", defaultValue = "800", paramLabel = "W", description = "Width in pixels (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "500", paramLabel = "H", description = "Height in pixels (default ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--dark", description = "Use the dark theme.")
    boolean dark;

    @Option(names = "--compare", paramLabel = "B",
            description = "A second checkpoint of the same model: each bias is drawn from both files, named by file.")
    Path compare;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (width < 16 || height < 16 || width > ChartExporter.MAX_SIDE || height > ChartExporter.MAX_SIDE) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--width and --height must be between 16 and " + ChartExporter.MAX_SIDE);
        }
        LoadedModel model = modelOptions.open();
        List<BiasVector> series = new ArrayList<>();
        for (String name : names) {
            series.add(DumpCommand.load(model, name, modelOptions));
        }
        ChartTheme theme = dark ? ChartTheme.dark() : ChartTheme.light();
        JFreeChart chart = compare == null ? BiasChartFactory.create(series, theme)
                : comparisonChart(series, modelOptions.model, modelOptions.open(compare), compare, theme);
        // The PNG says which file it shows.
        String[] files = compare == null ? null : FileLabels.distinct(modelOptions.model, compare);
        BiasChartFactory.setSource(chart, compare == null ? fileName(modelOptions.model)
                : files[0] + " \u2192 " + files[1], theme);
        try {
            ChartExporter.writePng(chart, output, width, height, 1.0);
        } catch (IOException e) {
            throw new ModelFileException(output, e);
        }
        spec.commandLine().getErr().println("wrote " + output);
        return 0;
    }

    private static String fileName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    /** Each bias from model A and from model B, the series named by file ("A"/"B" in the legend). */
    static JFreeChart comparisonChart(List<BiasVector> fromA, Path fileA, LoadedModel other, Path fileB,
                                      ChartTheme theme) throws ModelFileException {
        String[] files = FileLabels.distinct(fileA, fileB);
        List<ChartSeries> series = new ArrayList<>();
        List<String> layers = new ArrayList<>();
        for (BiasVector a : fromA) {
            BiasVector b = DumpCommand.load(other, a.name(), fileB);
            String layer = a.name();
            layers.add(layer);
            String suffix = fromA.size() == 1 ? "" : " " + layer;
            series.add(new ChartSeries(files[0] + suffix, a.values()));
            series.add(new ChartSeries(files[1] + suffix, b.values()));
        }
        return BiasChartFactory.create(String.join(", ", layers), series, theme);
    }
}
