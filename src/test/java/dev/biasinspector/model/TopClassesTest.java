package dev.biasinspector.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopClassesTest {

    @Test
    void oneRowSaysWhetherThePredictedClassChanged() {
        TopClasses changed = TopClasses.of(new long[] {1, 4}, new float[] {0.1f, 0.9f, 0.3f, 0.2f},
                new float[] {0.1f, 0.2f, 0.3f, 0.25f}).orElseThrow();
        assertThat(changed.sentence()).isEqualTo("top class 1 \u2192 2, changed");
        assertThat(changed.changedRows()).isEqualTo(1);

        TopClasses same = TopClasses.of(new long[] {3}, new float[] {-1, 5, 2}, new float[] {-1, 4, 2}).orElseThrow();
        assertThat(same.sentence()).isEqualTo("top class 1, unchanged");
    }

    @Test
    void aBatchCountsTheRowsThatChanged() {
        float[] before = {1, 0, 0, 1, 1, 0};
        float[] after = {0, 1, 0, 1, 1, 0};
        TopClasses top = TopClasses.of(new long[] {3, 2}, before, after).orElseThrow();
        assertThat(top.before()).containsExactly(0, 1, 0);
        assertThat(top.after()).containsExactly(1, 1, 0);
        assertThat(top.sentence()).isEqualTo("top class changed in 1 of 3 rows");
    }

    @Test
    void nanCountsAsTheLargestAndTiesGoToTheFirstIndexAsInTorchArgmax() {
        TopClasses top = TopClasses.of(new long[] {1, 4}, new float[] {2, 2, 1, 0},
                new float[] {2, 3, Float.NaN, Float.NaN}).orElseThrow();
        assertThat(top.before()).containsExactly(0);
        assertThat(top.after()).containsExactly(2);
    }

    @Test
    void outputsThatAreNotClassifierShapedHaveNoTopClass() {
        assertThat(TopClasses.of(new long[] {1, 1}, new float[] {1}, new float[] {2})).isEmpty();
        assertThat(TopClasses.of(new long[] {1, 3, 8, 8}, new float[192], new float[192])).isEmpty();
        assertThat(TopClasses.of(new long[] {}, new float[] {1}, new float[] {1})).isEmpty();
        // a shape that does not match the values (never trusted)
        assertThat(TopClasses.of(new long[] {2, 10}, new float[10], new float[10])).isEmpty();
    }
}
