package dev.biasinspector.format.djl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Copies taken out of archives by a process that was killed are removed by the next one. */
class ProcessTempFilesTest {

    @TempDir
    Path tmp;

    @Test
    void aFolderOfAProcessThatNoLongerRunsIsRemovedAndOneOfARunningProcessIsKept() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        long deadPid = ended.pid();
        Path dead = Files.createDirectories(tmp.resolve("bias-inspector-" + deadPid + ".tmp-models"));
        Files.write(dead.resolve("model-1.params"), new byte[1000]);
        Path alive = Files.createDirectories(tmp.resolve("bias-inspector-" + ProcessHandle.current().pid() + ".tmp-models"));
        Path unrelated = Files.createDirectories(tmp.resolve("bias-inspector-notes"));

        ProcessTempFiles.removeLeftovers(tmp);

        assertThat(dead).doesNotExist();
        assertThat(alive).isDirectory();
        assertThat(unrelated).isDirectory();
    }
}
