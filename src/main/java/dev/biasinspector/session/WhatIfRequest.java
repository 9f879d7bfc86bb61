package dev.biasinspector.session;

import dev.biasinspector.model.BiasEdit;

import java.nio.file.Path;

/**
 * One what-if run: which TorchScript file, which bias, what change, on which input.
 *
 * @param file       the TorchScript file DJL loads
 * @param modelName  the model's name in the chart title
 * @param biasName   the bias to edit, as libtorch names it ({@code fc1.bias})
 * @param edit       the change, made in memory only
 * @param inputShape the input's shape, e.g. {@code [1, 10]}
 * @param input      the input values, row-major
 */
public record WhatIfRequest(Path file, String modelName, String biasName, BiasEdit edit, long[] inputShape,
                            float[] input) {
}
