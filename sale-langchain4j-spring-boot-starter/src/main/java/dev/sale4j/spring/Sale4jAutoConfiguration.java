package dev.sale4j.spring;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.SaleRouter;
import dev.sale4j.auction.AuctionListener;
import dev.sale4j.chat.SaleChatModel;
import dev.sale4j.chat.SaleStreamingChatModel;
import dev.sale4j.memory.AuctionMemory;
import dev.sale4j.score.Weights;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Builds the SALE router from {@code sale4j.*} properties and {@link SalePoolAgent} beans and exposes it as the
 * application's one {@link ChatModel} (and, when every agent can stream, its one {@link StreamingChatModel}), so
 * {@code @AiService} interfaces pick it up with no wiring. Each bean backs off when the application declares its own.
 * Every {@link AuctionListener} bean hears the router's auctions and executions (sale4j's metrics and traces are
 * such beans: {@link Sale4jObservabilityAutoConfiguration}).
 */
@AutoConfiguration
@EnableConfigurationProperties(Sale4jProperties.class)
public class Sale4jAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SalePools sale4jPools(Sale4jProperties properties, ObjectProvider<SalePoolAgent> agents, Environment environment) {
        return new SalePools(new SalePoolFactory(properties, environment::getProperty)
                .build(agents.orderedStream().toList()));
    }

    @Bean
    @ConditionalOnMissingBean
    AgentPool sale4jAgentPool(SalePools pools) {
        return pools.pool().agents();
    }

    @Bean
    @ConditionalOnMissingBean
    SaleRouter saleRouter(AgentPool pool, Sale4jProperties properties, ObjectProvider<AuctionMemory> memory,
            ObjectProvider<AuctionListener> listeners) {
        SaleRouter.Builder builder = SaleRouter.builder()
                .pool(pool)
                .weights(weights(properties))
                .bidTimeout(properties.bidTimeout())
                .juryTimeout(properties.juryTimeout())
                .memoryNamespace(properties.memoryNamespace())
                .entropyScale(properties.entropyScale().scale())
                .failedBiddersOnJury(properties.failedBiddersOnJury());
        if (properties.fallbackAgent() != null) {
            if (pool.find(properties.fallbackAgent()).isEmpty()) {
                throw new Sale4jConfigurationException("sale4j.fallback-agent",
                        "names '" + properties.fallbackAgent() + "', which is not in the pool " + pool.names(),
                        "Name one of the pool's agents, or remove the property");
            }
            builder.fallbackAgent(properties.fallbackAgent());
        }
        AuctionMemory auctionMemory = memory.getIfAvailable(() -> memoryFile(properties));
        if (auctionMemory != null) {
            builder.memory(auctionMemory);
        }
        listeners.orderedStream().forEach(builder::listener); // metrics and traces, and the application's own
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean(ChatModel.class)
    SaleChatModel saleChatModel(SaleRouter router, Sale4jProperties properties) {
        return routing(SaleChatModel.builder().router(router), properties).build();
    }

    @Bean
    @ConditionalOnMissingBean(StreamingChatModel.class)
    @ConditionalOnProperty(prefix = "sale4j", name = "streaming", havingValue = "true", matchIfMissing = true)
    SaleStreamingChatModel saleStreamingChatModel(SaleRouter router, SalePools pools, Sale4jProperties properties) {
        pools.pool().agents().names().stream()
                .filter(name -> !pools.pool().streamingModels().containsKey(name))
                .findFirst()
                .ifPresent(name -> {
                    throw new Sale4jConfigurationException("sale4j.streaming",
                            "is on, but the SalePoolAgent bean '" + name + "' has no streaming model",
                            "Give that bean a streamingModel(...), or set sale4j.streaming=false");
                });
        SaleStreamingChatModel.Builder builder = routing(SaleStreamingChatModel.builder().router(router), properties);
        pools.pool().streamingModels().forEach(builder::streamingModel);
        return builder.build();
    }

    private static <B extends dev.sale4j.chat.RoutingBuilder<B>> B routing(B builder, Sale4jProperties properties) {
        builder.routing(properties.routing());
        if (properties.reservePriceUsd() != null) {
            builder.reservePriceUsd(properties.reservePriceUsd());
        }
        if (properties.maxOverheadTokens() != null) {
            builder.maxOverheadTokens(properties.maxOverheadTokens());
        }
        return builder;
    }

    private static Weights weights(Sale4jProperties properties) {
        if (properties.weightsFile() == null || properties.weightsFile().isBlank()) {
            return Weights.defaults();
        }
        Path file = Path.of(properties.weightsFile());
        if (!Files.isRegularFile(file)) {
            throw new Sale4jConfigurationException("sale4j.weights-file", "names " + file.toAbsolutePath()
                    + ", which does not exist", "Point it at a weights file written by `sale fit` or Weights.save");
        }
        try {
            return Weights.load(file);
        } catch (RuntimeException e) {
            throw new Sale4jConfigurationException("sale4j.weights-file", "could not be read (" + e.getMessage() + ")",
                    "Point it at a weights file written by `sale fit` or Weights.save");
        }
    }

    private static AuctionMemory memoryFile(Sale4jProperties properties) {
        if (properties.memoryFile() == null || properties.memoryFile().isBlank()) {
            return null;
        }
        try {
            return AuctionMemory.inFile(Path.of(properties.memoryFile()));
        } catch (RuntimeException e) {
            throw new Sale4jConfigurationException("sale4j.memory-file", "could not be opened (" + e.getMessage() + ")",
                    "Point it at a memory file written by sale4j, or at a new path");
        }
    }

    /** The pool built from configuration, with each agent's streaming model (a bean so both routers share it). */
    public static final class SalePools {
        private final SalePoolFactory.Pool pool;

        SalePools(SalePoolFactory.Pool pool) {
            this.pool = pool;
        }

        SalePoolFactory.Pool pool() {
            return pool;
        }
    }
}
