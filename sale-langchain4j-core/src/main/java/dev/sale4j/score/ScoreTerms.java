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
 * @param entropy    H, in [0,1]
 * @param entropyEstimator which estimator produced H
 * @param juryScores every juror's score of this bid, with status (missing ones included)
 * @param juryTerm   {@code sum_j w_j * gamma_j}, missing scores imputed as {@link Scorer} documents
 * @param imputedScores how many jurors' scores were missing and imputed
 * @param value      V
 * @param net        C - V
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
        double net) {

    public ScoreTerms {
        juryScores = List.copyOf(juryScores);
    }
}
