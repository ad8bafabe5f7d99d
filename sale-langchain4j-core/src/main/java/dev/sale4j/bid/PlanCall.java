package dev.sale4j.bid;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.sale4j.entropy.EntropyEstimator;
import dev.sale4j.entropy.LogProbs;
import dev.sale4j.entropy.TokenLogProb;
import dev.sale4j.internal.ThinkingText;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.TokenEstimate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call that asks an agent for a plan, first-round or refined, and turns the answer into a {@link Bid}: no tools,
 * an output limit, log-probabilities asked of OpenAI-compatible backends (asked again without, and not asked again,
 * when a backend rejects them), inline reasoning removed, token counts as reported or estimated, and the entropy.
 */
public final class PlanCall {

    private static final Logger log = LoggerFactory.getLogger(PlanCall.class);

    private final int maxOutputTokens;
    private final EntropyEstimator entropyEstimator;
    private final boolean requestLogProbs;
    private final Set<ChatModel> rejectsLogProbs = ConcurrentHashMap.newKeySet();

    public PlanCall(int maxOutputTokens, EntropyEstimator entropyEstimator, boolean requestLogProbs) {
        if (maxOutputTokens < 1) {
            throw new IllegalArgumentException("maxOutputTokens must be at least 1, got " + maxOutputTokens);
        }
        this.maxOutputTokens = maxOutputTokens;
        this.entropyEstimator = entropyEstimator != null ? entropyEstimator : EntropyEstimator.defaultEstimator();
        this.requestLogProbs = requestLogProbs;
    }

    /**
     * @throws EmptyBidException when the agent answered no plan (nothing, or reasoning cut off by the limit)
     */
    public Bid ask(Agent agent, String prompt, boolean refined) {
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
        List<TokenLogProb> logProbs = LogProbs.from(response); // read once: the estimator gets them too
        return new Bid(
                agent.name(),
                text,
                reportedOut != null ? reportedOut : TokenEstimate.of(text),
                reportedIn != null ? reportedIn : TokenEstimate.of(prompt),
                reportedOut == null || reportedIn == null,
                latency,
                entropyEstimator.estimate(text, response, logProbs),
                refined,
                logProbs);
    }

    private ChatResponse call(ChatModel model, String prompt) {
        boolean withLogProbs = requestLogProbs && LogProbs.canRequest(model) && !rejectsLogProbs.contains(model);
        try {
            return model.chat(request(model, prompt, withLogProbs));
        } catch (InvalidRequestException rejected) {
            if (!withLogProbs) {
                throw rejected;
            }
            log.info("Backend rejected the log-probability request ({}); asking without log-probabilities",
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
}
