package dev.sale4j.auction;

import dev.sale4j.bid.Bid;
import dev.sale4j.bid.BidFailure;
import dev.sale4j.jury.JuryScore;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.pool.AuctionTask;
import dev.sale4j.pool.TokenEstimate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** Applies the budget parts of {@link AuctionOptions} inside an auction: the reserve price and the overhead cap. */
final class BudgetLimits {

    /** Prompt tokens a jury call spends besides the bids it reads: the template, the task, the tools. */
    private static final long JURY_PROMPT_TOKENS = 250;

    private BudgetLimits() {}

    /** Removes the bids whose estimated execution cost exceeds the reserve price, recording why. */
    static void dropBidsOverReserve(
            List<Bid> bids, List<BidFailure> failures, AuctionOptions options, AgentPool pool, AuctionTask task) {
        Double reserve = options.reservePriceUsd();
        if (reserve == null) {
            return;
        }
        for (Iterator<Bid> it = bids.iterator(); it.hasNext(); ) {
            Bid bid = it.next();
            double estimate = options.costEstimator().estimateUsd(pool.get(bid.agent()), bid, task);
            if (estimate > reserve) {
                it.remove();
                failures.add(new BidFailure(bid.agent(), BidFailure.Kind.OVER_RESERVE,
                        String.format(Locale.ROOT, "estimated execution cost %.6f USD exceeds the reserve price %.6f USD",
                                estimate, reserve),
                        bid.latency()));
            }
        }
    }

    /** True when the jury round's estimated tokens, added to what the auction spent so far, stay within the cap. */
    static boolean juryFits(AuctionOptions options, List<CallUsage> spent, AuctionTask task, List<Bid> bids,
            AgentPool jurors) {
        Long cap = options.maxOverheadTokens();
        if (cap == null) {
            return true;
        }
        return spentTokens(spent) + estimatedJuryTokens(task, bids, jurors) <= cap;
    }

    /** Missing scores for every (juror, bid) pair, saying that the overhead cap skipped the jury. */
    static List<JuryScore> skippedJury(AuctionOptions options, List<Bid> bids, AgentPool jurors) {
        String why = "jury skipped: the auction's overhead cap of " + options.maxOverheadTokens()
                + " tokens would be exceeded";
        List<JuryScore> scores = new ArrayList<>();
        for (Agent juror : jurors) {
            for (Bid bid : bids) {
                scores.add(JuryScore.missing(juror.name(), bid.agent(), JuryScore.Status.MISSING, why));
            }
        }
        return scores;
    }

    static long spentTokens(List<CallUsage> spent) {
        return spent.stream().mapToLong(u -> u.inputTokens() + u.outputTokens()).sum();
    }

    /** Each juror reads every bid once, plus the prompt around them, and answers a few tokens per bid. */
    static long estimatedJuryTokens(AuctionTask task, List<Bid> bids, AgentPool jurors) {
        long bidTokens = bids.stream().mapToLong(Bid::outputTokens).sum();
        long perJuror = JURY_PROMPT_TOKENS + TokenEstimate.of(task.text()) + bidTokens + 16L * bids.size();
        return perJuror * jurors.size();
    }
}
