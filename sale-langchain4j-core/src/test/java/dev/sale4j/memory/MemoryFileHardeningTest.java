package dev.sale4j.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sale4j.auction.AuctionMemoryRecorder;
import dev.sale4j.auction.AuctionResult;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad memory files give a clear error at open, naming the file and the problem; crash leftovers are cleaned. */
class MemoryFileHardeningTest {

    @TempDir
    Path dir;

    private static EmbeddingStoreAuctionMemory.Builder memory(Path file, int dimension) {
        return EmbeddingStoreAuctionMemory.builder().file(file).embeddingModel(new WordHashEmbeddingModel(dimension));
    }

    private String recordOne(Path file) {
        AuctionResult result = SharedMemoryFileTest.auction("Write a Python function that reverses a string.");
        try (EmbeddingStoreAuctionMemory memory = memory(file, 32).build()) {
            memory.record(AuctionMemoryRecorder.entry("a", result));
        }
        return result.id();
    }

    @Test
    void temporaryFilesLeftByACrashedSaveAreRemovedAtTheNextOpenAndNothingElse() throws IOException {
        Path file = dir.resolve("memory.json");
        String id = recordOne(file);
        for (String name : new String[] {".memory.json.0123456789abcdef.tmp", ".memory.json8812345678901234.tmp",
                ".other.json.0123456789abcdef.tmp", ".memory.json.0123456789abcdef.tmp.keep", "notes.tmp"}) {
            Files.writeString(dir.resolve(name), "{\"entries\":[");
        }

        try (EmbeddingStoreAuctionMemory reopened = memory(file, 32).build()) {
            assertThat(reopened.entry(id)).isPresent();
        }

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("memory.json",
                    "memory.json.lock", ".other.json.0123456789abcdef.tmp", ".memory.json.0123456789abcdef.tmp.keep",
                    "notes.tmp");
        }
    }

    @Test
    void anOldStyleTemporaryFileIsKeptWhenASiblingFileCouldOwnIt() throws IOException {
        Path file = dir.resolve("memory.json");
        recordOne(file);
        Files.writeString(dir.resolve("memory.json2"), "{}");
        Path ambiguous = dir.resolve(".memory.json2123.tmp"); // ".memory.json" + "2123", or ".memory.json2" + "123"
        Files.writeString(ambiguous, "{");

        memory(file, 32).build().close();

        assertThat(ambiguous).exists();
    }

    @Test
    void aFileHoldingNullOrAnotherNonObjectGivesTheDocumentedErrorAtOpen() throws IOException {
        Path file = dir.resolve("memory.json");
        for (String json : new String[] {"null", " [] ", "42", "\"text\""}) {
            Files.writeString(file, json);
            assertThatThrownBy(() -> memory(file, 32).build()).as(json)
                    .isInstanceOf(MemoryFileException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("where a memory file holds a JSON object")
                    .hasMessageContaining("move it aside");
            assertThat(file).hasContent(json);
        }
        Files.writeString(file, "null");
        assertThatThrownBy(() -> memory(file, 32).build()).hasMessageContaining("holds null");
    }

    @Test
    void anUnreadableFileSaysPermissionDeniedAndNamesTheFile() throws IOException {
        Path file = dir.resolve("memory.json");
        recordOne(file);
        // tests run as root, whom chmod 000 does not stop: the read is refused the way the OS refuses it
        MemoryFile.Reader refused = f -> {
            throw new AccessDeniedException(f.toString());
        };

        assertThatThrownBy(() -> memory(file, 32).reader(refused).build())
                .isInstanceOf(MemoryFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("cannot be read: permission denied")
                .hasMessageContaining("give this process read and write permission")
                .hasMessageNotContaining("not a valid memory file");
    }

    @Test
    void anEmbeddingOfTheWrongDimensionNamesTheFileTheEntryAndBothDimensions() {
        Path file = dir.resolve("memory.json");
        String id = recordOne(file);

        assertThatThrownBy(() -> memory(file, 16).build())
                .isInstanceOf(MemoryFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("embedding of dimension 32 (entry " + id + ")")
                .hasMessageContaining("embedding model makes embeddings of dimension 16")
                .hasMessageContaining("open it with the embedding model that wrote it");
    }

    @Test
    void aNonFiniteValueInAStoredEmbeddingIsRejectedAtLoadNamingTheEntry() throws IOException {
        Path file = dir.resolve("memory.json");
        String id = recordOne(file);
        String json = Files.readString(file);
        for (String bad : new String[] {"\"NaN\"", "\"Infinity\"", "\"-Infinity\""}) {
            String broken = json.replaceFirst("\"vector\":\\[[-0-9.Ee]+", "\"vector\":[" + bad);
            assertThat(broken).isNotEqualTo(json);
            Files.writeString(file, broken);

            assertThatThrownBy(() -> memory(file, 32).build()).as(bad)
                    .isInstanceOf(MemoryFileException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("non-finite value")
                    .hasMessageContaining("embedding of entry " + id);
            assertThat(file).hasContent(broken);
        }
    }
}
