package dev.sale4j.examples.config;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.sale4j.backend.BackendSpec;
import dev.sale4j.backend.Backends;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link PoolConfig} into an {@link AgentPool} of real LangChain4j Ollama and OpenAI clients, built by
 * {@link Backends}.
 */
public final class PoolFactory {

    private final Map<String, String> environment;

    public PoolFactory(Map<String, String> environment) {
        this.environment = environment;
    }

    public AgentPool pool(PoolConfig config, Duration callTimeout) {
        return pool(config, callTimeout, null);
    }

    /** The pool, every client over the given LangChain4j HTTP client builder (null: the provider's default). */
    public AgentPool pool(PoolConfig config, Duration callTimeout, HttpClientBuilder http) {
        if (config.agents().isEmpty()) {
            throw new ConfigException("The pool has no agents: list at least one under 'agents:'");
        }
        config.check();
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < config.agents().size(); i++) {
            agents.add(agent(config.agents().get(i), "agents[" + i + "]", config, callTimeout, http));
        }
        try {
            return AgentPool.of(agents);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** The streaming client of every agent, by agent name, in pool order (for executing with streamed answers). */
    public Map<String, StreamingChatModel> streamingModels(PoolConfig config, Duration callTimeout) {
        Map<String, StreamingChatModel> models = new LinkedHashMap<>();
        for (int i = 0; i < config.agents().size(); i++) {
            AgentConfig a = config.agents().get(i);
            BackendSpec spec = spec(a, "agents[" + i + "]", config, callTimeout);
            try {
                models.put(a.name(), Backends.streamingChatModel(spec));
            } catch (BackendSpec.BackendConfigException e) {
                throw new ConfigException(e.getMessage());
            }
        }
        return models;
    }

    private BackendSpec spec(AgentConfig a, String where, PoolConfig config, Duration timeout) {
        require(a.name(), where + ".name");
        require(a.provider(), where + ".provider");
        int retries = config.maxRetries() == null ? 1 : config.maxRetries();
        try {
            BackendSpec.Provider provider = BackendSpec.Provider.parse(a.provider(), where + ".provider");
            BackendSpec.requireHttpUrl(a.baseUrl(), where + ".baseUrl");
            require(a.model(), where + ".model");
            String key = provider == BackendSpec.Provider.OPENAI ? apiKey(a, where) : null;
            return new BackendSpec(provider, a.baseUrl(), a.model(), key, timeout, retries, a.think());
        } catch (BackendSpec.BackendConfigException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private Agent agent(AgentConfig a, String where, PoolConfig config, Duration timeout, HttpClientBuilder http) {
        BackendSpec spec = spec(a, where, config, timeout);
        ChatModel model;
        try {
            model = Backends.chatModel(spec, http);
        } catch (BackendSpec.BackendConfigException e) {
            throw new ConfigException(e.getMessage());
        }
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


    private String apiKey(AgentConfig a, String where) {
        if (a.apiKeyEnv() == null || a.apiKeyEnv().isBlank()) {
            return null; // local OpenAI-compatible servers need no key
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
