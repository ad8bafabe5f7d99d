package dev.sale4j.examples.quarkus;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The {@code sale4j.*} keys of application.properties: the pool and the auction's settings. */
@ConfigMapping(prefix = "sale4j")
public interface SaleConfig {

    List<Agent> agents();

    Optional<String> weightsFile();

    Optional<String> memoryFile();

    @WithDefault("60s")
    Duration bidTimeout();

    @WithDefault("60s")
    Duration juryTimeout();

    @WithDefault("120s")
    Duration callTimeout();

    @WithDefault("1")
    int maxRetries();

    /** One agent of the pool. */
    interface Agent {
        String name();

        /** {@code ollama}, or {@code openai} for any OpenAI-compatible server. */
        String provider();

        String baseUrl();

        String model();

        /** USD per million tokens. */
        double price();

        /** The environment variable (or config key) that holds the API key; never the key itself. */
        Optional<String> apiKeyEnv();

        Optional<Boolean> think();
    }
}
