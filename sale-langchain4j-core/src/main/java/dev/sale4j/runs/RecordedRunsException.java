package dev.sale4j.runs;

import dev.langchain4j.exception.NonRetriableException;

/** A recorded-runs file that cannot be read: the message names the line and the field, and how to fix it. */
public final class RecordedRunsException extends NonRetriableException {

    private final int line;

    public RecordedRunsException(int line, String message) {
        super((line > 0 ? "line " + line + ": " : "") + message);
        this.line = line;
    }

    /** The 1-based line of the problem; 0 when it concerns the whole file. */
    public int line() {
        return line;
    }
}
