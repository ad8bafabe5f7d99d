package dev.sale4j.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.TokenStream;
import dev.sale4j.execute.ExecutionFailure;
import dev.sale4j.execute.Handover;
import dev.sale4j.execute.RetriableSaleExecutionException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SaleStreamingChatModel under an AiService TokenStream, on real OpenAI streaming clients served by WireMock SSE. */
class SaleStreamingChatModelTest {

    interface Assistant {
        TokenStream chat(String message);
    }

    private WireMockServer server;
    private WireMockPool wire;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        wire = new WireMockPool(server, WireMockPool.Provider.OPENAI);
        wire.stubAuction("[A]", "big", 1);
        stubStreamingExecution("small");
        stubStreamingExecution("big");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private void stubStreamingExecution(String agent) {
        server.stubFor(post(urlPathEqualTo(wire.path(agent))).atPriority(5)
                .withRequestBody(containing(WireFormats.PLAN_PHRASE))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.messages[-1].role", equalTo("tool")))
                .willReturn(sse(WireFormats.openAiSse(List.of("The sum ", "is 5 (" + agent + ")"), 200, 12))));
        server.stubFor(post(urlPathEqualTo(wire.path(agent))).atPriority(6)
                .withRequestBody(containing(WireFormats.PLAN_PHRASE))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(sse(WireFormats.openAiSseToolCall("call_" + agent, "add", "{\"a\":2,\"b\":3}", 180, 20))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder sse(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
    }

    private SaleStreamingChatModel model() {
        return SaleStreamingChatModel.builder()
                .router(wire.router())
                .streamingModel("small", wire.streamingModel("small"))
                .streamingModel("big", wire.streamingModel("big"))
                .build();
    }

    private record Outcome(List<String> partials, ChatResponse response) {}

    private static Outcome stream(Assistant assistant, String message) throws Exception {
        List<String> partials = new CopyOnWriteArrayList<>();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        assistant.chat(message)
                .onPartialResponse(partials::add)
                .onCompleteResponse(done::complete)
                .onError(done::completeExceptionally)
                .start();
        return new Outcome(partials, done.get(20, TimeUnit.SECONDS));
    }

    private Assistant assistant(SaleStreamingChatModel model) {
        return AiServices.builder(Assistant.class).streamingChatModel(model).tools(new ScriptedPool.Calculator())
                .chatMemory(MessageWindowChatMemory.withMaxMessages(20)).build();
    }

    @Test
    void streamsTheWinnersAnswerAndKeepsTheWinnerForTheToolLoop() throws Exception {
        Outcome outcome = stream(assistant(model()), "What is 2 + 3? [A]");

        assertThat(String.join("", outcome.partials())).isEqualTo("The sum is 5 (big)");
        assertThat(outcome.response().aiMessage().text()).isEqualTo("The sum is 5 (big)");
        SaleChatResponseMetadata metadata = (SaleChatResponseMetadata) outcome.response().metadata();
        assertThat(metadata.winner()).isEqualTo("big");
        assertThat(metadata.tokenUsage().outputTokenCount()).as("AiServices sum the tool loop: 20 + 12").isEqualTo(32);
        assertThat(wire.all(WireFormats.BID_PHRASE)).hasSize(2);
        assertThat(wire.requests("big", WireFormats.PLAN_PHRASE)).hasSize(2)
                .allSatisfy(r -> assertThat(r.getBodyAsString()).contains("PLAN-big"));
        assertThat(wire.requests("small", WireFormats.PLAN_PHRASE)).isEmpty();
    }

    @Test
    void fallsBackToTheNextBestBidWhenTheWinnerFailsBeforeTheFirstToken() throws Exception {
        server.stubFor(post(urlPathEqualTo(wire.path("big"))).atPriority(2)
                .withRequestBody(containing(WireFormats.PLAN_PHRASE))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}")));

        Outcome outcome = stream(assistant(model()), "What is 2 + 3? [A]");

        assertThat(String.join("", outcome.partials())).isEqualTo("The sum is 5 (small)");
        SaleChatResponseMetadata metadata = (SaleChatResponseMetadata) outcome.response().metadata();
        assertThat(metadata.winner()).isEqualTo("big");
        assertThat(metadata.executor()).isEqualTo("small");
        assertThat(metadata.handovers()).extracting(Handover::from, Handover::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple("big", "small"));
        assertThat(wire.requests("big", WireFormats.PLAN_PHRASE)).hasSize(1);
        assertThat(wire.requests("small", WireFormats.PLAN_PHRASE)).hasSize(2)
                .allSatisfy(r -> assertThat(r.getBodyAsString()).contains("PLAN-small").doesNotContain("PLAN-big"));
    }

    @Test
    void anErrorAfterTheFirstTokenSurfacesWithoutFallback() throws Exception {
        ScriptedPool agents = new ScriptedPool();
        AtomicInteger smallCalls = new AtomicInteger();
        StreamingChatModel failingBig = new StreamingChatModel() {
            @Override
            public void chat(ChatRequest request, StreamingChatResponseHandler handler) {
                handler.onPartialResponse("The sum");
                handler.onError(new RateLimitException("429 mid-stream"));
            }
        };
        StreamingChatModel small = new StreamingChatModel() {
            @Override
            public void chat(ChatRequest request, StreamingChatResponseHandler handler) {
                smallCalls.incrementAndGet();
                handler.onError(new IllegalStateException("must not be called"));
            }
        };
        SaleStreamingChatModel model = SaleStreamingChatModel.builder().router(agents.router().build())
                .streamingModel("big", failingBig).streamingModel("small", small).build();
        StreamCollector failed = new StreamCollector();

        model.chat(ChatRequest.builder().messages(UserMessage.from("add 2 and 3 [prefer big]")).build(),
                failed);

        assertThat(failed.error(5)).isInstanceOf(RetriableSaleExecutionException.class)
                .isInstanceOf(RetriableException.class).isInstanceOf(ExecutionFailure.class)
                .hasCauseInstanceOf(RateLimitException.class);
        assertThat(failed.partials()).containsExactly("The sum");
        assertThat(smallCalls).hasValue(0);
    }
}
