package dev.sale4j.refine;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.input.PromptTemplate;
import dev.langchain4j.model.output.TokenUsage;
import dev.sale4j.Agent;
import dev.sale4j.AuctionTask;
import dev.sale4j.Prompts;
import dev.sale4j.TokenEstimate;
import dev.sale4j.bid.Bid;
import dev.sale4j.bid.EmptyBidException;
import dev.sale4j.bid.PromptBidder;
import dev.sale4j.entropy.EntropyEstimator;
import dev.sale4j.entropy.LogProbs;
import dev.sale4j.internal.ThinkingText;
import dev.sale4j.memory.BidPair;
import dev.sale4j.memory.MemoryBid;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
    private final int maxOutputTokens;
    private final EntropyEstimator entropyEstimator;
    private final boolean requestLogProbs;
    private final Set<ChatModel> rejectsLogProbs = ConcurrentHashMap.newKeySet();

    private PromptRefiner(Builder builder) {
        this.template = builder.template != null ? builder.template : Prompts.load("refine");
        if (builder.maxOutputTokens < 1) {
            throw new IllegalArgumentException("maxOutputTokens must be at least 1, got " + builder.maxOutputTokens);
        }
        this.maxOutputTokens = builder.maxOutputTokens;
        this.entropyEstimator =
                builder.entropyEstimator != null ? builder.entropyEstimator : EntropyEstimator.defaultEstimator();
        this.requestLogProbs = builder.requestLogProbs;
    }

    @Override
    public Bid refine(Agent agent, AuctionTask task, Bid bid, List<BidPair> pairs) {
        String prompt = template.apply(Map.of(
                        "task", task.text(),
                        "tools", Prompts.describeTools(task.tools()),
                        "bid", bid.text(),
                        "pairs", renderPairs(agent.name(), pairs),
                        "maxTokens", maxOutputTokens))
                .text();
        long start = System.nanoTime();
        ChatResponse response = call(agent.model(), prompt);
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        String text = ThinkingText.strip(response.aiMessage() == null ? null : response.aiMessage().text());
        if (text == null || text.isBlank()) {
            throw new EmptyBidException(agent.name());
        }
        text = text.strip();
        TokenUsage usage = response.tokenUsage();
        Integer out = usage == null ? null : usage.outputTokenCount();
        Integer in = usage == null ? null : usage.inputTokenCount();
        return new Bid(agent.name(), text, out != null ? out : TokenEstimate.of(text),
                in != null ? in : TokenEstimate.of(prompt), out == null || in == null, latency,
                entropyEstimator.estimate(text, response), true);
    }

    /** Asks for log-probabilities where first-round bids had them, so H is estimated the same way. */
    private ChatResponse call(ChatModel model, String prompt) {
        boolean withLogProbs = requestLogProbs && LogProbs.canRequest(model) && !rejectsLogProbs.contains(model);
        try {
            return model.chat(request(model, prompt, withLogProbs));
        } catch (InvalidRequestException rejected) {
            if (!withLogProbs) {
                throw rejected;
            }
            rejectsLogProbs.add(model);
            return model.chat(request(model, prompt, false));
        }
    }

    private ChatRequest request(ChatModel model, String prompt, boolean withLogProbs) {
        return ChatRequest.builder()
                .messages(UserMessage.from(prompt))
                .parameters(LogProbs.bidParameters(model, maxOutputTokens, withLogProbs))
                .build();
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
        return maxOutputTokens;
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
