package dev.sale4j.chat;

import dev.sale4j.AuctionResult;
import dev.sale4j.score.ScoredBid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One task in progress: its auction, the agents in the order they would take it (winner first, then the other
 * bidders by net score), which of them has it now, and the handovers so far.
 */
final class TaskState {

    /** An agent that can execute the task, with the plan it would follow (null when it did not bid). */
    record Candidate(String agent, String plan) {}

    private final String id;
    private final AuctionResult auction;
    private final List<Candidate> candidates;
    private final List<Handover> handovers = new ArrayList<>();
    private final AtomicBoolean auctionReported = new AtomicBoolean();
    private final ShadowEntry shadow;
    private int current;

    private TaskState(AuctionResult auction, List<Candidate> candidates, ShadowEntry shadow) {
        this.id = shadow != null ? shadow.taskId() : UUID.randomUUID().toString();
        this.auction = auction;
        this.candidates = List.copyOf(candidates);
        this.shadow = shadow;
    }

    /** A task executed by the auction's winner, handed to the next-best bidders on retriable failures. */
    static TaskState won(AuctionResult auction) {
        List<Candidate> order = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        auction.winningBid().ifPresentOrElse(
                w -> order.add(new Candidate(w.agent(), w.bid().text())),
                () -> order.add(new Candidate(auction.winner(), null)));
        seen.add(auction.winner());
        auction.bids().stream()
                .sorted(Comparator.comparingDouble(ScoredBid::net))
                .filter(b -> seen.add(b.agent()))
                .forEach(b -> order.add(new Candidate(b.agent(), b.bid().text())));
        return new TaskState(auction, order, null);
    }

    /** A task executed by the shadow agent while its auction runs beside it. */
    static TaskState shadowed(ShadowEntry shadow) {
        return new TaskState(null, List.of(new Candidate(shadow.shadowAgent(), null)), shadow);
    }

    String id() {
        return id;
    }

    /** The auction; null in shadow mode. */
    AuctionResult auction() {
        return auction;
    }

    ShadowEntry shadow() {
        return shadow;
    }

    synchronized Candidate current() {
        return candidates.get(current);
    }

    synchronized List<Handover> handovers() {
        return List.copyOf(handovers);
    }

    /**
     * Moves the task from the failed agent to the next candidate. True when there is an agent to try (the next one,
     * or one another thread already moved the task to); false when none is left.
     */
    synchronized boolean handOver(Candidate failed, String reason) {
        if (!candidates.get(current).equals(failed)) {
            return true;
        }
        if (current + 1 >= candidates.size()) {
            return false;
        }
        current++;
        handovers.add(new Handover(failed.agent(), candidates.get(current).agent(), reason));
        return true;
    }

    /** True exactly once: for the call that reports the auction's overhead. */
    boolean claimAuctionReport() {
        return auctionReported.compareAndSet(false, true);
    }
}
