package dev.sale4j.entropy;

import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * Computes H(s_i), the entropy term of a bid's value (SALE step 3), from the bid call's response.
 *
 * <p>The default, {@link #defaultEstimator()}, uses the backend's log-probabilities where it returned them and the
 * lexical estimate elsewhere; the trace records which one was used.
 */
@FunctionalInterface
public interface EntropyEstimator {

    /**
     * @param text     the bid's text
     * @param response the backend's response to the bid call (may carry log-probabilities)
     * @return the normalised entropy and the estimator's name
     */
    Entropy estimate(String text, ChatResponse response);

    /** Log-probabilities when the response has them, else the lexical estimate. */
    static EntropyEstimator defaultEstimator() {
        LogProbEntropyEstimator logProbs = new LogProbEntropyEstimator();
        LexicalEntropyEstimator lexical = new LexicalEntropyEstimator();
        return (text, response) -> logProbs.tryEstimate(response).orElseGet(() -> lexical.estimate(text, response));
    }
}
