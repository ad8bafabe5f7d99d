package dev.sale4j.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Response bodies in the providers' real wire formats: OpenAI chat completions (JSON and SSE) and Ollama /api/chat. */
public final class WireFormats {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Phrases that identify the router's own prompts in request bodies. */
    public static final String BID_PHRASE = "Do not carry out the task now";
    public static final String JURY_PHRASE = "You are a juror";
    public static final String PLAN_PHRASE = "You won an auction";

    private WireFormats() {}

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> usage(int in, int out) {
        return Map.of("prompt_tokens", in, "completion_tokens", out, "total_tokens", in + out);
    }

    public static String openAiText(String text, int in, int out) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", text);
        return openAi(message, "stop", in, out);
    }

    public static String openAiToolCall(String callId, String tool, String arguments, int in, int out) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", null);
        message.put("tool_calls", List.of(Map.of("id", callId, "type", "function",
                "function", Map.of("name", tool, "arguments", arguments))));
        return openAi(message, "tool_calls", in, out);
    }

    private static String openAi(Map<String, Object> message, String finish, int in, int out) {
        return json(Map.of(
                "id", "chatcmpl-" + Math.abs(message.hashCode()),
                "object", "chat.completion",
                "created", 1_700_000_000,
                "model", "gpt-4o-mini",
                "choices", List.of(Map.of("index", 0, "message", message, "finish_reason", finish)),
                "usage", usage(in, out)));
    }

    /** An SSE body streaming the text in chunks, then the finish reason, the usage and {@code [DONE]}. */
    public static String openAiSse(List<String> chunks, int in, int out) {
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

    /** An SSE body streaming one tool call. */
    public static String openAiSseToolCall(String callId, String tool, String arguments, int in, int out) {
        Map<String, Object> delta = new LinkedHashMap<>();
        delta.put("role", "assistant");
        delta.put("tool_calls", List.of(Map.of("index", 0, "id", callId, "type", "function",
                "function", Map.of("name", tool, "arguments", arguments))));
        return sse(List.of(chunk(delta, null), chunk(Map.of(), "tool_calls")), in, out);
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

    public static String ollamaText(String text, int in, int out) {
        return ollama(Map.of("role", "assistant", "content", text), in, out);
    }

    public static String ollamaToolCall(String tool, Map<String, Object> arguments, int in, int out) {
        return ollama(Map.of("role", "assistant", "content", "",
                "tool_calls", List.of(Map.of("function", Map.of("name", tool, "arguments", arguments)))), in, out);
    }

    private static String ollama(Map<String, Object> message, int in, int out) {
        return json(Map.of(
                "model", "qwen3:4b",
                "created_at", "2025-01-01T00:00:00.000000Z",
                "message", message,
                "done", true,
                "done_reason", "stop",
                "prompt_eval_count", in,
                "eval_count", out));
    }

    /**
     * Ollama's streaming /api/chat body: newline-delimited JSON, one line per chunk with {@code "done": false}, then
     * a final line with an empty message, {@code "done": true}, the done reason and the token counts.
     */
    public static String ollamaNdjson(List<String> chunks, int in, int out) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < chunks.size(); i++) {
            body.append(ollamaLine(Map.of("role", "assistant", "content", chunks.get(i)), i)).append('\n');
        }
        return body.append(ollamaFinalLine(chunks.size(), in, out)).append('\n').toString();
    }

    /** Ollama's streaming body for one tool call: the call arrives whole in one line, then the final line. */
    public static String ollamaNdjsonToolCall(String tool, Map<String, Object> arguments, int in, int out) {
        Map<String, Object> message = Map.of("role", "assistant", "content", "",
                "tool_calls", List.of(Map.of("function", Map.of("name", tool, "arguments", arguments))));
        return ollamaLine(message, 0) + "\n" + ollamaFinalLine(1, in, out) + "\n";
    }

    private static String ollamaLine(Map<String, Object> message, int index) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("model", "qwen3:4b");
        line.put("created_at", "2025-01-01T00:00:0" + Math.min(index, 9) + ".000000Z");
        line.put("message", message);
        line.put("done", false);
        return json(line);
    }

    private static String ollamaFinalLine(int index, int in, int out) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("model", "qwen3:4b");
        line.put("created_at", "2025-01-01T00:00:0" + Math.min(index, 9) + ".000000Z");
        line.put("message", Map.of("role", "assistant", "content", ""));
        line.put("done_reason", "stop");
        line.put("done", true);
        line.put("total_duration", 181_553_584L);
        line.put("load_duration", 27_906_292L);
        line.put("prompt_eval_count", in);
        line.put("prompt_eval_duration", 109_000_000L);
        line.put("eval_count", out);
        line.put("eval_duration", 42_000_000L);
        return json(line);
    }

    public static String jurySingle(int score) {
        return "{\"score\": " + score + "}";
    }
}
