package dev.sale4j.score;

import dev.sale4j.bid.Bid;
import dev.sale4j.entropy.Entropy;
import dev.sale4j.jury.JuryScore;
import dev.sale4j.pool.AgentPool;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes SALE's cost and value terms (steps 2 and 3) for the bids of one auction.
 *
 * <p>{@code C_i = w_c * price(a_i) * |s_i|} and {@code V_i = w_h * H(s_i) + sum_j w_j * gamma_j(s_i)}, the sum over
 * every juror of the auction. A missing score (a juror that failed, or answered nothing usable for the bid) must not
 * decide the auction, so it is imputed, and the trace counts it:
 *
 * <ol>
 *   <li>by the mean of the other jurors' scores of the same bid;
 *   <li>if no juror scored that bid, by the mean of all scores given in the auction;
 *   <li>if no juror scored any bid, the jury term is 0 for every bid, and only cost and entropy decide.
 * </ol>
 *
 * <p>Each feature is first divided by its scale in {@link Weights#scales()} (identity unless the weights were fitted),
 * so {@code C = w_c * price * |s| / s_c}, and likewise for H and each juror's score.
 *
 * <p>H is first put on the auction's common scale by the {@link EntropyScale} (live auctions: one estimator per
 * auction); the bid's own estimate is kept in {@link ScoreTerms#rawEntropy()}.
 */
public final class Scorer {

    private final Weights weights;
    private final EntropyScale entropyScale;

    /** A scorer that takes each bid's H as its estimator produced it: for replays of recorded, already-scaled H. */
    public Scorer(Weights weights) {
        this(weights, EntropyScale.asEstimated());
    }

    public Scorer(Weights weights, EntropyScale entropyScale) {
        if (weights == null) {
            throw new IllegalArgumentException("A Scorer needs Weights: use Weights.defaults() or a fitted set");
        }
        if (entropyScale == null) {
            throw new IllegalArgumentException("A Scorer needs an EntropyScale: use EntropyScale.oneEstimatorPerAuction()");
        }
        this.weights = weights;
        this.entropyScale = entropyScale;
    }

    public EntropyScale entropyScale() {
        return entropyScale;
    }

    public Weights weights() {
        return weights;
    }

    /** Scores the first-round bids of an auction: {@code score(bids, pool, jurors, scores, bids)}. */
    public List<ScoredBid> score(List<Bid> bids, AgentPool pool, List<String> jurors, List<JuryScore> scores) {
        return score(bids, pool, jurors, scores, bids);
    }

    /**
     * Scores the bids.
     *
     * @param bids   the bids of one auction, first-round or refined
     * @param pool   the pool, for the bidders' prices
     * @param jurors the jurors of the auction, in order
     * @param scores every score the jury gave (any order; entries for other bids or other jurors are ignored)
     * @param firstRound the auction's first-round bids, which fix its entropy scale
     */
    public List<ScoredBid> score(List<Bid> bids, AgentPool pool, List<String> jurors, List<JuryScore> scores,
            List<Bid> firstRound) {
        List<List<JuryScore>> own = new ArrayList<>(bids.size());
        Integer[][] grid = new Integer[bids.size()][jurors.size()];
        Map<String, Map<String, JuryScore>> byBidder = new HashMap<>();
        for (JuryScore x : scores) { // the first score of each (bidder, juror) counts
            byBidder.computeIfAbsent(x.bidder(), k -> new HashMap<>()).putIfAbsent(x.juror(), x);
        }
        for (int b = 0; b < bids.size(); b++) {
            Bid bid = bids.get(b);
            Map<String, JuryScore> given = byBidder.getOrDefault(bid.agent(), Map.of());
            List<JuryScore> row = new ArrayList<>(jurors.size());
            for (int j = 0; j < jurors.size(); j++) {
                String juror = jurors.get(j);
                JuryScore s = given.get(juror);
                if (s == null) {
                    s = JuryScore.missing(juror, bid.agent(), JuryScore.Status.MISSING, "the jury returned no score");
                }
                row.add(s);
                grid[b][j] = s.score();
            }
            own.add(row);
        }
        double[][] gammas = imputed(grid);
        List<ScoredBid> scored = new ArrayList<>(bids.size());
        for (int b = 0; b < bids.size(); b++) {
            Bid bid = bids.get(b);
            double price = pool.get(bid.agent()).price();
            int imputed = (int) own.get(b).stream().filter(s -> !s.present()).count();
            double cost = cost(price, bid.outputTokens());
            Entropy h = entropyScale.entropy(bid, firstRound);
            double juryTerm = juryTerm(jurors, gammas[b]);
            double value = entropyTerm(h.value()) + juryTerm;
            scored.add(new ScoredBid(bid, new ScoreTerms(bid.outputTokens(), price, cost, h.value(), h.estimator(),
                    own.get(b), juryTerm, imputed, value, cost - value, bid.entropy().value(),
                    bid.entropy().estimator())));
        }
        return scored;
    }

    /** {@code C = w_c * price * |s|}, with {@code price * |s|} divided by its scale. */
    public double cost(double price, long planTokens) {
        return weights.wc() * price * planTokens / weights.scales().cost();
    }

    /** {@code w_h * H}, with H divided by its scale. */
    public double entropyTerm(double entropy) {
        return weights.wh() * entropy / weights.scales().entropy();
    }

    /** {@code sum_j w_j * gamma_j}, each juror's score divided by its scale; {@code gammas} as {@link #imputed}. */
    public double juryTerm(List<String> jurors, double[] gammas) {
        double sum = 0;
        for (int j = 0; j < jurors.size(); j++) {
            String juror = jurors.get(j);
            sum += weights.juror(juror) * gammas[j] / weights.scales().juror(juror);
        }
        return sum;
    }

    /**
     * SALE's rule for missing jury scores, as this class documents, applied to one auction's grid.
     *
     * @param scores {@code scores[bid][juror]}, null where the score is missing
     * @return {@code gamma[bid][juror]}: the score, or its imputed value
     */
    public static double[][] imputed(Integer[][] scores) {
        double auctionSum = 0;
        int auctionCount = 0;
        for (Integer[] row : scores) {
            for (Integer s : row) {
                if (s != null) {
                    auctionSum += s;
                    auctionCount++;
                }
            }
        }
        double auctionMean = auctionCount == 0 ? 0 : auctionSum / auctionCount;
        double[][] gammas = new double[scores.length][];
        for (int b = 0; b < scores.length; b++) {
            double sum = 0;
            int count = 0;
            for (Integer s : scores[b]) {
                if (s != null) {
                    sum += s;
                    count++;
                }
            }
            double fill = count > 0 ? sum / count : auctionMean;
            gammas[b] = new double[scores[b].length];
            for (int j = 0; j < scores[b].length; j++) {
                gammas[b][j] = scores[b][j] != null ? scores[b][j] : fill;
            }
        }
        return gammas;
    }
}
