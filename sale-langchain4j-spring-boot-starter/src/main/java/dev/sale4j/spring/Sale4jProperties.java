package dev.sale4j.spring;

import dev.sale4j.chat.TaskRouting;
import dev.sale4j.score.EntropyScale;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code sale4j.*} properties: the pool (agents served by Ollama or any OpenAI-compatible server), the scoring
 * weights and auction memory files, timeouts and the routing mode. For example:
 *
 * <pre>
 * sale4j.agents[0].name=qwen3:4b
 * sale4j.agents[0].provider=ollama
 * sale4j.agents[0].base-url=http://localhost:11434
 * sale4j.agents[0].model=qwen3:4b
 * sale4j.agents[0].price=0.05
 * sale4j.agents[1].name=gpt-4.1-mini
 * sale4j.agents[1].provider=openai
 * sale4j.agents[1].base-url=https://api.openai.com/v1
 * sale4j.agents[1].model=gpt-4.1-mini
 * sale4j.agents[1].input-price=0.40
 * sale4j.agents[1].output-price=1.60
 * sale4j.agents[1].api-key-env=OPENAI_API_KEY
 * sale4j.weights-file=weights.json
 * sale4j.memory-file=sale-memory.json
 * </pre>
 *
 * @param agents            the pool from configuration; {@link SalePoolAgent} beans are added after them
 * @param weightsFile       scoring weights as written by {@code Weights.save} (default: the built-in weights)
 * @param memoryFile        an auction memory file (in-process MiniLM); none: no memory, no refinement
 * @param memoryNamespace   the memory's namespace: one per pool or tenant
 * @param bidTimeout        per bid call
 * @param juryTimeout       per jury call
 * @param callTimeout       the HTTP timeout of every backend client built from {@code agents}
 * @param maxRetries        per backend call, for retriable failures
 * @param routing           when a conversation's next message starts a new auction
 * @param fallbackAgent     the agent that wins when nobody bids (default: the auction fails)
 * @param reservePriceUsd   the most an auction may cost before its winner's estimated execution cost stops it
 * @param maxOverheadTokens a cap on the tokens one auction (bids, jury, refinement) may spend
 * @param streaming         whether to expose the streaming router too (every agent then needs a streaming model)
 * @param entropyScale      how bids whose entropy came from different estimators are put on one scale
 * @param failedBiddersOnJury whether an agent whose bid failed, timed out or came back empty still judges the
 *                          auction's bids (default false: it does not, which spares a hung backend's calls)
 */
@ConfigurationProperties(prefix = "sale4j")
public record Sale4jProperties(
        List<Agent> agents,
        String weightsFile,
        String memoryFile,
        @DefaultValue("default") String memoryNamespace,
        @DefaultValue("60s") Duration bidTimeout,
        @DefaultValue("60s") Duration juryTimeout,
        @DefaultValue("120s") Duration callTimeout,
        @DefaultValue("1") int maxRetries,
        @DefaultValue("PER_USER_MESSAGE") TaskRouting routing,
        String fallbackAgent,
        Double reservePriceUsd,
        Long maxOverheadTokens,
        @DefaultValue("true") boolean streaming,
        @DefaultValue("ONE_ESTIMATOR_PER_AUCTION") EntropyScaleMode entropyScale,
        @DefaultValue("false") boolean failedBiddersOnJury) {

    public Sale4jProperties {
        agents = agents == null ? List.of() : List.copyOf(agents);
    }

    /**
     * One agent: its name in the pool, where it is served, and its price in USD per million tokens ({@code price}, or
     * {@code input-price} and {@code output-price}).
     *
     * @param apiKeyEnv the environment variable (or Spring property) that holds the key; never the key itself
     * @param think     Ollama only: false asks a reasoning model not to think inline
     */
    public record Agent(
            String name,
            String provider,
            String baseUrl,
            String model,
            Double price,
            Double inputPrice,
            Double outputPrice,
            String apiKeyEnv,
            Boolean think) {}

    /** The router's {@link EntropyScale}, by name ({@code sale4j.entropy-scale}). */
    public enum EntropyScaleMode {
        /** {@link EntropyScale#oneEstimatorPerAuction()}: a round that mixes estimators is scored lexically. */
        ONE_ESTIMATOR_PER_AUCTION,
        /** {@link EntropyScale#asEstimated()}: every bid's entropy as its own estimator produced it. */
        AS_ESTIMATED;

        EntropyScale scale() {
            return this == AS_ESTIMATED ? EntropyScale.asEstimated() : EntropyScale.oneEstimatorPerAuction();
        }
    }
}
