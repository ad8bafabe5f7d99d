package dev.sale4j.memory;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import dev.sale4j.internal.AtomicFile;
import dev.sale4j.internal.FileProblems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;

/**
 * The file that keeps an embedded memory's {@link InMemoryEmbeddingStore} (LangChain4j's JSON format).
 *
 * <p>Writes are atomic: the store is written to a temporary file in the same directory, forced to disk, then moved
 * over the old file in one step. A crash at any point leaves either the previous file or the new one, never a torn
 * mix, so nothing already saved is lost; the temporary file a crash leaves is removed at the next open. A file that
 * cannot be read raises a {@link MemoryFileException} and is left untouched.
 *
 * <p>Processes sharing the file coordinate through its {@link MemoryFileLock}: loads that merge and every save run
 * holding it, and each save increments the generation in the lock file. A {@link Stamp} (generation, file identity,
 * modification time, size) tells whether the file changed since a memory last read or wrote it.
 */
final class MemoryFile {

    /** Writes a store to a path; the seam through which tests simulate a crash in the middle of a write. */
    @FunctionalInterface
    interface Writer {
        void write(InMemoryEmbeddingStore<TextSegment> store, Path target) throws IOException;
    }

    /** Reads the file's text; the seam through which tests simulate a read the OS refuses. */
    @FunctionalInterface
    interface Reader {
        String read(Path file) throws IOException;
    }

    /** What a memory knows of the file's state when it last read or wrote it. */
    record Stamp(long generation, Object fileKey, long modifiedNanos, long size) {
        boolean sameFile(Stamp other) {
            return other != null && Objects.equals(fileKey, other.fileKey) && modifiedNanos == other.modifiedNanos
                    && size == other.size;
        }
    }

    /** The file's store as loaded, and its stamp then. */
    record Loaded(InMemoryEmbeddingStore<TextSegment> store, Stamp stamp) {}

    static final Writer STREAMING = InMemoryEmbeddingStore::serializeToFile;
    static final Reader READING = file -> Files.readString(file, StandardCharsets.UTF_8);
    static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    private final Path file;
    private final Writer writer;
    private final Reader reader;
    private final MemoryFileLock lock;

    MemoryFile(Path file, Writer writer, Reader reader, Duration lockTimeout) {
        if (file == null) {
            throw new IllegalArgumentException("The memory file path is missing: name the file the memory is kept in");
        }
        this.file = file.toAbsolutePath().normalize();
        this.writer = writer;
        this.reader = reader;
        if (Files.isDirectory(this.file)) {
            throw new IllegalArgumentException("The memory file " + this.file + " is a directory: name a file in it");
        }
        this.lock = new MemoryFileLock(this.file, lockTimeout);
    }

    Path path() {
        return file;
    }

    Path lockFile() {
        return lock.path();
    }

    /** Runs the action holding the file's lock (creating the file's directory if needed). */
    <T> T locked(MemoryFileLock.Action<T> action) {
        try {
            Files.createDirectories(file.getParent());
            return lock.run(action);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock the auction memory file " + file + " (lock file "
                    + lock.path() + "): " + e.getMessage(), e);
        }
    }

    /** Whether the file is no longer the one the stamp describes: another process saved it since. */
    boolean changedSince(Stamp seen) {
        return !stamp(seen == null ? 0 : seen.generation()).sameFile(seen);
    }

    /** The file's stamp now, under the lock. */
    Stamp stamp(MemoryFileLock.Held held) {
        return stamp(held.generation());
    }

    private Stamp stamp(long generation) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(generation, attributes.fileKey(), attributes.lastModifiedTime().toInstant().getEpochSecond()
                    * 1_000_000_000L + attributes.lastModifiedTime().toInstant().getNano(), attributes.size());
        } catch (NoSuchFileException e) {
            return new Stamp(generation, null, -1, -1);
        } catch (IOException e) {
            return new Stamp(generation, null, -2, -2); // unreadable: the next load says why
        }
    }

    /** Removes the temporary files of writes that crashed; call it holding the lock. */
    int removeLeftovers() {
        try {
            return AtomicFile.removeLeftovers(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the directory of the auction memory file " + file
                    + " to remove temporary files left by a crash: " + e.getMessage(), e);
        }
    }

    /** The stored store, or an empty one when the file does not exist yet; call it holding the lock. */
    Loaded load(MemoryFileLock.Held held) {
        Stamp stamp = stamp(held);
        if (!Files.exists(file)) {
            return new Loaded(new InMemoryEmbeddingStore<>(), stamp);
        }
        String json;
        try {
            json = reader.read(file);
        } catch (AccessDeniedException e) {
            throw new MemoryFileException(file, "cannot be read: permission denied", "give this process read and "
                    + "write permission on it and on its directory, or point the memory at another file", e);
        } catch (IOException e) {
            throw new MemoryFileException(file, "cannot be read: " + FileProblems.reason(e), e);
        }
        String trimmed = json.strip();
        if (trimmed.isEmpty()) {
            throw new MemoryFileException(file, "is empty (a memory file always holds a JSON document)", null);
        }
        if (trimmed.charAt(0) != '{') {
            String found = trimmed.startsWith("null") ? "null" : trimmed.startsWith("[") ? "a JSON array"
                    : "'" + trimmed.substring(0, Math.min(20, trimmed.length())) + "'";
            throw new MemoryFileException(file, "holds " + found + " where a memory file holds a JSON object "
                    + "(LangChain4j's InMemoryEmbeddingStore format)", null);
        }
        try {
            InMemoryEmbeddingStore<TextSegment> store = InMemoryEmbeddingStore.fromJson(json);
            if (store == null) {
                throw new IllegalArgumentException("it holds no store");
            }
            return new Loaded(store, stamp);
        } catch (RuntimeException e) {
            throw new MemoryFileException(file, "is not a valid memory file (" + rootMessage(e) + ")", e);
        }
    }

    /** Replaces the file's content with the store, atomically, and returns its new stamp; call it holding the lock. */
    Stamp save(InMemoryEmbeddingStore<TextSegment> store, MemoryFileLock.Held held) {
        try {
            long generation = held.bump();
            AtomicFile.write(file, tmp -> writer.write(store, tmp));
            return stamp(generation);
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
