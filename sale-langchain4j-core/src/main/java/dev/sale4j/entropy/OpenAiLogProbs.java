package dev.sale4j.entropy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import dev.sale4j.json.SaleJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** OpenAI wire format of log-probabilities; loaded only when langchain4j-open-ai is present. */
final class OpenAiLogProbs {

    private static final Logger log = LoggerFactory.getLogger(OpenAiLogProbs.class);

    private OpenAiLogProbs() {}

    static boolean isOpenAi(ChatModel model) {
        return model instanceof OpenAiChatModel;
    }

    static ChatRequestParameters parameters(ChatModel model, int maxOutputTokens, int top) {
        Map<String, Object> custom = new HashMap<>();
        if (model.defaultRequestParameters() instanceof OpenAiChatRequestParameters defaults
                && defaults.customParameters() != null) {
            custom.putAll(defaults.customParameters());
        }
        custom.put("logprobs", true);
        custom.put("top_logprobs", top);
        return OpenAiChatRequestParameters.builder()
                .maxOutputTokens(maxOutputTokens)
                .customParameters(custom)
                .build();
    }

    /**
     * Reads the chat format ({@code logprobs.content[]} of token, logprob, top_logprobs) and, from servers that
     * answer chat requests with it, the legacy completions format ({@code logprobs.tokens}, {@code token_logprobs},
     * {@code top_logprobs} as token-to-logprob maps).
     */
    static List<TokenLogProb> read(ChatResponse response) {
        if (!(response.metadata() instanceof OpenAiChatResponseMetadata metadata)
                || metadata.rawHttpResponse() == null
                || metadata.rawHttpResponse().body() == null) {
            return List.of();
        }
        try {
            JsonNode logprobs = SaleJson.mapper()
                    .readTree(metadata.rawHttpResponse().body())
                    .path("choices")
                    .path(0)
                    .path("logprobs");
            if (logprobs.path("content").isArray()) {
                return chatFormat(logprobs.path("content"));
            }
            if (logprobs.path("token_logprobs").isArray()) {
                return legacyFormat(logprobs);
            }
            return List.of();
        } catch (Exception e) {
            log.debug("Could not read log-probabilities from the raw OpenAI response: {}", e.toString());
            return List.of();
        }
    }

    private static List<TokenLogProb> chatFormat(JsonNode content) {
        List<TokenLogProb> tokens = new ArrayList<>(content.size());
        for (JsonNode position : content) {
            List<TokenLogProb.Alternative> alternatives = new ArrayList<>();
            for (JsonNode alternative : position.path("top_logprobs")) {
                alternatives.add(new TokenLogProb.Alternative(
                        alternative.path("token").asText(), alternative.path("logprob").asDouble(Double.NaN)));
            }
            if (position.path("logprob").isNumber()) {
                tokens.add(new TokenLogProb(
                        position.path("token").asText(), position.path("logprob").asDouble(), alternatives));
            }
        }
        return tokens;
    }

    private static List<TokenLogProb> legacyFormat(JsonNode logprobs) {
        JsonNode texts = logprobs.path("tokens");
        JsonNode values = logprobs.path("token_logprobs");
        JsonNode tops = logprobs.path("top_logprobs");
        List<TokenLogProb> tokens = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isNumber()) {
                continue;
            }
            List<TokenLogProb.Alternative> alternatives = new ArrayList<>();
            tops.path(i).fields().forEachRemaining(e -> alternatives.add(
                    new TokenLogProb.Alternative(e.getKey(), e.getValue().asDouble(Double.NaN))));
            tokens.add(new TokenLogProb(texts.path(i).asText(), values.get(i).asDouble(), alternatives));
        }
        return tokens;
    }
}
