package dev.sale4j.eval.bench;

import dev.langchain4j.exception.NonRetriableException;

/** A benchmark run that cannot go on as asked: the message names the problem and the fix. */
public class BenchException extends NonRetriableException {

    public BenchException(String message) {
        super(message);
    }

    public BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
