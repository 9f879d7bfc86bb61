package dev.biasinspector.session;

/** How a TorchScript file is read. */
public enum Engine {
    /** Pure-Java archive reader: parses the zip and pickles, executes nothing. The default. */
    ARCHIVE,
    /** DJL's PyTorch engine (libtorch): runs code stored in the file while loading. */
    DJL
}
