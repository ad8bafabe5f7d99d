package dev.sale4j.spring;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.backend.BackendSpec;
import dev.sale4j.backend.Backends;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the pool from {@code sale4j.agents} and {@link SalePoolAgent} beans, validating every property with a
 * message that names it. Keeps each agent's streaming model beside it for the streaming router.
 */
final class SalePoolFactory {

    /** The pool, and the streaming model of each agent that has one. */
    record Pool(AgentPool agents, Map<String, StreamingChatModel> streamingModels) {
    }

    private final Sale4jProperties properties;
    private final Function<String, String> lookup;

    /** @param lookup resolves an {@code api-key-env} name (Spring's environment: variables and properties) */
    SalePoolFactory(Sale4jProperties properties, Function<String, String> lookup) {
        this.properties = properties;
        this.lookup = lookup;
    }

    Pool build(List<SalePoolAgent> beans) {
        List<Agent> agents = new ArrayList<>();
        Map<String, StreamingChatModel> streaming = new LinkedHashMap<>();
        for (int i = 0; i < properties.agents().size(); i++) {
            Sale4jProperties.Agent a = properties.agents().get(i);
            String at = "sale4j.agents[" + i + "]";
            BackendSpec spec = spec(a, at);
            Agent agent = agent(a.name(), at, Backends.chatModel(spec), a.price(), a.inputPrice(), a.outputPrice());
            agents.add(agent);
            streaming.put(agent.name(), Backends.streamingChatModel(spec));
        }
        for (SalePoolAgent bean : beans) {
            String at = "SalePoolAgent bean '" + bean.name() + "'";
            if (bean.model() == null) {
                throw new Sale4jConfigurationException(at, "has no model", "Set model(...) to the ChatModel it wraps");
            }
            Agent agent = agent(bean.name(), at, bean.model(), bean.price(), bean.inputPrice(), bean.outputPrice());
            agents.add(agent);
            if (bean.streamingModel() != null) {
                streaming.put(agent.name(), bean.streamingModel());
            }
        }
        if (agents.isEmpty()) {
            throw new Sale4jConfigurationException("sale4j.agents", "is empty and no SalePoolAgent bean is declared",
                    "List at least one agent (sale4j.agents[0].name, provider, base-url, model, price) "
                            + "or declare SalePoolAgent beans");
        }
        try {
            return new Pool(AgentPool.of(agents), Map.copyOf(streaming));
        } catch (IllegalArgumentException e) {
            throw new Sale4jConfigurationException("sale4j.agents", "do not form a pool (" + e.getMessage() + ")",
                    "Give every agent its own name");
        }
    }

    private BackendSpec spec(Sale4jProperties.Agent a, String at) {
        require(a.name(), at + ".name", "Name the agent as it appears in the pool, e.g. qwen3:8b");
        if (properties.maxRetries() < 0) {
            throw new Sale4jConfigurationException("sale4j.max-retries", "is " + properties.maxRetries(),
                    "Set it to 0 (no retry) or more, or remove it (default 1)");
        }
        try {
            BackendSpec.Provider provider = BackendSpec.Provider.parse(a.provider(), at + ".provider");
            BackendSpec.requireHttpUrl(a.baseUrl(), at + ".base-url");
            require(a.model(), at + ".model", "Name the model the server serves, e.g. qwen3:8b");
            String key = null;
            if (a.apiKeyEnv() != null && !a.apiKeyEnv().isBlank()) {
                key = lookup.apply(a.apiKeyEnv());
                if (key == null || key.isBlank()) {
                    throw new Sale4jConfigurationException(at + ".api-key-env",
                            "names " + a.apiKeyEnv() + ", which is not set",
                            "Export " + a.apiKeyEnv() + " (or set it as a property), or remove api-key-env for a "
                                    + "server that needs no key");
                }
            }
            return new BackendSpec(provider, a.baseUrl(), a.model(), key, properties.callTimeout(),
                    properties.maxRetries(), a.think());
        } catch (BackendSpec.BackendConfigException e) {
            // Backends' messages start with the field they name and end with the fix: "<field> <problem>: <fix>".
            String message = e.getMessage();
            int space = message.indexOf(' ');
            String property = message.startsWith(at) && space > 0 ? message.substring(0, space) : at;
            String rest = message.startsWith(at) && space > 0 ? message.substring(space + 1) : message;
            int colon = rest.indexOf(": ");
            String problem = colon > 0 ? rest.substring(0, colon) : rest;
            String fix = colon > 0 ? capitalised(rest.substring(colon + 2)) : "See the starter's README";
            throw new Sale4jConfigurationException(property, problem, fix);
        }
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Agent agent(String name, String at, dev.langchain4j.model.chat.ChatModel model, Double price,
            Double inputPrice, Double outputPrice) {
        if (price == null && inputPrice == null && outputPrice == null) {
            throw new Sale4jConfigurationException(at + ".price", "is missing",
                    "Set price (USD per million tokens), or input-price and output-price");
        }
        Agent.Builder builder = Agent.builder().name(name).model(model);
        if (price != null) {
            builder.price(price);
        }
        if (inputPrice != null) {
            builder.inputPrice(inputPrice);
        }
        if (outputPrice != null) {
            builder.outputPrice(outputPrice);
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new Sale4jConfigurationException(at, e.getMessage(), "Correct the agent's name and prices");
        }
    }

    private static void require(String value, String property, String fix) {
        if (value == null || value.isBlank()) {
            throw new Sale4jConfigurationException(property, "is missing", fix);
        }
    }
}
