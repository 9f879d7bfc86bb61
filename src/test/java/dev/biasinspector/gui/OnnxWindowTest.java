package dev.biasinspector.gui;

import dev.biasinspector.format.onnx.OnnxFixtures;
import dev.biasinspector.testing.DemoModels;
import org.junit.jupiter.api.Test;

import javax.swing.JTree;
import javax.swing.TransferHandler;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** ONNX models in the window: opened with File > Open and dropped, biases plotted with the writer's values. */
class OnnxWindowTest extends AppWindowTestBase {

    @Test
    void anOnnxFileOpensThroughFileOpenAndShowsTheWritersValues() {
        start(Optional.of(DemoModels.path("simple_net.pt")));
        awaitChartOf("fc1.bias");

        window.menuItemWithPath("File", "Open\u2026").click();
        choose(OnnxFixtures.path("simple_net.onnx"));
        awaitTrue("simple_net.onnx to open", () -> frame.getTitle().startsWith("simple_net.onnx"));
        awaitChartOf("fc1.bias");

        assertThat(treeRows()).containsExactly("torch_jit", "fc1", "fc2");
        assertThat(chartValues()).containsExactly(OnnxFixtures.values(OnnxFixtures.bias("simple_net.onnx", "fc1.bias")));
        assertThat(window.label("statusText").text()).contains("onnx", "2 biases (2 Linear)", "no code run");

        tree().clickPath("torch_jit/fc2");
        awaitChartOf("fc2.bias");
        assertThat(chartValues()).containsExactly(OnnxFixtures.values(OnnxFixtures.bias("simple_net.onnx", "fc2.bias")));
    }

    @Test
    void aDroppedOnnxWithFoldedConvolutionsShowsTheirBiasesUnderAllLayers() {
        start(Optional.of(DemoModels.path("simple_net.pt")));
        awaitChartOf("fc1.bias");
        Path dropped = OnnxFixtures.path("conv_bn.onnx");

        boolean accepted = onEdt(() -> frame.getRootPane().getTransferHandler()
                .importData(new TransferHandler.TransferSupport(frame.getRootPane(), files(dropped))));
        assertThat(accepted).isTrue();
        // the Linear filter (the default) keeps the Gemm only
        awaitChartOf("fc.bias");

        window.menuItemWithPath("View", "All layers with a bias").click();
        awaitTrue("the folded convolution in the tree", () -> treeRows().contains("conv1"));
        selectBias("layer1.0.conv1.bias");
        awaitChartOf("layer1.0.conv1.bias");
        assertThat(chartValues()).containsExactly(
                OnnxFixtures.values(OnnxFixtures.bias("conv_bn.onnx", "layer1.0.conv1.bias")));
    }

    /** Clicks the tree row of the module holding {@code biasName}, found by its full name. */
    private void selectBias(String biasName) {
        int row = onEdt(() -> {
            JTree tree = (JTree) robot.finder().findByName(frame, "moduleTree", true);
            for (int r = 0; r < tree.getRowCount(); r++) {
                Object node = ((javax.swing.tree.DefaultMutableTreeNode) tree.getPathForRow(r).getLastPathComponent()).getUserObject();
                ModuleTreeItem item = (ModuleTreeItem) node;
                if (List.of(biasName, biasName.substring(0, biasName.lastIndexOf('.'))).contains(item.fullName())) {
                    return r;
                }
            }
            throw new AssertionError("no row for " + biasName + " in " + treeRows());
        });
        tree().clickRow(row);
    }
}
