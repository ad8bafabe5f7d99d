package dev.sale4j.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The pair rule of SALE step 5, made explicit: which (losing, winning) pair an agent sees from each past auction,
 * which auctions it sees, and in what order.
 *
 * <ol>
 *   <li><b>One pair per past auction</b>, and only if one side is the agent's own. If the agent's bid won, the
 *       losing side is the agent's own losing bid of that auction when it has one (its first-round bid, beaten by
 *       its refined rewrite), else the best-scored other loser (lowest C - V). If another agent won, the losing side
 *       is the agent's last attempt: its refined bid when it has one, else its first-round bid. Auctions without a
 *       winning bid (fallbacks) or without a loser give no pair.
 *   <li><b>Selection by similarity:</b> the k most similar past tasks that give a pair (fewer while memory is small).
 *   <li><b>Order by outcome, then similarity:</b> among the selected pairs, those whose winner is known to have
 *       succeeded come first, then those whose outcome is unknown, then those whose winner is known to have failed;
 *       within each group, the most similar first. The outcome orders the pairs but never admits a less similar
 *       task in place of a more similar one.
 * </ol>
 */
public final class PairSelection {

    private PairSelection() {}

    /** A retrieved past auction with the cosine similarity of its task to the current one. */
    public record Candidate(MemoryEntry entry, double similarity) {}

    /** The agent's pair from one past auction, if the auction gives one. */
    public static Optional<BidPair> pairFor(String agent, MemoryEntry entry, double similarity) {
        Optional<MemoryBid> winning = entry.winningBid();
        if (winning.isEmpty()) {
            return Optional.empty();
        }
        MemoryBid winner = winning.get();
        List<MemoryBid> own = entry.bidsOf(agent).stream().filter(b -> !b.won()).toList();
        MemoryBid losing;
        if (winner.agent().equals(agent)) {
            losing = own.isEmpty()
                    ? entry.bids().stream()
                            .filter(b -> !b.won())
                            .min(Comparator.comparingDouble(MemoryBid::net))
                            .orElse(null)
                    : own.get(0);
        } else {
            losing = own.stream().filter(MemoryBid::refined).findFirst().orElse(own.isEmpty() ? null : own.get(0));
        }
        if (losing == null) {
            return Optional.empty();
        }
        return Optional.of(new BidPair(entry.auctionId(), entry.task(), similarity, losing, winner, entry.outcome()));
    }

    /**
     * The agent's pairs.
     *
     * @param candidates past auctions, most similar first
     * @param k          how many pairs at most
     */
    public static List<BidPair> select(String agent, List<Candidate> candidates, int k) {
        List<BidPair> pairs = new ArrayList<>(k);
        for (Candidate c : candidates) {
            if (pairs.size() == k) {
                break;
            }
            pairFor(agent, c.entry(), c.similarity()).ifPresent(pairs::add);
        }
        pairs.sort(Comparator.comparingInt(PairSelection::outcomeRank)
                .thenComparing(Comparator.comparingDouble(BidPair::similarity).reversed()));
        return List.copyOf(pairs);
    }

    private static int outcomeRank(BidPair pair) {
        return pair.winnerSucceeded().map(ok -> ok ? 0 : 2).orElse(1);
    }
}
