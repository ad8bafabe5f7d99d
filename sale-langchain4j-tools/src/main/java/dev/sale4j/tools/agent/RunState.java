package dev.sale4j.tools.agent;

import dev.langchain4j.model.chat.response.ChatResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The mutable trace of one run: tool and model calls in order, and the tool step budget. A model that calls tools
 * after the budget is spent gets a refusal; if it calls tools again in a later answer, the next model call is not
 * sent and the run stops (see {@link #checkMayCallModel()}).
 */
final class RunState {

    private final int maxToolCalls;
    private final AgentListener listener;
    private final List<ToolCall> toolCalls = new ArrayList<>();
    private final List<ModelCall> modelCalls = new ArrayList<>();
    private final Set<Integer> refusedAfterModelCall = new HashSet<>();
    private int started;
    private int run;

    RunState(int maxToolCalls, AgentListener listener) {
        this.maxToolCalls = maxToolCalls;
        this.listener = listener;
    }

    int maxToolCalls() {
        return maxToolCalls;
    }

    /** @return the index of the call, after telling the listener it starts */
    synchronized int start(String name, String arguments) {
        int index = started++;
        listener.onToolStarted(index, name, arguments);
        return index;
    }

    /** @return true and counts the call if the budget allows one more; false records that the model was refused */
    synchronized boolean tryAcquire() {
        if (run < maxToolCalls) {
            run++;
            return true;
        }
        refusedAfterModelCall.add(modelCalls.size());
        return false;
    }

    synchronized void finish(int index, String name, String arguments, String result, ToolCall.Status status,
                             Duration duration) {
        ToolCall call = new ToolCall(index, name, arguments, result, status, duration);
        toolCalls.add(call);
        listener.onToolFinished(call);
    }

    synchronized void modelAnswered(ChatResponse response, Duration duration) {
        ModelCall call = new ModelCall(modelCalls.size(), response.metadata() == null ? null
                : response.metadata().tokenUsage(), response.finishReason() != null ? response.finishReason()
                : response.metadata() == null ? null : response.metadata().finishReason(),
                response.aiMessage() == null || !response.aiMessage().hasToolExecutionRequests() ? 0
                        : response.aiMessage().toolExecutionRequests().size(), duration, response.metadata());
        modelCalls.add(call);
        listener.onModelCall(call);
    }

    /** @throws ToolStepLimitException when the model was refused after two different answers */
    synchronized void checkMayCallModel() {
        if (refusedAfterModelCall.size() >= 2) {
            throw new ToolStepLimitException(maxToolCalls);
        }
    }

    synchronized boolean limitReached() {
        return !refusedAfterModelCall.isEmpty();
    }

    synchronized List<ToolCall> toolCalls() {
        return List.copyOf(toolCalls);
    }

    synchronized List<ModelCall> modelCalls() {
        return List.copyOf(modelCalls);
    }

    void partialText(String text) {
        listener.onPartialText(text);
    }
}
