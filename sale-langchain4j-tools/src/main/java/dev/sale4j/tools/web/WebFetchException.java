package dev.sale4j.tools.web;

import dev.langchain4j.exception.NonRetriableException;

/**
 * A fetch that could not complete and that trying again will not fix: refused content, too many redirects, an
 * unresolvable host, an HTTP error answer. A fetch whose connection or I/O failed is a
 * {@link RetriableWebFetchException}.
 */
public class WebFetchException extends NonRetriableException {

    public WebFetchException(String message) {
        super(message);
    }

    public WebFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
