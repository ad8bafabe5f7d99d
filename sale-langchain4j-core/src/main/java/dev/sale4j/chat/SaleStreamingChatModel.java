package dev.sale4j.chat;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.sale4j.SaleRouter;
import dev.sale4j.execute.Execution;
import dev.sale4j.execute.ExecutionCall;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming twin of {@link SaleChatModel}: the same tasks, auctions, plans, metadata and shadow mode, executed
 * on the winner's {@link StreamingChatModel}. Bids and jury calls use the agents' {@code ChatModel}s; give each agent
 * that may execute a streaming model with {@link Builder#streamingModel(String, StreamingChatModel)} (agents without
 * one do not bid). A retriable error hands the task to the next-best bidder only before the first token has reached
 * the caller; after that, the error surfaces. An exception thrown by the caller's own handler goes to its
 * {@code onError} and does not stop the stream, as with LangChain4j's own streaming models.
 */
public final class SaleStreamingChatModel implements StreamingChatModel {

    private static final Logger log = LoggerFactory.getLogger(SaleStreamingChatModel.class);

    private final TaskRouter tasks;
    private final Map<String, StreamingChatModel> streamingModels;
    private final List<ChatModelListener> listeners;
    private final ChatRequestParameters defaultRequestParameters;

    private SaleStreamingChatModel(Builder builder) {
        this.tasks = new TaskRouter(builder);
        if (builder.streamingModels.isEmpty()) {
            throw new IllegalArgumentException(
                    "A SaleStreamingChatModel needs streaming models: set streamingModel(agentName, model)");
        }
        builder.streamingModels.keySet().forEach(tasks.router().pool()::get);
        this.streamingModels = Map.copyOf(builder.streamingModels);
        this.listeners = List.copyOf(builder.listeners);
        this.defaultRequestParameters = builder.defaultRequestParameters != null
                ? builder.defaultRequestParameters
                : DefaultChatRequestParameters.EMPTY;
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        TaskState task;
        try {
            task = tasks.resolve(request, agent -> streamingModels.containsKey(agent.name()),
                    agent -> streamingModels.get(agent.name()).supportedCapabilities());
        } catch (RuntimeException error) {
            reportError(handler, error);
            return;
        }
        attempt(task, request, handler);
    }

    private void attempt(TaskState task, ChatRequest request, StreamingChatResponseHandler handler) {
        Execution.Candidate candidate = task.current();
        StreamingChatModel model = streamingModels.get(candidate.agent());
        FallbackHandler fallback = new FallbackHandler(task, task.execution().call(candidate, model), request, handler);
        if (model == null) {
            fallback.onError(new IllegalStateException("Agent '" + candidate.agent()
                    + "' has no streaming model: set streamingModel(\"" + candidate.agent() + "\", model)"));
            return;
        }
        try {
            model.chat(tasks.backendRequest(request, task, candidate, model), fallback);
        } catch (RuntimeException error) {
            fallback.onError(error);
        }
    }

    /** Calls the caller's {@code onError}; what that throws is logged and ignored. */
    private static void reportError(StreamingChatResponseHandler handler, Throwable error) {
        try {
            handler.onError(error);
        } catch (RuntimeException ignored) {
            log.warn("The caller's onError threw; ignored", ignored);
        }
    }

    /** Forwards one execution's stream; before the first token, a retriable error starts the next-best bidder. */
    private final class FallbackHandler implements StreamingChatResponseHandler {

        private final TaskState task;
        private final ExecutionCall call;
        private final Execution.Candidate candidate;
        private final ChatRequest request;
        private final StreamingChatResponseHandler handler;
        private final AtomicBoolean started = new AtomicBoolean();
        private final AtomicBoolean finished = new AtomicBoolean();

        FallbackHandler(TaskState task, ExecutionCall call, ChatRequest request, StreamingChatResponseHandler handler) {
            this.task = task;
            this.call = call;
            this.candidate = call.candidate();
            this.request = request;
            this.handler = handler;
        }

        @Override
        public void onPartialResponse(String partialResponse) {
            started.set(true);
            deliver(() -> handler.onPartialResponse(partialResponse));
        }

        @Override
        public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
            started.set(true);
            deliver(() -> handler.onPartialResponse(partialResponse, context));
        }

        @Override
        public void onPartialThinking(PartialThinking partialThinking) {
            started.set(true);
            deliver(() -> handler.onPartialThinking(partialThinking));
        }

        @Override
        public void onPartialThinking(PartialThinking partialThinking, PartialThinkingContext context) {
            started.set(true);
            deliver(() -> handler.onPartialThinking(partialThinking, context));
        }

        @Override
        public void onPartialToolCall(PartialToolCall partialToolCall) {
            started.set(true);
            deliver(() -> handler.onPartialToolCall(partialToolCall));
        }

        @Override
        public void onPartialToolCall(PartialToolCall partialToolCall, PartialToolCallContext context) {
            started.set(true);
            deliver(() -> handler.onPartialToolCall(partialToolCall, context));
        }

        @Override
        public void onCompleteToolCall(CompleteToolCall completeToolCall) {
            started.set(true);
            deliver(() -> handler.onCompleteToolCall(completeToolCall));
        }

        @Override
        public void onCompleteResponse(ChatResponse completeResponse) {
            if (finished.compareAndSet(false, true)) {
                call.answered(completeResponse);
                ChatResponse response = tasks.complete(task, candidate, request, completeResponse);
                deliver(() -> handler.onCompleteResponse(response));
            }
        }

        @Override
        public void onError(Throwable error) {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            if (call.failed(error, !started.get())) {
                attempt(task, request, handler);
            } else {
                reportError(handler, tasks.failure(task, candidate, error));
            }
        }

        /**
         * Runs one of the caller's callbacks. What it throws is the caller's own error: it goes to the caller's
         * {@code onError} unchanged and neither ends the stream nor counts as a backend failure.
         */
        private void deliver(Runnable callback) {
            try {
                callback.run();
            } catch (RuntimeException callerError) {
                reportError(handler, callerError);
            }
        }
    }

    /** Opens an explicit task on this thread; see {@link SaleChatModel#taskScope(String)}. */
    public TaskScope taskScope(String id) {
        return tasks.openScope(id);
    }

    /** Shadow mode's findings so far; throws when shadow mode is off. */
    public ShadowReport shadowReport() {
        return tasks.shadowReport();
    }

    public SaleRouter router() {
        return tasks.router();
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return defaultRequestParameters;
    }

    @Override
    public List<ChatModelListener> listeners() {
        return listeners;
    }

    /** The capabilities every agent's streaming model has. */
    @Override
    public Set<Capability> supportedCapabilities() {
        return TaskRouter.intersection(streamingModels.values().stream()
                .map(StreamingChatModel::supportedCapabilities)
                .toList());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link SaleStreamingChatModel}; see {@link RoutingBuilder} for the shared options. */
    public static final class Builder extends RoutingBuilder<Builder> {

        private final Map<String, StreamingChatModel> streamingModels = new HashMap<>();

        private Builder() {}

        /** The streaming model the named agent executes tasks with (its pool {@code ChatModel} bids and judges). */
        public Builder streamingModel(String agent, StreamingChatModel model) {
            this.streamingModels.put(agent, model);
            return this;
        }

        public SaleStreamingChatModel build() {
            return new SaleStreamingChatModel(this);
        }
    }
}
