package dev.sale4j.tools.agent;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;

import java.time.Duration;

/** Runs a tool through the run's budget and records it: start, result, status and duration. */
final class TracedToolExecutor implements ToolExecutor {

    private final ToolExecutor delegate;
    private final RunState state;

    TracedToolExecutor(ToolExecutor delegate, RunState state) {
        this.delegate = delegate;
        this.state = state;
    }

    static String refusal(int maxToolCalls) {
        return "Error: the tool step limit of " + maxToolCalls + " calls is spent; no more tools will run. Write "
                + "your final answer now from what you have (or say that you could not finish).";
    }

    @Override
    public String execute(ToolExecutionRequest request, Object memoryId) {
        return executeWithContext(request, null).resultText();
    }

    @Override
    public ToolExecutionResult executeWithContext(ToolExecutionRequest request, InvocationContext context) {
        int index = state.start(request.name(), request.arguments());
        if (!state.tryAcquire()) {
            String text = refusal(state.maxToolCalls());
            state.finish(index, request.name(), request.arguments(), text, ToolCall.Status.REFUSED, Duration.ZERO);
            return ToolExecutionResult.builder().isError(true).resultText(text).build();
        }
        long start = System.nanoTime();
        try {
            ToolExecutionResult result = context == null
                    ? ToolExecutionResult.builder().resultText(delegate.execute(request, null)).build()
                    : delegate.executeWithContext(request, context);
            String text = result.resultText();
            boolean failed = result.isError() || text != null && text.startsWith("Error:");
            state.finish(index, request.name(), request.arguments(), text,
                    failed ? ToolCall.Status.ERROR : ToolCall.Status.OK, Duration.ofNanos(System.nanoTime() - start));
            return result;
        } catch (RuntimeException e) {
            state.finish(index, request.name(), request.arguments(), "Error: " + e.getMessage(),
                    ToolCall.Status.ERROR, Duration.ofNanos(System.nanoTime() - start));
            throw e;
        }
    }
}
