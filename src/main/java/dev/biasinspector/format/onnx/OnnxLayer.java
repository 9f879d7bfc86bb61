package dev.biasinspector.format.onnx;

/**
 * A layer found in the graph: the node that applies it, its weight and bias initializers (either
 * may be null), and the PyTorch-style class it is shown as.
 *
 * @param node      the Gemm, Conv, ConvTranspose or (for MatMul + Add) Add node
 * @param className {@code Linear}, {@code Conv2d}, {@code ConvTranspose1d}, ...
 * @param weight    the weight initializer, or null when the weight is not a constant
 * @param bias      the 1-D bias initializer, or null
 * @param weightName the weight's name as the node sees it: an Identity's output keeps the name of the
 *                   parameter whose identical copy torch.onnx dropped ({@code b.bias} for {@code a.bias})
 * @param biasName   the bias's name as the node sees it
 */
record OnnxLayer(GraphNode node, String className, InitializerRecord weight, InitializerRecord bias,
                 String weightName, String biasName) {
}
