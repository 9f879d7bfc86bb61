package dev.biasinspector.format.djl;

/**
 * The start of one block in a DJL parameter file: u8 version, then class-specific metadata.
 * Only the metadata layouts of DJL's built-in blocks are known; the file names no classes.
 *
 * @param layout                  which known metadata layout matched
 * @param version                 the block's serialisation version byte
 * @param offset                  file offset of the version byte
 * @param units                   Linear only: output features ({@code -1} otherwise)
 * @param inFeatures              Linear only: input features ({@code -1} otherwise)
 */
record BlockHeader(Layout layout, int version, long offset, long units, long inFeatures) {

    /** Metadata layouts written by {@code saveMetadata} of DJL 0.36 blocks. */
    enum Layout {
        /** Linear (version 4): i64 units, i64 inputFeatures, Shape inputShape. */
        LINEAR,
        /** SequentialBlock (version 3): input shapes, boolean returnIntermediate. */
        SEQUENTIAL,
        /** BatchNorm (version 2): input shapes, i64 inChannels. */
        BATCH_NORM,
        /** LayerNorm (version 1): input shapes, Shape normalizedShape. */
        LAYER_NORM,
        /** Embedding (version 6): input shapes, i32 sparse format. */
        EMBEDDING,
        /** AbstractBaseBlock default: i32 n, n input Shapes (LambdaBlock, Conv, Dropout, ParallelBlock…). */
        DEFAULT
    }
}
