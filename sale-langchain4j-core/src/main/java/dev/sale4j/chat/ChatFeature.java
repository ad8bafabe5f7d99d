package dev.sale4j.chat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a request needs from the agent that serves it. An agent that lacks one of a request's features does not bid
 * for it (see {@link RoutingBuilder#agentFeatures(String, ChatFeature...)}).
 */
public enum ChatFeature {
    /** The request offers tools, or its history holds tool calls and results. */
    TOOLS,
    /** The request asks for a response in JSON following a JSON schema. */
    JSON_SCHEMA,
    /** A user message holds an image. */
    IMAGES;

    /** The features a request needs. */
    public static Set<ChatFeature> requiredBy(ChatRequest request) {
        Set<ChatFeature> needs = EnumSet.noneOf(ChatFeature.class);
        if (!request.toolSpecifications().isEmpty()) {
            needs.add(TOOLS);
        }
        ResponseFormat format = request.responseFormat();
        if (format != null && format.type() == ResponseFormatType.JSON && format.jsonSchema() != null) {
            needs.add(JSON_SCHEMA);
        }
        for (ChatMessage message : request.messages()) {
            if (message instanceof ToolExecutionResultMessage
                    || message instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
                needs.add(TOOLS);
            } else if (message instanceof UserMessage user
                    && user.contents().stream().anyMatch(c -> c instanceof ImageContent)) {
                needs.add(IMAGES);
            }
        }
        return needs;
    }
}
