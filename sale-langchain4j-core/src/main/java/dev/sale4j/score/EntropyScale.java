package dev.sale4j.score;

import dev.sale4j.bid.Bid;
import dev.sale4j.entropy.Entropy;
import java.util.List;

/**
 * Puts the entropy of every bid of one auction on one scale before {@link Scorer} weighs it (SALE step 3).
 *
 * <p>Estimators do not share a scale: on similar plans the log-probability estimate of an OpenAI-compatible agent is
 * near 0.5 and the lexical estimate of an Ollama agent near 0.9, which would reward the Ollama agent for its estimator
 * alone. The default, {@link #oneEstimatorPerAuction()}, scores every bid of an auction with one estimator. The bid's
 * own estimate stays in the trace ({@link ScoreTerms#rawEntropy()}).
 */
@FunctionalInterface
public interface EntropyScale {

    /**
     * @param bid        the bid to score: one of {@code firstRound}, or a refined rewrite of one
     * @param firstRound the first-round bids of the auction, which fix its scale for refined rewrites too
     * @return the H to score the bid with, and the estimator that produced it
     */
    Entropy entropy(Bid bid, List<Bid> firstRound);

    /**
     * One estimator for the whole auction: when the first-round bids were estimated by one estimator, its values are
     * used as they are (a pool of one kind of backend scores as it always did); when they mix estimators, every bid's
     * H is the lexical estimate of its text, the one estimator that applies to every bid.
     */
    static EntropyScale oneEstimatorPerAuction() {
        return OneEstimatorPerAuction.INSTANCE;
    }

    /** Every bid's H as its own estimator produced it, mixed scales included (the behaviour before this scale). */
    static EntropyScale asEstimated() {
        return (bid, firstRound) -> bid.entropy();
    }
}
