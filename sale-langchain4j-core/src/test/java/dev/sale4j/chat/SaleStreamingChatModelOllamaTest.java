package dev.sale4j.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.TokenStream;
import dev.sale4j.execute.Handover;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SaleStreamingChatModel executing on real {@link OllamaStreamingChatModel}s against WireMock serving Ollama's
 * newline-delimited JSON stream; bids and jury go through each agent's real (non-streaming) OllamaChatModel.
 */
class SaleStreamingChatModelOllamaTest {

    interface Assistant {
        TokenStream chat(String message);
    }

    private static final List<String> BIG_TOKENS = List.of("Canberra", " is", " the", " capital", " (big).");
    private static final List<String> SMALL_TOKENS = List.of("Canberra", " (small).");

    private WireMockServer server;
    private WireMockPool wire;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        wire = new WireMockPool(server, WireMockPool.Provider.OLLAMA);
        wire.stubAuction("[A]", "big", 1);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private StreamingChatModel streamingModel(String agent) {
        return OllamaStreamingChatModel.builder().baseUrl(server.baseUrl() + "/" + agent).modelName("qwen3:4b")
                .timeout(Duration.ofSeconds(10)).build();
    }

    private SaleStreamingChatModel model() {
        return SaleStreamingChatModel.builder()
                .router(wire.router())
                .streamingModel("small", streamingModel("small"))
                .streamingModel("big", streamingModel("big"))
                .build();
    }

    /** The agent's streamed answer to an execution request (one with its plan, asking for a stream). */
    private void stubStreamedAnswer(String agent, List<String> tokens, int priority) {
        server.stubFor(post(urlPathEqualTo(wire.path(agent))).atPriority(priority)
                .withRequestBody(containing(WireFormats.PLAN_PHRASE))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(ndjson(WireFormats.ollamaNdjson(tokens, 210, tokens.size()))));
    }

    private static ResponseDefinitionBuilder ndjson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-ndjson").withBody(body);
    }

    private List<LoggedRequest> executions(String agent) {
        return wire.requests(agent, WireFormats.PLAN_PHRASE);
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

    @Test
    void streamsTheOllamaWinnersTokensInOrderWithTheAuctionInTheMetadata() throws Exception {
        stubStreamedAnswer("big", BIG_TOKENS, 5);
        stubStreamedAnswer("small", SMALL_TOKENS, 5);
        Assistant assistant = AiServices.builder(Assistant.class).streamingChatModel(model()).build();

        Outcome outcome = stream(assistant, "What is the capital of Australia? [A]");

        assertThat(outcome.partials()).containsExactlyElementsOf(BIG_TOKENS);
        assertThat(outcome.response().aiMessage().text()).isEqualTo(String.join("", BIG_TOKENS));
        assertThat(outcome.response().finishReason()).isEqualTo(FinishReason.STOP);
        SaleChatResponseMetadata metadata = (SaleChatResponseMetadata) outcome.response().metadata();
        assertThat(metadata.winner()).isEqualTo("big");
        assertThat(metadata.executor()).isEqualTo("big");
        assertThat(metadata.auctionRan()).isTrue();
        assertThat(metadata.handovers()).isEmpty();
        assertThat(metadata.bids()).extracting(BidSummary::agent).containsExactlyInAnyOrder("small", "big");
        assertThat(metadata.tokenUsage().inputTokenCount()).as("prompt_eval_count of the final line").isEqualTo(210);
        assertThat(metadata.tokenUsage().outputTokenCount()).as("eval_count of the final line")
                .isEqualTo(BIG_TOKENS.size());
        assertThat(metadata.overheadTokens()).as("2 bids of 150 tokens, 4 jury calls of 155").isEqualTo(920);
        assertThat(wire.all(WireFormats.BID_PHRASE)).hasSize(2)
                .allSatisfy(r -> assertThat(WireFormats.tree(r.getBodyAsString()).path("stream").asBoolean(true))
                        .as("bids use the agents' non-streaming ChatModels").isFalse());
        assertThat(executions("big")).singleElement().satisfies(r -> {
            assertThat(WireFormats.tree(r.getBodyAsString()).path("stream").asBoolean()).isTrue();
            assertThat(r.getBodyAsString()).contains("PLAN-big");
        });
        assertThat(executions("small")).isEmpty();
    }

    @Test
    void keepsTheOllamaWinnerForTheStreamedToolLoop() throws Exception {
        for (String agent : List.of("small", "big")) {
            server.stubFor(post(urlPathEqualTo(wire.path(agent))).atPriority(5)
                    .withRequestBody(containing(WireFormats.PLAN_PHRASE))
                    .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                    .withRequestBody(matchingJsonPath("$.messages[-1].role", equalTo("tool")))
                    .willReturn(ndjson(WireFormats.ollamaNdjson(List.of("The sum ", "is 5 (" + agent + ")"), 200, 12))));
            server.stubFor(post(urlPathEqualTo(wire.path(agent))).atPriority(6)
                    .withRequestBody(containing(WireFormats.PLAN_PHRASE))
                    .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                    .willReturn(ndjson(WireFormats.ollamaNdjsonToolCall("add", Map.of("a", 2, "b", 3), 180, 20))));
        }
        ScriptedPool.Calculator calculator = new ScriptedPool.Calculator();
        Assistant assistant = AiServices.builder(Assistant.class).streamingChatModel(model()).tools(calculator)
                .build();

        Outcome outcome = stream(assistant, "What is 2 + 3? [A]");

        assertThat(outcome.partials()).containsExactly("The sum ", "is 5 (big)");
        SaleChatResponseMetadata metadata = (SaleChatResponseMetadata) outcome.response().metadata();
        assertThat(metadata.winner()).isEqualTo("big");
        assertThat(metadata.executor()).isEqualTo("big");
        assertThat(wire.all(WireFormats.BID_PHRASE)).as("one auction for the whole tool loop").hasSize(2);
        List<LoggedRequest> big = executions("big");
        assertThat(big).hasSize(2).allSatisfy(r -> assertThat(r.getBodyAsString()).contains("PLAN-big"));
        assertThat(WireFormats.tree(big.get(1).getBodyAsString()).path("messages").findValuesAsText("role"))
                .endsWith("assistant", "tool");
        assertThat(executions("small")).isEmpty();
    }

    @Test
    void fallsBackToTheNextBestBidWhenTheOllamaWinnersStreamFailsUpFront() throws Exception {
        server.stubFor(post(urlPathEqualTo(wire.path("big"))).atPriority(2)
                .withRequestBody(containing(WireFormats.PLAN_PHRASE))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"server overloaded, please retry shortly\"}")));
        stubStreamedAnswer("small", SMALL_TOKENS, 5);
        Assistant assistant = AiServices.builder(Assistant.class).streamingChatModel(model()).build();

        Outcome outcome = stream(assistant, "What is the capital of Australia? [A]");

        assertThat(outcome.partials()).containsExactlyElementsOf(SMALL_TOKENS);
        assertThat(outcome.response().aiMessage().text()).isEqualTo("Canberra (small).");
        SaleChatResponseMetadata metadata = (SaleChatResponseMetadata) outcome.response().metadata();
        assertThat(metadata.winner()).isEqualTo("big");
        assertThat(metadata.executor()).isEqualTo("small");
        assertThat(metadata.handovers()).extracting(Handover::from, Handover::to).containsExactly(tuple("big", "small"));
        assertThat(metadata.handovers().get(0).reason()).contains("server overloaded");
        assertThat(executions("big")).hasSize(1);
        assertThat(executions("small")).singleElement().satisfies(r -> assertThat(r.getBodyAsString())
                .contains("PLAN-small").doesNotContain("PLAN-big"));
    }

    @Test
    void agentsWithoutAStreamingModelDoNotBid() throws Exception {
        stubStreamedAnswer("small", SMALL_TOKENS, 5);
        SaleStreamingChatModel model = SaleStreamingChatModel.builder()
                .router(wire.router())
                .streamingModel("small", streamingModel("small"))
                .build();
        StreamCollector stream = new StreamCollector();

        model.chat(ChatRequest.builder().messages(UserMessage.from("What is the capital of Australia? [A]")).build(),
                stream);

        ChatResponse response = stream.response(20);
        assertThat(stream.partials()).containsExactlyElementsOf(SMALL_TOKENS);
        assertThat(((SaleChatResponseMetadata) response.metadata()).winner()).isEqualTo("small");
        assertThat(wire.requests("big", WireFormats.BID_PHRASE)).isEmpty();
        assertThat(wire.requests("small", WireFormats.BID_PHRASE)).hasSize(1);
        assertThat(executions("big")).isEmpty();
    }
}
