package dev.sale4j.bid;

import dev.langchain4j.model.input.PromptTemplate;
import dev.sale4j.entropy.EntropyEstimator;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AuctionTask;
import dev.sale4j.pool.Prompts;
import java.util.Map;

/**
 * The default {@link Bidder}: asks the agent's model for a short strategy with an overridable prompt template.
 *
 * <p>The template sees {@code {{task}}}, {@code {{tools}}} (the executing agent's tools, one per line) and
 * {@code {{maxTokens}}}. Bid calls carry no tools and an output limit (default {@value #DEFAULT_MAX_OUTPUT_TOKENS}
 * tokens). OpenAI-compatible backends are asked for log-probabilities so the entropy term can use them; a backend
 * that rejects that request is asked again without, and not asked again.
 */
public final class PromptBidder implements Bidder {

    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 400;

    private final PromptTemplate template;
    private final PlanCall call;

    private PromptBidder(Builder builder) {
        this.template = builder.template != null ? builder.template : Prompts.load("bid");
        this.call = new PlanCall(builder.maxOutputTokens, builder.entropyEstimator, builder.requestLogProbs);
    }

    @Override
    public Bid bid(Agent agent, AuctionTask task) {
        String prompt = template.apply(Map.of(
                        "task", task.text(),
                        "tools", Prompts.describeTools(task.tools()),
                        "maxTokens", call.maxOutputTokens()))
                .text();
        return call.ask(agent, prompt, false);
    }

    public int maxOutputTokens() {
        return call.maxOutputTokens();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link PromptBidder}. */
    public static final class Builder {
        private PromptTemplate template;
        private int maxOutputTokens = DEFAULT_MAX_OUTPUT_TOKENS;
        private EntropyEstimator entropyEstimator;
        private boolean requestLogProbs = true;

        private Builder() {}

        /** Overrides the bid prompt; it may use {@code {{task}}}, {@code {{tools}}} and {@code {{maxTokens}}}. */
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

        /** Whether to ask OpenAI-compatible backends for log-probabilities (default true). */
        public Builder requestLogProbs(boolean requestLogProbs) {
            this.requestLogProbs = requestLogProbs;
            return this;
        }

        public PromptBidder build() {
            return new PromptBidder(this);
        }
    }
}
