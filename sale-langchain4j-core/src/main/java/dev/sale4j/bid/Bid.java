package dev.sale4j.bid;

import dev.sale4j.entropy.Entropy;
import dev.sale4j.entropy.TokenLogProb;
import java.time.Duration;
import java.util.List;

/**
 * One agent's strategy for a task (SALE step 1), with what the cost and value terms need.
 *
 * @param agent         the bidder
 * @param text          the strategy s_i
 * @param outputTokens  |s_i| in tokens: the backend's reported output tokens, or an estimate
 * @param inputTokens   prompt tokens of the bid call (overhead accounting)
 * @param tokensEstimated true when the backend reported no usage and the counts are estimates
 * @param latency       wall time of the bid call
 * @param entropy       H(s_i), normalised to [0,1], and which estimator produced it
 * @param refined       true for a bid rewritten from memory (SALE step 5)
 * @param logProbs      the backend's per-token log-probabilities with their top alternatives, where it returned
 *                      them (OpenAI-compatible backends); empty otherwise
 */
public record Bid(
        String agent,
        String text,
        long outputTokens,
        long inputTokens,
        boolean tokensEstimated,
        Duration latency,
        Entropy entropy,
        boolean refined,
        List<TokenLogProb> logProbs) {

    public Bid {
        if (agent == null || agent.isBlank()) {
            throw new IllegalArgumentException("A bid needs the name of its agent");
        }
        text = text == null ? "" : text;
        if (outputTokens < 0 || inputTokens < 0) {
            throw new IllegalArgumentException("Token counts cannot be negative (agent " + agent + ")");
        }
        latency = latency == null ? Duration.ZERO : latency;
        if (entropy == null) {
            throw new IllegalArgumentException("A bid needs its entropy (agent " + agent + ")");
        }
        logProbs = logProbs == null ? List.of() : List.copyOf(logProbs);
    }

    /** A bid without log-probabilities. */
    public Bid(String agent, String text, long outputTokens, long inputTokens, boolean tokensEstimated,
            Duration latency, Entropy entropy, boolean refined) {
        this(agent, text, outputTokens, inputTokens, tokensEstimated, latency, entropy, refined, List.of());
    }

    /** This bid attributed to the named agent. */
    public Bid withAgent(String name) {
        return name.equals(agent)
                ? this
                : new Bid(name, text, outputTokens, inputTokens, tokensEstimated, latency, entropy, refined, logProbs);
    }

    /** This bid marked as a refined rewrite. */
    public Bid asRefined() {
        return refined
                ? this
                : new Bid(agent, text, outputTokens, inputTokens, tokensEstimated, latency, entropy, true, logProbs);
    }
}
