package dev.biasinspector.cli;

import dev.biasinspector.chart.BiasChartFactory;
import dev.biasinspector.chart.ChartExporter;
import dev.biasinspector.chart.ChartTheme;
import dev.biasinspector.model.BiasVector;
import dev.biasinspector.model.LoadedModel;
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
        try {
            ChartExporter.writePng(BiasChartFactory.create(series, dark ? ChartTheme.dark() : ChartTheme.light()),
                    output, width, height, 1.0);
        } catch (IOException e) {
            throw new ModelFileException(output, e);
        }
        spec.commandLine().getErr().println("wrote " + output);
        return 0;
    }
}
