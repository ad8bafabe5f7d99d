package dev.sale4j.tools.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Response bodies in the providers' real wire formats: OpenAI chat completions (JSON and SSE, tool calls with ids)
 * and Ollama /api/chat (JSON and NDJSON, tool calls without ids, arguments as an object).
 */
final class WireFormats {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WireFormats() {
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> usage(int in, int out) {
        return Map.of("prompt_tokens", in, "completion_tokens", out, "total_tokens", in + out);
    }

    static String openAiText(String text, int in, int out) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", text);
        return openAi(message, "stop", in, out);
    }

    /** One tool call; {@code arguments} is an object, sent as the JSON string OpenAI uses. */
    static String openAiToolCall(String callId, String tool, Map<String, Object> arguments, int in, int out) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", null);
        message.put("tool_calls", List.of(Map.of("id", callId, "type", "function",
                "function", Map.of("name", tool, "arguments", json(arguments)))));
        return openAi(message, "tool_calls", in, out);
    }

    private static String openAi(Map<String, Object> message, String finish, int in, int out) {
        return json(Map.of("id", "chatcmpl-" + Math.abs(message.hashCode()), "object", "chat.completion",
                "created", 1_700_000_000, "model", "gpt-4o-mini",
                "choices", List.of(Map.of("index", 0, "message", message, "finish_reason", finish)),
                "usage", usage(in, out)));
    }

    /** An SSE body streaming the text in chunks, then the finish reason, the usage and {@code [DONE]}. */
    static String openAiSse(List<String> chunks, int in, int out) {
        List<Object> events = new ArrayList<>();
        boolean first = true;
        for (String chunk : chunks) {
            Map<String, Object> delta = new LinkedHashMap<>();
            if (first) {
                delta.put("role", "assistant");
                first = false;
            }
            delta.put("content", chunk);
            events.add(chunk(delta, null));
        }
        events.add(chunk(Map.of(), "stop"));
        return sse(events, in, out);
    }

    /** An SSE body streaming one tool call, its arguments split in two fragments as OpenAI sends them. */
    static String openAiSseToolCall(String callId, String tool, Map<String, Object> arguments, int in, int out) {
        String args = json(arguments);
        int cut = args.length() / 2;
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("role", "assistant");
        first.put("tool_calls", List.of(Map.of("index", 0, "id", callId, "type", "function",
                "function", Map.of("name", tool, "arguments", args.substring(0, cut)))));
        Map<String, Object> second = Map.of("tool_calls", List.of(Map.of("index", 0,
                "function", Map.of("arguments", args.substring(cut)))));
        return sse(List.of(chunk(first, null), chunk(second, null), chunk(Map.of(), "tool_calls")), in, out);
    }

    private static Map<String, Object> chunk(Map<String, Object> delta, String finish) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finish);
        return Map.of("id", "chatcmpl-s", "object", "chat.completion.chunk", "created", 1_700_000_000,
                "model", "gpt-4o-mini", "choices", List.of(choice));
    }

    private static String sse(List<Object> events, int in, int out) {
        StringBuilder body = new StringBuilder();
        for (Object event : events) {
            body.append("data: ").append(json(event)).append("\n\n");
        }
        body.append("data: ").append(json(Map.of("id", "chatcmpl-s", "object", "chat.completion.chunk",
                "created", 1_700_000_000, "model", "gpt-4o-mini", "choices", List.of(), "usage", usage(in, out))))
                .append("\n\n");
        return body.append("data: [DONE]\n\n").toString();
    }

    static String ollamaText(String text, int in, int out) {
        return ollama(Map.of("role", "assistant", "content", text), in, out);
    }

    static String ollamaToolCall(String tool, Map<String, Object> arguments, int in, int out) {
        return ollama(Map.of("role", "assistant", "content", "",
                "tool_calls", List.of(Map.of("function", Map.of("name", tool, "arguments", arguments)))), in, out);
    }

    private static String ollama(Map<String, Object> message, int in, int out) {
        return json(Map.of("model", "qwen3:4b", "created_at", "2025-01-01T00:00:00.000000Z", "message", message,
                "done", true, "done_reason", "stop", "prompt_eval_count", in, "eval_count", out));
    }

    /** Ollama's streaming body: one NDJSON line per chunk ({@code done: false}), then the final line with counts. */
    static String ollamaNdjson(List<String> chunks, int in, int out) {
        StringBuilder body = new StringBuilder();
        for (String chunk : chunks) {
            body.append(ollamaLine(Map.of("role", "assistant", "content", chunk))).append('\n');
        }
        return body.append(ollamaFinalLine(in, out)).append('\n').toString();
    }

    /** Ollama's streaming body for one tool call: the call arrives whole in one line, then the final line. */
    static String ollamaNdjsonToolCall(String tool, Map<String, Object> arguments, int in, int out) {
        Map<String, Object> message = Map.of("role", "assistant", "content", "",
                "tool_calls", List.of(Map.of("function", Map.of("name", tool, "arguments", arguments))));
        return ollamaLine(message) + "\n" + ollamaFinalLine(in, out) + "\n";
    }

    private static String ollamaLine(Map<String, Object> message) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("model", "qwen3:4b");
        line.put("created_at", "2025-01-01T00:00:00.000000Z");
        line.put("message", message);
        line.put("done", false);
        return json(line);
    }

    private static String ollamaFinalLine(int in, int out) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("model", "qwen3:4b");
        line.put("created_at", "2025-01-01T00:00:01.000000Z");
        line.put("message", Map.of("role", "assistant", "content", ""));
        line.put("done_reason", "stop");
        line.put("done", true);
        line.put("prompt_eval_count", in);
        line.put("eval_count", out);
        return json(line);
    }
}
