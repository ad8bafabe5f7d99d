package dev.sale4j.eval.suite;

import dev.langchain4j.exception.NonRetriableException;

/** A suite or task file that cannot be read: the message names the file, the line, the field and the fix. */
public class SuiteFormatException extends NonRetriableException {

    private final String file;
    private final int line;

    public SuiteFormatException(String file, int line, String message, Throwable cause) {
        super(file + (line > 0 ? " line " + line : "") + ": " + message, cause);
        this.file = file;
        this.line = line;
    }

    /** @return the file that could not be read */
    public String file() {
        return file;
    }

    /** @return the 1-based line of the problem, or 0 when it concerns the whole file */
    public int line() {
        return line;
    }
}
