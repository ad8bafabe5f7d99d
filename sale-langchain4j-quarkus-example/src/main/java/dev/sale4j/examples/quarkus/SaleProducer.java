package dev.sale4j.examples.quarkus;

import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.SaleRouter;
import dev.sale4j.backend.BackendSpec;
import dev.sale4j.backend.Backends;
import dev.sale4j.chat.SaleChatModel;
import dev.sale4j.memory.AuctionMemory;
import dev.sale4j.score.Weights;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Builds the SALE router from application.properties and produces it as the application's {@code ChatModel}. A
 * quarkus-langchain4j application would produce the same bean: its AI services take the one {@code ChatModel} bean.
 */
@ApplicationScoped
public class SaleProducer {

    @Produces
    @ApplicationScoped
    SaleRouter router(SaleConfig config) {
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < config.agents().size(); i++) {
            SaleConfig.Agent a = config.agents().get(i);
            String at = "sale4j.agents[" + i + "]";
            String key = a.apiKeyEnv()
                    .map(name -> ConfigProvider.getConfig().getOptionalValue(name, String.class).orElseThrow(() ->
                            new IllegalStateException(at + ".api-key-env names " + name + ", which is not set: export it")))
                    .orElse(null);
            BackendSpec spec = new BackendSpec(BackendSpec.Provider.parse(a.provider(), at + ".provider"), a.baseUrl(),
                    a.model(), key, config.callTimeout(), config.maxRetries(), a.think().orElse(null));
            agents.add(Agent.of(a.name(), Backends.chatModel(spec), a.price()));
        }
        SaleRouter.Builder builder = SaleRouter.builder()
                .pool(AgentPool.of(agents))
                .weights(config.weightsFile().map(f -> Weights.load(Path.of(f))).orElse(Weights.defaults()))
                .bidTimeout(config.bidTimeout())
                .juryTimeout(config.juryTimeout());
        config.memoryFile().ifPresent(f -> builder.memory(AuctionMemory.inFile(Path.of(f))));
        return builder.build();
    }

    @Produces
    @ApplicationScoped
    SaleChatModel chatModel(SaleRouter router) {
        return SaleChatModel.builder().router(router).build();
    }
}
