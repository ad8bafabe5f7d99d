package dev.sale4j.memory;

import dev.langchain4j.exception.NonRetriableException;
import java.nio.file.Path;

/**
 * The memory file cannot be read as an auction memory. The file is left exactly as it was: nothing is written over
 * it, so no remembered auction is lost to a bad start.
 */
public class MemoryFileException extends NonRetriableException {

    static final String RESTORE = "restore it from a backup, or move it aside to start with an empty memory";

    private final Path file;

    public MemoryFileException(Path file, String problem, Throwable cause) {
        this(file, problem, RESTORE, cause);
    }

    /** With the fix that suits the problem, e.g. "give this process read and write permission on it". */
    public MemoryFileException(Path file, String problem, String fix, Throwable cause) {
        super("Auction memory file " + file + " " + problem + ". It was left untouched. To fix: " + fix + ".", cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
