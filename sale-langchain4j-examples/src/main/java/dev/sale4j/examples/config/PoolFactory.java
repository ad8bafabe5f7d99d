package dev.sale4j.examples.config;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.sale4j.Agent;
import dev.sale4j.AgentPool;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a {@link PoolConfig} into an {@link AgentPool} of real LangChain4j Ollama and OpenAI clients, each on its own
 * JDK HTTP client (HTTP/1.1 to plain-http servers, see {@link #httpClient}).
 */
public final class PoolFactory {

    private final Map<String, String> environment;

    public PoolFactory(Map<String, String> environment) {
        this.environment = environment;
    }

    public AgentPool pool(PoolConfig config, Duration callTimeout) {
        if (config.agents().isEmpty()) {
            throw new ConfigException("The pool has no agents: list at least one under 'agents:'");
        }
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < config.agents().size(); i++) {
            agents.add(agent(config.agents().get(i), "agents[" + i + "]", config, callTimeout));
        }
        try {
            return AgentPool.of(agents);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private Agent agent(AgentConfig a, String where, PoolConfig config, Duration timeout) {
        require(a.name(), where + ".name");
        require(a.provider(), where + ".provider");
        require(a.baseUrl(), where + ".baseUrl");
        require(a.model(), where + ".model");
        try {
            URI uri = URI.create(a.baseUrl());
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
                throw new IllegalArgumentException("no http(s) scheme");
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ".baseUrl '" + a.baseUrl() + "' is not an http(s) URL");
        }
        int retries = config.maxRetries() == null ? 1 : config.maxRetries();
        ChatModel model = switch (a.provider().toLowerCase(Locale.ROOT)) {
            case "ollama" -> OllamaChatModel.builder()
                    .httpClientBuilder(httpClient(a.baseUrl()))
                    .baseUrl(a.baseUrl())
                    .modelName(a.model())
                    .think(a.think())
                    .timeout(timeout)
                    .maxRetries(retries)
                    .build();
            case "openai" -> OpenAiChatModel.builder()
                    .httpClientBuilder(httpClient(a.baseUrl()))
                    .baseUrl(a.baseUrl())
                    .modelName(a.model())
                    .apiKey(apiKey(a, where))
                    .timeout(timeout)
                    .maxRetries(retries)
                    .build();
            default -> throw new ConfigException(where + ".provider '" + a.provider()
                    + "' is not supported: use ollama, or openai for any OpenAI-compatible server");
        };
        Agent.Builder builder = Agent.builder().name(a.name()).model(model);
        if (a.price() == null && a.inputPrice() == null && a.outputPrice() == null) {
            throw new ConfigException(where + " (" + a.name() + ") has no price: set price (USD per million tokens)");
        }
        if (a.price() != null) {
            builder.price(a.price());
        }
        if (a.inputPrice() != null) {
            builder.inputPrice(a.inputPrice());
        }
        if (a.outputPrice() != null) {
            builder.outputPrice(a.outputPrice());
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + e.getMessage());
        }
    }

    /**
     * The HTTP client of one agent. On plain http (local servers: Ollama, vLLM, llama.cpp), HTTP/1.1: the JDK client's
     * default, HTTP/2, would try an h2c upgrade on every request ({@code Connection: Upgrade, HTTP2-Settings} and
     * {@code Upgrade: h2c} headers, the settings encoded afresh each time), which these servers refuse anyway. On
     * https the JDK default stays: HTTP/2 where the server offers it (ALPN), HTTP/1.1 otherwise.
     */
    static JdkHttpClientBuilder httpClient(String baseUrl) {
        HttpClient.Builder jdk = HttpClient.newBuilder();
        if (URI.create(baseUrl).getScheme().equalsIgnoreCase("http")) {
            jdk.version(HttpClient.Version.HTTP_1_1);
        }
        return JdkHttpClient.builder().httpClientBuilder(jdk);
    }

    private String apiKey(AgentConfig a, String where) {
        if (a.apiKeyEnv() == null || a.apiKeyEnv().isBlank()) {
            return "none"; // local OpenAI-compatible servers accept any key
        }
        String key = environment.get(a.apiKeyEnv());
        if (key == null || key.isBlank()) {
            throw new ConfigException(where + " (" + a.name() + ") reads its API key from $" + a.apiKeyEnv()
                    + ", which is not set: export it, or remove apiKeyEnv for a server that needs no key");
        }
        return key;
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(field + " is missing");
        }
    }
}
