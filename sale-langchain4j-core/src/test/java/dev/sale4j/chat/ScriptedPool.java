package dev.sale4j.chat;

import dev.langchain4j.agent.tool.Tool;
import dev.sale4j.SaleRouter;
import dev.sale4j.jury.JuryMode;
import dev.sale4j.jury.PromptJury;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Two scripted agents, "small" (0.05 USD/Mtok) and "big" (0.36), sharing one execution log. */
final class ScriptedPool {

    final Queue<ScriptedAgentModel.Execution> executions = new ConcurrentLinkedQueue<>();
    final ScriptedAgentModel small = new ScriptedAgentModel("small", executions);
    final ScriptedAgentModel big = new ScriptedAgentModel("big", executions);
    final AgentPool pool = AgentPool.of(Agent.of("small", small, 0.05), Agent.of("big", big, 0.36));

    SaleRouter.Builder router() {
        return SaleRouter.builder().pool(pool).jury(PromptJury.builder().mode(JuryMode.ONE_CALL_PER_BID).build());
    }

    int bids() {
        return small.bids.get() + big.bids.get();
    }

    /** The tool the AiServices of these tests call. */
    static final class Calculator {
        @Tool("Adds two integers")
        int add(int a, int b) {
            return a + b;
        }
    }
}
