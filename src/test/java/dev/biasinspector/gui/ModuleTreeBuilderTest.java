package dev.biasinspector.gui;

import dev.biasinspector.format.ModelOpener;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.testing.Fixtures;
import org.junit.jupiter.api.Test;

import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreeNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which rows the tree shows, on PyTorch-made fixtures (no window needed). */
class ModuleTreeBuilderTest {

    @Test
    void linearLayersAndTheirAncestorsByDefault() throws IOException {
        LoadedModel model = ModelOpener.open(Fixtures.path("nested_scripted.pt"));

        List<String> rows = rows(ModuleTreeBuilder.build(model, false, ""));

        // Each row names the module within its parent, as PyTorch prints a model.
        assertThat(rows).containsExactly("NestedNet", "enc Sequential",
                "0 Linear [" + shape("nested_scripted.pt", "enc.0.bias") + "]",
                "2 Sequential", "0 Linear [" + shape("nested_scripted.pt", "enc.2.0.bias") + "]",
                "blocks ModuleList", "0 Linear [" + shape("nested_scripted.pt", "blocks.0.bias") + "]",
                "heads ModuleDict", "cls Linear [" + shape("nested_scripted.pt", "heads.cls.bias") + "]",
                "reg Linear [" + shape("nested_scripted.pt", "heads.reg.bias") + "]");
        assertThat(selectable(ModuleTreeBuilder.build(model, false, "")))
                .containsExactlyElementsOf(names("nested_scripted.pt"));
    }

    @Test
    void aModuleWithSeveralBiasesGetsOneRowPerBias() throws IOException {
        LoadedModel model = ModelOpener.open(Fixtures.path("rnn_scripted.pt"));

        assertThat(ModuleTreeBuilder.build(model, false, "")).isNull(); // no Linear layer
        DefaultMutableTreeNode all = ModuleTreeBuilder.build(model, true, "");

        assertThat(rows(all)).contains("lstm LSTM", "bias_ih_l0 [" + shape("rnn_scripted.pt", "lstm.bias_ih_l0") + "]");
        assertThat(selectable(all)).containsExactlyElementsOf(names("rnn_scripted.pt"));
    }

    @Test
    void theRootsOwnBiasAndSubclassesOfLinearAreShown() throws IOException {
        LoadedModel model = ModelOpener.open(Fixtures.path("custom_scripted.pt"));

        DefaultMutableTreeNode linear = ModuleTreeBuilder.build(model, false, "");
        assertThat(selectable(linear)).containsExactly("stack.layers.0.bias", "stack.layers.1.bias", "head.bias");

        DefaultMutableTreeNode all = ModuleTreeBuilder.build(model, true, "");
        assertThat(selectable(all)).containsExactlyElementsOf(names("custom_scripted.pt"));
        assertThat(((ModuleTreeItem) all.getUserObject()).bias().name()).isEqualTo("bias");
    }

    @Test
    void theFilterMatchesPathClassOrBiasNameIgnoringCase() throws IOException {
        LoadedModel model = ModelOpener.open(Fixtures.path("nested_scripted.pt"));

        assertThat(selectable(ModuleTreeBuilder.build(model, false, "HEADS"))).containsExactly("heads.cls.bias",
                "heads.reg.bias");
        assertThat(selectable(ModuleTreeBuilder.build(model, false, " enc.2 "))).containsExactly("enc.2.0.bias");
        assertThat(selectable(ModuleTreeBuilder.build(model, false, "linear"))).hasSize(5);
        assertThat(ModuleTreeBuilder.build(model, false, "conv")).isNull();

        LoadedModel rnn = ModelOpener.open(Fixtures.path("rnn_scripted.pt"));
        assertThat(selectable(ModuleTreeBuilder.build(rnn, true, "reverse")))
                .containsExactly("gru.bias_ih_l0_reverse", "gru.bias_hh_l0_reverse");
    }

    private static List<String> rows(DefaultMutableTreeNode root) {
        List<String> rows = new ArrayList<>();
        for (TreeNode node : Collections.list(root.preorderEnumeration())) {
            ModuleTreeItem item = (ModuleTreeItem) ((DefaultMutableTreeNode) node).getUserObject();
            rows.add(String.join(" ", item.title(), item.detail(), item.shape()).replaceAll(" +", " ").strip());
        }
        return rows;
    }

    /** Names of the biases the rows show, top to bottom. */
    private static List<String> selectable(DefaultMutableTreeNode root) {
        List<String> names = new ArrayList<>();
        for (TreeNode node : Collections.list(root.preorderEnumeration())) {
            ModuleTreeItem item = (ModuleTreeItem) ((DefaultMutableTreeNode) node).getUserObject();
            if (item.bias() != null) {
                names.add(item.bias().name());
            }
        }
        return names;
    }

    private static List<String> names(String fixture) {
        List<String> names = new ArrayList<>();
        Fixtures.fixture(fixture).getAsJsonArray("biases")
                .forEach(b -> names.add(b.getAsJsonObject().get("name").getAsString()));
        return names;
    }

    private static String shape(String fixture, String bias) {
        for (var b : Fixtures.fixture(fixture).getAsJsonArray("biases")) {
            if (b.getAsJsonObject().get("name").getAsString().equals(bias)) {
                List<String> dims = new ArrayList<>();
                b.getAsJsonObject().getAsJsonArray("shape").forEach(d -> dims.add(d.getAsString()));
                return String.join(", ", dims);
            }
        }
        throw new IllegalArgumentException(bias);
    }
}
