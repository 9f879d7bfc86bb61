package dev.biasinspector.gui;

import dev.biasinspector.testing.DemoModels;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.JTableFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.swing.JTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** DJL files and DJL model folders through File > Open, and what Model > Properties shows of them. */
class DjlModelsWindowTest extends AppWindowTestBase {

    @TempDir
    Path folder;

    @Test
    void aDjlParamsFileOpensAndItsHeaderIsShown() {
        start(Optional.of(DemoModels.path("simple_net.pt")));
        awaitChartOf("fc1.bias");

        window.menuItemWithPath("File", "Open\u2026").click();
        choose(DemoModels.path("mlp_demo-0003.params"));
        awaitChartOf("01Linear.bias");

        assertThat(onEdt(frame::getTitle)).startsWith("mlp_demo-0003.params");
        assertThat(window.label("statusText").text()).contains("djl");
        Map<String, String> properties = properties();
        assertThat(properties).containsEntry("modelName", "mlp_demo").containsEntry("Epoch", "3")
                .containsEntry("Format", "djl").containsEntry("dataType", "FLOAT32");
        assertThat(properties.get("inputs")).contains("(1, 12)");
    }

    @Test
    void aDjlModelFolderOpensThroughFileOpenAndShowsItsServingProperties() throws IOException {
        Path model = Files.createDirectories(folder.resolve("simple_net"));
        Files.copy(DemoModels.path("simple_net.pt"), model.resolve("simple_net.pt"));
        Files.writeString(model.resolve("serving.properties"), "engine=PyTorch\noption.modelName=simple_net\n");
        start(Optional.of(DemoModels.path("mlp_demo-0003.params")));
        awaitIdle();

        window.menuItemWithPath("File", "Open\u2026").click();
        choose(model);
        awaitChartOf("fc1.bias");

        assertThat(onEdt(frame::getTitle)).startsWith("simple_net \u2014");
        assertThat(chartValues()).containsExactly(DemoModels.values("simple_net.pt", "fc1.bias"));
        Map<String, String> properties = properties();
        assertThat(properties).containsEntry("modelFile", "simple_net.pt").containsEntry("engine", "PyTorch")
                .containsEntry("option.modelName", "simple_net");
    }

    @Test
    void aFolderWithSeveralModelFilesNamesTheOneReadAndOpensAnother() throws IOException {
        Path model = Files.createDirectories(folder.resolve("two"));
        Files.copy(DemoModels.path("simple_net.pt"), model.resolve("simple_net.pt"));
        Files.copy(DemoModels.path("simple_net_trained.pt"), model.resolve("trained.pt"));
        Files.writeString(model.resolve("serving.properties"), "option.modelName=simple_net\n");
        start(Optional.of(model));
        awaitChartOf("fc1.bias");

        window.menuItemWithPath("Model", "Properties\u2026").click();
        DialogFixture dialog = propertiesDialog();
        assertThat(dialog.comboBox("modelFileChoice").contents()).containsExactly("simple_net.pt", "trained.pt");
        assertThat(dialog.comboBox("modelFileChoice").selectedItem()).isEqualTo("simple_net.pt");
        // The choice and the button press go through the components themselves (see
        // clickAndAwaitClosed): a robot click on this dialog was lost once with both cores busy.
        javax.swing.JComboBox<?> choice = dialog.comboBox("modelFileChoice").target();
        onEdt(() -> {
            choice.setSelectedItem("trained.pt");
            return null;
        });
        awaitTrue("trained.pt chosen", () -> "trained.pt".equals(choice.getSelectedItem()));
        clickAndAwaitClosed(dialog.button("openModelFile"));

        awaitTrue("trained.pt", () -> frame.session().isIdle()
                && frame.getTitle().startsWith("trained.pt"));
        awaitChartOf("fc1.bias");
        assertThat(chartValues()).containsExactly(DemoModels.values("simple_net_trained.pt", "fc1.bias"));
    }

    /** Opens Model > Properties and reads its table, then closes it. */
    private Map<String, String> properties() {
        window.menuItemWithPath("Model", "Properties\u2026").click();
        DialogFixture dialog = propertiesDialog();
        JTableFixture table = dialog.table("propertiesTable");
        Map<String, String> rows = onEdt(() -> {
            JTable t = table.target();
            Map<String, String> read = new LinkedHashMap<>();
            for (int row = 0; row < t.getRowCount(); row++) {
                read.put((String) t.getValueAt(row, 0), (String) t.getValueAt(row, 1));
            }
            return read;
        });
        clickAndAwaitClosed(dialog.button("propertiesClose"));
        return rows;
    }

    private DialogFixture propertiesDialog() {
        return window.dialog(new GenericTypeMatcher<>(ModelPropertiesDialog.class) {
            @Override
            protected boolean isMatching(ModelPropertiesDialog d) {
                return d.isShowing();
            }
        }, LOAD_TIMEOUT);
    }
}
