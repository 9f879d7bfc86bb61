package dev.biasinspector.gui;

import dev.biasinspector.settings.AppSettings;

import javax.swing.JOptionPane;
import java.awt.Component;

/**
 * Asks once, before the first use of the DJL engine, whether running code stored in the model
 * file is fine: libtorch runs a TorchScript file's code when it loads it. The answer "OK" is
 * remembered; "Cancel" asks again next time.
 */
public final class DjlConsent {

    public static final String WARNING = "<html><div style='width:380px'>The DJL engine loads the model with "
            + "PyTorch (libtorch), which <b>runs code stored in the file</b>. Only do this with files you "
            + "trust.<br><br>The archive reader used by default reads the same values without running "
            + "anything.</div></html>";

    private DjlConsent() {
    }

    /** True when the user agreed now or before. Call on the EDT. */
    public static boolean confirm(Component parent, AppSettings settings, String title) {
        if (settings.djlWarningAccepted()) {
            return true;
        }
        int answer = JOptionPane.showConfirmDialog(parent, WARNING, title, JOptionPane.OK_CANCEL_OPTION,
                JOptionPane.WARNING_MESSAGE);
        if (answer != JOptionPane.OK_OPTION) {
            return false;
        }
        settings.acceptDjlWarning();
        return true;
    }
}
