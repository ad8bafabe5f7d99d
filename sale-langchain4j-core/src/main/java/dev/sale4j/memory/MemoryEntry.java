package dev.sale4j.memory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sale4j.json.SaleJson;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One remembered auction (SALE step 7): the task, every bid with its agent, terms and label (refined bids included),
 * and the real outcome once it is known. Immutable, with a compact JSON round-trip: this is the payload an
 * {@link AuctionMemory} keeps beside the task's embedding.
 *
 * @param auctionId         the auction's id (the AuctionResult's id)
 * @param namespace         the pool or tenant the auction belongs to; retrieval never crosses namespaces
 * @param task              the task text
 * @param time              when the auction started
 * @param provisionalWinner the first-round winner, before refinement
 * @param winner            the agent that executed the task
 * @param bids              every bid of the auction
 * @param outcome           the real outcome, or null while unknown
 */
public record MemoryEntry(
        String auctionId,
        String namespace,
        String task,
        Instant time,
        String provisionalWinner,
        String winner,
        List<MemoryBid> bids,
        Outcome outcome) {

    private static final ObjectWriter COMPACT = SaleJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    public MemoryEntry {
        if (auctionId == null || auctionId.isBlank()) {
            throw new IllegalArgumentException("A memory entry needs the id of its auction");
        }
        namespace = checkNamespace(namespace);
        if (task == null || task.isBlank()) {
            throw new IllegalArgumentException("A memory entry needs its task text (auction " + auctionId + ")");
        }
        time = time == null ? Instant.now() : time;
        bids = bids == null ? List.of() : List.copyOf(bids);
    }

    /** The namespace, checked: non-blank. */
    static String checkNamespace(String namespace) {
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalArgumentException(
                    "A memory namespace must be a non-blank name (one per pool or tenant), got '" + namespace + "'");
        }
        return namespace;
    }

    public MemoryEntry withOutcome(Outcome outcome) {
        return new MemoryEntry(auctionId, namespace, task, time, provisionalWinner, winner, bids, outcome);
    }

    /** The bid that won, if the winner bid at all. */
    public Optional<MemoryBid> winningBid() {
        return bids.stream().filter(MemoryBid::won).findFirst();
    }

    /** The agent's bids in this auction, first-round bid first. */
    public List<MemoryBid> bidsOf(String agent) {
        return bids.stream().filter(b -> b.agent().equals(agent)).toList();
    }

    /** Whether the winner's execution is known to have succeeded (true), failed (false), or is unknown (empty). */
    @JsonIgnore
    public Optional<Boolean> winnerSucceeded() {
        return Optional.ofNullable(outcome).map(Outcome::succeeded);
    }

    /** Compact, one-line JSON. */
    public String toJson() {
        try {
            return COMPACT.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not write the memory entry of auction " + auctionId + " as JSON", e);
        }
    }

    public static MemoryEntry fromJson(String json) {
        return SaleJson.read(json, MemoryEntry.class);
    }
}
