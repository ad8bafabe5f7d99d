package dev.sale4j.eval.bench;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.sale4j.execute.BackendRequests;
import dev.sale4j.execute.ExecutionPreamble;

/**
 * An agent's backend with its own plan in the system message of every call (SALE step 6: the bidder executes its own
 * strategy). The request is shaped for the backend exactly as the router shapes it ({@link BackendRequests}).
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
        return backend.chat(BackendRequests.forBackend(request, preamble.apply(request.messages(), plan), backend));
    }
}
