package dev.sale4j.refine;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process agent for auction tests: answers bid prompts with {@code bid}, refinement prompts with
 * {@code refine}, and jury prompts by scoring every listed strategy with {@code judge}.
 */
final class ScriptedAgentModel implements ChatModel {

    private static final Pattern BID_LABEL = Pattern.compile("(?m)^B(\\d+):\\n");

    private final Function<String, String> bid;
    private final Function<String, String> refine;
    private final ToIntFunction<String> judge;
    final List<String> refinePrompts = new CopyOnWriteArrayList<>();

    ScriptedAgentModel(Function<String, String> bid, Function<String, String> refine, ToIntFunction<String> judge) {
        this.bid = bid;
        this.refine = refine;
        this.judge = judge;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        String prompt = ((UserMessage) messages.get(messages.size() - 1)).singleText();
        String answer;
        if (prompt.startsWith("You are a juror")) {
            answer = judgeAll(prompt);
        } else if (prompt.contains("Your current strategy:")) {
            refinePrompts.add(prompt);
            answer = refine.apply(prompt);
        } else {
            answer = bid.apply(prompt);
        }
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(answer))
                .tokenUsage(new TokenUsage(prompt.split("\\s+").length, answer.split("\\s+").length))
                .build();
    }

    private String judgeAll(String prompt) {
        String listing = prompt.substring(prompt.indexOf("Strategies:"), prompt.indexOf("Answer with JSON only"));
        Matcher m = BID_LABEL.matcher(listing);
        StringBuilder json = new StringBuilder("{\"scores\": [");
        int previousEnd = -1;
        String previousLabel = null;
        while (true) {
            boolean found = m.find();
            if (previousLabel != null) {
                String text = listing.substring(previousEnd, found ? m.start() : listing.length());
                json.append("{\"bid\": \"B").append(previousLabel).append("\", \"score\": ")
                        .append(judge.applyAsInt(text)).append("},");
            }
            if (!found) {
                break;
            }
            previousLabel = m.group(1);
            previousEnd = m.end();
        }
        json.setLength(json.length() - 1);
        return json.append("]}").toString();
    }

    /** The task text of a bid or refinement prompt. */
    static String taskOf(String prompt) {
        int start = prompt.indexOf("Task:\n") + "Task:\n".length();
        int end = prompt.indexOf("\n\nYour current strategy:", start);
        return (end < 0 ? prompt.substring(start) : prompt.substring(start, end)).strip();
    }
}
