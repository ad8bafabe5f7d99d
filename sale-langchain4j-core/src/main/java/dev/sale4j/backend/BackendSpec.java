package dev.sale4j.backend;

import dev.langchain4j.exception.NonRetriableException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Where and how one agent's LLM is served: enough to build a real LangChain4j client for it with {@link Backends}.
 * Built from a pool file, Spring or Quarkus properties; the key itself is resolved by the caller (from the
 * environment variable the configuration names), never written in configuration.
 *
 * @param provider   {@code ollama}, or {@code openai} for every OpenAI-compatible server (vLLM, llama.cpp, LM Studio...)
 * @param baseUrl    the server's http(s) URL
 * @param model      the model name the server knows
 * @param apiKey     the key, or null for servers that need none
 * @param timeout    per call
 * @param maxRetries per call, for retriable failures
 * @param think      Ollama only: false asks a reasoning model not to think inline; null leaves the server's default
 */
public record BackendSpec(
        Provider provider, String baseUrl, String model, String apiKey, Duration timeout, int maxRetries, Boolean think) {

    /** The wire formats sale4j builds clients for. */
    public enum Provider {
        OLLAMA,
        OPENAI;

        /** Parses a configured provider name; the error lists the names that work. */
        public static Provider parse(String name, String field) {
            if (name == null || name.isBlank()) {
                throw new BackendConfigException(field + " is missing: set it to ollama or openai");
            }
            return switch (name.strip().toLowerCase(Locale.ROOT)) {
                case "ollama" -> OLLAMA;
                case "openai", "openai-compatible" -> OPENAI;
                default -> throw new BackendConfigException(field + " '" + name
                        + "' is not supported: use ollama, or openai for any OpenAI-compatible server");
            };
        }
    }

    public BackendSpec {
        if (provider == null) {
            throw new BackendConfigException("provider is missing: set it to ollama or openai");
        }
        if (model == null || model.isBlank()) {
            throw new BackendConfigException("model is missing: name the model the server serves, e.g. qwen3:8b");
        }
        requireHttpUrl(baseUrl, "baseUrl");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new BackendConfigException("timeout must be a positive duration, got " + timeout);
        }
        if (maxRetries < 0) {
            throw new BackendConfigException("maxRetries must be 0 or more, got " + maxRetries);
        }
    }

    /** Checks that {@code url} is an absolute http(s) URL; the message names {@code field}. */
    public static void requireHttpUrl(String url, String field) {
        if (url == null || url.isBlank()) {
            throw new BackendConfigException(field + " is missing: set the server's URL, e.g. http://localhost:11434");
        }
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("not http(s)");
            }
        } catch (IllegalArgumentException e) {
            throw new BackendConfigException(field + " '" + url + "' is not an http(s) URL: write e.g. http://localhost:11434");
        }
    }

    /** A configuration that cannot give a working backend; the message names the setting and the fix. */
    public static final class BackendConfigException extends NonRetriableException {
        public BackendConfigException(String message) {
            super(message);
        }
    }
}
