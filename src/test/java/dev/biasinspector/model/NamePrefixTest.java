package dev.biasinspector.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NamePrefixTest {

    private static final List<String> BARE = List.of("h.0.attn.bias", "h.1.attn.bias", "ln_f.bias");
    private static final List<String> HF = List.of("transformer.h.0.attn.bias", "transformer.h.1.attn.bias",
            "transformer.ln_f.bias", "lm_head.bias");

    @Test
    void thePrefixOnTheSecondFilesNamesIsFoundAndDropped() {
        NamePrefix prefix = NamePrefix.find(BARE, HF);

        assertThat(prefix).isEqualTo(new NamePrefix("transformer.", false, 3));
        assertThat(prefix.strip("transformer.h.0.attn.bias")).isEqualTo("h.0.attn.bias");
        assertThat(prefix.strip("lm_head.bias")).isEqualTo("lm_head.bias");
    }

    @Test
    void orOnTheFirstFiles() {
        assertThat(NamePrefix.find(HF, BARE)).isEqualTo(new NamePrefix("transformer.", true, 3));
    }

    @Test
    void namesThatAlreadyPairAreLeftAlone() {
        assertThat(NamePrefix.find(BARE, BARE)).isNull();
        assertThat(NamePrefix.find(List.of("fc1.bias"), List.of("fc2.bias"))).isNull();
    }
}
