package dev.sale4j.observe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.sale4j.auction.NoBidsException;
import dev.sale4j.chat.BidSummary;
import dev.sale4j.chat.SaleChatModel;
import dev.sale4j.chat.SaleChatResponseMetadata;
import dev.sale4j.chat.SaleStreamingChatModel;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import dev.sale4j.chat.WireFormats;
import dev.sale4j.chat.WireMockPool;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SaleTracing over real OpenAI clients served by WireMock, read back from OpenTelemetry's in-memory exporter. */
class SaleTracingTest {

    private WireMockServer server;
    private WireMockPool wire;
    private InMemorySpanExporter exporter;
    private OpenTelemetrySdk otel;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        wire = new WireMockPool(server, WireMockPool.Provider.OPENAI);
        exporter = InMemorySpanExporter.create();
        otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter))
                        .build())
                .build();
    }

    @AfterEach
    void stop() {
        otel.close();
        server.stop();
    }

    private SaleChatModel model() {
        return SaleChatModel.builder().router(wire.router(List.of(SaleTracing.of(otel)))).build();
    }

    /** Runs the call under a server span, as an HTTP framework would; returns that span's id. */
    private <T> T underServerSpan(Supplier<T> call) {
        Span request = otel.getTracer("test").spanBuilder("GET /ask").setSpanKind(SpanKind.SERVER).startSpan();
        try (Scope ignored = request.makeCurrent()) {
            return call.get();
        } finally {
            request.end();
        }
    }

    private SpanData span(String name) {
        List<SpanData> found = exporter.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).toList();
        assertThat(found).as("spans named " + name).hasSize(1);
        return found.get(0);
    }

    private static Object attr(SpanData span, String key) {
        return span.getAttributes().asMap().entrySet().stream().filter(e -> e.getKey().getKey().equals(key))
                .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
    }

    @Test
    void anAuctionSpanHasPhaseChildrenAndTheDecisionThenTheExecutionSpanFollows() {
        wire.stubAuction("sum", "small", 1);
        wire.stubExecution("small");

        ChatResponse response = underServerSpan(() -> model().chat(UserMessage.from("What is the sum of 2 and 3?")));
        SaleChatResponseMetadata metadata = (SaleChatResponseMetadata) response.metadata();

        SpanData server = span("GET /ask");
        SpanData auction = span("sale4j.auction");
        SpanData bid = span("sale4j.bid");
        SpanData jury = span("sale4j.jury");
        SpanData chat = span("chat gpt-4o-mini");
        assertThat(auction.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(auction.getTraceId()).isEqualTo(server.getTraceId());
        assertThat(bid.getParentSpanId()).isEqualTo(auction.getSpanId());
        assertThat(jury.getParentSpanId()).isEqualTo(auction.getSpanId());
        assertThat(chat.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(chat.getStartEpochNanos()).isGreaterThanOrEqualTo(auction.getEndEpochNanos());

        BidSummary won = metadata.bids().stream().filter(b -> b.agent().equals("small")).findFirst().orElseThrow();
        BidSummary lost = metadata.bids().stream().filter(b -> b.agent().equals("big")).findFirst().orElseThrow();
        assertThat(attr(auction, "sale4j.auction.id")).isEqualTo(metadata.auctionId());
        assertThat(attr(auction, "sale4j.winner")).isEqualTo("small");
        assertThat((double) attr(auction, "sale4j.winner.net")).isCloseTo(won.net(), within(1e-12));
        assertThat(attr(auction, "sale4j.runner_up")).isEqualTo("big");
        assertThat((double) attr(auction, "sale4j.runner_up.margin")).isCloseTo(lost.net() - won.net(), within(1e-12))
                .isPositive();
        assertThat(attr(auction, "sale4j.fallback")).isEqualTo(false);
        assertThat(attr(auction, "sale4j.refined")).isEqualTo(false);
        assertThat(attr(auction, "sale4j.bidders")).isEqualTo(List.of("small", "big"));
        assertThat((long) attr(auction, "gen_ai.usage.input_tokens") + (long) attr(auction, "gen_ai.usage.output_tokens"))
                .isEqualTo(metadata.overheadTokens());
        assertThat(attr(bid, "gen_ai.operation.name")).isEqualTo("chat");
        assertThat(attr(bid, "gen_ai.usage.input_tokens")).isEqualTo(240L);
        assertThat(attr(bid, "gen_ai.usage.output_tokens")).isEqualTo(60L);
        assertThat(bid.getEvents()).extracting(e -> e.getName()).containsOnly("sale4j.call").hasSize(2);
        assertThat(attr(jury, "sale4j.calls")).isEqualTo(4L);

        assertThat(chat.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(attr(chat, "gen_ai.operation.name")).isEqualTo("chat");
        assertThat(attr(chat, "gen_ai.provider.name")).isEqualTo("openai");
        assertThat(attr(chat, "gen_ai.system")).isEqualTo("openai");
        assertThat(attr(chat, "gen_ai.request.model")).isEqualTo("gpt-4o-mini");
        assertThat(attr(chat, "gen_ai.usage.input_tokens")).isEqualTo(180L);
        assertThat(attr(chat, "gen_ai.usage.output_tokens")).isEqualTo(20L);
        assertThat(attr(chat, "gen_ai.response.finish_reasons")).isEqualTo(List.of("tool_execution"));
        assertThat(attr(chat, "sale4j.agent")).isEqualTo("small");
        assertThat(attr(chat, "sale4j.auction.id")).isEqualTo(metadata.auctionId());
        assertThat(attr(chat, "sale4j.attempt")).isEqualTo(1L);
        assertThat(chat.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void aHandoverOnA500EndsTheFailedCallsSpanInErrorAndStartsTheNextAttempt() {
        wire.stubAuction("sum", "big", 1);
        wire.stubExecution("small");
        server.stubFor(post(urlPathEqualTo(wire.path("big"))).atPriority(5)
                .withRequestBody(containing(WireFormats.PLAN_PHRASE))
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"server overloaded\"}}")));

        underServerSpan(() -> model().chat(UserMessage.from("What is the sum of 2 and 3?")));

        List<SpanData> calls = exporter.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals("chat gpt-4o-mini")).toList();
        assertThat(calls).hasSize(2);
        SpanData failed = calls.get(0);
        SpanData next = calls.get(1);
        assertThat(attr(failed, "sale4j.agent")).isEqualTo("big");
        assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attr(failed, "error.type")).asString().isNotBlank();
        assertThat(attr(failed, "sale4j.handover.to")).isEqualTo("small");
        assertThat(failed.getEvents()).extracting(e -> e.getName()).contains("exception");
        assertThat(attr(next, "sale4j.agent")).isEqualTo("small");
        assertThat(attr(next, "sale4j.attempt")).isEqualTo(2L);
        assertThat(next.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(span("sale4j.auction").getAttributes().get(AttributeKey.stringKey("sale4j.winner"))).isEqualTo("big");
    }

    @Test
    void aFailedAuctionEndsItsSpanInErrorWithTheBidFailures() {
        for (String agent : List.of("small", "big")) {
            server.stubFor(post(urlPathEqualTo(wire.path(agent)))
                    .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"down\"}}")));
        }

        assertThatThrownBy(() -> underServerSpan(() -> model().chat(UserMessage.from("What is 2 + 3?"))))
                .isInstanceOf(NoBidsException.class);

        SpanData auction = span("sale4j.auction");
        assertThat(auction.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attr(auction, "error.type")).isEqualTo(NoBidsException.class.getName());
        assertThat(auction.getEvents()).extracting(e -> e.getName())
                .containsExactlyInAnyOrder("sale4j.bid.failure", "sale4j.bid.failure", "exception");
        assertThat(span("sale4j.bid").getParentSpanId()).isEqualTo(auction.getSpanId());
        assertThat(exporter.getFinishedSpanItems()).noneMatch(s -> s.getName().startsWith("chat"));
    }
    @Test
    void aStreamedExecutionEndsItsSpanWhenTheStreamCompletesAfterAHandover() throws Exception {
        wire.stubAuction("sum", "big", 1);
        server.stubFor(post(urlPathEqualTo(wire.path("big"))).atPriority(5)
                .withRequestBody(containing(WireFormats.PLAN_PHRASE))
                .willReturn(aResponse().withStatus(503).withBody("{\"error\":{\"message\":\"overloaded\"}}")));
        server.stubFor(post(urlPathEqualTo(wire.path("small"))).atPriority(5)
                .withRequestBody(containing(WireFormats.PLAN_PHRASE))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(WireFormats.openAiSse(List.of("The sum ", "is 5"), 200, 12))));
        SaleStreamingChatModel model = SaleStreamingChatModel.builder()
                .router(wire.router(List.of(SaleTracing.of(otel))))
                .streamingModel("small", wire.streamingModel("small"))
                .streamingModel("big", wire.streamingModel("big"))
                .build();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        underServerSpan(() -> {
            model.chat(List.of(UserMessage.from("What is the sum of 2 and 3?")), new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String partial) {}

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    done.complete(response);
                }

                @Override
                public void onError(Throwable error) {
                    done.completeExceptionally(error);
                }
            });
            return null;
        });
        done.get(20, TimeUnit.SECONDS);

        List<SpanData> calls = exporter.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals("chat gpt-4o-mini")).toList();
        assertThat(calls).extracting(c -> attr(c, "sale4j.agent")).containsExactly("big", "small");
        assertThat(calls.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attr(calls.get(0), "sale4j.handover.to")).isEqualTo("small");
        assertThat(attr(calls.get(1), "gen_ai.usage.output_tokens")).isEqualTo(12L);
        assertThat(attr(calls.get(1), "sale4j.attempt")).isEqualTo(2L);
        assertThat(calls).allSatisfy(c -> assertThat(c.getParentSpanId()).isEqualTo(span("GET /ask").getSpanId()));
    }
}
