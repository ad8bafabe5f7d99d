package dev.sale4j.entropy;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;

/**
 * Where log-probabilities come from: asks OpenAI-compatible backends for them on bid calls and reads them back from
 * the raw response.
 *
 * <p>LangChain4j's {@code OpenAiChatModel} exposes no log-probabilities, so they are requested through the request's
 * custom parameters ({@code logprobs}, {@code top_logprobs}) and parsed from the raw HTTP body. Works only when
 * {@code langchain4j-open-ai} is on the class path; other backends get no log-probabilities and the lexical estimate.
 */
public final class LogProbs {

    /** How many alternatives per position bid calls ask for. */
    public static final int TOP_ALTERNATIVES = 5;

    private static final boolean OPENAI_PRESENT = isPresent("dev.langchain4j.model.openai.OpenAiChatModel");

    private LogProbs() {}

    /** True when bid calls to this model can ask for log-probabilities. */
    public static boolean canRequest(ChatModel model) {
        return OPENAI_PRESENT && OpenAiLogProbs.isOpenAi(model);
    }

    /**
     * Request parameters for a bid call: {@code maxOutputTokens}, and for OpenAI-compatible models the log-probability
     * custom parameters merged over the model's own custom parameters.
     */
    public static ChatRequestParameters bidParameters(ChatModel model, int maxOutputTokens, boolean withLogProbs) {
        if (withLogProbs && canRequest(model)) {
            return OpenAiLogProbs.parameters(model, maxOutputTokens, TOP_ALTERNATIVES);
        }
        return ChatRequestParameters.builder().maxOutputTokens(maxOutputTokens).build();
    }

    /** The generated tokens with their log-probabilities, or an empty list when the response carries none. */
    public static List<TokenLogProb> from(ChatResponse response) {
        if (response == null || !OPENAI_PRESENT) {
            return List.of();
        }
        return OpenAiLogProbs.read(response);
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, LogProbs.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
