package dev.sale4j.chat;

import dev.sale4j.execute.Execution;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One task in progress, as the chat models know it: its identity (which requests belong to it), its
 * {@link Execution} (the ranked candidates, which holds the task now, the handovers), and its shadow entry in
 * shadow mode.
 */
final class TaskState {

    private final Execution execution;
    private final AtomicBoolean auctionReported = new AtomicBoolean();
    private final ShadowEntry shadow;

    private TaskState(Execution execution, ShadowEntry shadow) {
        this.execution = execution;
        this.shadow = shadow;
    }

    /** A new task's id. */
    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A task executed by the auction's ranking, handed over on retriable failures. */
    static TaskState executed(Execution execution) {
        return new TaskState(execution, null);
    }

    /** A task executed by the shadow agent while its auction runs beside it. */
    static TaskState shadowed(ShadowEntry shadow) {
        return new TaskState(Execution.solo(shadow.taskId(), shadow.shadowAgent()), shadow);
    }

    String id() {
        return execution.taskId();
    }

    Execution execution() {
        return execution;
    }

    ShadowEntry shadow() {
        return shadow;
    }

    Execution.Candidate current() {
        return execution.current();
    }

    /** True exactly once: for the call that reports the auction's overhead. */
    boolean claimAuctionReport() {
        return auctionReported.compareAndSet(false, true);
    }
}
