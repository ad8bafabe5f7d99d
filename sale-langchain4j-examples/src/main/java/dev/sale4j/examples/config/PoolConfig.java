package dev.sale4j.examples.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sale4j.internal.FileProblems;
import dev.sale4j.json.JsonFields;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

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
 * maxBidTokens: 400            # optional, 16 to 4096
 * fallbackAgent: qwen3:32b     # optional, one of the agents
 * maxRetries: 1                # optional, 0 or more
 * </pre>
 *
 * <p>{@link #load(Path)} checks every value as it reads the file, naming the key as written in the file.
 */
public record PoolConfig(
        @JsonProperty("agents") List<AgentConfig> agents,
        @JsonProperty("weights") String weights,
        @JsonProperty("bidTimeout") String bidTimeout,
        @JsonProperty("juryTimeout") String juryTimeout,
        @JsonProperty("maxBidTokens") Integer maxBidTokens,
        @JsonProperty("fallbackAgent") String fallbackAgent,
        @JsonProperty("maxRetries") Integer maxRetries) {

    /** The smallest {@code maxBidTokens}: a bid is a plan of a few sentences, not a word. */
    public static final int MIN_BID_TOKENS = 16;

    /**
     * The largest {@code maxBidTokens}. Every agent writes a bid for every task, so this bounds the auction's
     * overhead (n agents x maxBidTokens per task, before the jury reads them all); a bid is a short plan (default
     * 400), and 4096 is also the whole output window of many small local models.
     */
    public static final int MAX_BID_TOKENS = 4096;

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
        String problem = FileProblems.unreadable(file);
        if (problem != null) {
            throw new ConfigException(file + " " + problem + ": pass a pool file (YAML) with --config");
        }
        PoolConfig config;
        try {
            config = YAML.readValue(file.toFile(), PoolConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(file + " is not a valid pool file: " + unknownKey(e, file));
        } catch (IOException e) {
            String detail = e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                    ? j.getOriginalMessage() + (j.getLocation() == null ? "" : " (line " + j.getLocation().getLineNr() + ")")
                    : e.getMessage();
            throw new ConfigException(file + " is not a valid pool file: " + detail);
        }
        if (config == null) {
            throw new ConfigException(file + " is empty: list the agents under 'agents:' (see README)");
        }
        try {
            config.check();
        } catch (ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
        return config;
    }

    /**
     * Checks the values, naming each key as the file spells it: {@code maxBidTokens} within
     * [{@value #MIN_BID_TOKENS}, {@value #MAX_BID_TOKENS}], {@code maxRetries} >= 0, {@code fallbackAgent} one of the
     * agents, the timeouts positive durations.
     *
     * @throws ConfigException naming the key and the fix
     */
    public void check() {
        if (maxBidTokens != null && (maxBidTokens < MIN_BID_TOKENS || maxBidTokens > MAX_BID_TOKENS)) {
            throw new ConfigException("maxBidTokens is " + maxBidTokens + ": set it between " + MIN_BID_TOKENS
                    + " and " + MAX_BID_TOKENS + " (a bid is a short plan; default 400), or remove it");
        }
        if (maxRetries != null && maxRetries < 0) {
            throw new ConfigException("maxRetries is " + maxRetries + ": set it to 0 (no retry) or more, or remove it");
        }
        if (fallbackAgent != null) {
            List<String> names = agents.stream().map(AgentConfig::name).toList();
            if (!names.contains(fallbackAgent)) {
                throw new ConfigException("fallbackAgent '" + fallbackAgent + "' is not an agent of this pool: set "
                        + "it to one of " + names + ", or remove it");
            }
        }
        bidTimeoutOr(Duration.ofSeconds(1));
        juryTimeoutOr(Duration.ofSeconds(1));
    }

    private static String unknownKey(UnrecognizedPropertyException e, Path file) {
        List<String> valid = e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
        String at = e.getPath().size() > 1 ? " in " + path(e) : "";
        int number = lineOf(file, e.getPropertyName());
        String line = number > 0 ? " (line " + number + ")" : "";
        String like = JsonFields.closest(e.getPropertyName(), valid);
        return "unknown key '" + e.getPropertyName() + "'" + at + line
                + (like == null ? "" : ": did you mean '" + like + "'?") + " Valid keys" + at + ": " + valid;
    }

    /** The 1-based line where {@code key:} first appears (the parser's location points past it), 0 if not found. */
    private static int lineOf(Path file, String key) {
        Pattern written = Pattern.compile("(^|[\\s{,-])\"?" + Pattern.quote(key) + "\"?\\s*:");
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (written.matcher(lines.get(i)).find()) {
                    return i + 1;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** "agents[1]" for a key of the second agent. */
    private static String path(UnrecognizedPropertyException e) {
        StringBuilder b = new StringBuilder();
        List<com.fasterxml.jackson.databind.JsonMappingException.Reference> refs = e.getPath();
        for (int i = 0; i < refs.size() - 1; i++) {
            var r = refs.get(i);
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
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
                return positive(Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).strip())), field, text);
            }
            if (t.endsWith("s")) {
                return positive(Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).strip()) * 1000)), field, text);
            }
            if (t.endsWith("m")) {
                return positive(Duration.ofSeconds(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).strip()) * 60)), field, text);
            }
            return positive(Duration.parse(text.strip()), field, text);
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConfigException(field + " '" + text + "' is not a duration: write e.g. 500ms, 60s or 2m");
        }
    }

    private static Duration positive(Duration d, String field, String text) {
        if (d.isNegative() || d.isZero()) {
            throw new ConfigException(field + " '" + text + "' is not positive: write e.g. 500ms, 60s or 2m");
        }
        return d;
    }
}
