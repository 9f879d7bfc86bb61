package dev.biasinspector.session;



import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What users type in the what-if dialog, and the sentences their mistakes get; plus other small GUI logic. */
class WhatIfInputTest {

    @Test
    void shapesAreReadInTheUsualSpellings() {
        assertThat(WhatIfInput.parseShape("1, 10")).containsExactly(1, 10);
        assertThat(WhatIfInput.parseShape("1,3,224,224")).containsExactly(1, 3, 224, 224);
        assertThat(WhatIfInput.parseShape("[1, 10]")).containsExactly(1, 10);
        assertThat(WhatIfInput.parseShape("(1 x 3 x 32 x 32)")).containsExactly(1, 3, 32, 32);
        assertThat(WhatIfInput.parseShape("1 \u00d7 10")).containsExactly(1, 10);
    }

    @Test
    void badShapesSayWhatToType() {
        assertThatThrownBy(() -> WhatIfInput.parseShape("  ")).hasMessage(
                "Type the input shape as whole numbers separated by commas, e.g. 1, 10.");
        assertThatThrownBy(() -> WhatIfInput.parseShape("1, 2.5")).hasMessageContaining("\u201c2.5\u201d is not a whole number");
        assertThatThrownBy(() -> WhatIfInput.parseShape("1, 0")).hasMessage("Every dimension of the input shape must be at least 1.");
        assertThatThrownBy(() -> WhatIfInput.parseShape("1, -3")).hasMessage("Every dimension of the input shape must be at least 1.");
        assertThatThrownBy(() -> WhatIfInput.parseShape("1000, 1000, 1000")).hasMessage(
                "An input of shape 1000 \u00d7 1000 \u00d7 1000 is too large for a what-if run.");
    }

    @Test
    void valuesMustFillTheShape() {
        assertThat(WhatIfInput.parseValues("0.5, -1e-3 2\n3", new long[] {2, 2})).containsExactly(0.5f, -1e-3f, 2f, 3f);
        assertThatThrownBy(() -> WhatIfInput.parseValues("1, 2, 3", new long[] {1, 10}))
                .hasMessage("The shape 1 \u00d7 10 needs 10 values; 3 typed.");
        assertThatThrownBy(() -> WhatIfInput.parseValues("1, x", new long[] {2}))
                .hasMessage("\u201cx\u201d is not a number (input value 2).");
        assertThatThrownBy(() -> WhatIfInput.parseValues("1, NaN", new long[] {2}))
                .hasMessage("\u201cNaN\u201d is not a number (input value 2).");
    }

    @Test
    void amountAndSeed() {
        assertThat(WhatIfInput.parseAmount(" -0.25 ")).isEqualTo(-0.25);
        assertThatThrownBy(() -> WhatIfInput.parseAmount("")).hasMessage("Type the amount as one number, e.g. 0.5.");
        assertThat(WhatIfInput.parseSeed("1234")).isEqualTo(1234L);
        assertThatThrownBy(() -> WhatIfInput.parseSeed("12.5")).hasMessage("Type the seed as a whole number, e.g. 1234.");
    }

    @Test
    void theEnginesReasonBecomesOneSentence() {
        Exception engine = new dev.biasinspector.format.ModelFormatException(
                "the model could not run on this input: mat1 and mat2 shapes cannot be multiplied (1x7 and 10x20)");

        assertThat(WhatIfRuns.sentence(engine))
                .isEqualTo("The model could not run on this input: mat1 and mat2 shapes cannot be multiplied (1x7 and 10x20).");
        assertThat(WhatIfRuns.sentence(new java.io.IOException("the file is truncated")))
                .isEqualTo("The file is truncated.");
    }

    @Test
    void sameFileNamesInTwoFoldersAreToldApartByFolder() {
        assertThat(dev.biasinspector.model.FileLabels.distinct(Path.of("/a/run1/model.pt"), Path.of("/a/run2/model.pt")))
                .containsExactly("run1/model.pt", "run2/model.pt");
        assertThat(dev.biasinspector.model.FileLabels.distinct(Path.of("/a/before.pt"), Path.of("/a/after.pt")))
                .containsExactly("before.pt", "after.pt");
        assertThat(dev.biasinspector.model.FileLabels.distinct(Path.of("/a/m.pt"), Path.of("/a/m.pt")))
                .containsExactly("m.pt (A)", "m.pt (B)");
    }
}
