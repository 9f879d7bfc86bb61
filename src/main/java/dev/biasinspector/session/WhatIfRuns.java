package dev.biasinspector.session;

import dev.biasinspector.engine.DjlEngineStartup;
import dev.biasinspector.engine.DjlWhatIf;
import dev.biasinspector.model.WhatIfResult;

import java.io.IOException;

/** Runs what-if requests on DJL's PyTorch engine; the window and {@code export --whatif} both come here. */
public final class WhatIfRuns {

    private WhatIfRuns() {
    }

    /** Runs the model twice (stored bias, edited bias); loads libtorch first if needed. Off the EDT. */
    public static WhatIfResult run(WhatIfRequest request) throws IOException {
        return DjlWhatIf.run(request.file(), request.biasName(), request.edit(), request.inputShape(), request.input());
    }

    /** Starts libtorch on a daemon thread (no code from any model file runs), so the first run answers sooner. */
    public static void warmUp() {
        DjlEngineStartup.warmUpInBackground();
    }

    public static boolean isEngineStarted() {
        return DjlEngineStartup.isStarted();
    }

    /**
     * "The model could not run on this input: mat1 and mat2 shapes cannot be multiplied (1x7 and
     * 10x20)." The engine already reduces libtorch's traceback to its reason.
     */
    public static String sentence(Throwable failure) {
        String text = LoadFailure.reason(failure);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }
}
