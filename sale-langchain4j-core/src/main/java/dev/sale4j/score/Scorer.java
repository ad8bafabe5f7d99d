package dev.sale4j.score;

import dev.sale4j.AgentPool;
import dev.sale4j.bid.Bid;
import dev.sale4j.jury.JuryScore;
import java.util.ArrayList;
import java.util.List;

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
 */
public final class Scorer {

    private final Weights weights;

    public Scorer(Weights weights) {
        if (weights == null) {
            throw new IllegalArgumentException("A Scorer needs Weights: use Weights.defaults() or a fitted set");
        }
        this.weights = weights;
    }

    public Weights weights() {
        return weights;
    }

    /**
     * Scores the bids.
     *
     * @param bids   the bids of one auction
     * @param pool   the pool, for the bidders' prices
     * @param jurors the jurors of the auction, in order
     * @param scores every score the jury gave (any order; entries for other bids are ignored)
     */
    public List<ScoredBid> score(List<Bid> bids, AgentPool pool, List<String> jurors, List<JuryScore> scores) {
        double auctionMean = scores.stream()
                .filter(JuryScore::present)
                .mapToInt(JuryScore::score)
                .average()
                .orElse(Double.NaN);
        List<ScoredBid> scored = new ArrayList<>(bids.size());
        for (Bid bid : bids) {
            scored.add(new ScoredBid(bid, terms(bid, pool.get(bid.agent()).price(), jurors, scores, auctionMean)));
        }
        return scored;
    }

    private ScoreTerms terms(Bid bid, double price, List<String> jurors, List<JuryScore> all, double auctionMean) {
        List<JuryScore> own = new ArrayList<>(jurors.size());
        for (String juror : jurors) {
            own.add(all.stream()
                    .filter(s -> s.juror().equals(juror) && s.bidder().equals(bid.agent()))
                    .findFirst()
                    .orElseGet(() -> JuryScore.missing(juror, bid.agent(), JuryScore.Status.MISSING,
                            "the jury returned no score")));
        }
        double bidMean = own.stream().filter(JuryScore::present).mapToInt(JuryScore::score).average().orElse(auctionMean);
        double juryTerm = 0;
        int imputed = 0;
        for (JuryScore s : own) {
            double gamma;
            if (s.present()) {
                gamma = s.score();
            } else if (Double.isNaN(bidMean)) {
                gamma = 0;
                imputed++;
            } else {
                gamma = bidMean;
                imputed++;
            }
            juryTerm += weights.juror(s.juror()) * gamma;
        }
        double cost = weights.wc() * price * bid.outputTokens();
        double h = bid.entropy().value();
        double value = weights.wh() * h + juryTerm;
        return new ScoreTerms(bid.outputTokens(), price, cost, h, bid.entropy().estimator(), own, juryTerm, imputed,
                value, cost - value);
    }
}
