package dev.sale4j.tools.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.output.TokenUsage;

/** Writes agent runs and results as JSON trees: plain fields, durations in milliseconds, tokens as counts. */
final class TraceJson {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int ERROR_CHARS = 300;

    private TraceJson() {
    }

    static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the trace as JSON", e);
        }
    }

    static ObjectNode run(AgentRun run) {
        ObjectNode node = JSON.createObjectNode();
        node.put("text", run.text());
        node.put("stopReason", run.stopReason().name());
        node.put("note", run.note());
        ArrayNode tools = node.putArray("toolCalls");
        for (ToolCall call : run.toolCalls()) {
            ObjectNode t = tools.addObject();
            t.put("index", call.index());
            t.put("name", call.name());
            t.put("arguments", call.arguments());
            t.put("status", call.status().name());
            t.put("resultChars", call.resultChars());
            t.put("durationMs", call.duration().toMillis());
            if (call.status() != ToolCall.Status.OK) {
                String first = call.result().lines().findFirst().orElse("");
                t.put("error", first.length() > ERROR_CHARS ? first.substring(0, ERROR_CHARS) + "..." : first);
            }
        }
        ArrayNode models = node.putArray("modelCalls");
        for (ModelCall call : run.modelCalls()) {
            ObjectNode m = models.addObject();
            m.put("index", call.index());
            usage(m, call.usage());
            m.put("finishReason", call.finishReason() == null ? null : call.finishReason().name());
            m.put("toolRequests", call.toolRequests());
            m.put("durationMs", call.duration().toMillis());
            m.put("modelName", call.metadata() == null ? null : call.metadata().modelName());
        }
        usage(node.putObject("totalUsage"), run.totalUsage());
        return node;
    }

    private static void usage(ObjectNode node, TokenUsage usage) {
        node.put("inputTokens", usage == null ? null : usage.inputTokenCount());
        node.put("outputTokens", usage == null ? null : usage.outputTokenCount());
        node.put("totalTokens", usage == null ? null : usage.totalTokenCount());
    }
}
