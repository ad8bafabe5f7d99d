package dev.sale4j.examples.config;

/** A pool file or its contents are not usable; the message says what and how to fix it. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
