package dev.sale4j.tools.agent;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import dev.langchain4j.service.tool.ToolExecutor;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The tool loop both agents share: one user message is one AiService call, on a fresh AiService whose model and
 * tools are wrapped to record the run and hold it to its tool step limit. No chat memory: nothing carries over
 * from one question to the next.
 */
final class AgentLoop {

    /** The AiService, non-streaming. */
    interface SyncAgent {
        Result<String> answer(String message);
    }

    /** The AiService, streaming. */
    interface StreamingAgent {
        TokenStream answer(String message);
    }

    private record BoundTool(ToolSpecification specification, Object object, Method method) {
    }

    private final String systemMessage;
    private final List<BoundTool> tools;
    private final ChatModel chatModel;
    private final StreamingChatModel streamingChatModel;
    private final int maxToolCalls;

    AgentLoop(String systemMessage, List<Object> toolObjects, ChatModel chatModel,
              StreamingChatModel streamingChatModel, int maxToolCalls) {
        if (chatModel == null && streamingChatModel == null) {
            throw new IllegalArgumentException("a chatModel or a streamingChatModel is required; pass "
                    + "builder().chatModel(model) (any LangChain4j ChatModel, e.g. the router's SaleChatModel)");
        }
        if (maxToolCalls < 1) {
            throw new IllegalArgumentException("maxToolCalls must be at least 1, got " + maxToolCalls);
        }
        this.systemMessage = systemMessage;
        this.tools = toolsOf(toolObjects);
        this.chatModel = chatModel;
        this.streamingChatModel = streamingChatModel;
        this.maxToolCalls = maxToolCalls;
    }

    private static List<BoundTool> toolsOf(List<Object> toolObjects) {
        List<BoundTool> tools = new ArrayList<>();
        for (Object object : toolObjects) {
            Arrays.stream(object.getClass().getMethods()).filter(m -> m.isAnnotationPresent(
                            dev.langchain4j.agent.tool.Tool.class))
                    .sorted(Comparator.comparing(Method::getName))
                    .forEach(m -> tools.add(new BoundTool(ToolSpecifications.toolSpecificationFrom(m), object, m)));
        }
        return List.copyOf(tools);
    }

    AgentEnvironment environment() {
        return new AgentEnvironment(systemMessage, tools.stream().map(BoundTool::specification).toList());
    }

    int maxToolCalls() {
        return maxToolCalls;
    }

    AgentRun run(String message, AgentListener listener) {
        if (chatModel == null) {
            throw new IllegalStateException("this agent was built with a streamingChatModel only; call the "
                    + "streaming method, or also pass builder().chatModel(model)");
        }
        RunState state = new RunState(maxToolCalls, listener);
        SyncAgent agent = configure(AiServices.builder(SyncAgent.class), state)
                .chatModel(new RecordingChatModel(chatModel, state)).build();
        try {
            Result<String> result = agent.answer(message);
            return finished(state, result.content(), result.finishReason());
        } catch (RuntimeException e) {
            if (stepLimit(e)) {
                return stopped(state);
            }
            throw e;
        }
    }

    AgentRun runStreaming(String message, AgentListener listener) {
        if (streamingChatModel == null) {
            throw new IllegalStateException("no streamingChatModel configured; pass builder().streamingChatModel("
                    + "model) to stream answers");
        }
        RunState state = new RunState(maxToolCalls, listener);
        StreamingAgent agent = configure(AiServices.builder(StreamingAgent.class), state)
                .streamingChatModel(new RecordingStreamingChatModel(streamingChatModel, state)).build();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        try {
            agent.answer(message).onPartialResponse(state::partialText).onCompleteResponse(done::complete)
                    .onError(done::completeExceptionally).start();
            ChatResponse response = done.join();
            return finished(state, response.aiMessage().text(), response.finishReason());
        } catch (CompletionException e) {
            if (stepLimit(e)) {
                return stopped(state);
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } catch (RuntimeException e) {
            if (stepLimit(e)) {
                return stopped(state);
            }
            throw e;
        }
    }

    private <T> AiServices<T> configure(AiServices<T> services, RunState state) {
        Map<ToolSpecification, ToolExecutor> executors = new LinkedHashMap<>();
        for (BoundTool tool : tools) {
            executors.put(tool.specification(),
                    new TracedToolExecutor(new DefaultToolExecutor(tool.object(), tool.method()), state));
        }
        String known = String.join(", ", environment().toolNames());
        return services.systemMessage(systemMessage).tools(executors)
                // our own limit stops the run first; this one only guards against a loop we did not foresee
                .maxSequentialToolsInvocations(maxToolCalls + 5)
                .hallucinatedToolNameStrategy(request -> {
                    int index = state.start(request.name(), request.arguments());
                    boolean counted = state.tryAcquire();
                    String text = counted
                            ? "Error: there is no tool named '" + request.name() + "'; the tools are: " + known
                            : TracedToolExecutor.refusal(maxToolCalls);
                    state.finish(index, request.name(), request.arguments(), text,
                            counted ? ToolCall.Status.ERROR : ToolCall.Status.REFUSED, Duration.ZERO);
                    return ToolExecutionResultMessage.from(request, text);
                });
    }

    private AgentRun finished(RunState state, String text, FinishReason finishReason) {
        if (state.limitReached()) {
            return new AgentRun(text, StopReason.STEP_LIMIT, "The tool step limit of " + maxToolCalls
                    + " calls was reached; the answer is based on what was gathered before it.",
                    state.toolCalls(), state.modelCalls());
        }
        if (finishReason == FinishReason.LENGTH) {
            return new AgentRun(text, StopReason.LENGTH, "The answer was cut at the model's output token limit; "
                    + "raise the model's maxTokens.", state.toolCalls(), state.modelCalls());
        }
        return new AgentRun(text, StopReason.COMPLETED, null, state.toolCalls(), state.modelCalls());
    }

    private AgentRun stopped(RunState state) {
        return new AgentRun("", StopReason.STEP_LIMIT, "Stopped: the model kept calling tools after the tool step "
                + "limit of " + maxToolCalls + " calls was spent, so there is no answer. Raise maxToolCalls or ask "
                + "a narrower question.", state.toolCalls(), state.modelCalls());
    }

    private static boolean stepLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ToolStepLimitException) {
                return true;
            }
        }
        return false;
    }
}
