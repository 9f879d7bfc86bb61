package dev.biasinspector.gui;

import dev.biasinspector.testing.Fixtures;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.swing.JLabel;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The main window on a PyTorch-made fixture, driven with the mouse and keyboard. */
class MainWindowTest extends AppWindowTestBase {

    static final String FIXTURE = "simple_scripted.pt";

    @TempDir
    Path folder;

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
        assertThat(chartTitle()).isEqualTo("Bias of fc2");
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
    void typingInTheFilterNarrowsTheTree() {
        start(Optional.of(Fixtures.path(FIXTURE)));

        awaitChartOf("fc1.bias");
        window.textBox("treeFilter").enterText("fc2");
        assertThat(treeRows()).containsExactly("SimpleNet", "fc2");
        // fc1 is hidden, so the first match is shown in its place.
        awaitChartOf("fc2.bias");
        assertThat(chartValues()).containsExactly(Fixtures.biasValues(FIXTURE, "fc2.bias"));

        window.textBox("treeFilter").deleteText().enterText("nothing-like-this");
        assertThat(onEdt(() -> window.label("treeEmpty").target().isShowing())).isTrue();
        assertThat(window.label("treeEmpty").text()).contains("No layer matches");

        window.textBox("treeFilter").deleteText();
        assertThat(treeRows()).containsExactly("SimpleNet", "fc1", "fc2");
        awaitChartOf("fc2.bias");
        assertThat(onEdt(() -> frame.context().treePanel().selectedBias().orElseThrow().name())).isEqualTo("fc2.bias");
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

        window.menuItemWithPath("View", "Dark Theme").click();

        assertThat(settings.darkTheme()).isTrue();
        assertThat(onEdt(Themes::isDark)).isTrue();
        assertThat(onEdt(() -> frame.context().chartView().chart().orElseThrow().getBackgroundPaint()))
                .isEqualTo(onEdt(() -> Themes.chartTheme().background()));
        assertThat(onEdt(() -> Themes.chartTheme().isDark())).isTrue();

        window.menuItemWithPath("View", "Dark Theme").click();
        assertThat(settings.darkTheme()).isFalse();
        assertThat(onEdt(Themes::isDark)).isFalse();
    }

    @Test
    void demoOpensWithFc1SelectedWhenNoFileIsGiven() {
        start(Optional.empty());

        awaitChartOf("fc1.bias");
        assertThat(onEdt(frame::getTitle)).startsWith("simple_net.pt (demo)");
        assertThat(chartValues()).hasSize(20);
        assertThat(chartTitle()).isEqualTo("Bias of fc1");
    }

    static String messageOf(JOptionPaneFixture pane) {
        return onEdt(() -> ((JLabel) pane.robot().finder().findByName(pane.target(), "errorMessage", true)).getText());
    }
}
