package dev.biasinspector.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisabledOnOs({OS.WINDOWS, OS.MAC})
class PreferencesFolderTest {

    @TempDir
    Path home;

    @Test
    void aNewUsersFirstStartPrintsNothingAndKeepsTheSettings() throws Exception {
        // Without the folder made first, the JDK prints "INFO: Created user preferences directory."
        List<String> first = firstStart();
        assertThat(first.get(1)).as("stderr").isEmpty();
        assertThat(first.get(0)).as("stdout").isEqualTo("dark theme true\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(".java/.userPrefs"))))
                .isEqualTo("rwx------");
        // The second start reads what the first saved.
        assertThat(firstStart()).containsExactly("dark theme false\n", "");
    }

    @Test
    void anExistingFolderIsLeftAsItIs() throws Exception {
        Path folder = Files.createDirectories(home.resolve(".java/.userPrefs"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-x---"));
        Files.writeString(folder.resolve("kept"), "x");

        PreferencesFolder.createIfMissing(home);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwxr-x---");
        assertThat(folder.resolve("kept")).hasContent("x");
    }

    @Test
    void aFolderThatCannotBeMadeIsLeftToTheJdk() throws Exception {
        Path file = Files.writeString(home.resolve("not-a-folder"), "x");

        PreferencesFolder.createIfMissing(file);

        assertThat(file).hasContent("x");
    }

    /** Runs {@link FirstStart} in a new JVM whose home is {@link #home}: its stdout and stderr. */
    private List<String> firstStart() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Duser.home=" + home, "-Djava.util.prefs.userRoot=" + home, FirstStart.class.getName())
                .redirectOutput(home.resolve("out.txt").toFile())
                .redirectError(home.resolve("err.txt").toFile());
        // The JVM would name these on stderr ("Picked up JAVA_TOOL_OPTIONS: ...").
        builder.environment().keySet().removeAll(List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS"));
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the JVM ended").isTrue();
        assertThat(process.exitValue()).isZero();
        return List.of(Files.readString(home.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(home.resolve("err.txt"), StandardCharsets.UTF_8));
    }
}
