package dev.sale4j.eval.bench;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.sale4j.execute.ExecutionPreamble;

/**
 * An agent's backend with its own plan in the system message of every call (SALE step 6: the bidder executes its own
 * strategy). Like the router, it drops the request's {@code modelName} and penalties so the backend's settings hold.
 */
final class PlannedChatModel implements ChatModel {

    private final ChatModel backend;
    private final String plan;
    private final ExecutionPreamble preamble;

    PlannedChatModel(ChatModel backend, String plan, ExecutionPreamble preamble) {
        this.backend = backend;
        this.plan = plan;
        this.preamble = preamble;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        ChatRequestParameters p = request.parameters();
        ChatRequestParameters parameters = ChatRequestParameters.builder()
                .temperature(p.temperature())
                .topP(p.topP())
                .topK(p.topK())
                .maxOutputTokens(p.maxOutputTokens())
                .stopSequences(p.stopSequences())
                .toolSpecifications(p.toolSpecifications())
                .toolChoice(p.toolChoice())
                .responseFormat(p.responseFormat())
                .build();
        return backend.chat(ChatRequest.builder().messages(preamble.apply(request.messages(), plan))
                .parameters(parameters).build());
    }
}
