package dev.sale4j.refine;

import dev.langchain4j.model.input.PromptTemplate;
import dev.sale4j.bid.Bid;
import dev.sale4j.bid.PlanCall;
import dev.sale4j.bid.PromptBidder;
import dev.sale4j.entropy.EntropyEstimator;
import dev.sale4j.memory.BidPair;
import dev.sale4j.memory.MemoryBid;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AuctionTask;
import dev.sale4j.pool.Prompts;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The default {@link Refiner}: a contrastive prompt, overridable by builder, shows the agent its pairs and asks for
 * a rewritten strategy.
 *
 * <p>The template ({@code dev/sale4j/prompts/refine.txt}) sees {@code {{task}}}, {@code {{tools}}},
 * {@code {{bid}}} (the agent's current strategy), {@code {{pairs}}} (rendered by {@link #renderPairs}) and
 * {@code {{maxTokens}}}. Like bid calls, refinement calls carry no tools and an output limit, and the entropy of the
 * rewritten bid comes from the same estimator as first-round bids. Inline reasoning ({@code <think>...</think>}) is
 * removed from the answer, as from bids.
 */
public final class PromptRefiner implements Refiner {

    private final PromptTemplate template;
    private final PlanCall call;

    private PromptRefiner(Builder builder) {
        this.template = builder.template != null ? builder.template : Prompts.load("refine");
        this.call = new PlanCall(builder.maxOutputTokens, builder.entropyEstimator, builder.requestLogProbs);
    }

    @Override
    public Bid refine(Agent agent, AuctionTask task, Bid bid, List<BidPair> pairs) {
        String prompt = template.apply(Map.of(
                        "task", task.text(),
                        "tools", Prompts.describeTools(task.tools()),
                        "bid", bid.text(),
                        "pairs", renderPairs(agent.name(), pairs),
                        "maxTokens", call.maxOutputTokens()))
                .text();
        return call.ask(agent, prompt, true);
    }

    /**
     * The pairs as the prompt shows them: for each, the past task, its similarity, the winner's known outcome, the
     * losing and the winning strategy, with the agent's own side marked "(yours)".
     */
    public static String renderPairs(String agent, List<BidPair> pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.size(); i++) {
            BidPair pair = pairs.get(i);
            out.append("Past auction ").append(i + 1).append(String.format(Locale.ROOT, " (similarity %.2f)",
                    pair.similarity())).append('\n');
            out.append("Task: ").append(pair.task()).append('\n');
            out.append("Outcome of the winning strategy: ").append(outcome(pair)).append('\n');
            out.append(side("LOST", pair.losing(), agent)).append(side("WON", pair.winning(), agent)).append('\n');
        }
        return out.toString().strip();
    }

    private static String outcome(BidPair pair) {
        if (pair.outcome() == null) {
            return "not known";
        }
        String source = pair.outcome().source().name().toLowerCase(Locale.ROOT);
        return (pair.outcome().succeeded() ? "succeeded" : "failed") + " (judged by " + source + ")";
    }

    private static String side(String label, MemoryBid bid, String agent) {
        return label + (bid.agent().equals(agent) ? " (yours)" : " (agent " + bid.agent() + ")") + ":\n"
                + bid.text().strip() + "\n";
    }

    public int maxOutputTokens() {
        return call.maxOutputTokens();
    }

    public static PromptRefiner create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link PromptRefiner}. */
    public static final class Builder {
        private PromptTemplate template;
        private int maxOutputTokens = PromptBidder.DEFAULT_MAX_OUTPUT_TOKENS;
        private EntropyEstimator entropyEstimator;
        private boolean requestLogProbs = true;

        private Builder() {}

        /**
         * Overrides the refinement prompt; it may use {@code {{task}}}, {@code {{tools}}}, {@code {{bid}}},
         * {@code {{pairs}}} and {@code {{maxTokens}}}.
         */
        public Builder template(PromptTemplate template) {
            this.template = template;
            return this;
        }

        public Builder template(String template) {
            return template(PromptTemplate.from(template));
        }

        public Builder maxOutputTokens(int maxOutputTokens) {
            this.maxOutputTokens = maxOutputTokens;
            return this;
        }

        public Builder entropyEstimator(EntropyEstimator entropyEstimator) {
            this.entropyEstimator = entropyEstimator;
            return this;
        }

        /** Whether to ask OpenAI-compatible backends for log-probabilities, as bid calls do (default true). */
        public Builder requestLogProbs(boolean requestLogProbs) {
            this.requestLogProbs = requestLogProbs;
            return this;
        }

        public PromptRefiner build() {
            return new PromptRefiner(this);
        }
    }
}
