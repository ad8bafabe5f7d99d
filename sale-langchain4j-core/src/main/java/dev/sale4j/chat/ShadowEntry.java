package dev.sale4j.chat;

import dev.sale4j.auction.AuctionResult;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/** One shadowed task: the tokens its executions spent on the shadow agent, and the auction running beside them. */
final class ShadowEntry {

    private final String taskId;
    private final String shadowAgent;
    private final CompletableFuture<AuctionResult> auction;
    private final LongAdder inputTokens = new LongAdder();
    private final LongAdder outputTokens = new LongAdder();

    ShadowEntry(String taskId, String shadowAgent, CompletableFuture<AuctionResult> auction) {
        this.taskId = taskId;
        this.shadowAgent = shadowAgent;
        this.auction = auction;
    }

    String taskId() {
        return taskId;
    }

    String shadowAgent() {
        return shadowAgent;
    }

    void recordExecution(long input, long output) {
        inputTokens.add(input);
        outputTokens.add(output);
    }

    boolean done() {
        return auction.isDone();
    }

    /** The task's line of the report; call only when {@link #done()}. */
    ShadowTask toTask(AgentPool pool) {
        long in = inputTokens.sum();
        long out = outputTokens.sum();
        double shadowCost = pool.get(shadowAgent).costUsd(in, out);
        AuctionResult result;
        try {
            result = auction.join();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new ShadowTask(taskId, shadowAgent, null, null, in, out, shadowCost, 0, 0, 0,
                    cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
        Agent pick = pool.get(result.winner());
        double pickCost = pick.costUsd(in, out);
        double overhead = result.overheadCostUsd();
        return new ShadowTask(taskId, shadowAgent, pick.name(), result.id(), in, out, shadowCost, pickCost, overhead,
                shadowCost - (pickCost + overhead), null);
    }
}
