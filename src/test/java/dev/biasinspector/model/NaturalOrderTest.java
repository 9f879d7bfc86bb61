package dev.biasinspector.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NaturalOrderTest {

    @Test
    void numbersCompareByValue() {
        List<String> names = new ArrayList<>(List.of("epoch_10.pt", "epoch_2.pt", "epoch_1.pt", "Epoch_5.pt",
                "epoch_100.pt", "final.pt", "epoch_02.pt"));

        names.sort(NaturalOrder.INSTANCE);

        assertThat(names).containsExactly("epoch_1.pt", "epoch_02.pt", "epoch_2.pt", "Epoch_5.pt", "epoch_10.pt",
                "epoch_100.pt", "final.pt");
    }

    @Test
    void hugeNumbersDoNotOverflow() {
        assertThat(NaturalOrder.INSTANCE.compare("step_99999999999999999999", "step_100000000000000000000")).isNegative();
    }
}
