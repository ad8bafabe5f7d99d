package dev.sale4j.execute;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * Gives tool calls without ids (Ollama's) stable synthetic ids, and their results the same ids, so a history written
 * by one provider is valid for any other. Without ids, OpenAI's client sends the deprecated
 * {@code function_call}/{@code function} format, and a model that does not recognise its earlier call calls the tool
 * again. A result is matched to the earliest pending call of the latest tool-calling answer with its tool name (or,
 * without a name, the earliest pending call). The id depends only on the call's position and content, so every call
 * of a task sees the same ids. Messages with ids pass unchanged; a list that needs nothing is returned as is.
 */
public final class ToolCallIds {

    public static final String PREFIX = "call_sale_";

    private ToolCallIds() {}

    public static List<ChatMessage> complete(List<ChatMessage> messages) {
        if (messages.stream().noneMatch(ToolCallIds::lacksId)) {
            return messages;
        }
        List<ChatMessage> out = new ArrayList<>(messages.size());
        List<ToolExecutionRequest> pending = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            if (message instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
                pending.clear();
                List<ToolExecutionRequest> requests = new ArrayList<>();
                List<ToolExecutionRequest> original = ai.toolExecutionRequests();
                for (int j = 0; j < original.size(); j++) {
                    ToolExecutionRequest r = original.get(j);
                    requests.add(blank(r.id()) ? r.toBuilder().id(syntheticId(i, j, r)).build() : r);
                }
                pending.addAll(requests);
                out.add(AiMessage.builder().text(ai.text()).thinking(ai.thinking()).toolExecutionRequests(requests)
                        .attributes(ai.attributes()).build());
            } else if (message instanceof ToolExecutionResultMessage result) {
                ToolExecutionRequest call = take(pending, result);
                out.add(!blank(result.id()) || call == null ? result : ToolExecutionResultMessage.builder()
                        .id(call.id()).toolName(result.toolName() != null ? result.toolName() : call.name())
                        .text(result.text()).isError(result.isError()).build());
            } else {
                out.add(message);
            }
        }
        return out;
    }

    private static boolean lacksId(ChatMessage message) {
        if (message instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
            return ai.toolExecutionRequests().stream().anyMatch(r -> blank(r.id()));
        }
        return message instanceof ToolExecutionResultMessage result && blank(result.id());
    }

    /** Removes and returns the pending call the result answers: by id, else by tool name, else the earliest. */
    private static ToolExecutionRequest take(List<ToolExecutionRequest> pending, ToolExecutionResultMessage result) {
        for (Iterator<ToolExecutionRequest> it = pending.iterator(); it.hasNext(); ) {
            ToolExecutionRequest r = it.next();
            boolean match = !blank(result.id()) ? result.id().equals(r.id())
                    : result.toolName() == null || result.toolName().equals(r.name());
            if (match) {
                it.remove();
                return r;
            }
        }
        return blank(result.id()) && result.toolName() == null && !pending.isEmpty() ? pending.remove(0) : null;
    }

    private static String syntheticId(int message, int index, ToolExecutionRequest request) {
        String seed = message + "\u0001" + index + "\u0001" + request.name() + "\u0001" + request.arguments();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
