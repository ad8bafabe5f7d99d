package dev.sale4j.tools.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.output.TokenUsage;

import java.util.List;
import java.util.Objects;

/**
 * The trace of one agent run: one question or task, one AiService call, however many model and tool calls it took.
 *
 * @param text       the model's final answer (empty when the run was stopped before one)
 * @param stopReason why the run ended
 * @param note       a sentence for the user when the run did not simply complete (e.g. the step limit), else null
 * @param toolCalls  every tool call in order, refused ones included
 * @param modelCalls every model call in order
 */
public record AgentRun(String text, StopReason stopReason, String note, List<ToolCall> toolCalls,
                       List<ModelCall> modelCalls) {

    public AgentRun {
        text = text == null ? "" : text;
        Objects.requireNonNull(stopReason, "stopReason");
        toolCalls = List.copyOf(toolCalls);
        modelCalls = List.copyOf(modelCalls);
    }

    /** @return the tokens of all model calls that reported usage, or null when none did */
    public TokenUsage totalUsage() {
        TokenUsage total = null;
        for (ModelCall call : modelCalls) {
            total = TokenUsage.sum(total, call.usage());
        }
        return total;
    }

    /** @return how many tool calls actually ran (refused ones excluded) */
    public long toolCallsRun() {
        return toolCalls.stream().filter(c -> c.status() != ToolCall.Status.REFUSED).count();
    }

    /**
     * @return the trace as a JSON tree: text, stop reason, note, each tool call (arguments, status, result size,
     * duration, first error line) and each model call (tokens, finish reason, duration), and the total tokens
     */
    public ObjectNode toJsonTree() {
        return TraceJson.run(this);
    }

    /** @return {@link #toJsonTree()} as indented JSON text */
    public String toJson() {
        return TraceJson.write(toJsonTree());
    }
}
