package dev.biasinspector.gui;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.biasinspector.testing.Fixtures;
import org.assertj.swing.core.MouseButton;
import org.jfree.chart.ChartPanel;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The main window on a PyTorch-made fixture, driven with the mouse and keyboard. */
class MainWindowTest extends AppWindowTestBase {

    static final String FIXTURE = "simple_scripted.pt";

    @Test
    void opensOnTheFirstLinearBiasWithTheFileNameInTheTitle() {
        start(Optional.of(Fixtures.path(FIXTURE)));

        awaitChartOf("fc1.bias");
        assertThat(onEdt(frame::getTitle)).isEqualTo(FIXTURE + " \u2014 Bias Inspector");
        assertThat(treeRows()).containsExactly("SimpleNet", "fc1", "fc2");
        assertThat(chartValues()).containsExactly(Fixtures.biasValues(FIXTURE, "fc1.bias"));
        assertThat(window.label("statusText").text())
                .contains("torchscript", "3 modules", "2 biases (2 Linear)", "archive reader");
    }

    @Test
    void clickingFc2ShowsPyTorchsTenValues() {
        start(Optional.of(Fixtures.path(FIXTURE)));

        tree().clickPath("SimpleNet/fc2");

        awaitChartOf("fc2.bias");
        float[] expected = Fixtures.biasValues(FIXTURE, "fc2.bias");
        assertThat(expected).hasSize(10);
        assertThat(chartValues()).containsExactly(expected);
        assertThat(chartTitle()).isEqualTo("fc2.bias");
        // the file it comes from, under the title (and so in every exported PNG)
        assertThat(onEdt(() -> dev.biasinspector.chart.BiasChartFactory.subtitle(chart(),
                dev.biasinspector.chart.BiasChartFactory.SOURCE_ID).getText())).isEqualTo(FIXTURE);
        assertThat(window.label("stat.n").text()).isEqualTo("10");
    }

    @Test
    void arrowKeysInTheTreeChangeTheChart() {
        start(Optional.of(Fixtures.path(FIXTURE)));
        awaitChartOf("fc1.bias");

        tree().focus().pressAndReleaseKeys(KeyEvent.VK_DOWN);
        awaitChartOf("fc2.bias");
        tree().pressAndReleaseKeys(KeyEvent.VK_UP);
        awaitChartOf("fc1.bias");

        assertThat(chartValues()).containsExactly(Fixtures.biasValues(FIXTURE, "fc1.bias"));
    }

    @Test
    void theOpenFilesPathIsOnTheStatusBarAndANoteGoesAway() {
        start(Optional.of(Fixtures.path(FIXTURE)));
        awaitChartOf("fc1.bias");

        assertThat(window.label("openFileLocation").target().getToolTipText())
                .isEqualTo(Fixtures.path(FIXTURE).toAbsolutePath().toString());
        String open = window.label("statusText").text();
        onEdt(() -> {
            frame.session().setStatus("Saved somewhere.png");
            return null;
        });
        assertThat(window.label("statusText").text()).isEqualTo("Saved somewhere.png");
        // read, the note gives way to what is open (after StatusBar.NOTE_MILLIS)
        awaitTrue("the note expired", () -> window.label("statusText").target().getText().equals(open),
                org.assertj.swing.timing.Timeout.timeout(StatusBar.NOTE_MILLIS + 30_000));
    }

    @Test
    void typingInTheFilterNarrowsTheTree() {
        start(Optional.of(Fixtures.path(FIXTURE)));

        awaitChartOf("fc1.bias");
        // Ctrl+F from the tree reaches the filter.
        pressMenuShortcut(java.awt.event.KeyEvent.VK_F);
        awaitTrue("the filter has the focus", () -> window.textBox("treeFilter").target().isFocusOwner());
        window.textBox("treeFilter").enterText("fc2");
        assertThat(treeRows()).containsExactly("SimpleNet", "fc2");
        // Filtering narrows the tree, never the chart: fc1 stays until the user picks fc2.
        awaitIdle();
        assertThat(chartTitle()).isEqualTo("fc1.bias");
        tree().clickPath("SimpleNet/fc2");
        awaitChartOf("fc2.bias");
        assertThat(chartValues()).containsExactly(Fixtures.biasValues(FIXTURE, "fc2.bias"));

        window.textBox("treeFilter").deleteText().enterText("nothing-like-this");
        assertThat(onEdt(() -> window.label("treeEmpty").target().isShowing())).isTrue();
        assertThat(window.label("treeEmpty").text()).contains("No layer matches");

        window.textBox("treeFilter").deleteText();
        assertThat(treeRows()).containsExactly("SimpleNet", "fc1", "fc2");
        awaitChartOf("fc2.bias");
        assertThat(onEdt(() -> frame.treePanel().selectedBias().orElseThrow().name())).isEqualTo("fc2.bias");
    }

    @Test
    void selectingTheModelsRowOverlaysItsLayersInsteadOfBlankingTheChart() {
        start(Optional.of(Fixtures.path(FIXTURE)));
        awaitChartOf("fc1.bias");

        tree().clickPath("SimpleNet");

        awaitTrue("fc1 and fc2 overlaid", () -> frame.session().isIdle()
                && chart().getXYPlot().getDataset().getSeriesCount() == 2);
        assertThat(chartTitle()).isEqualTo("fc1.bias, fc2.bias");
    }

    @Test
    void theToggleShowsEveryLayerWithABias() {
        start(Optional.of(Fixtures.path("conv_scripted.pt")));
        assertThat(window.label("treeEmpty").text()).contains("No Linear layer with a bias");

        window.checkBox("showAllBiases").click();

        assertThat(treeRows()).contains("conv1d", "bn", "conv2");
        assertThat(settings.showAllBiases()).isTrue();
        awaitChartOf("conv1d.bias");
        assertThat(chartValues()).containsExactly(Fixtures.biasValues("conv_scripted.pt", "conv1d.bias"));

        window.checkBox("showAllBiases").click();
        assertThat(window.label("treeEmpty").text()).contains("No Linear layer with a bias");
    }

    @Test
    void reloadKeepsTheSelectedLayer() {
        start(Optional.of(Fixtures.path(FIXTURE)));
        tree().clickPath("SimpleNet/fc2");
        awaitChartOf("fc2.bias");

        window.pressAndReleaseKeys(KeyEvent.VK_F5);
        awaitIdle();

        awaitChartOf("fc2.bias");
        assertThat(chartValues()).containsExactly(Fixtures.biasValues(FIXTURE, "fc2.bias"));
    }

    @Test
    void darkThemeRecolorsTheChartAndIsRemembered() {
        start(Optional.of(Fixtures.path(FIXTURE)));
        awaitChartOf("fc1.bias");

        // The file's location in the status bar is in FlatLaf's small type, in both themes.
        assertThat(statusFontSizes()).satisfies(sizes -> assertThat(sizes[0]).isLessThan(sizes[1]));
        window.menuItemWithPath("View", "Dark Theme").click();

        assertThat(settings.darkTheme()).isTrue();
        assertThat(onEdt(Themes::isDark)).isTrue();
        assertThat(statusFontSizes()).satisfies(sizes -> assertThat(sizes[0]).isLessThan(sizes[1]));
        assertThat(onEdt(() -> frame.chartView().chart().orElseThrow().getBackgroundPaint()))
                .isEqualTo(onEdt(() -> Themes.chartTheme().background()));
        assertThat(onEdt(() -> Themes.chartTheme().isDark())).isTrue();

        window.menuItemWithPath("View", "Dark Theme").click();
        assertThat(settings.darkTheme()).isFalse();
        assertThat(onEdt(Themes::isDark)).isFalse();
    }

    /** The point sizes of the status bar's location label and of its main text. */
    private float[] statusFontSizes() {
        return onEdt(() -> new float[] {
                window.label("openFileLocation").target().getFont().getSize2D(),
                window.label("statusText").target().getFont().getSize2D()});
    }

    @Test
    void draggingARectangleZoomsAndDoubleClickResets() {
        start(Optional.of(Fixtures.path(FIXTURE)));
        awaitChartOf("fc1.bias");
        ChartPanel panel = onEdt(() -> frame.chartView().chartPanel());
        Rectangle plot = onEdt(() -> panel.getScreenDataArea().getBounds());
        Point from = new Point(plot.x + plot.width / 4, plot.y + plot.height / 4);
        Point to = new Point(plot.x + plot.width / 2, plot.y + plot.height / 2);

        robot.pressMouse(panel, from, MouseButton.LEFT_BUTTON);
        robot.moveMouse(panel, to);
        robot.releaseMouse(MouseButton.LEFT_BUTTON);
        robot.waitForIdle();

        Range zoomed = onEdt(() -> panel.getChart().getXYPlot().getDomainAxis().getRange());
        assertThat(zoomed.getLength()).isLessThan(19.0);
        assertThat(onEdt(() -> panel.getChart().getXYPlot().getDomainAxis().isAutoRange())).isFalse();

        robot.click(panel, new Point(plot.x + plot.width / 2, plot.y + 10), MouseButton.LEFT_BUTTON, 2);
        robot.waitForIdle();
        assertThat(onEdt(() -> panel.getChart().getXYPlot().getDomainAxis().isAutoRange())).isTrue();
        assertThat(onEdt(() -> panel.getChart().getXYPlot().getDomainAxis().getRange().getLength()))
                .isGreaterThan(19.0);
    }

    @Test
    void demoOpensWithFc1SelectedWhenNoFileIsGiven() throws IOException {
        start(Optional.empty());

        awaitChartOf("fc1.bias");
        assertThat(onEdt(frame::getTitle)).startsWith("simple_net.pt (demo)");
        assertThat(chartValues()).containsExactly(demoValues("fc1.bias"));
        assertThat(chartTitle()).isEqualTo("fc1.bias");
    }

    /** PyTorch's values of a bias of the bundled demo, from models/expected.json. */
    private static float[] demoValues(String name) throws IOException {
        JsonObject files = JsonParser.parseString(Files.readString(Path.of("models", "expected.json")))
                .getAsJsonObject().getAsJsonObject("files");
        for (JsonElement parameter : files.getAsJsonObject("simple_net.pt").getAsJsonArray("parameters")) {
            if (parameter.getAsJsonObject().get("name").getAsString().equals(name)) {
                return Fixtures.floats(parameter.getAsJsonObject().getAsJsonArray("values"));
            }
        }
        throw new IllegalArgumentException(name);
    }
}
