package dev.biasinspector.settings;

/**
 * A new user's first start, in a JVM of its own (see PreferencesFolderTest): reads and writes the
 * settings as the window does at start-up, then saves them.
 */
public final class FirstStart {

    private FirstStart() {
    }

    public static void main(String[] args) throws Exception {
        AppSettings settings = AppSettings.forUser();
        settings.setDarkTheme(!settings.darkTheme());
        java.util.prefs.Preferences.userRoot().flush();
        System.out.println("dark theme " + settings.darkTheme());
    }
}
