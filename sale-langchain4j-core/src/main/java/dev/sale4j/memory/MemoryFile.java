package dev.sale4j.memory;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import dev.sale4j.internal.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file that keeps an embedded memory's {@link InMemoryEmbeddingStore} (LangChain4j's JSON format).
 *
 * <p>Writes are atomic: the store is written to a temporary file in the same directory, forced to disk, then moved
 * over the old file in one step. A crash at any point leaves either the previous file or the new one, never a torn
 * mix, so nothing already saved is lost. A file that cannot be read raises a {@link MemoryFileException} and is left
 * untouched.
 */
final class MemoryFile {

    /** Writes a store to a path; the seam through which tests simulate a crash in the middle of a write. */
    @FunctionalInterface
    interface Writer {
        void write(InMemoryEmbeddingStore<TextSegment> store, Path target) throws IOException;
    }

    static final Writer STREAMING = InMemoryEmbeddingStore::serializeToFile;

    private final Path file;
    private final Writer writer;

    MemoryFile(Path file, Writer writer) {
        if (file == null) {
            throw new IllegalArgumentException("The memory file path is missing: name the file the memory is kept in");
        }
        this.file = file.toAbsolutePath();
        this.writer = writer;
        if (Files.isDirectory(this.file)) {
            throw new IllegalArgumentException("The memory file " + this.file + " is a directory: name a file in it");
        }
    }

    Path path() {
        return file;
    }

    /** The stored store, or an empty one when the file does not exist yet. */
    InMemoryEmbeddingStore<TextSegment> load() {
        if (!Files.exists(file)) {
            return new InMemoryEmbeddingStore<>();
        }
        try {
            if (Files.size(file) == 0) {
                throw new MemoryFileException(file, "is empty (a memory file always holds a JSON document)", null);
            }
            return InMemoryEmbeddingStore.fromFile(file);
        } catch (MemoryFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MemoryFileException(file, "is not a valid memory file (" + rootMessage(e) + ")", e);
        }
    }

    /** Replaces the file's content with the store, atomically. */
    void save(InMemoryEmbeddingStore<TextSegment> store) {
        try {
            AtomicFile.write(file, tmp -> writer.write(store, tmp));
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("Could not save the auction memory to " + file
                    + "; the previous file is intact", e instanceof IOException io ? io : new IOException(e));
        }
    }

    long size() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return -1;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }
}
