package dev.biasinspector.format.onnx;

import java.util.List;

/** A node of the main graph or of a subgraph (an If branch, a Loop body), with only what finding layers needs (attributes are not kept). */
record GraphNode(String name, String opType, List<String> inputs, List<String> outputs) {

    GraphNode {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** Input {@code i}, or the empty string (ONNX's "not given") when the node has fewer inputs. */
    String input(int i) {
        return i < inputs.size() ? inputs.get(i) : "";
    }
}
