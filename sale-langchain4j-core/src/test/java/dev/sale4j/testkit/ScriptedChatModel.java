package dev.sale4j.testkit;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process ChatModel for logic tests: answers by script and records every request. Its static helpers tell the
 * router's prompts apart (bid, jury, refinement) and write answers in the contracts the router parses; the test kit's
 * {@link ScriptedAgent} is built on them.
 */
public final class ScriptedChatModel implements ChatModel {

    private static final Pattern BID_SECTION = Pattern.compile("B(\\d+):\\n(.*?)(?=\\n\\nB\\d+:\\n|$)", Pattern.DOTALL);

    private final Function<ChatRequest, ChatResponse> script;
    private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

    public ScriptedChatModel(Function<ChatRequest, ChatResponse> script) {
        this.script = script;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        return script.apply(request);
    }

    public List<ChatRequest> requests() {
        return requests;
    }

    public static String prompt(ChatRequest request) {
        ChatMessage last = request.messages().get(request.messages().size() - 1);
        return last instanceof UserMessage user ? user.singleText() : "";
    }

    public static boolean isBidPrompt(ChatRequest request) {
        return prompt(request).contains("bidding for the right");
    }

    public static boolean isRefinePrompt(ChatRequest request) {
        return prompt(request).contains("Your current strategy:");
    }

    /** The task text of a bid or refinement prompt. */
    public static String taskOf(String prompt) {
        int start = prompt.indexOf("Task:\n") + "Task:\n".length();
        int end = prompt.indexOf("\n\nYour current strategy:", start);
        return (end < 0 ? prompt.substring(start) : prompt.substring(start, end)).strip();
    }

    public static boolean isJuryPrompt(ChatRequest request) {
        return prompt(request).contains("You are a juror");
    }

    public static ChatResponse answer(String text, Integer inputTokens, Integer outputTokens) {
        ChatResponse.Builder builder = ChatResponse.builder().aiMessage(AiMessage.from(text));
        if (inputTokens != null || outputTokens != null) {
            builder.tokenUsage(new TokenUsage(inputTokens, outputTokens));
        }
        return builder.build();
    }

    /**
     * A jury answer in the documented contract for an all-bids prompt: each labelled bid is scored by the function
     * of its text.
     */
    public static String juryAnswer(String prompt, Function<String, Integer> scoreOfBidText) {
        String bids = prompt.substring(prompt.indexOf("Strategies:\n") + "Strategies:\n".length(),
                prompt.indexOf("\n\nAnswer with JSON only"));
        StringBuilder json = new StringBuilder("{\"scores\": [");
        Matcher m = BID_SECTION.matcher(bids);
        boolean first = true;
        while (m.find()) {
            if (!first) {
                json.append(", ");
            }
            first = false;
            json.append("{\"bid\": \"B").append(m.group(1)).append("\", \"score\": ")
                    .append(scoreOfBidText.apply(m.group(2))).append('}');
        }
        return json.append("]}").toString();
    }
}
