package dev.biasinspector.model;

import dev.biasinspector.model.BiasBlocks.Block;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BiasBlocksTest {

    @Test
    void multiheadAttentionsInProjBiasIsQueryKeyValue() {
        assertThat(BiasBlocks.of("encoder.layers.0.self_attn.in_proj_bias", "encoder.layers.0.self_attn",
                "MultiheadAttention", 1536)).containsExactly(new Block("q", 0, 512), new Block("k", 512, 1024),
                new Block("v", 1024, 1536));
    }

    @Test
    void fusedQkvLinearsAreSplitByTheirModuleName() {
        assertThat(BiasBlocks.of("h.0.attn.c_attn.bias", "h.0.attn.c_attn", "Conv1D", 2304)).hasSize(3);
        assertThat(BiasBlocks.of("blocks.0.attn.qkv.bias", "blocks.0.attn.qkv", "Linear", 2304)).hasSize(3);
        assertThat(BiasBlocks.of("layer.attn_qkv.bias", "layer.attn_qkv", "Linear", 30)).hasSize(3);
        // the projection after attention is one bias
        assertThat(BiasBlocks.of("h.0.attn.c_proj.bias", "h.0.attn.c_proj", "Conv1D", 768)).isEmpty();
        // a size that does not split in three is left alone
        assertThat(BiasBlocks.of("blocks.0.attn.qkv.bias", "blocks.0.attn.qkv", "Linear", 100)).isEmpty();
    }

    @Test
    void recurrentBiasesSplitIntoTheirGatesInPyTorchsOrder() {
        assertThat(BiasBlocks.of("lstm.bias_ih_l0", "lstm", "LSTM", 80)).extracting(Block::label)
                .containsExactly("input i", "forget f", "cell g", "output o");
        assertThat(BiasBlocks.of("lstm.bias_hh_l1_reverse", "lstm", "LSTM", 80)).element(1)
                .isEqualTo(new Block("forget f", 20, 40));
        assertThat(BiasBlocks.of("gru.bias_hh_l0", "gru", "GRU", 60)).extracting(Block::label)
                .containsExactly("reset r", "update z", "new n");
        assertThat(BiasBlocks.of("cell.bias_ih", "cell", "GRUCell", 60)).hasSize(3);
        assertThat(BiasBlocks.of("rnn.bias_ih_l0", "rnn", "RNN", 60)).isEmpty();
    }

    @Test
    void anUnknownClassIsDecidedBySizeWhenOnlyOneFits() {
        assertThat(BiasBlocks.of("enc.bias_ih_l0", "enc", "", 64)).hasSize(4);
        assertThat(BiasBlocks.of("enc.bias_ih_l0", "enc", "", 30)).hasSize(3);
        // 48 could be 4 x 12 or 3 x 16
        assertThat(BiasBlocks.of("enc.bias_ih_l0", "enc", "", 48)).isEmpty();
    }

    @Test
    void anOrdinaryBiasIsOneBlock() {
        assertThat(BiasBlocks.of("fc1.bias", "fc1", "Linear", 96)).isEmpty();
    }
}
