package dev.sale4j.tools.web;

import dev.langchain4j.exception.LangChain4jException;

/** A fetch that could not complete: unreachable host, I/O error, too many redirects or unreadable content. */
public class WebFetchException extends LangChain4jException {

    public WebFetchException(String message) {
        super(message);
    }

    public WebFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
