package dev.biasinspector.settings;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

class AppSettingsTest {

    @TempDir
    Path folder;

    private final Preferences node = Preferences.userRoot().node("bias-inspector-tests/" + UUID.randomUUID());
    private final AppSettings settings = new AppSettings(node);

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void remembersThemeFolderToggleAndTrustedModels() {
        String a = "a".repeat(64);
        assertThat(settings.darkTheme()).isFalse();
        assertThat(settings.lastFolder()).isEmpty();
        assertThat(settings.trustedModels().isTrusted(a)).isFalse();

        settings.setDarkTheme(true);
        settings.setLastFolder(folder);
        settings.setShowAllBiases(true);
        settings.trustedModels().trust(a);

        AppSettings again = new AppSettings(node);
        assertThat(again.darkTheme()).isTrue();
        assertThat(again.lastFolder()).contains(folder.toAbsolutePath());
        assertThat(again.showAllBiases()).isTrue();
        assertThat(again.trustedModels().isTrusted(a)).isTrue();
        assertThat(again.trustedModels().isTrusted("b".repeat(64))).isFalse();
    }

    @Test
    void theOldRunAnyFileFlagIsDroppedSoEveryFileIsAskedAbout() {
        node.putBoolean("djlWarningAccepted", true);

        new AppSettings(node);

        assertThat(node.get("djlWarningAccepted", null)).isNull();
    }

    @Test
    void trustedModelsKeepTheNewestAndForgetTheOldest() {
        TrustedModels trusted = settings.trustedModels();
        for (int i = 0; i < TrustedModels.LIMIT + 5; i++) {
            trusted.trust(String.format("%064x", i));
        }
        // the first five are forgotten (asked about again), the rest kept
        for (int i = 0; i < 5; i++) {
            assertThat(trusted.isTrusted(String.format("%064x", i))).as("entry %d", i).isFalse();
        }
        for (int i = 5; i < TrustedModels.LIMIT + 5; i++) {
            assertThat(trusted.isTrusted(String.format("%064x", i))).as("entry %d", i).isTrue();
        }
        // trusting an old entry again makes it the newest
        trusted.trust(String.format("%064x", 5));
        trusted.trust("f".repeat(64));
        assertThat(trusted.isTrusted(String.format("%064x", 5))).isTrue();
        assertThat(trusted.isTrusted(String.format("%064x", 6))).isFalse();
    }

    @Test
    void recentFilesAreNewestFirstWithoutDuplicatesAndBounded() throws IOException {
        RecentFiles recent = settings.recentFiles();
        Path a = Files.createFile(folder.resolve("a.pt"));
        Path b = Files.createFile(folder.resolve("b.pt"));

        recent.add(a);
        recent.add(b);
        recent.add(a);
        assertThat(recent.list()).containsExactly(a, b);

        for (int i = 0; i < RecentFiles.MAX + 3; i++) {
            recent.add(folder.resolve("m" + i + ".pt"));
        }
        assertThat(recent.list()).hasSize(RecentFiles.MAX).startsWith(folder.resolve("m" + (RecentFiles.MAX + 2) + ".pt"));
    }

    @Test
    void missingFilesAreDropped() throws IOException {
        RecentFiles recent = settings.recentFiles();
        Path kept = Files.createFile(folder.resolve("kept.pt"));
        Path gone = Files.createFile(folder.resolve("gone.pt"));
        recent.add(kept);
        recent.add(gone);
        Files.delete(gone);

        assertThat(recent.dropMissing()).containsExactly(kept);
        assertThat(new AppSettings(node).recentFiles().list()).containsExactly(kept);
    }
}
