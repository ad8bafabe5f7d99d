package dev.sale4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void aNewFileIsReadableByOthersLikeAnyWrittenFile() throws IOException {
        Path file = dir.resolve("sub/weights.json");
        AtomicFile.writeString(file, "{}");
        assertThat(file).hasContent("{}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        Path file = dir.resolve("runs.jsonl");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFile.writeString(file, "new");
        assertThat(file).hasContent("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-rw----");
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("memory.json");
        Files.writeString(file, "last good");
        assertThatThrownBy(() -> AtomicFile.write(file, tmp -> {
            Files.writeString(tmp, "half writ");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(file).hasContent("last good");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
