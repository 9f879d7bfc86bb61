package dev.biasinspector.format.pickle;

import java.io.IOException;

/** The pickle stream is malformed, truncated or uses something this reader refuses. */
public class PickleException extends IOException {

    public PickleException(String message) {
        super(message);
    }
}
