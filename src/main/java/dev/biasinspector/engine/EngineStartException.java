package dev.biasinspector.engine;

import java.io.IOException;

/** DJL's PyTorch engine could not start (native library missing or not extractable); one plain sentence. */
public class EngineStartException extends IOException {

    public EngineStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
