package dev.biasinspector.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineReasonTest {

    @Test
    void libtorchsReasonIsTheLastErrorLineOfItsTraceback() {
        Exception engine = new IllegalStateException("The following operation failed in the TorchScript interpreter.\n"
                + "Traceback of TorchScript, serialized code (most recent call last):\n"
                + "    return torch.linear(input, weight, bias)\n"
                + "RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x7 and 10x20)\n");

        assertThat(DjlEngineStartup.reason(new RuntimeException("wrapper", engine)))
                .isEqualTo("mat1 and mat2 shapes cannot be multiplied (1x7 and 10x20)");
    }

    @Test
    void otherFailuresGiveTheirFirstLineCutToAReadableLength() {
        assertThat(DjlEngineStartup.reason(new IllegalStateException("PytorchStreamReader failed\nat frame 1\nat frame 2")))
                .isEqualTo("PytorchStreamReader failed");
        assertThat(DjlEngineStartup.reason(new IllegalStateException("x".repeat(300)))).hasSize(160).endsWith("...");
    }
}
