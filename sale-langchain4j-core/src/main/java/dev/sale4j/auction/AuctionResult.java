package dev.sale4j.auction;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.sale4j.bid.BidFailure;
import dev.sale4j.json.SaleJson;
import dev.sale4j.score.ScoredBid;
import dev.sale4j.score.Weights;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trace of one auction: every bid with its terms, the bidders that failed and why, the winner, the weights used,
 * the overhead tokens and USD cost per agent and phase, and the wall time per phase. Immutable, with a JSON
 * round-trip ({@link #toJson()}, {@link #fromJson(String)}): traces are data users keep.
 *
 * @param id                unique id of the auction
 * @param task              the task text
 * @param tools             names of the tools the executing agent will have
 * @param startedAt         when the auction started
 * @param bids              every scored bid, refined ones included ({@code bid().refined()})
 * @param failures          agents that placed no bid, and why
 * @param jurors            the agents that judged
 * @param provisionalWinner the winner of the first round (SALE step 4), before any refinement; null on fallback
 * @param winner            the agent that executes the task
 * @param fallback          true when no agent bid and the configured fallback agent was chosen
 * @param weights           the weights the bids were scored with
 * @param usage             overhead per agent and phase
 * @param phaseTimes        wall time per phase
 * @param wallTime          wall time of the whole auction
 * @param winnerRefined     true when the winner executes its refined bid, false for its first-round bid; null in
 *                          traces written before it was recorded (then the winner's lowest C - V bid is taken)
 */
public record AuctionResult(
        String id,
        String task,
        List<String> tools,
        Instant startedAt,
        List<ScoredBid> bids,
        List<BidFailure> failures,
        List<String> jurors,
        String provisionalWinner,
        String winner,
        boolean fallback,
        Weights weights,
        List<PhaseUsage> usage,
        Map<Phase, Duration> phaseTimes,
        Duration wallTime,
        Boolean winnerRefined) {

    /** How a bid fared, for memories and reports. */
    public enum Label {
        WON,
        LOST
    }

    /** A trace that does not say which of the winner's bids executes: see {@link #winningBid()}. */
    public AuctionResult(String id, String task, List<String> tools, Instant startedAt, List<ScoredBid> bids,
            List<BidFailure> failures, List<String> jurors, String provisionalWinner, String winner, boolean fallback,
            Weights weights, List<PhaseUsage> usage, Map<Phase, Duration> phaseTimes, Duration wallTime) {
        this(id, task, tools, startedAt, bids, failures, jurors, provisionalWinner, winner, fallback, weights, usage,
                phaseTimes, wallTime, null);
    }

    public AuctionResult {
        tools = tools == null ? List.of() : List.copyOf(tools);
        bids = List.copyOf(bids);
        failures = List.copyOf(failures);
        jurors = List.copyOf(jurors);
        usage = List.copyOf(usage);
        phaseTimes = phaseTimes == null || phaseTimes.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(phaseTimes));
        if (winner == null || winner.isBlank()) {
            throw new IllegalArgumentException("An auction result needs a winner");
        }
    }

    /**
     * The winning bid: the winner's refined bid or its first-round bid, as {@code winnerRefined} says (the selector
     * decided it during the auction); empty when the winner is a fallback agent that did not bid.
     */
    @JsonIgnore
    public Optional<ScoredBid> winningBid() {
        if (fallback) {
            return Optional.empty();
        }
        ScoredBid best = null;
        for (ScoredBid b : bids) {
            if (!b.agent().equals(winner)) {
                continue;
            }
            if (winnerRefined != null) {
                if (b.bid().refined() == winnerRefined) {
                    return Optional.of(b);
                }
            } else if (best == null || b.net() < best.net()) {
                best = b;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The plan the winner executes; empty on fallback. */
    @JsonIgnore
    public Optional<String> winningPlan() {
        return winningBid().map(b -> b.bid().text());
    }

    /** WON for the winning bid, LOST for every other. */
    public Label label(ScoredBid bid) {
        return winningBid().filter(w -> w.equals(bid)).isPresent() ? Label.WON : Label.LOST;
    }

    /** The scored bids of the first round, without refined ones. */
    @JsonIgnore
    public List<ScoredBid> originalBids() {
        return bids.stream().filter(b -> !b.bid().refined()).toList();
    }

    @JsonIgnore
    public long overheadTokens() {
        return usage.stream().mapToLong(PhaseUsage::totalTokens).sum();
    }

    @JsonIgnore
    public double overheadCostUsd() {
        return usage.stream().mapToDouble(PhaseUsage::costUsd).sum();
    }

    public double overheadCostUsd(Phase phase) {
        return usage.stream().filter(u -> u.phase() == phase).mapToDouble(PhaseUsage::costUsd).sum();
    }

    public double overheadCostUsd(String agent) {
        return usage.stream().filter(u -> u.agent().equals(agent)).mapToDouble(PhaseUsage::costUsd).sum();
    }

    public String toJson() {
        return SaleJson.write(this);
    }

    public static AuctionResult fromJson(String json) {
        return SaleJson.read(json, AuctionResult.class);
    }
}
