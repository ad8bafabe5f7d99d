package dev.sale4j.execute;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import java.util.List;

/**
 * Prepares a caller's request for one backend. The router's {@code modelName} is removed (it would override the
 * backend's own model), and settings the backend rejects are removed: Ollama throws on frequency and presence
 * penalties. Tools, tool choice and response formats pass unchanged. Tool calls without ids (Ollama's) get stable
 * synthetic ids ({@link ToolCallIds}), so a conversation can move to a provider that requires them.
 */
public final class BackendRequests {

    private static final String OLLAMA_PACKAGE = "dev.langchain4j.model.ollama.";

    private BackendRequests() {}

    public static ChatRequest forBackend(ChatRequest request, List<ChatMessage> messages, Object backend) {
        ChatRequestParameters p = request.parameters();
        boolean ollama = backend.getClass().getName().startsWith(OLLAMA_PACKAGE);
        ChatRequestParameters parameters = ChatRequestParameters.builder()
                .temperature(p.temperature())
                .topP(p.topP())
                .topK(p.topK())
                .frequencyPenalty(ollama ? null : p.frequencyPenalty())
                .presencePenalty(ollama ? null : p.presencePenalty())
                .maxOutputTokens(p.maxOutputTokens())
                .stopSequences(p.stopSequences())
                .toolSpecifications(p.toolSpecifications())
                .toolChoice(p.toolChoice())
                .responseFormat(p.responseFormat())
                .build();
        return ChatRequest.builder().messages(ToolCallIds.complete(messages)).parameters(parameters).build();
    }
}
