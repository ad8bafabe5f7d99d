package dev.sale4j.coherence;

import com.tangosol.net.Session;
import dev.sale4j.SaleRouter;
import dev.sale4j.memory.EmbeddingStoreAuctionMemory;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.score.Weights;
import dev.sale4j.testkit.ScriptedAgent;
import dev.sale4j.testkit.ScriptedChatModel;

/**
 * What one application instance runs, in this JVM or a child one: a router over two scripted agents whose memory is
 * the shared Coherence map. The large agent writes checked plans signed with the instance's tag; the small one writes
 * vague plans, so it loses the first round and refines from memory, and its refinement prompts show whose past
 * auctions it was given.
 */
final class AppInstance {

    final String tag;
    final ScriptedAgent small;
    final CoherenceEmbeddingStore store;
    final EmbeddingStoreAuctionMemory memory;
    final SaleRouter router;

    AppInstance(Session session, String mapName, String tag, int cap, String namespace) {
        this.tag = tag;
        this.small = new ScriptedAgent(p -> "Just write the code.", p -> "Just write the code, carefully.",
                AppInstance::judge);
        ScriptedAgent large = new ScriptedAgent(p -> plan(tag, ScriptedChatModel.taskOf(p)), p -> "unused",
                AppInstance::judge);
        this.store = CoherenceEmbeddingStore.builder().session(session).mapName(mapName).build();
        this.memory = EmbeddingStoreAuctionMemory.builder().store(store).maxEntriesPerNamespace(cap).build();
        this.router = SaleRouter.builder()
                .pool(AgentPool.of(Agent.of("small", small, 0.05), Agent.of("large", large, 0.36)))
                .memory(memory)
                .memoryNamespace(namespace)
                .weights(Weights.builder().wh(0).build())
                .build();
    }

    static String plan(String tag, String task) {
        return "Plan by " + tag + " for: " + task + ", then verify it with unit tests.";
    }

    private static int judge(String strategy) {
        return strategy.contains("verify it with unit tests") ? 5 : 1;
    }
}
