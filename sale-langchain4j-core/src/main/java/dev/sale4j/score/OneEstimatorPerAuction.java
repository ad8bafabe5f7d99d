package dev.sale4j.score;

import dev.sale4j.bid.Bid;
import dev.sale4j.entropy.Entropy;
import dev.sale4j.entropy.LexicalEntropyEstimator;
import dev.sale4j.entropy.LogProbEntropyEstimator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link EntropyScale#oneEstimatorPerAuction()}: the first round's single estimator, or lexical for mixed rounds. */
final class OneEstimatorPerAuction implements EntropyScale {

    static final OneEstimatorPerAuction INSTANCE = new OneEstimatorPerAuction();

    private static final Logger log = LoggerFactory.getLogger(OneEstimatorPerAuction.class);

    private OneEstimatorPerAuction() {}

    @Override
    public Entropy entropy(Bid bid, List<Bid> firstRound) {
        String target = estimatorOf(firstRound);
        Entropy own = bid.entropy();
        if (own.estimator().equals(target)) {
            return own;
        }
        if (Entropy.LEXICAL.equals(target)) {
            return new Entropy(LexicalEntropyEstimator.entropyOf(bid.text()), Entropy.LEXICAL);
        }
        if (Entropy.LOG_PROBS.equals(target) && !bid.logProbs().isEmpty()) {
            return new Entropy(LogProbEntropyEstimator.meanEntropy(bid.logProbs()), Entropy.LOG_PROBS);
        }
        log.warn("The bid of '{}' has entropy from '{}' but its auction is on the '{}' scale, which cannot be computed "
                + "for it; it is scored with its own estimate", bid.agent(), own.estimator(), target);
        return own;
    }

    /** The one estimator of the round, or lexical when the round mixes estimators. */
    private static String estimatorOf(List<Bid> firstRound) {
        String common = null;
        for (Bid b : firstRound) {
            String estimator = b.entropy().estimator();
            if (common == null) {
                common = estimator;
            } else if (!common.equals(estimator)) {
                return Entropy.LEXICAL;
            }
        }
        return common == null ? Entropy.LEXICAL : common;
    }
}
