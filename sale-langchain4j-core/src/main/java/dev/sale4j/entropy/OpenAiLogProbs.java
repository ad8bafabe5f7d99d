package dev.sale4j.entropy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import dev.sale4j.json.SaleJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** OpenAI wire format of log-probabilities; loaded only when langchain4j-open-ai is present. */
final class OpenAiLogProbs {

    private static final Logger log = LoggerFactory.getLogger(OpenAiLogProbs.class);
    private static final Set<String> LEGACY_FIELDS = Set.of("tokens", "token_logprobs", "top_logprobs");

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
     *
     * <p>The body is streamed, not read as a tree: with five alternatives per token, a bid's answer is mostly
     * log-probabilities (about 20 kB for a 100-token plan), and building JSON trees of it was about a quarter of
     * the client-side CPU of an auction over HTTP in a profile. Only {@code choices[0].logprobs} is materialised.
     */
    static List<TokenLogProb> read(ChatResponse response) {
        if (!(response.metadata() instanceof OpenAiChatResponseMetadata metadata)
                || metadata.rawHttpResponse() == null
                || metadata.rawHttpResponse().body() == null) {
            return List.of();
        }
        try (JsonParser parser = SaleJson.mapper().createParser(metadata.rawHttpResponse().body())) {
            if (parser.nextToken() != JsonToken.START_OBJECT
                    || !toField(parser, "choices")
                    || parser.nextToken() != JsonToken.START_ARRAY
                    || parser.nextToken() != JsonToken.START_OBJECT
                    || !toField(parser, "logprobs")
                    || parser.nextToken() != JsonToken.START_OBJECT) {
                return List.of();
            }
            return logProbsObject(parser);
        } catch (Exception e) {
            log.debug("Could not read log-probabilities from the raw OpenAI response: {}", e.toString());
            return List.of();
        }
    }

    /** Moves to the named field of the current object (skipping the others); false when it has none. */
    private static boolean toField(JsonParser parser, String name) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            if (name.equals(parser.currentName())) {
                return true;
            }
            parser.nextToken();
            parser.skipChildren();
        }
        return false;
    }

    private static List<TokenLogProb> logProbsObject(JsonParser parser) throws IOException {
        ObjectNode legacy = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("content") && value == JsonToken.START_ARRAY) {
                return chatFormat(parser);
            } else if (LEGACY_FIELDS.contains(field)) {
                legacy = legacy != null ? legacy : SaleJson.mapper().createObjectNode();
                legacy.set(field, SaleJson.mapper().readTree(parser));
            } else {
                parser.skipChildren();
            }
        }
        return legacy != null && legacy.path("token_logprobs").isArray() ? legacyFormat(legacy) : List.of();
    }

    /** The {@code content} array, from its START_ARRAY: one entry per position with a numeric logprob. */
    private static List<TokenLogProb> chatFormat(JsonParser parser) throws IOException {
        List<TokenLogProb> tokens = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            String token = "";
            double logProb = Double.NaN;
            boolean numeric = false;
            List<TokenLogProb.Alternative> alternatives = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("token")) {
                    token = text(parser);
                } else if (field.equals("logprob") && value.isNumeric()) {
                    logProb = parser.getDoubleValue();
                    numeric = true;
                } else if (field.equals("top_logprobs") && value == JsonToken.START_ARRAY) {
                    alternatives(parser, alternatives);
                } else {
                    parser.skipChildren();
                }
            }
            if (numeric) {
                tokens.add(new TokenLogProb(token, logProb, alternatives));
            }
        }
        return tokens;
    }

    private static void alternatives(JsonParser parser, List<TokenLogProb.Alternative> out) throws IOException {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            String token = "";
            double logProb = Double.NaN;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("token")) {
                    token = text(parser);
                } else if (field.equals("logprob") && value.isNumeric()) {
                    logProb = parser.getDoubleValue();
                } else {
                    parser.skipChildren();
                }
            }
            out.add(new TokenLogProb.Alternative(token, logProb));
        }
    }

    /** A scalar as text, as {@code JsonNode.asText()} gives it; structures are skipped and give "". */
    private static String text(JsonParser parser) throws IOException {
        if (parser.currentToken().isStructStart()) {
            parser.skipChildren();
            return "";
        }
        return parser.getText();
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
