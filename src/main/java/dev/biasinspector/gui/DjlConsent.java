package dev.biasinspector.gui;

import dev.biasinspector.session.BiasSession;
import dev.biasinspector.settings.TrustedModels;

import javax.swing.JOptionPane;
import java.awt.Component;
import java.nio.file.Path;

/**
 * Asks, before the DJL engine first loads a file, whether running code stored in it is fine:
 * libtorch runs a TorchScript file's code when it loads it. "OK" is remembered for that file's
 * content (its SHA-256), so the same file is not asked about again and a changed or different
 * file is; "Cancel" asks again next time.
 *
 * <p>Thread contract: call on the EDT. The fingerprint is read on the session's worker; the
 * question and {@code onYes} come back on the EDT.
 */
public final class DjlConsent {

    public static final String WARNING = "<html><div style='width:380px'>The DJL engine loads <b>%s</b> with "
            + "PyTorch (libtorch), which <b>runs code stored in the file</b>. Only do this with files you "
            + "trust.<br><br>The answer is remembered for this file's exact content; a changed file is "
            + "asked about again. The archive reader used by default reads the same values without "
            + "running anything.</div></html>";

    private DjlConsent() {
    }

    /**
     * Runs {@code onYes} once the user agrees to run {@code file}'s code, now or earlier for the
     * same content, and {@code onNo} when the user declines.
     */
    public static void whenAccepted(Component parent, BiasSession session, TrustedModels trusted, Path file,
                                    String title, Runnable onYes, Runnable onNo) {
        session.fingerprint(file,
                fingerprint -> {
                    if (trusted.isTrusted(fingerprint)) {
                        onYes.run();
                    } else if (ask(parent, file, title)) {
                        trusted.trust(fingerprint);
                        onYes.run();
                    } else {
                        onNo.run();
                    }
                },
                // Unreadable now: ask, and remember nothing (the engine will report why it cannot load).
                failure -> {
                    if (ask(parent, file, title)) {
                        onYes.run();
                    } else {
                        onNo.run();
                    }
                });
    }

    private static boolean ask(Component parent, Path file, String title) {
        String name = escape(String.valueOf(file.getFileName()));
        int answer = JOptionPane.showConfirmDialog(parent, String.format(WARNING, name), title,
                JOptionPane.OK_CANCEL_OPTION, JOptionPane.WARNING_MESSAGE);
        return answer == JOptionPane.OK_OPTION;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
