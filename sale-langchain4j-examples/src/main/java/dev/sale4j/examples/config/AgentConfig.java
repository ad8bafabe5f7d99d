package dev.sale4j.examples.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One agent of a pool file: a name, a provider ({@code ollama} or {@code openai}, which also covers every
 * OpenAI-compatible server such as vLLM or llama.cpp), where it is served, and its price in USD per million tokens
 * ({@code price}, or {@code inputPrice} and {@code outputPrice}).
 *
 * @param apiKeyEnv name of the environment variable holding the API key (openai only); never the key itself
 * @param think     ollama only: false asks a reasoning model not to think (bids and jury answers are short, and
 *                  inline reasoning would eat their token limit); true makes it think apart from the answer;
 *                  absent leaves the server's default
 */
public record AgentConfig(
        @JsonProperty("name") String name,
        @JsonProperty("provider") String provider,
        @JsonProperty("baseUrl") String baseUrl,
        @JsonProperty("model") String model,
        @JsonProperty("price") Double price,
        @JsonProperty("inputPrice") Double inputPrice,
        @JsonProperty("outputPrice") Double outputPrice,
        @JsonProperty("apiKeyEnv") String apiKeyEnv,
        @JsonProperty("think") Boolean think) {

    /** Where this agent is served, for messages: "qwen3:4b (ollama at http://localhost:11434)". */
    public String describe() {
        return name + " (" + provider + " at " + baseUrl + ")";
    }
}
