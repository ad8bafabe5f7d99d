package dev.sale4j.refine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sale4j.SaleRouter;
import dev.sale4j.auction.AuctionResult;
import dev.sale4j.observe.SaleMetrics;
import dev.sale4j.observe.SaleTracing;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.score.Weights;
import dev.sale4j.testkit.ScriptedAgent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A refinement that replaces the provisional winner, as metrics and as refine and re-jury spans. */
class ObservedRefinementTest {

    private static Agent agent(String name, double price, String bid, String refined) {
        return Agent.of(name, new ScriptedAgent(p -> bid, p -> refined, RefinementRulesTest::judge), price);
    }

    @Test
    void aReplacingRefinementIsCountedAndTracedAsChildrenOfTheAuction() {
        AgentPool pool = AgentPool.of(
                agent("tiny", 0.05, "tiny vague plan", "GOOD tiny rewritten plan"),
                agent("mid", 0.09, "OK mid plan", "GOOD mid rewritten plan"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        try (OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).build()) {
            SaleRouter router = SaleRouter.builder().pool(pool).weights(Weights.builder().wh(0).build())
                    .memory(new RefinementRulesTest.OnePairMemory())
                    .listener(SaleMetrics.of(registry)).listener(SaleTracing.of(otel)).build();

            AuctionResult result = router.auction("Reverse a string in Python.");

            assertThat(result.provisionalWinner()).isEqualTo("mid");
            assertThat(result.winner()).isEqualTo("tiny");
            assertThat(registry.get("sale4j.refinements").tag("replaced", "true").counter().count()).isEqualTo(1);
            assertThat(registry.get("sale4j.auction.wins").tags("agent", "tiny", "refined", "true").counter().count())
                    .isEqualTo(1);
            assertThat(registry.get("sale4j.overhead.tokens").tags("agent", "tiny", "phase", "refine", "type",
                    "output").counter().count()).isPositive();
            assertThat(registry.get("sale4j.phase.duration").tag("phase", "rejury").timer().count()).isEqualTo(1);

            List<SpanData> spans = exporter.getFinishedSpanItems();
            SpanData auction = spans.stream().filter(s -> s.getName().equals("sale4j.auction")).findFirst()
                    .orElseThrow();
            assertThat(spans).filteredOn(s -> s.getParentSpanId().equals(auction.getSpanId()))
                    .extracting(SpanData::getName)
                    .containsExactly("sale4j.bid", "sale4j.jury", "sale4j.refine", "sale4j.rejury");
            assertThat(auction.getAttributes().get(AttributeKey.booleanKey("sale4j.refined"))).isTrue();
            assertThat(auction.getAttributes().get(AttributeKey.booleanKey("sale4j.refinement.replaced"))).isTrue();
            assertThat(auction.getAttributes().get(AttributeKey.stringKey("sale4j.provisional_winner")))
                    .isEqualTo("mid");
            assertThat(auction.getAttributes().get(AttributeKey.stringKey("sale4j.winner"))).isEqualTo("tiny");
            assertThat(auction.getAttributes().get(AttributeKey.doubleKey("sale4j.winner.net")))
                    .isEqualTo(result.winningBid().orElseThrow().net());
        }
    }
}
