package dev.sale4j.tools.web;

import dev.langchain4j.exception.NonRetriableException;

/** A URL the {@link UrlSafetyPolicy} refuses: wrong scheme, or a host that is (or resolves to) a non-public address. */
public class UnsafeUrlException extends NonRetriableException {

    public UnsafeUrlException(String message) {
        super(message);
    }
}
