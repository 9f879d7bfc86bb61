package dev.biasinspector.cli;

import dev.biasinspector.chart.ChartTheme;
import dev.biasinspector.export.ChartExporter;
import dev.biasinspector.gui.BiasChartView;
import dev.biasinspector.model.BiasEdit;
import dev.biasinspector.model.SeededInput;
import dev.biasinspector.session.BiasSession;
import dev.biasinspector.session.ChartContent;
import dev.biasinspector.session.ChartOptions;
import dev.biasinspector.session.TaskRunner;
import dev.biasinspector.session.WhatIfRequest;
import dev.biasinspector.testing.DemoModels;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every kind of chart the window draws, {@code export} writes the same picture: the window's
 * chart view is bound to a session brought into a state by the same commands the window's menus
 * send, its chart is rendered at the export's size, and compared pixel for pixel with the PNG the
 * command line wrote for the matching options.
 */
class ExportDrawsWhatTheWindowShowsTest {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;
    private static final Path SIMPLE_NET = DemoModels.path("simple_net.pt");
    private static final Path TRAINED = DemoModels.path("simple_net_trained.pt");
    private static final Path CHECKPOINTS = DemoModels.path("checkpoints");

    @TempDir
    Path temp;

    @Test
    void oneBiasAsAScatter() throws Exception {
        assertSamePicture(s -> s.open(SIMPLE_NET), SIMPLE_NET, "fc1");
    }

    @Test
    void severalBiasesOverlaid() throws Exception {
        assertSamePicture(s -> {
            s.open(SIMPLE_NET);
            s.select(List.of("fc1.bias", "fc2.bias"));
        }, SIMPLE_NET, "fc1", "fc2");
    }

    @Test
    void aHistogram() throws Exception {
        assertSamePicture(s -> {
            s.open(SIMPLE_NET);
            s.select(List.of("fc2.bias"));
            s.setHistogram(true);
        }, SIMPLE_NET, "fc2", "--view", "histogram");
    }

    @Test
    void aComparisonWithChangeBars() throws Exception {
        BufferedImage window = assertSamePicture(s -> {
            s.open(SIMPLE_NET);
            s.compareWith(TRAINED);
        }, SIMPLE_NET, "fc1", "--compare", TRAINED);
        assertThat(window.getWidth()).isEqualTo(WIDTH);
    }

    @Test
    void aComparisonAsAHistogram() throws Exception {
        assertSamePicture(s -> {
            s.open(SIMPLE_NET);
            s.compareWith(TRAINED);
            s.setHistogram(true);
        }, SIMPLE_NET, "fc1", "--compare", TRAINED, "--view", "histogram");
    }

    @Test
    void aCheckpointSeriesAsAHeatMap() throws Exception {
        assertSamePicture(s -> s.open(CHECKPOINTS), CHECKPOINTS, "fc1");
    }

    @Test
    void aCheckpointSeriesAsAHistogramOfTheLastCheckpoint() throws Exception {
        assertSamePicture(s -> {
            s.open(CHECKPOINTS);
            s.select(List.of("fc2.bias"));
            s.setHistogram(true);
        }, CHECKPOINTS, "fc2", "--view", "histogram");
    }

    @Test
    void aWhatIfRunAsTheWhatIfDialogDrawsIt() throws Exception {
        long[] shape = {1, 10};
        WhatIfRequest request = new WhatIfRequest(SIMPLE_NET.toAbsolutePath(), "simple_net.pt", "fc1.bias",
                BiasEdit.scale(0.5), shape, SeededInput.normal(shape, SeededInput.DEFAULT_SEED));
        List<ChartContent.WhatIf> done = new ArrayList<>();
        new BiasSession(TaskRunner.sameThread(), null).runWhatIf(request, done::add,
                failure -> { throw new AssertionError(failure); });
        // The dialog draws the run's content with default options in the window's theme.
        JFreeChart dialogChart = done.get(0).chart(ChartOptions.DEFAULT, ChartTheme.light());

        BufferedImage exported = export(SIMPLE_NET, "fc1", "--engine", "djl", "--whatif", "scale=0.5");

        assertThat(dialogChart.getTitle().getText()).isEqualTo("Output of simple_net.pt with fc1.bias scaled by 0.5");
        assertSamePixels(ChartExporter.render(dialogChart, WIDTH, HEIGHT, 1.0), exported);
    }

    @Test
    void theComparisonIsTitledAsInTheWindowNotAsAnOverlay() throws Exception {
        JFreeChart[] chart = new JFreeChart[1];
        SwingUtilities.invokeAndWait(() -> {
            BiasSession session = new BiasSession(TaskRunner.sameThread(), null);
            BiasChartView view = new BiasChartView(ChartTheme.light(), session);
            session.open(SIMPLE_NET);
            session.compareWith(TRAINED);
            chart[0] = view.chart().orElseThrow();
        });
        assertThat(chart[0].getTitle().getText()).isEqualTo("fc1.bias");
        // Change bars under the two files' values, not an overlay of two series.
        assertThat(dev.biasinspector.chart.ComparisonChartFactory.changePlot(chart[0]).getDataset().getSeriesKey(0))
                .isEqualTo("change (after \u2212 before)");
        assertThat(dev.biasinspector.chart.ComparisonChartFactory.valuesPlot(chart[0]).getDataset().getSeriesCount())
                .isEqualTo(2);
    }

    /** Drives a session bound to the window's chart view on the EDT, then exports with {@code args}. */
    private BufferedImage assertSamePicture(Consumer<BiasSession> commands, Path model, Object... args)
            throws Exception {
        BufferedImage[] window = new BufferedImage[1];
        SwingUtilities.invokeAndWait(() -> {
            BiasSession session = new BiasSession(TaskRunner.sameThread(), null);
            BiasChartView view = new BiasChartView(ChartTheme.light(), session);
            commands.accept(session);
            window[0] = ChartExporter.render(view.chart().orElseThrow(), WIDTH, HEIGHT, 1.0);
        });
        BufferedImage exported = export(model, args);
        assertSamePixels(window[0], exported);
        return window[0];
    }

    private BufferedImage export(Path model, Object... args) throws Exception {
        Path png = temp.resolve("export-" + System.nanoTime() + ".png");
        List<Object> command = new ArrayList<>(List.of("export", model));
        command.addAll(List.of(args));
        command.addAll(List.of("-o", png, "--width", WIDTH, "--height", HEIGHT));
        CliRun run = CliRun.of(command.toArray());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return ImageIO.read(png.toFile());
    }

    private static void assertSamePixels(BufferedImage window, BufferedImage exported) {
        assertThat(exported.getWidth()).isEqualTo(window.getWidth());
        assertThat(exported.getHeight()).isEqualTo(window.getHeight());
        int different = 0;
        for (int y = 0; y < window.getHeight(); y++) {
            for (int x = 0; x < window.getWidth(); x++) {
                if ((window.getRGB(x, y) & 0xFFFFFF) != (exported.getRGB(x, y) & 0xFFFFFF)) {
                    different++;
                }
            }
        }
        assertThat(different).as("pixels that differ").isZero();
    }
}
