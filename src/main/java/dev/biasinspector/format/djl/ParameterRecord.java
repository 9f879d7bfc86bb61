package dev.biasinspector.format.djl;

/**
 * One initialised parameter as {@code ai.djl.nn.Parameter.save} writes it:
 * {@code 00 50} ('P'), u8 version 1, UTF local name, NDArray.
 *
 * @param localName the parameter's name inside its block: weight, bias, gamma, runningMean…
 * @param start     file offset of the {@code 00 50} marker
 * @param end       file offset just past the tensor data
 */
record ParameterRecord(String localName, NdArrayHeader array, long start, long end) {

    long[] shape() {
        return array.shape().dims();
    }

    int rank() {
        return array.shape().dims().length;
    }
}
