package dev.sale4j.auction;

import dev.sale4j.bid.Bid;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AuctionTask;
import dev.sale4j.pool.TokenEstimate;
import java.util.Set;

/**
 * Per-auction limits: which agents may bid, a reserve price, and a cap on the auction's overhead tokens.
 *
 * <p>{@link #none()} changes nothing. The options exist for callers that route requests an agent cannot serve (a
 * request with tools, a JSON schema or images) and for budgets:
 *
 * <ul>
 *   <li>{@code eligibleAgents}: only these agents bid (every agent of the pool still judges); empty means all.
 *   <li>{@code reservePriceUsd}: a bid whose estimated execution cost, in USD, exceeds it does not compete; it is
 *       recorded as a {@link dev.sale4j.bid.BidFailure.Kind#OVER_RESERVE} failure and is not judged.
 *   <li>{@code maxOverheadTokens}: the jury round runs only if the tokens the bids spent plus the jury's estimated
 *       input stay within the cap; otherwise the jury is skipped (its scores are recorded as missing, with the reason)
 *       and price, length and entropy decide.
 * </ul>
 *
 * @param eligibleAgents    names of the agents that may bid; empty for all
 * @param reservePriceUsd   the most a task's execution may be estimated to cost, or null for no limit
 * @param maxOverheadTokens the most tokens the auction's own calls may spend, or null for no limit
 * @param costEstimator     estimates a bid's execution cost in USD for the reserve price
 */
public record AuctionOptions(
        Set<String> eligibleAgents, Double reservePriceUsd, Long maxOverheadTokens, ExecutionCostEstimator costEstimator) {

    private static final AuctionOptions NONE = new AuctionOptions(Set.of(), null, null, null);

    /**
     * Estimates what executing a task with a bid's plan would cost, in USD. The default prices the task text as input
     * and the plan's length as output (plan length stands in for the execution trace, as in SALE's cost term).
     */
    @FunctionalInterface
    public interface ExecutionCostEstimator {
        double estimateUsd(Agent agent, Bid bid, AuctionTask task);

        static ExecutionCostEstimator planLength() {
            return (agent, bid, task) -> agent.costUsd(TokenEstimate.of(task.text()), bid.outputTokens());
        }
    }

    public AuctionOptions {
        eligibleAgents = eligibleAgents == null ? Set.of() : Set.copyOf(eligibleAgents);
        if (reservePriceUsd != null && (!Double.isFinite(reservePriceUsd) || reservePriceUsd < 0)) {
            throw new IllegalArgumentException("reservePriceUsd must be a finite USD amount >= 0, got " + reservePriceUsd);
        }
        if (maxOverheadTokens != null && maxOverheadTokens < 0) {
            throw new IllegalArgumentException("maxOverheadTokens must be >= 0, got " + maxOverheadTokens);
        }
        costEstimator = costEstimator == null ? ExecutionCostEstimator.planLength() : costEstimator;
    }

    /** No limits: every agent bids, no reserve price, no overhead cap. */
    public static AuctionOptions none() {
        return NONE;
    }

    /** True when the agent may bid under these options. */
    public boolean mayBid(String agent) {
        return eligibleAgents.isEmpty() || eligibleAgents.contains(agent);
    }

    public AuctionOptions withEligibleAgents(Set<String> agents) {
        return new AuctionOptions(agents, reservePriceUsd, maxOverheadTokens, costEstimator);
    }

    public AuctionOptions withReservePriceUsd(Double usd) {
        return new AuctionOptions(eligibleAgents, usd, maxOverheadTokens, costEstimator);
    }

    public AuctionOptions withMaxOverheadTokens(Long tokens) {
        return new AuctionOptions(eligibleAgents, reservePriceUsd, tokens, costEstimator);
    }

    public AuctionOptions withCostEstimator(ExecutionCostEstimator estimator) {
        return new AuctionOptions(eligibleAgents, reservePriceUsd, maxOverheadTokens, estimator);
    }
}
