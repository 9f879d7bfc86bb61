package dev.biasinspector.session;

import dev.biasinspector.chart.EvolutionChartFactory.Shading;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChartOptionsTest {

    /** Options that differ from DEFAULT in exactly one component each, in declaration order. */
    private static final List<ChartOptions> ONE_CHANGE_EACH = List.of(
            ChartOptions.DEFAULT.withHistogram(true),
            ChartOptions.DEFAULT.withCheckpoint(3),
            ChartOptions.DEFAULT.withShading(Shading.VALUE),
            ChartOptions.DEFAULT.withBins(40));

    @Test
    void optionsThatDifferInAnyComponentAreNotEqual() {
        // The written-out equals must cover a component added later: one change per component.
        RecordComponent[] components = ChartOptions.class.getRecordComponents();
        assertThat(ONE_CHANGE_EACH).hasSize(components.length);
        for (int i = 0; i < components.length; i++) {
            ChartOptions changed = ONE_CHANGE_EACH.get(i);
            assertThat(changed).as("a change of %s only", components[i].getName()).isNotEqualTo(ChartOptions.DEFAULT);
            for (int j = 0; j < components.length; j++) {
                boolean same = java.util.Objects.equals(value(components[j], changed), value(components[j], ChartOptions.DEFAULT));
                assertThat(same).as("%s is the only component changed, %s too", components[i].getName(),
                        components[j].getName()).isEqualTo(i != j);
            }
        }
    }

    @Test
    void equalOptionsAreEqualAndHashAlike() {
        ChartOptions a = new ChartOptions(true, 2, Shading.VALUE, 25);
        ChartOptions b = ChartOptions.DEFAULT.withHistogram(true).withCheckpoint(2).withShading(Shading.VALUE).withBins(25);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(null).isNotEqualTo("options");
    }

    private static Object value(RecordComponent component, ChartOptions options) {
        try {
            return component.getAccessor().invoke(options);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
