package dev.biasinspector.export;

import dev.biasinspector.chart.BiasChartFactory;
import dev.biasinspector.chart.ChartTheme;

import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChartExporterTest {

    @TempDir
    Path folder;

    private final JFreeChart chart =
            BiasChartFactory.create(vector("fc1.bias", "fc1", 0.5f, -0.25f, 0.125f), ChartTheme.light());

    @Test
    void writesADecodablePngOfTheRequestedSize() throws IOException {
        Path png = folder.resolve("fc1.png");

        ChartExporter.writePng(chart, png, 640, 400, 1);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(400);
        // The corner is the theme's background, not JFreeChart's default white or a black void.
        assertThat(image.getRGB(1, 1) & 0xFFFFFF).isEqualTo(ChartTheme.light().background().getRGB() & 0xFFFFFF);
    }

    @Test
    void scaleTwoDoublesThePixels() throws IOException {
        Path png = folder.resolve("fc1@2x.png");

        ChartExporter.writePng(chart, png, 300, 200, 2);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(600);
        assertThat(image.getHeight()).isEqualTo(400);
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFileBehind() throws IOException {
        Path png = folder.resolve("chart.png");
        Files.writeString(png, "old contents");

        ChartExporter.writePng(chart, png, 200, 100, 1);

        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(200);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(png);
        }
    }

    @Test
    void aMissingFolderFailsWithoutCreatingAnything() {
        Path png = folder.resolve("no-such-folder").resolve("chart.png");

        assertThatThrownBy(() -> ChartExporter.writePng(chart, png, 200, 100, 1))
                .isInstanceOf(NoSuchFileException.class);
        assertThat(png.getParent()).doesNotExist();
    }

    @Test
    void absurdSizesAreRejectedBeforeAllocating() {
        Path png = folder.resolve("chart.png");
        assertThatThrownBy(() -> ChartExporter.writePng(chart, png, 0, 100, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChartExporter.writePng(chart, png, 100_000, 100, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChartExporter.writePng(chart, png, 100, 100, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(png).doesNotExist();
    }

    @Test
    void darkThemeIsWhatThePngShows() {
        JFreeChart dark = BiasChartFactory.create(vector("fc1.bias", "fc1", 1f, 2f), ChartTheme.dark());
        BufferedImage image = ChartExporter.render(dark, 300, 200, 1);
        assertThat(image.getRGB(1, 1) & 0xFFFFFF).isEqualTo(ChartTheme.dark().background().getRGB() & 0xFFFFFF);
    }

    private static dev.biasinspector.model.BiasVector vector(String name, String module, float... values) {
        return new dev.biasinspector.model.BiasVector(name, module, "Linear", new long[] {values.length},
                dev.biasinspector.model.DType.FLOAT32, values);
    }
}
