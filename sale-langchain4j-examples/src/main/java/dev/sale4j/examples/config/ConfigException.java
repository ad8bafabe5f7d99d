package dev.sale4j.examples.config;

import dev.langchain4j.exception.NonRetriableException;

/** A pool file or its contents are not usable; the message says what and how to fix it. */
public class ConfigException extends NonRetriableException {

    public ConfigException(String message) {
        super(message);
    }
}
