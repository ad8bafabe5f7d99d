package dev.sale4j.testkit;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * An in-process agent for auction tests and benchmarks: answers bid prompts with {@code bid}, refinement prompts
 * with {@code refine}, and jury prompts (all bids in one call) by scoring every listed strategy with {@code judge};
 * every answer comes after a fixed latency (none by default) and reports word counts as its token usage.
 */
public final class ScriptedAgent implements ChatModel {

    private final Function<String, String> bid;
    private final Function<String, String> refine;
    private final ToIntFunction<String> judge;
    private final long latencyNanos;
    private final List<String> refinePrompts = new CopyOnWriteArrayList<>();

    public ScriptedAgent(Function<String, String> bid, Function<String, String> refine, ToIntFunction<String> judge) {
        this(bid, refine, judge, 0);
    }

    public ScriptedAgent(Function<String, String> bid, Function<String, String> refine, ToIntFunction<String> judge,
            long latencyNanos) {
        this.bid = bid;
        this.refine = refine;
        this.judge = judge;
        this.latencyNanos = latencyNanos;
    }

    /** The refinement prompts this agent was sent, in order. */
    public List<String> refinePrompts() {
        return refinePrompts;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        if (latencyNanos > 0) {
            LockSupport.parkNanos(latencyNanos);
        }
        String prompt = ScriptedChatModel.prompt(request);
        String answer;
        if (ScriptedChatModel.isJuryPrompt(request)) {
            answer = ScriptedChatModel.juryAnswer(prompt, judge::applyAsInt);
        } else if (ScriptedChatModel.isRefinePrompt(request)) {
            refinePrompts.add(prompt);
            answer = refine.apply(prompt);
        } else {
            answer = bid.apply(prompt);
        }
        return ScriptedChatModel.answer(answer, prompt.split("\\s+").length, answer.split("\\s+").length);
    }
}
