package dev.biasinspector.session;

import dev.biasinspector.testing.DemoModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ModelFingerprintTest {

    @TempDir
    Path folder;

    @Test
    void aFilesFingerprintIsTheSha256OfItsBytes() throws IOException {
        Path file = Files.writeString(folder.resolve("abc.pt"), "abc");
        // FIPS 180-2, appendix B.1
        assertThat(ModelFingerprint.of(file))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void theSameBytesUnderAnotherNameMatchAndOneChangedByteDoesNot() throws IOException {
        Path demo = DemoModels.path("simple_net.pt");
        Path copy = Files.copy(demo, folder.resolve("copy.pt"));
        byte[] bytes = Files.readAllBytes(demo);
        bytes[bytes.length / 2] ^= 1;
        Path changed = Files.write(folder.resolve("changed.pt"), bytes);

        assertThat(ModelFingerprint.of(copy)).isEqualTo(ModelFingerprint.of(demo));
        assertThat(ModelFingerprint.of(changed)).isNotEqualTo(ModelFingerprint.of(demo));
    }

    @Test
    void aFoldersFingerprintCoversItsFilesNamesAndBytes() throws IOException {
        Path a = Files.createDirectories(folder.resolve("a"));
        Files.writeString(a.resolve("model.pt"), "code");
        Files.writeString(a.resolve("serving.properties"), "engine=PyTorch");
        String before = ModelFingerprint.of(a);

        Files.writeString(a.resolve("serving.properties"), "engine=PyTorcH");
        String edited = ModelFingerprint.of(a);
        Files.move(a.resolve("model.pt"), a.resolve("other.pt"));
        String renamed = ModelFingerprint.of(a);

        assertThat(before).isNotEqualTo(edited).isNotEqualTo(renamed);
        assertThat(edited).isNotEqualTo(renamed);
    }
}
