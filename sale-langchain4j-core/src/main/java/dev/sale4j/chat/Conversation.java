package dev.sale4j.chat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a request's message list: where its latest user message and latest answer are, the fingerprint that
 * recognises a continuation, and the task text the agents bid for.
 *
 * <p>An <em>exchange</em> is the run of messages from a user message through the answer that followed it, tool calls
 * and tool results included. Its fingerprint is stable across calls because AiServices rebuild the list from chat
 * memory with equal messages; system messages are left out, so a templated system prompt does not break it.
 */
final class Conversation {

    /** Earlier turns shown to bidders, and how many characters of each. */
    private static final int HISTORY_TURNS = 6;
    private static final int HISTORY_CHARS = 500;
    /** The system message is the agent's environment (its contract and tools' use) that bids are conditioned on. */
    private static final int SYSTEM_CHARS = 4_000;

    private Conversation() {}

    static int lastUserIndex(List<ChatMessage> messages) {
        return lastIndexOf(messages, UserMessage.class, messages.size() - 1);
    }

    static int lastAiIndex(List<ChatMessage> messages) {
        return lastIndexOf(messages, AiMessage.class, messages.size() - 1);
    }

    private static int lastIndexOf(List<ChatMessage> messages, Class<?> type, int from) {
        for (int i = from; i >= 0; i--) {
            if (type.isInstance(messages.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** True when messages follow the latest user message: the request continues a task already under way. */
    static boolean continuesTask(List<ChatMessage> messages) {
        int user = lastUserIndex(messages);
        int ai = lastAiIndex(messages);
        return ai > user || (user >= 0 && user < messages.size() - 1 && !(messages.get(messages.size() - 1)
                instanceof SystemMessage));
    }

    /**
     * Fingerprint of the exchange that ends with the last message of {@code upToAnswer}: the messages from the
     * latest user message before it through its end.
     */
    static String exchangeKey(List<ChatMessage> upToAnswer) {
        int user = lastIndexOf(upToAnswer, UserMessage.class, upToAnswer.size() - 1);
        StringBuilder canonical = new StringBuilder();
        for (int i = Math.max(0, user); i < upToAnswer.size(); i++) {
            ChatMessage message = upToAnswer.get(i);
            if (!(message instanceof SystemMessage)) {
                canonical.append(canonical(message)).append('\u0001');
            }
        }
        return sha256(canonical.toString());
    }

    /** The exchange key the request's latest answer was registered under, or null when it has no answer. */
    static String keyOfLatestAnswer(List<ChatMessage> messages) {
        int ai = lastAiIndex(messages);
        return ai < 0 ? null : exchangeKey(messages.subList(0, ai + 1));
    }

    /** The exchange key of a new answer to a request. */
    static String keyOfNewAnswer(List<ChatMessage> request, AiMessage answer) {
        List<ChatMessage> all = new ArrayList<>(request.size() + 1);
        all.addAll(request);
        all.add(answer);
        return exchangeKey(all);
    }

    /**
     * The task the agents bid for: the conversation up to its latest user message. A lone user message is the task
     * as written; otherwise the system instructions and the last few turns come first, abbreviated.
     */
    static String taskText(List<ChatMessage> messages) {
        int user = lastUserIndex(messages);
        String latest = user < 0 ? "" : text(messages.get(user));
        if (latest.isBlank()) {
            long images = user < 0 ? 0 : ((UserMessage) messages.get(user)).contents().stream()
                    .filter(c -> c instanceof ImageContent).count();
            latest = images > 0 ? "(the user sent " + images + " image(s) without text)" : "(continue the conversation)";
        }
        String system = messages.stream().filter(m -> m instanceof SystemMessage).map(Conversation::text)
                .collect(Collectors.joining("\n"));
        List<String> turns = new ArrayList<>();
        for (int i = 0; i < Math.max(0, user); i++) {
            ChatMessage m = messages.get(i);
            if (m instanceof UserMessage || m instanceof AiMessage ai && ai.text() != null) {
                turns.add((m instanceof UserMessage ? "User: " : "Assistant: ") + abbreviate(text(m)));
            }
        }
        if (system.isBlank() && turns.isEmpty()) {
            return latest;
        }
        StringBuilder task = new StringBuilder();
        if (!system.isBlank()) {
            task.append("Instructions:\n").append(abbreviate(system, SYSTEM_CHARS)).append("\n\n");
        }
        if (!turns.isEmpty()) {
            task.append("Conversation so far:\n")
                    .append(String.join("\n", turns.subList(Math.max(0, turns.size() - HISTORY_TURNS), turns.size())))
                    .append("\n\n");
        }
        return task.append("Latest user message:\n").append(latest).toString();
    }

    static String text(ChatMessage message) {
        if (message instanceof UserMessage user) {
            return user.contents().stream().filter(c -> c instanceof TextContent)
                    .map(c -> ((TextContent) c).text()).collect(Collectors.joining("\n"));
        }
        if (message instanceof AiMessage ai) {
            return ai.text() == null ? "" : ai.text();
        }
        if (message instanceof SystemMessage system) {
            return system.text();
        }
        if (message instanceof ToolExecutionResultMessage result) {
            return result.text();
        }
        return String.valueOf(message);
    }

    private static String abbreviate(String text) {
        return abbreviate(text, HISTORY_CHARS);
    }

    private static String abbreviate(String text, int max) {
        String flat = text.strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 3) + "...";
    }

    private static String canonical(ChatMessage message) {
        if (message instanceof UserMessage user) {
            StringBuilder s = new StringBuilder("U|").append(user.name()).append('|');
            for (Content content : user.contents()) {
                if (content instanceof TextContent text) {
                    s.append("T:").append(text.text());
                } else if (content instanceof ImageContent image) {
                    s.append("I:").append(image.image().url()).append(':')
                            .append(image.image().base64Data() == null ? "" : sha256(image.image().base64Data()));
                } else {
                    s.append(content.type()).append(':').append(content);
                }
                s.append('\u0002');
            }
            return s.toString();
        }
        if (message instanceof AiMessage ai) {
            StringBuilder s = new StringBuilder("A|").append(ai.text()).append('|');
            for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                s.append(call.id()).append('\u0002').append(call.name()).append('\u0002').append(call.arguments())
                        .append('\u0003');
            }
            return s.toString();
        }
        if (message instanceof ToolExecutionResultMessage result) {
            return "R|" + result.id() + '\u0002' + result.toolName() + '\u0002' + result.text();
        }
        return message.type() + "|" + message;
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
