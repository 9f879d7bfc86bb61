package dev.biasinspector.format;

import dev.biasinspector.model.DType;
import dev.biasinspector.model.ModuleNode;
import dev.biasinspector.model.Parameter;
import dev.biasinspector.model.TensorData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tree and the "Linear" guess built from libtorch's dotted parameter names. */
class DottedNameTreeTest {

    private static Parameter p(String name, long... shape) {
        return new Parameter(name, DottedNameTree.localName(name), shape, DType.FLOAT32, TensorData.of(new float[0]));
    }

    @Test
    void modulesAppearInFirstSeenOrderWithIntermediateContainers() {
        ModuleNode root = DottedNameTree.build(List.of(p("bias", 3), p("a.b.c.weight", 2, 3), p("a.b.c.bias", 2),
                p("a.x.weight", 4, 2), p("z.weight", 4)));

        List<String> tree = new ArrayList<>();
        root.walk(m -> tree.add(m.path() + ":" + m.className() + ":" + m.parameters().size()));
        assertThat(tree).containsExactly(":Module:1", "a:Module:0", "a.b:Module:0", "a.b.c:Linear:2",
                "a.x:Linear:1", "z:Module:1");
    }

    @Test
    void aNameOf100000LevelsStaysOneTopLevelParameterInsteadOf100000Modules() {
        String deep = "a.".repeat(100_000) + "bias";

        ModuleNode root = DottedNameTree.build(List.of(p(deep, 3), p("fc.bias", 2)));

        List<String> tree = new ArrayList<>();
        root.walk(m -> tree.add(m.path() + ":" + m.parameters().size()));
        assertThat(tree).containsExactly(":1", "fc:1");
        assertThat(root.parameters().get(0).name()).isEqualTo(deep);
    }

    @Test
    void onlyA2dWeightWithAMatchingOptionalBiasIsLinear() {
        assertThat(DottedNameTree.guessClass(List.of(p("l.weight", 5, 3), p("l.bias", 5)))).isEqualTo("Linear");
        assertThat(DottedNameTree.guessClass(List.of(p("l.weight", 5, 3)))).isEqualTo("Linear");
        assertThat(DottedNameTree.guessClass(List.of(p("l.weight", 5, 3), p("l.bias", 3)))).isEqualTo("Module");
        assertThat(DottedNameTree.guessClass(List.of(p("bn.weight", 5), p("bn.bias", 5)))).isEqualTo("Module");
        assertThat(DottedNameTree.guessClass(List.of(p("c.weight", 5, 3, 3), p("c.bias", 3)))).isEqualTo("Module");
        assertThat(DottedNameTree.guessClass(List.of(p("l.bias", 5)))).isEqualTo("Module");
        assertThat(DottedNameTree.guessClass(List.of(p("s.weight", 5, 3), p("s.bias", 5), p("s.scale", 1))))
                .isEqualTo("Module");
    }

    @Test
    void convolutionsAreNamedByTheirWeightsRankAndBatchNormByItsBuffers() {
        assertThat(DottedNameTree.guessClass(List.of(p("c.weight", 5, 3, 3), p("c.bias", 5)))).isEqualTo("Conv1d");
        assertThat(DottedNameTree.guessClass(List.of(p("c.weight", 8, 3, 3, 3), p("c.bias", 8)))).isEqualTo("Conv2d");
        assertThat(DottedNameTree.guessClass(List.of(p("c.weight", 8, 3, 3, 3, 3)))).isEqualTo("Conv3d");
        assertThat(DottedNameTree.guessClass(List.of(p("bn.weight", 4), p("bn.bias", 4), p("bn.running_mean", 4),
                p("bn.running_var", 4), p("bn.num_batches_tracked")))).isEqualTo("BatchNorm");
    }
}
