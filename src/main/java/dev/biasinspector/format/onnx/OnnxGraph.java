package dev.biasinspector.format.onnx;

import java.util.List;
import java.util.Map;

/**
 * The parts of an ONNX model that opening reads: model facts for the properties, the nodes that can
 * hold or pass on a bias, and every initializer (positions only).
 *
 * @param properties   ir_version, opset, producer, metadata_props, in the order shown
 * @param graphName    {@code GraphProto.name}, maybe empty
 * @param nodes        the main graph's nodes of the kinds {@link OnnxLayerFinder} looks at, in graph order
 * @param nodeCount    the number of nodes of every kind
 * @param initializers by name, in file order
 */
record OnnxGraph(Map<String, String> properties, String graphName, List<GraphNode> nodes, long nodeCount,
                 Map<String, InitializerRecord> initializers) {
}
