package dev.sale4j.tools.agent;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.time.Duration;
import java.util.Set;

/**
 * Passes every request unchanged to the user's model ({@code chat}, never {@code doChat}, so the backend's own
 * listeners and parameter handling apply) and records each answer in the run; refuses to send once the run must
 * stop at its step limit.
 */
final class RecordingChatModel implements ChatModel {

    private final ChatModel delegate;
    private final RunState state;

    RecordingChatModel(ChatModel delegate, RunState state) {
        this.delegate = delegate;
        this.state = state;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        state.checkMayCallModel();
        long start = System.nanoTime();
        ChatResponse response = delegate.chat(request);
        state.modelAnswered(response, Duration.ofNanos(System.nanoTime() - start));
        return response;
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return delegate.defaultRequestParameters();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return delegate.supportedCapabilities();
    }

    @Override
    public ModelProvider provider() {
        return delegate.provider();
    }
}
