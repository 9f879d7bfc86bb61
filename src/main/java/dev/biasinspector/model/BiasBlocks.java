package dev.biasinspector.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parts a bias is made of when one parameter holds several: attention's fused input
 * projection ({@code in_proj_bias}, GPT-2's {@code c_attn}, timm's {@code qkv}) is the query, key
 * and value biases one after another; an LSTM's {@code bias_ih_l0} holds its input, forget, cell
 * and output gates, a GRU's its reset, update and new gates, in PyTorch's order. A chart marks
 * them so a user compares q with k, not index 511 with index 512.
 */
public final class BiasBlocks {

    /** One part: a label and the index range [start, end). */
    public record Block(String label, int start, int end) {
    }

    private static final Set<String> FUSED_QKV_MODULES = Set.of("c_attn", "qkv", "attn_qkv");
    private static final Pattern RNN_BIAS = Pattern.compile("bias_(ih|hh)(_l\\d+)?(_reverse)?");
    private static final List<String> QKV = List.of("q", "k", "v");
    private static final List<String> LSTM_GATES = List.of("input i", "forget f", "cell g", "output o");
    private static final List<String> GRU_GATES = List.of("reset r", "update z", "new n");

    private BiasBlocks() {
    }

    /** The blocks of {@code vector}, or an empty list when it is one bias. */
    public static List<Block> of(BiasVector vector) {
        return of(vector.name(), vector.module(), vector.type(), vector.size());
    }

    /**
     * @param name   parameter name ({@code attn.in_proj_bias})
     * @param module owning module's path
     * @param type   owning module's class ({@code LSTM}, {@code GRUCell}), may be empty or unknown
     * @param size   number of values
     */
    public static List<Block> of(String name, String module, String type, int size) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        String moduleLast = module.substring(module.lastIndexOf('.') + 1);
        if (last.equals("in_proj_bias") || (last.equals("bias") && FUSED_QKV_MODULES.contains(moduleLast))) {
            return split(QKV, size);
        }
        if (RNN_BIAS.matcher(last).matches()) {
            String t = type == null ? "" : type.toUpperCase(java.util.Locale.ROOT);
            if (t.contains("LSTM")) {
                return split(LSTM_GATES, size);
            }
            if (t.contains("GRU")) {
                return split(GRU_GATES, size);
            }
            if (t.contains("RNN")) {
                return List.of();
            }
            // Class unknown (a renamed or scripted module): the size decides when only one fits.
            boolean four = size % 4 == 0;
            boolean three = size % 3 == 0;
            if (four && !three) {
                return split(LSTM_GATES, size);
            }
            if (three && !four) {
                return split(GRU_GATES, size);
            }
        }
        return List.of();
    }

    private static List<Block> split(List<String> labels, int size) {
        int parts = labels.size();
        if (size == 0 || size % parts != 0) {
            return List.of();
        }
        int each = size / parts;
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            blocks.add(new Block(labels.get(i), i * each, (i + 1) * each));
        }
        return blocks;
    }
}
