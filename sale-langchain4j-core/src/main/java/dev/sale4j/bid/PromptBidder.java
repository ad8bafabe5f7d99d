package dev.sale4j.bid;

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
import dev.sale4j.entropy.Entropy;
import dev.sale4j.entropy.EntropyEstimator;
import dev.sale4j.entropy.LogProbs;
import dev.sale4j.internal.ThinkingText;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger log = LoggerFactory.getLogger(PromptBidder.class);

    private final PromptTemplate template;
    private final int maxOutputTokens;
    private final EntropyEstimator entropyEstimator;
    private final boolean requestLogProbs;
    private final Set<ChatModel> rejectsLogProbs = ConcurrentHashMap.newKeySet();

    private PromptBidder(Builder builder) {
        this.template = builder.template != null ? builder.template : Prompts.load("bid");
        if (builder.maxOutputTokens < 1) {
            throw new IllegalArgumentException("maxOutputTokens must be at least 1, got " + builder.maxOutputTokens);
        }
        this.maxOutputTokens = builder.maxOutputTokens;
        this.entropyEstimator =
                builder.entropyEstimator != null ? builder.entropyEstimator : EntropyEstimator.defaultEstimator();
        this.requestLogProbs = builder.requestLogProbs;
    }

    @Override
    public Bid bid(Agent agent, AuctionTask task) {
        String prompt = template.apply(Map.of(
                        "task", task.text(),
                        "tools", Prompts.describeTools(task.tools()),
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
        Integer reportedOut = usage == null ? null : usage.outputTokenCount();
        Integer reportedIn = usage == null ? null : usage.inputTokenCount();
        long outputTokens = reportedOut != null ? reportedOut : TokenEstimate.of(text);
        long inputTokens = reportedIn != null ? reportedIn : TokenEstimate.of(prompt);
        Entropy entropy = entropyEstimator.estimate(text, response);
        return new Bid(
                agent.name(),
                text,
                outputTokens,
                inputTokens,
                reportedOut == null || reportedIn == null,
                latency,
                entropy,
                false,
                LogProbs.from(response));
    }

    private ChatResponse call(ChatModel model, String prompt) {
        boolean withLogProbs = requestLogProbs && LogProbs.canRequest(model) && !rejectsLogProbs.contains(model);
        try {
            return model.chat(request(model, prompt, withLogProbs));
        } catch (InvalidRequestException rejected) {
            if (!withLogProbs) {
                throw rejected;
            }
            log.info("Backend rejected the log-probability request ({}); bidding without log-probabilities",
                    rejected.getMessage());
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

    public int maxOutputTokens() {
        return maxOutputTokens;
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
