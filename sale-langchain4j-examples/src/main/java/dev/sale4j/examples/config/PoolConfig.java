package dev.sale4j.examples.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A pool file: the agents, and optional auction settings. YAML, for example:
 *
 * <pre>
 * agents:
 *   - {name: qwen3:4b, provider: ollama, baseUrl: http://localhost:11434, model: qwen3:4b, price: 0.05}
 *   - {name: gpt-4.1, provider: openai, baseUrl: https://api.openai.com/v1, model: gpt-4.1,
 *      inputPrice: 2.0, outputPrice: 8.0, apiKeyEnv: OPENAI_API_KEY}
 * weights: weights.json        # optional, relative to this file
 * bidTimeout: 60s              # optional
 * juryTimeout: 60s             # optional
 * maxBidTokens: 400            # optional
 * fallbackAgent: qwen3:32b     # optional
 * </pre>
 */
public record PoolConfig(
        @JsonProperty("agents") List<AgentConfig> agents,
        @JsonProperty("weights") String weights,
        @JsonProperty("bidTimeout") String bidTimeout,
        @JsonProperty("juryTimeout") String juryTimeout,
        @JsonProperty("maxBidTokens") Integer maxBidTokens,
        @JsonProperty("fallbackAgent") String fallbackAgent,
        @JsonProperty("maxRetries") Integer maxRetries) {

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public PoolConfig {
        agents = agents == null ? List.of() : List.copyOf(agents);
    }

    /** The default pool: qwen3 4b/8b/14b/32b on a local Ollama server. */
    public static PoolConfig defaults() {
        try (InputStream in = PoolConfig.class.getResourceAsStream("/dev/sale4j/examples/default-pool.yaml")) {
            return YAML.readValue(in, PoolConfig.class);
        } catch (IOException e) {
            throw new IllegalStateException("The built-in default pool could not be read", e);
        }
    }

    /** Reads a pool file; every problem is reported with the file's name and how to fix it. */
    public static PoolConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + " does not exist: pass an existing pool file with --config");
        }
        try {
            return YAML.readValue(file.toFile(), PoolConfig.class);
        } catch (IOException e) {
            String detail = e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                    ? j.getOriginalMessage() + (j.getLocation() == null ? "" : " (line " + j.getLocation().getLineNr() + ")")
                    : e.getMessage();
            throw new ConfigException(file + " is not a valid pool file: " + detail);
        }
    }

    public Duration bidTimeoutOr(Duration fallback) {
        return duration(bidTimeout, "bidTimeout", fallback);
    }

    public Duration juryTimeoutOr(Duration fallback) {
        return duration(juryTimeout, "juryTimeout", fallback);
    }

    private static Duration duration(String text, String field, Duration fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String t = text.strip().toLowerCase();
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).strip()));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).strip()) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofSeconds(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).strip()) * 60));
            }
            return Duration.parse(text.strip());
        } catch (RuntimeException e) {
            throw new ConfigException(field + " '" + text + "' is not a duration: write e.g. 500ms, 60s or 2m");
        }
    }
}
