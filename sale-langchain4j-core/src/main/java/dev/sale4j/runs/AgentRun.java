package dev.sale4j.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One agent's part of a {@link RecordedRun}: the terms of its (first-round) bid and, when it executed the task, how
 * the execution went.
 *
 * @param agent            the agent's name
 * @param planTokens       |s|, the bid's length in output tokens
 * @param price            the agent's price, USD per million output tokens
 * @param entropy          H of the bid, in [0,1]
 * @param entropyEstimator which estimator produced H ({@code logprobs}, {@code lexical}, ...); may be null
 * @param juryScores       each juror's score of this bid, 0..5, or null where the score was missing
 * @param correct          whether its execution was correct; null when it did not execute or the outcome is unknown
 * @param executionTokens  tokens its execution used; null when it did not execute
 * @param executionCostUsd USD cost of its execution; null when it did not execute
 * @param execution        format v2: token split, tool calls, duration, verdict and verifier score of its
 *                         execution; null when not recorded
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AgentRun(
        String agent,
        long planTokens,
        double price,
        double entropy,
        String entropyEstimator,
        Map<String, Integer> juryScores,
        Boolean correct,
        Long executionTokens,
        Double executionCostUsd,
        ExecutionDetail execution) {

    /** A version-1 entry: no execution detail. */
    public AgentRun(String agent, long planTokens, double price, double entropy, String entropyEstimator,
            Map<String, Integer> juryScores, Boolean correct, Long executionTokens, Double executionCostUsd) {
        this(agent, planTokens, price, entropy, entropyEstimator, juryScores, correct, executionTokens,
                executionCostUsd, null);
    }

    public AgentRun {
        if (agent == null || agent.isBlank()) {
            throw new IllegalArgumentException("An AgentRun needs the agent's name");
        }
        if (planTokens < 0) {
            throw new IllegalArgumentException("Agent '" + agent + "': planTokens is " + planTokens + ", must be >= 0");
        }
        if (!Double.isFinite(price) || price < 0) {
            throw new IllegalArgumentException("Agent '" + agent + "': price is " + price
                    + ", must be a finite USD-per-million-tokens figure >= 0");
        }
        if (!Double.isFinite(entropy) || entropy < 0 || entropy > 1) {
            throw new IllegalArgumentException("Agent '" + agent + "': entropy is " + entropy
                    + ", must be normalised to [0,1]");
        }
        Map<String, Integer> scores = new LinkedHashMap<>();
        if (juryScores != null) {
            juryScores.forEach((juror, score) -> {
                if (juror == null || juror.isBlank()) {
                    throw new IllegalArgumentException("Agent '" + agent + "': a jury score has no juror name");
                }
                if (score != null && (score < 0 || score > 5)) {
                    throw new IllegalArgumentException("Agent '" + agent + "': juror '" + juror + "' scored " + score
                            + ", jury scores are integers 0..5 (null when missing)");
                }
                scores.put(juror, score);
            });
        }
        juryScores = Collections.unmodifiableMap(scores);
        if (executionTokens != null && executionTokens < 0) {
            throw new IllegalArgumentException("Agent '" + agent + "': executionTokens is " + executionTokens
                    + ", must be >= 0");
        }
        if (executionCostUsd != null && (!Double.isFinite(executionCostUsd) || executionCostUsd < 0)) {
            throw new IllegalArgumentException("Agent '" + agent + "': executionCostUsd is " + executionCostUsd
                    + ", must be a finite USD figure >= 0");
        }
    }

    /** This entry with the given execution detail. */
    public AgentRun withExecution(ExecutionDetail detail) {
        return new AgentRun(agent, planTokens, price, entropy, entropyEstimator, juryScores, correct, executionTokens,
                executionCostUsd, detail);
    }

    /** True when the run says whether the execution was correct and what it cost: what fitting needs. */
    public boolean executed() {
        return correct != null && executionCostUsd != null;
    }
}
