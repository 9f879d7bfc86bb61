package dev.biasinspector.gui;

import dev.biasinspector.testing.DemoModels;
import dev.biasinspector.testing.Fixtures;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.fixture.JCheckBoxFixture;
import org.assertj.swing.fixture.JFileChooserFixture;
import org.assertj.swing.fixture.JPopupMenuFixture;
import org.assertj.swing.fixture.JSpinnerFixture;
import org.assertj.swing.fixture.JTextComponentFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.swing.JFormattedTextField;
import javax.swing.JTextField;
import java.awt.Dimension;
import java.awt.Image;
import java.awt.Toolkit;
import java.awt.datatransfer.DataFlavor;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** File > Export Chart as PNG and Export Values as CSV, answered through their dialogs. */
class ExportTest extends AppWindowTestBase {

    private static final String FIXTURE = "simple_scripted.pt";

    @TempDir
    Path folder;

    @Test
    void exportsThePngThroughTheMenuAtTheChosenSize() throws IOException {
        start(Optional.of(Fixtures.path(FIXTURE)));
        tree().clickPath("SimpleNet/fc2");
        awaitChartOf("fc2.bias");
        Path target = folder.resolve("fc2-chart.png");

        window.menuItemWithPath("File", "Export Chart as PNG\u2026").click();
        JFileChooserFixture chooser = window.fileChooser(LOAD_TIMEOUT);
        fileName(chooser).setText(target.toString());
        new JSpinnerFixture(robot, "pngWidth").enterTextAndCommit("640");
        new JSpinnerFixture(robot, "pngHeight").enterTextAndCommit("400");
        approve(chooser, fileName(chooser), target.toString());

        BufferedImage image = awaitPng(target);
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(400);
        // The export uses the window's chart theme, not JFreeChart's white default.
        int background = onEdt(() -> Themes.chartTheme().background().getRGB()) & 0xFFFFFF;
        assertThat(image.getRGB(2, 2) & 0xFFFFFF).isEqualTo(background);
        assertThat(window.label("statusText").text()).contains("fc2-chart.png", "640 \u00d7 400");
        assertThat(settings.lastFolder()).contains(folder.toAbsolutePath());
    }

    @Test
    void copyChartPutsTheChartAsShownOnTheClipboard() throws Exception {
        start(Optional.of(Fixtures.path(FIXTURE)));
        awaitChartOf("fc1.bias");
        Dimension onScreen = onEdt(() -> frame.chartView().chartSize());

        window.menuItemWithPath("File", "Copy Chart").click();

        Image copied = (Image) Toolkit.getDefaultToolkit().getSystemClipboard().getData(DataFlavor.imageFlavor);
        assertThat(copied.getWidth(null)).isEqualTo(onScreen.width);
        assertThat(copied.getHeight(null)).isEqualTo(onScreen.height);
        assertThat(window.label("statusText").text()).contains("copied");
    }

    @Test
    void theChartsRightClickMenuIsTheWindowsExportAndZoomNotJFreeChartsOwn() {
        start(Optional.of(Fixtures.path(FIXTURE)));
        awaitChartOf("fc1.bias");

        JPopupMenuFixture menu = window.panel("biasChart").showPopupMenu();
        try {
            // JFreeChart's own save writes on the EDT and drops errors; the window's export reports them.
            assertThat(menu.menuLabels()).containsExactly("Export Chart as PNG\u2026", "Copy Chart",
                    "Export Values as CSV\u2026", "Reset Zoom");
        } finally {
            robot.pressAndReleaseKeys(KeyEvent.VK_ESCAPE);
        }
    }

    @Test
    void theDefaultSizeIsTheChartsSizeAndTwoXDoublesIt() throws IOException {
        start(Optional.of(Fixtures.path(FIXTURE)));
        awaitChartOf("fc1.bias");
        Dimension onScreen = onEdt(() -> frame.chartView().chartSize());
        Path target = folder.resolve("hidpi"); // no extension: the dialog adds .png

        pressMenuShortcut(KeyEvent.VK_S);
        JFileChooserFixture chooser = window.fileChooser(LOAD_TIMEOUT);
        assertThat(new JSpinnerFixture(robot, "pngWidth").target().getValue()).isEqualTo(onScreen.width);
        assertThat(new JSpinnerFixture(robot, "pngHeight").target().getValue()).isEqualTo(onScreen.height);
        fileName(chooser).setText(target.toString());
        // A robot click on the chooser's accessory was once lost on a loaded machine (no file was
        // written); the checkbox's own click on the EDT runs the same listeners.
        JCheckBoxFixture doubleScale = new JCheckBoxFixture(robot, "pngDoubleScale");
        onEdt(() -> {
            doubleScale.target().doClick();
            return null;
        });
        doubleScale.requireSelected();
        approve(chooser, fileName(chooser), target.toString());

        BufferedImage image = awaitPng(folder.resolve("hidpi.png"));
        assertThat(image.getWidth()).isEqualTo(2 * onScreen.width);
        assertThat(image.getHeight()).isEqualTo(2 * onScreen.height);
    }

    @Test
    void overwritingAsksFirstAndNoKeepsTheOldFile() throws IOException {
        start(Optional.of(Fixtures.path(FIXTURE)));
        awaitChartOf("fc1.bias");
        Path target = folder.resolve("existing.png");
        Files.writeString(target, "keep me");

        window.menuItemWithPath("File", "Export Chart as PNG\u2026").click();
        JFileChooserFixture chooser = window.fileChooser(LOAD_TIMEOUT);
        approve(chooser, fileName(chooser), target.toString());
        clickAndAwaitClosed(window.optionPane(LOAD_TIMEOUT).requireMessage("existing.png already exists. Replace it?").noButton());
        cancel(chooser);
        awaitIdle();
        assertThat(Files.readString(target)).isEqualTo("keep me");

        // Without a window manager the frame may not get the focus back from the closed chooser.
        window.focus();
        window.menuItemWithPath("File", "Export Chart as PNG\u2026").click();
        chooser = window.fileChooser(LOAD_TIMEOUT);
        approve(chooser, fileName(chooser), target.toString());
        clickAndAwaitClosed(window.optionPane(LOAD_TIMEOUT).yesButton());

        assertThat(awaitPng(target).getWidth()).isPositive();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(target); // no temporary file left behind
        }
    }

    @Test
    void exportsTheValuesAsCsvThatReadBackAsPyTorchsFloats() throws IOException {
        start(Optional.of(Fixtures.path(FIXTURE)));
        tree().clickPath("SimpleNet/fc2");
        awaitChartOf("fc2.bias");
        Path target = folder.resolve("fc2.csv");

        window.menuItemWithPath("File", "Export Values as CSV\u2026").click();
        JFileChooserFixture chooser = window.fileChooser(LOAD_TIMEOUT);
        approve(chooser, fileName(chooser), target.toString());

        awaitFile(target);
        List<String> lines = Files.readAllLines(target);
        float[] expected = Fixtures.biasValues(FIXTURE, "fc2.bias");
        assertThat(lines).hasSize(expected.length + 1);
        assertThat(lines.get(0)).isEqualTo("index,value");
        for (int i = 0; i < expected.length; i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertThat(Integer.parseInt(cells[0])).isEqualTo(i);
            assertThat(Float.parseFloat(cells[1])).isEqualTo(expected[i]);
        }
    }

    @Test
    void aComparisonExportsAsShownAndItsValuesSideBySide() throws IOException {
        start(Optional.of(DemoModels.path("simple_net.pt")));
        onEdt(() -> {
            frame.session().compareWith(DemoModels.path("simple_net_trained.pt"));
            return null;
        });
        awaitTrue("the comparison", () -> frame.session().isIdle() && frame.session().comparison().isPresent()
                && frame.chartView().content().isPresent());
        Dimension onScreen = onEdt(() -> frame.chartView().chartSize());

        window.menuItemWithPath("File", "Export Chart as PNG…").click();
        JFileChooserFixture chooser = window.fileChooser(LOAD_TIMEOUT);
        assertThat(fileName(chooser).text()).isEqualTo("fc1-compare.png");
        Path png = folder.resolve("fc1-compare.png");
        approve(chooser, fileName(chooser), png.toString());
        BufferedImage image = awaitPng(png);
        assertThat(image.getWidth()).isEqualTo(onScreen.width);
        assertThat(image.getHeight()).isEqualTo(onScreen.height);

        window.menuItemWithPath("File", "Export Values as CSV…").click();
        chooser = window.fileChooser(LOAD_TIMEOUT);
        Path csv = folder.resolve("fc1-compare.csv");
        approve(chooser, fileName(chooser), csv.toString());
        awaitFile(csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("index,simple_net.pt,simple_net_trained.pt,change");
        float[] before = DemoModels.values("simple_net.pt", "fc1.bias");
        float[] after = DemoModels.values("simple_net_trained.pt", "fc1.bias");
        assertThat(lines).hasSize(21);
        for (int i = 0; i < 20; i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertThat(Float.parseFloat(cells[1])).isEqualTo(before[i]);
            assertThat(Float.parseFloat(cells[2])).isEqualTo(after[i]);
            assertThat(Float.parseFloat(cells[3])).isEqualTo(after[i] - before[i]);
        }
    }

    /** The chooser's file name field (the size spinners in the accessory are text fields too). */
    private JTextComponentFixture fileName(JFileChooserFixture chooser) {
        JTextField field = robot.finder().find(chooser.target(), new GenericTypeMatcher<>(JTextField.class, true) {
            @Override
            protected boolean isMatching(JTextField component) {
                return !(component instanceof JFormattedTextField);
            }
        });
        return new JTextComponentFixture(robot, field);
    }

    private BufferedImage awaitPng(Path file) throws IOException {
        awaitFile(file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as("decodable PNG").isNotNull();
        return image;
    }

    private void awaitFile(Path file) {
        Pause.pause(new Condition("a PNG or CSV at " + file) {
            @Override
            public boolean test() {
                try {
                    return Files.size(file) > 8 && onEdt(() -> !window.label("statusText").text().contains("Saving"));
                } catch (IOException e) {
                    return false;
                }
            }
        }, LOAD_TIMEOUT);
        robot.waitForIdle();
    }
}
