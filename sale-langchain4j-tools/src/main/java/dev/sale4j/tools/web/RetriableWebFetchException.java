package dev.sale4j.tools.web;

import dev.langchain4j.exception.RetriableException;

/** A fetch whose connection or I/O failed: trying again may succeed. The cause is the I/O error. */
public class RetriableWebFetchException extends RetriableException {

    public RetriableWebFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
