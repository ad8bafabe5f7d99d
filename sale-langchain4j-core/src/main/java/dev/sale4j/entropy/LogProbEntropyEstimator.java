package dev.sale4j.entropy;

import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import java.util.Optional;

/**
 * Mean per-token entropy from the backend's log-probabilities, normalised to [0,1].
 *
 * <p>At a position with K top alternatives of probabilities p_1..p_K, the entropy is
 * {@code -sum p_k ln p_k - r ln r}, where {@code r = 1 - sum p_k} is the mass of all other tokens taken as one
 * bucket, divided by its maximum {@code ln(K+1)}. At a position with only the chosen token's probability p, it is the
 * binary entropy of p divided by {@code ln 2}. The bid's H is the mean over positions.
 *
 * <p>Log-probabilities are read by {@link LogProbs}: today from OpenAI-compatible responses.
 */
public final class LogProbEntropyEstimator implements EntropyEstimator {

    @Override
    public Entropy estimate(String text, ChatResponse response) {
        return tryEstimate(response)
                .orElseThrow(() -> new IllegalArgumentException(
                        "The response carries no log-probabilities: ask the backend for them (OpenAI-compatible: "
                                + "logprobs=true, top_logprobs=5) or use EntropyEstimator.defaultEstimator()"));
    }

    @Override
    public Entropy estimate(String text, ChatResponse response, List<TokenLogProb> logProbs) {
        return logProbs.isEmpty() ? estimate(text, response) : tryEstimate(logProbs).orElseThrow();
    }

    /** The estimate, or empty when the response carries no log-probabilities. */
    public Optional<Entropy> tryEstimate(ChatResponse response) {
        return tryEstimate(LogProbs.from(response));
    }

    /** The estimate from log-probabilities already read, or empty when there are none. */
    static Optional<Entropy> tryEstimate(List<TokenLogProb> tokens) {
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Entropy(meanEntropy(tokens), Entropy.LOG_PROBS));
    }

    /** Mean normalised entropy over the positions. */
    public static double meanEntropy(List<TokenLogProb> tokens) {
        double sum = 0;
        for (TokenLogProb token : tokens) {
            sum += positionEntropy(token);
        }
        return clamp(sum / tokens.size());
    }

    static double positionEntropy(TokenLogProb token) {
        List<TokenLogProb.Alternative> alternatives = token.topAlternatives();
        if (alternatives.isEmpty()) {
            double p = probability(token.logProb());
            return clamp((plogp(p) + plogp(1 - p)) / Math.log(2));
        }
        double h = 0;
        double mass = 0;
        boolean chosenListed = false;
        for (TokenLogProb.Alternative alternative : alternatives) {
            double p = probability(alternative.logProb());
            h += plogp(p);
            mass += p;
            chosenListed |= alternative.token().equals(token.token());
        }
        int k = alternatives.size();
        if (!chosenListed) {
            double p = probability(token.logProb());
            h += plogp(p);
            mass += p;
            k++;
        }
        double rest = Math.max(0, 1 - mass);
        h += plogp(rest);
        return clamp(h / Math.log(k + 1));
    }

    private static double probability(double logProb) {
        if (Double.isNaN(logProb)) {
            return 0;
        }
        return Math.min(1, Math.exp(Math.min(0, logProb)));
    }

    private static double plogp(double p) {
        return p <= 0 ? 0 : -p * Math.log(p);
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }
}
