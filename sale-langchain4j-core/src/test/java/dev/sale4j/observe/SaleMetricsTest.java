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
import dev.sale4j.chat.SaleChatModel;
import dev.sale4j.chat.SaleChatResponseMetadata;
import dev.sale4j.chat.ShadowReport;
import dev.sale4j.chat.WireFormats;
import dev.sale4j.chat.WireMockPool;
import dev.sale4j.pool.AgentPool;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SaleMetrics over real OpenAI clients served by WireMock: auctions, overhead, executions, handovers, failures. */
class SaleMetricsTest {

    private WireMockServer server;
    private WireMockPool wire;
    private SimpleMeterRegistry registry;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        wire = new WireMockPool(server, WireMockPool.Provider.OPENAI);
        registry = new SimpleMeterRegistry();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private SaleChatModel model() {
        return SaleChatModel.builder().router(wire.router(List.of(SaleMetrics.of(registry)))).build();
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    @Test
    void anAuctionCountsItsOutcomeWinnerOverheadAndExecution() {
        wire.stubAuction("sum", "small", 1);
        wire.stubExecution("small");

        ChatResponse response = model().chat(UserMessage.from("What is the sum of 2 and 3?"));
        SaleChatResponseMetadata metadata = (SaleChatResponseMetadata) response.metadata();

        assertThat(metadata.winner()).isEqualTo("small");
        assertThat(count("sale4j.auctions", "outcome", "won")).isEqualTo(1);
        assertThat(count("sale4j.auction.wins", "agent", "small", "refined", "false")).isEqualTo(1);
        assertThat(registry.find("sale4j.auction.wins").tag("agent", "big").counter()).isNull();
        for (String agent : List.of("small", "big")) {
            assertThat(count("sale4j.overhead.tokens", "agent", agent, "phase", "bid", "type", "input")).isEqualTo(120);
            assertThat(count("sale4j.overhead.tokens", "agent", agent, "phase", "bid", "type", "output")).isEqualTo(30);
            assertThat(count("sale4j.bids", "agent", agent)).isEqualTo(1);
        }
        AgentPool pool = wire.pool();
        assertThat(count("sale4j.overhead.cost", "agent", "big", "phase", "bid"))
                .isCloseTo(pool.get("big").costUsd(120, 30), within(1e-12));
        double tokens = registry.find("sale4j.overhead.tokens").counters().stream().mapToDouble(Counter::count).sum();
        double usd = registry.find("sale4j.overhead.cost").counters().stream().mapToDouble(Counter::count).sum();
        assertThat(tokens).isEqualTo(metadata.overheadTokens());
        assertThat(usd).isCloseTo(metadata.overheadCostUsd(), within(1e-12));
        assertThat(registry.get("sale4j.phase.duration").tags("phase", "bid").timer().count()).isEqualTo(1);
        assertThat(registry.get("sale4j.phase.duration").tags("phase", "jury").timer().count()).isEqualTo(1);
        assertThat(registry.get("sale4j.auction.duration").tags("outcome", "won").timer().count()).isEqualTo(1);
        assertThat(count("sale4j.jury.scores", "phase", "jury", "status", "scored")).isEqualTo(4);
        assertThat(registry.get("sale4j.execution.duration").tags("agent", "small", "outcome", "success").timer()
                .count()).isEqualTo(1);
        assertThat(count("sale4j.execution.tokens", "agent", "small", "type", "input")).isEqualTo(180);
        assertThat(count("sale4j.execution.tokens", "agent", "small", "type", "output")).isEqualTo(20);
        assertThat(registry.find("sale4j.handovers").counters()).isEmpty();
    }

    @Test
    void aHandoverOnA500CountsTheFailedCallAndTheMove() {
        wire.stubAuction("sum", "big", 1);
        wire.stubExecution("small");
        server.stubFor(post(urlPathEqualTo(wire.path("big"))).atPriority(5)
                .withRequestBody(containing(WireFormats.PLAN_PHRASE))
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"server overloaded\"}}")));

        ChatResponse response = model().chat(UserMessage.from("What is the sum of 2 and 3?"));

        assertThat(((SaleChatResponseMetadata) response.metadata()).executor()).isEqualTo("small");
        assertThat(count("sale4j.handovers", "from", "big", "to", "small")).isEqualTo(1);
        assertThat(registry.get("sale4j.execution.failures").tags("agent", "big").counter().count()).isEqualTo(1);
        assertThat(registry.get("sale4j.execution.failures").tags("agent", "big").counter().getId().getTag("error"))
                .isNotBlank();
        assertThat(registry.get("sale4j.execution.duration").tags("agent", "big", "outcome", "error").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("sale4j.execution.duration").tags("agent", "small", "outcome", "success").timer()
                .count()).isEqualTo(1);
    }

    @Test
    void aFailedBidIsCountedByKindAndItsBidderSitsOutTheJury() {
        wire.stubAuction("sum", "small", 1);
        wire.stubExecution("small");
        server.stubFor(post(urlPathEqualTo(wire.path("big"))).atPriority(1)
                .withRequestBody(containing(WireFormats.BID_PHRASE))
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"down\"}}")));

        model().chat(UserMessage.from("What is the sum of 2 and 3?"));

        assertThat(count("sale4j.bid.failures", "agent", "big", "kind", "error")).isEqualTo(1);
        // one bid left, judged by the one juror whose bid did not fail
        assertThat(count("sale4j.jury.scores", "phase", "jury", "status", "scored")).isEqualTo(1);
        assertThat(registry.find("sale4j.jury.scores").tag("status", "failed").counter()).isNull();
        assertThat(count("sale4j.auctions", "outcome", "won")).isEqualTo(1);
    }

    @Test
    void failedJuryScoresAreCountedByStatus() {
        wire.stubAuction("sum", "small", 1);
        wire.stubExecution("small");
        server.stubFor(post(urlPathEqualTo(wire.path("big"))).atPriority(1)
                .withRequestBody(containing(WireFormats.JURY_PHRASE))
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"down\"}}")));

        model().chat(UserMessage.from("What is the sum of 2 and 3?"));

        // one call per bid: big's two jury calls fail, small's two are scored
        assertThat(count("sale4j.jury.scores", "phase", "jury", "status", "failed")).isEqualTo(2);
        assertThat(count("sale4j.jury.scores", "phase", "jury", "status", "scored")).isEqualTo(2);
        assertThat(registry.find("sale4j.bid.failures").counter()).isNull();
        assertThat(count("sale4j.auctions", "outcome", "won")).isEqualTo(1);
    }

    @Test
    void anAuctionWithoutBidsCountsAsNoBids() {
        for (String agent : List.of("small", "big")) {
            server.stubFor(post(urlPathEqualTo(wire.path(agent)))
                    .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"down\"}}")));
        }

        assertThatThrownBy(() -> model().chat(UserMessage.from("What is the sum of 2 and 3?")))
                .isInstanceOf(NoBidsException.class);

        assertThat(count("sale4j.auctions", "outcome", "no_bids")).isEqualTo(1);
        assertThat(count("sale4j.bid.failures", "agent", "small", "kind", "error")).isEqualTo(1);
        assertThat(registry.get("sale4j.auction.duration").tags("outcome", "no_bids").timer().count()).isEqualTo(1);
    }

    @Test
    void shadowModeSavingsAreGauges() throws InterruptedException {
        wire.stubAuction("sum", "small", 1);
        server.stubFor(post(urlPathEqualTo(wire.path("big"))).atPriority(90)
                .willReturn(WireMockPool.ok(WireFormats.openAiText("The sum is 5", 180, 20))));
        SaleMetrics metrics = SaleMetrics.of(registry);
        SaleChatModel model = SaleChatModel.builder().router(wire.router(List.of(metrics))).shadowAgent("big").build();
        metrics.bindShadowReport(model::shadowReport);

        model.chat(UserMessage.from("What is the sum of 2 and 3?"));
        ShadowReport report = model.shadowReport();
        for (int i = 0; i < 200 && report.pending() > 0; i++) {
            Thread.sleep(50);
            report = model.shadowReport();
        }

        assertThat(report.tasks()).hasSize(1);
        AgentPool pool = wire.pool();
        double expected = pool.get("big").costUsd(180, 20) - pool.get("small").costUsd(180, 20)
                - report.tasks().get(0).overheadCostUsd();
        assertThat(registry.get("sale4j.shadow.savings").gauge().value()).isCloseTo(expected, within(1e-12));
        assertThat(registry.get("sale4j.shadow.savings").gauge().getId().getBaseUnit()).isEqualTo("usd");
        assertThat(registry.get("sale4j.shadow.tasks").gauge().value()).isEqualTo(1);
        assertThat(registry.get("sale4j.shadow.agreements").gauge().value()).isZero();
        assertThat(registry.get("sale4j.shadow.pending").gauge().value()).isZero();
        assertThat(registry.getMeters()).extracting(Meter::getId).extracting(Meter.Id::getName)
                .allMatch(name -> name.startsWith("sale4j."));
    }
}
