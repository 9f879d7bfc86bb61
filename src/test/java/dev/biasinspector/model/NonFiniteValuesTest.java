package dev.biasinspector.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NonFiniteValuesTest {

    @Test
    void eachKindIsCountedAndListedByIndex() {
        float[] values = {1f, Float.NaN, Float.POSITIVE_INFINITY, 0f, Float.NaN, Float.NEGATIVE_INFINITY};
        BiasStatistics s = BiasStatistics.of(values);

        assertThat(s.nanCount()).isEqualTo(2);
        assertThat(s.infCount()).isEqualTo(2);
        assertThat(s.nonFinite().nan()).containsExactly(1, 4);
        assertThat(s.nonFinite().positiveInfinity()).containsExactly(2);
        assertThat(s.nonFinite().negativeInfinity()).containsExactly(5);
        assertThat(s.nonFinite().describe(5)).isEqualTo("NaN at 1, 4; +Inf at 2; \u2212Inf at 5");
        assertThat(s.nonFinite().counts()).isEqualTo("2 NaN, 1 +Inf, 1 \u2212Inf");
        // the finite values are summarised without them
        assertThat(s.min()).isEqualTo(0.0);
        assertThat(s.max()).isEqualTo(1.0);
    }

    @Test
    void longListsAreCutWithTheCountOfTheRest() {
        float[] values = new float[1000];
        java.util.Arrays.fill(values, Float.NaN);
        NonFiniteValues bad = NonFiniteValues.of(values);

        assertThat(bad.nan()).hasSize(NonFiniteValues.LISTED);
        assertThat(bad.nanCount()).isEqualTo(1000);
        assertThat(bad.describe(3)).isEqualTo("NaN at 0, 1, 2 \u2026 (997 more)");
    }

    @Test
    void aFiniteVectorHasNothingToSay() {
        NonFiniteValues none = BiasStatistics.of(new float[] {1f, 2f}).nonFinite();

        assertThat(none.isEmpty()).isTrue();
        assertThat(none.describe(10)).isEmpty();
        assertThat(none.counts()).isEmpty();
    }
}
