package dev.sale4j.score;

import dev.sale4j.jury.JuryScore;
import java.util.List;

/**
 * Every term of one bid's score, as SALE defines them: {@code C = w_c * price * |s|},
 * {@code V = w_h * H + sum_j w_j * gamma_j}, and the net {@code C - V} that the auction minimises.
 *
 * @param planTokens |s|, the bid's length in tokens
 * @param price      the bidder's price, USD per million output tokens
 * @param cost       C
 * @param entropy    H, in [0,1], on the auction's common scale ({@link EntropyScale}): the H in V
 * @param entropyEstimator which estimator produced H
 * @param juryScores every juror's score of this bid, with status (missing ones included)
 * @param juryTerm   {@code sum_j w_j * gamma_j}, missing scores imputed as {@link Scorer} documents
 * @param imputedScores how many jurors' scores were missing and imputed
 * @param value      V
 * @param net        C - V
 * @param rawEntropy the bid's own entropy estimate before the common scale; equal to {@code entropy} when the scale
 *                   kept it (null in older traces, then taken to be {@code entropy})
 * @param rawEntropyEstimator the estimator of {@code rawEntropy} (null in older traces: {@code entropyEstimator})
 */
public record ScoreTerms(
        long planTokens,
        double price,
        double cost,
        double entropy,
        String entropyEstimator,
        List<JuryScore> juryScores,
        double juryTerm,
        int imputedScores,
        double value,
        double net,
        Double rawEntropy,
        String rawEntropyEstimator) {

    public ScoreTerms {
        juryScores = List.copyOf(juryScores);
        if (rawEntropy == null) {
            rawEntropy = entropy;
            rawEntropyEstimator = rawEntropyEstimator == null ? entropyEstimator : rawEntropyEstimator;
        } else if (rawEntropyEstimator == null) {
            rawEntropyEstimator = entropyEstimator;
        }
    }

    /** Terms whose H is the bid's own estimate (no rescaling). */
    public ScoreTerms(long planTokens, double price, double cost, double entropy, String entropyEstimator,
            List<JuryScore> juryScores, double juryTerm, int imputedScores, double value, double net) {
        this(planTokens, price, cost, entropy, entropyEstimator, juryScores, juryTerm, imputedScores, value, net,
                entropy, entropyEstimator);
    }
}
