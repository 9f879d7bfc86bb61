package dev.biasinspector.format;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelFormatExceptionTest {

    @Test
    void namesFromTheFileCannotBreakTheSentenceIntoLines() {
        // a safetensors field name "data_offsets\n" (found by the coverage-guided fuzz test)
        ModelFormatException e = new ModelFormatException(
                "tensor fc1.bias has an unknown field data_offsets\n in the safetensors header");
        assertThat(e.getMessage())
                .isEqualTo("tensor fc1.bias has an unknown field data_offsets\\n in the safetensors header");
        assertThat(new ModelFormatException("a\rb\tc\u0007d\u2028e", null).getMessage())
                .isEqualTo("a\\rb\\tc\\u0007d\\u2028e");
    }

    @Test
    void aHugeNameIsCutToASentenceOfReadableSize() {
        String name = "x".repeat(100_000);
        String message = new ModelFormatException("no tensor named " + name).getMessage();
        assertThat(message).hasSize(ModelFormatException.MAX_LENGTH).startsWith("no tensor named xxx").endsWith("x\u2026");
        String exact = "y".repeat(ModelFormatException.MAX_LENGTH);
        assertThat(new ModelFormatException(exact).getMessage()).isEqualTo(exact);
        assertThat(new ModelFormatException(exact + "z").getMessage()).hasSize(ModelFormatException.MAX_LENGTH).endsWith("\u2026");
    }
}
