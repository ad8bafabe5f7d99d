package dev.sale4j.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SaleChatModel under an AiService with a real tool, on real OpenAI and Ollama clients served by WireMock. */
class SaleChatModelAiServicesTest {

    interface Assistant {
        Result<String> chat(String message);
    }

    static final class Calculator {
        final AtomicInteger calls = new AtomicInteger();

        @Tool("Adds two integers")
        int add(int a, int b) {
            calls.incrementAndGet();
            return a + b;
        }
    }

    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @ParameterizedTest
    @EnumSource(WireMockPool.Provider.class)
    void runsOneAuctionPerUserMessageAndKeepsTheWinnerForTheToolLoop(WireMockPool.Provider provider) {
        WireMockPool wire = new WireMockPool(server, provider);
        wire.stubAuction("[B]", "small", 1);
        wire.stubAuction("[A]", "big", 3);
        wire.stubExecution("small");
        wire.stubExecution("big");
        List<ChatResponse> responses = new CopyOnWriteArrayList<>();
        AtomicInteger requests = new AtomicInteger();
        SaleChatModel model = SaleChatModel.builder()
                .router(wire.router())
                .listener(new ChatModelListener() {
                    @Override
                    public void onRequest(ChatModelRequestContext context) {
                        requests.incrementAndGet();
                    }

                    @Override
                    public void onResponse(ChatModelResponseContext context) {
                        responses.add(context.chatResponse());
                    }
                })
                .build();
        Calculator calculator = new Calculator();
        ChatMemory memory = MessageWindowChatMemory.withMaxMessages(50);
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(model)
                .tools(calculator)
                .chatMemory(memory)
                .build();

        Result<String> first = assistant.chat("What is 2 + 3? [A]");

        assertThat(first.content()).isEqualTo("The sum is 5 (big)");
        assertThat(calculator.calls).hasValue(1);
        assertThat(wire.all(WireFormats.BID_PHRASE)).hasSize(2);
        assertThat(wire.requests("big", WireFormats.PLAN_PHRASE)).hasSize(2)
                .allSatisfy(r -> assertThat(r.getBodyAsString()).contains("PLAN-big").doesNotContain("PLAN-small"));
        assertThat(wire.requests("small", WireFormats.PLAN_PHRASE)).isEmpty();
        assertThat(requests).hasValue(2);
        SaleChatResponseMetadata firstMeta = (SaleChatResponseMetadata) first.finalResponse().metadata();
        assertThat(firstMeta.winner()).isEqualTo("big");
        assertThat(firstMeta.executor()).isEqualTo("big");
        assertThat(firstMeta.bids()).extracting(BidSummary::agent).containsExactly("big", "small");
        assertThat(firstMeta.overheadTokens()).isPositive();
        assertThat(firstMeta.overheadCostUsd()).isPositive();
        assertThat(firstMeta.tokenUsage().inputTokenCount()).isEqualTo(200);
        assertThat(firstMeta.executionCostUsd()).isEqualTo((200 * 0.36 + 12 * 0.36) / 1_000_000.0);
        assertThat(responses).hasSize(2).allSatisfy(r -> assertThat(
                ((SaleChatResponseMetadata) r.metadata()).auctionId()).isEqualTo(firstMeta.auctionId()));
        assertThat(responses).filteredOn(r -> ((SaleChatResponseMetadata) r.metadata()).auctionRan()).hasSize(1);

        Result<String> second = assistant.chat("And once more, what is 2 + 3? [B]");

        assertThat(second.content()).isEqualTo("The sum is 5 (small)");
        assertThat(calculator.calls).hasValue(2);
        assertThat(wire.all(WireFormats.BID_PHRASE)).hasSize(4);
        assertThat(wire.requests("small", WireFormats.PLAN_PHRASE)).hasSize(2)
                .allSatisfy(r -> assertThat(r.getBodyAsString()).contains("PLAN-small").doesNotContain("PLAN-big"));
        assertThat(wire.requests("big", WireFormats.PLAN_PHRASE)).hasSize(2);
        SaleChatResponseMetadata secondMeta = (SaleChatResponseMetadata) second.finalResponse().metadata();
        assertThat(secondMeta.auctionId()).isNotEqualTo(firstMeta.auctionId());
        assertThat(secondMeta.winner()).isEqualTo("small");

        List<LoggedRequest> auctionCalls = new java.util.ArrayList<>(wire.all(WireFormats.BID_PHRASE));
        auctionCalls.addAll(wire.all(WireFormats.JURY_PHRASE));
        assertThat(auctionCalls).isNotEmpty().allSatisfy(r -> {
            assertThat(WireFormats.tree(r.getBodyAsString()).path("tools")).isEmpty();
            assertThat(r.getBodyAsString()).doesNotContain(WireFormats.PLAN_PHRASE);
        });
        assertThat(memory.messages()).hasSize(8);
        for (ChatMessage message : memory.messages()) {
            assertThat(message.toString()).doesNotContain(WireFormats.BID_PHRASE, WireFormats.JURY_PHRASE,
                    WireFormats.PLAN_PHRASE, "PLAN-");
        }
    }
}
