package dev.sale4j.entropy;

/**
 * H(s): the mean per-token entropy of a bid, normalised to [0,1], and the estimator that produced it.
 *
 * @param value     the entropy in [0,1]
 * @param estimator which estimator produced it: {@link #LOG_PROBS}, {@link #LEXICAL}, or a custom name
 */
public record Entropy(double value, String estimator) {

    /** Computed from the backend's token log-probabilities. */
    public static final String LOG_PROBS = "logprobs";

    /** Estimated from the text's own token distribution, for backends that return no log-probabilities. */
    public static final String LEXICAL = "lexical";

    public Entropy {
        if (!Double.isFinite(value) || value < 0 || value > 1) {
            throw new IllegalArgumentException("Entropy must be normalised to [0,1], got " + value);
        }
        if (estimator == null || estimator.isBlank()) {
            throw new IllegalArgumentException("Entropy must name the estimator that produced it");
        }
    }
}
