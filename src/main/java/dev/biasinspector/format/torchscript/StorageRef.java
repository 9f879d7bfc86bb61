package dev.biasinspector.format.torchscript;

import dev.biasinspector.model.DType;

/**
 * A tensor storage named by a pickle's persistent id: its bytes are the archive record
 * {@code data/<key>}.
 *
 * @param key      record name under {@code data/}
 * @param dtype    element type from the storage class ({@code FloatStorage} → float32)
 * @param location device it was saved from ({@code cpu})
 * @param numel    number of elements the storage holds
 */
record StorageRef(String key, DType dtype, String location, long numel) {
}
