package dev.sale4j.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import dev.sale4j.SaleRouter;
import dev.sale4j.jury.JuryMode;
import dev.sale4j.jury.PromptJury;
import dev.sale4j.memory.AuctionMemory;
import dev.sale4j.memory.BidLabel;
import dev.sale4j.memory.EmbeddingStoreAuctionMemory;
import dev.sale4j.memory.MemoryBid;
import dev.sale4j.memory.MemoryEntry;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.score.Weights;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * SaleChatModel over a router with an {@link AuctionMemory} (the real in-process MiniLM and in-memory store), under
 * an AiService with a tool: one remembered auction per task, and a cheaper agent that refines its bid from a similar
 * past task and takes the task over from the provisional winner.
 */
class SaleChatModelMemoryTest {

    interface Assistant {
        Result<String> chat(String message);
    }

    /** A phrase only the refinement prompt ({@code dev/sale4j/prompts/refine.txt}) contains. */
    private static final String REFINE_PHRASE = "strategy is currently ahead";

    private static final String FACTORIAL = "Write a Python function that returns the factorial of n.";
    private static final String FIBONACCI = "Write a Python function that returns the n-th Fibonacci number.";
    private static final String EASY_PRIME = "Write a Python function that checks whether n is prime. [easy]";

    static final TokenUsage PLAN_USAGE = new TokenUsage(100, 20);
    static final TokenUsage JURY_USAGE = new TokenUsage(150, 5);

    /**
     * Bids "PLAN-&lt;name&gt;"; asked to refine, answers "REFINED-PLAN-&lt;name&gt;" and keeps the prompt. As a juror of
     * one bid, scores 5 for refined plans, for big's plans and for any plan of an "[easy]" task, else 1. Executes by
     * calling the add tool once, then answering "done by &lt;name&gt;".
     */
    static final class LearningAgent implements ChatModel {

        final String name;
        final Queue<String> refinePrompts = new ConcurrentLinkedQueue<>();
        final Queue<ChatRequest> executions;

        LearningAgent(String name, Queue<ChatRequest> executions) {
            this.name = name;
            this.executions = executions;
        }

        @Override
        public ChatResponse chat(ChatRequest request) {
            String prompt = request.messages().stream().map(Conversation::text).collect(Collectors.joining("\n"));
            if (prompt.contains(REFINE_PHRASE)) {
                refinePrompts.add(prompt);
                return response(AiMessage.from("REFINED-PLAN-" + name + ": write it, then test n = 0, 1 and 10."),
                        PLAN_USAGE);
            }
            if (prompt.contains(WireFormats.BID_PHRASE)) {
                return response(AiMessage.from("PLAN-" + name + ": write the function and return it."), PLAN_USAGE);
            }
            if (prompt.contains(WireFormats.JURY_PHRASE)) {
                boolean good = prompt.contains("[easy]") || prompt.contains("REFINED-PLAN") || prompt.contains("PLAN-big");
                return response(AiMessage.from("{\"score\": " + (good ? 5 : 1) + "}"), JURY_USAGE);
            }
            executions.add(request);
            List<ChatMessage> messages = request.messages();
            if (messages.get(messages.size() - 1) instanceof ToolExecutionResultMessage) {
                return response(AiMessage.from("done by " + name), new TokenUsage(300, 10));
            }
            return response(AiMessage.from(List.of(ToolExecutionRequest.builder().id("call-" + name + "-"
                    + executions.size()).name("add").arguments("{\"a\":2,\"b\":3}").build())), new TokenUsage(300, 30));
        }

        private ChatResponse response(AiMessage message, TokenUsage usage) {
            return ChatResponse.builder().aiMessage(message).tokenUsage(usage).modelName(name)
                    .finishReason(message.hasToolExecutionRequests() ? FinishReason.TOOL_EXECUTION : FinishReason.STOP)
                    .build();
        }
    }

    private final Queue<ChatRequest> executions = new ConcurrentLinkedQueue<>();
    private final LearningAgent small = new LearningAgent("small", executions);
    private final LearningAgent big = new LearningAgent("big", executions);
    private final EmbeddingStoreAuctionMemory memory = AuctionMemory.inMemory();
    private final SaleChatModel model = SaleChatModel.builder()
            .router(SaleRouter.builder()
                    .pool(AgentPool.of(Agent.of("small", small, 0.05), Agent.of("big", big, 0.36)))
                    .jury(PromptJury.builder().mode(JuryMode.ONE_CALL_PER_BID).build())
                    .weights(Weights.builder().wh(0).build())
                    .memory(memory)
                    .memoryNamespace("chat")
                    .build())
            .build();
    private final Assistant assistant = AiServices.builder(Assistant.class).chatModel(model)
            .tools(new ScriptedPool.Calculator()).build();

    private static SaleChatResponseMetadata metadata(Result<String> result) {
        return (SaleChatResponseMetadata) result.finalResponse().metadata();
    }

    private MemoryEntry entryOf(SaleChatResponseMetadata metadata) {
        return memory.entry(metadata.auctionId()).orElseThrow(
                () -> new AssertionError("auction " + metadata.auctionId() + " was not remembered"));
    }

    private static String systemText(ChatRequest request) {
        return request.messages().stream().filter(m -> m instanceof SystemMessage).map(Conversation::text)
                .collect(Collectors.joining("\n"));
    }

    @Test
    void remembersEachTaskOnceWithTheWinnersBidLabelledWon() {
        List<SaleChatResponseMetadata> tasks = List.of(FACTORIAL, FIBONACCI, EASY_PRIME).stream()
                .map(task -> metadata(assistant.chat(task)))
                .toList();

        assertThat(executions).as("each task is a tool loop of two calls").hasSize(6);
        assertThat(memory.stats().entriesPerNamespace()).as("one entry per auction, none per tool-loop call")
                .containsExactly(java.util.Map.entry("chat", 3));
        assertThat(tasks).extracting(SaleChatResponseMetadata::winner).containsExactly("big", "small", "small");
        for (SaleChatResponseMetadata task : tasks) {
            MemoryEntry entry = entryOf(task);
            assertThat(entry.namespace()).isEqualTo("chat");
            assertThat(entry.winner()).isEqualTo(task.winner());
            assertThat(entry.bids()).filteredOn(MemoryBid::won).singleElement()
                    .satisfies(won -> assertThat(won.agent()).isEqualTo(task.winner()));
            assertThat(entry.bids()).filteredOn(b -> !b.won()).extracting(MemoryBid::label)
                    .isNotEmpty().doesNotContain(BidLabel.WON);
        }
        assertThat(entryOf(tasks.get(0)).task()).isEqualTo(FACTORIAL);
        assertThat(entryOf(tasks.get(2)).task()).isEqualTo(EASY_PRIME);
    }

    @Test
    void aSimilarTaskLetsTheCheaperAgentRefineItsBidAndTakeTheTaskFromTheProvisionalWinner() {
        SaleChatResponseMetadata first = metadata(assistant.chat(FACTORIAL));

        assertThat(first.winner()).isEqualTo("big");
        assertThat(small.refinePrompts).as("nothing in memory to refine from yet").isEmpty();

        Result<String> second = assistant.chat(FIBONACCI);

        assertThat(second.content()).isEqualTo("done by small");
        assertThat(small.refinePrompts).singleElement().satisfies(prompt -> assertThat(prompt)
                .contains("Past auction 1 (similarity ")
                .contains("Task: " + FACTORIAL)
                .contains("LOST (yours):\nPLAN-small")
                .contains("WON (agent big):\nPLAN-big")
                .contains(FIBONACCI));
        assertThat(big.refinePrompts).as("only agents cheaper than the provisional winner refine").isEmpty();
        SaleChatResponseMetadata metadata = metadata(second);
        assertThat(metadata.winner()).isEqualTo("small");
        assertThat(metadata.executor()).isEqualTo("small");
        assertThat(metadata.bids()).filteredOn(BidSummary::won).singleElement()
                .satisfies(b -> assertThat(b.agent()).isEqualTo("small"))
                .satisfies(b -> assertThat(b.refined()).isTrue());
        assertThat(metadata.overheadTokens()).as("bids 2x120, jury 4x155, refinement 120, re-jury 2x155")
                .isEqualTo(240 + 620 + 120 + 310);
        List<ChatRequest> fibonacci = executions.stream().skip(2).toList();
        assertThat(fibonacci).hasSize(2).allSatisfy(r -> assertThat(systemText(r))
                .as("the winner follows its refined plan on every call of the task")
                .contains("REFINED-PLAN-small").doesNotContain("PLAN-big"));

        MemoryEntry entry = entryOf(metadata);
        assertThat(entry.provisionalWinner()).isEqualTo("big");
        assertThat(entry.winner()).isEqualTo("small");
        assertThat(entry.bidsOf("small")).extracting(MemoryBid::label, MemoryBid::refined)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(BidLabel.LOST, false),
                        org.assertj.core.groups.Tuple.tuple(BidLabel.WON, true));
        assertThat(entry.bidsOf("big")).extracting(MemoryBid::label).containsExactly(BidLabel.LOST);
    }

    @Test
    void noAgentRefinesWhenTheCheapestAgentIsTheProvisionalWinner() {
        assertThat(metadata(assistant.chat(FACTORIAL)).winner()).isEqualTo("big");

        SaleChatResponseMetadata metadata = metadata(assistant.chat(EASY_PRIME));

        assertThat(metadata.winner()).isEqualTo("small");
        assertThat(small.refinePrompts).isEmpty();
        assertThat(big.refinePrompts).isEmpty();
        assertThat(metadata.bids()).noneMatch(BidSummary::refined);
        assertThat(metadata.overheadTokens()).as("bids and jury only").isEqualTo(240 + 620);
        assertThat(entryOf(metadata).provisionalWinner()).isEqualTo("small");
    }
}
