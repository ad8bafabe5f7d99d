package dev.sale4j.chat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * An in-process agent for logic tests. Bids "PLAN-&lt;name&gt;"; as a juror of one bid, scores 5 when the last
 * "[prefer X]" in the prompt names the bidder, else 0; executes by calling the add tool once, then answering
 * "done by &lt;name&gt;". Records every execution call as (latest user message, agent, request).
 */
final class ScriptedAgentModel implements ChatModel {

    record Execution(String userMessage, String agent, ChatRequest request) {}

    static final TokenUsage BID_USAGE = new TokenUsage(100, 20);
    static final TokenUsage JURY_USAGE = new TokenUsage(150, 5);
    static final TokenUsage EXECUTION_USAGE = new TokenUsage(300, 40);

    final String name;
    final Queue<Execution> executions;
    final AtomicInteger bids = new AtomicInteger();
    final AtomicInteger juryCalls = new AtomicInteger();
    volatile Supplier<RuntimeException> executionFailure;

    ScriptedAgentModel(String name, Queue<Execution> executions) {
        this.name = name;
        this.executions = executions;
    }

    ScriptedAgentModel(String name) {
        this(name, new ConcurrentLinkedQueue<>());
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        String prompt = request.messages().stream().map(Conversation::text).collect(Collectors.joining("\n"));
        if (prompt.contains(WireFormats.BID_PHRASE)) {
            bids.incrementAndGet();
            return response(AiMessage.from("PLAN-" + name + ": call add once, then report the sum."), BID_USAGE);
        }
        if (prompt.contains(WireFormats.JURY_PHRASE)) {
            juryCalls.incrementAndGet();
            int at = prompt.lastIndexOf("[prefer ");
            String preferred = at < 0 ? "" : prompt.substring(at + 8, prompt.indexOf(']', at));
            return response(AiMessage.from("{\"score\": " + (prompt.contains("PLAN-" + preferred) ? 5 : 0) + "}"),
                    JURY_USAGE);
        }
        List<ChatMessage> messages = request.messages();
        String user = Conversation.text(messages.get(Conversation.lastUserIndex(messages)));
        executions.add(new Execution(user, name, request));
        Supplier<RuntimeException> failure = executionFailure;
        if (failure != null) {
            throw failure.get();
        }
        if (messages.get(messages.size() - 1) instanceof ToolExecutionResultMessage) {
            return response(AiMessage.from("done by " + name), EXECUTION_USAGE);
        }
        ToolExecutionRequest call = ToolExecutionRequest.builder().id("call-" + UUID.randomUUID()).name("add")
                .arguments("{\"a\":2,\"b\":3}").build();
        return response(AiMessage.from(List.of(call)), EXECUTION_USAGE);
    }

    private ChatResponse response(AiMessage message, TokenUsage usage) {
        return ChatResponse.builder().aiMessage(message).tokenUsage(usage).modelName(name)
                .finishReason(message.hasToolExecutionRequests() ? FinishReason.TOOL_EXECUTION : FinishReason.STOP)
                .build();
    }

}
