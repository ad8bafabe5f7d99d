package dev.sale4j.auction;

import dev.sale4j.memory.AuctionMemory;
import dev.sale4j.memory.BidLabel;
import dev.sale4j.memory.MemoryBid;
import dev.sale4j.memory.MemoryEntry;
import dev.sale4j.score.ScoredBid;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Remembers every finished auction but fallbacks in an {@link AuctionMemory} (SALE step 7). {@link Auction} adds one
 * when it has a memory; retrieval for refinement is the auction's own stage.
 */
public final class AuctionMemoryRecorder implements AuctionListener {

    private final AuctionMemory memory;
    private final String namespace;

    public AuctionMemoryRecorder(AuctionMemory memory, String namespace) {
        if (memory == null) {
            throw new IllegalArgumentException("An AuctionMemoryRecorder needs the AuctionMemory to record into");
        }
        this.memory = memory;
        this.namespace = namespace;
    }

    @Override
    public void onAuctionCompleted(AuctionCompletedContext context) {
        if (!context.result().fallback()) {
            memory.record(entry(namespace, context.result()));
        }
    }

    /** The memory entry of a finished auction: every scored bid, labelled against the result's winning bid. */
    public static MemoryEntry entry(String namespace, AuctionResult result) {
        Optional<ScoredBid> winning = result.winningBid();
        List<MemoryBid> bids = new ArrayList<>(result.bids().size());
        for (ScoredBid b : result.bids()) {
            boolean won = winning.isPresent() && winning.get().equals(b);
            BidLabel label = won ? BidLabel.WON : b.bid().refined() ? BidLabel.REFINED : BidLabel.LOST;
            bids.add(new MemoryBid(b.agent(), b.bid().text(), b.terms(), label, b.bid().refined()));
        }
        return new MemoryEntry(result.id(), namespace, result.task(), result.startedAt(), result.provisionalWinner(),
                result.winner(), bids, null);
    }
}
