package dev.sale4j.entropy;

import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;

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

    /**
     * The estimate when the caller has already read the response's log-probabilities with {@link LogProbs#from},
     * so that estimators that use them need not read the raw response again (bid calls do this). By default the
     * list is ignored and {@link #estimate(String, ChatResponse)} decides.
     *
     * @param logProbs the response's log-probabilities, empty when it carries none
     */
    default Entropy estimate(String text, ChatResponse response, List<TokenLogProb> logProbs) {
        return estimate(text, response);
    }

    /** Log-probabilities when the response has them, else the lexical estimate. */
    static EntropyEstimator defaultEstimator() {
        return new EntropyEstimator() {
            private final LexicalEntropyEstimator lexical = new LexicalEntropyEstimator();

            @Override
            public Entropy estimate(String text, ChatResponse response) {
                return estimate(text, response, LogProbs.from(response));
            }

            @Override
            public Entropy estimate(String text, ChatResponse response, List<TokenLogProb> logProbs) {
                return LogProbEntropyEstimator.tryEstimate(logProbs).orElseGet(() -> lexical.estimate(text, response));
            }
        };
    }
}
