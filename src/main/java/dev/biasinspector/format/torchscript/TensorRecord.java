package dev.biasinspector.format.torchscript;

/**
 * A tensor as {@code torch._utils._rebuild_tensor_v2} describes it: a view into a storage.
 * Offsets, sizes and strides count elements, not bytes.
 */
record TensorRecord(StorageRef storage, long storageOffset, long[] size, long[] stride, boolean requiresGrad) {
}
