package dev.sale4j.score;

import dev.langchain4j.exception.NonRetriableException;
import java.nio.file.Path;

/** A weights file that cannot be used: the message names the file, the problem (a field, when it is one) and the fix. */
public class WeightsFileException extends NonRetriableException {

    private final Path file;

    public WeightsFileException(Path file, String problem, Throwable cause) {
        super("Weights file " + file + " " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
