package dev.sale4j.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.exception.RateLimitException;
import dev.sale4j.execute.Execution;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.pool.AuctionTask;
import dev.sale4j.testkit.ScriptedAgent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AuctionListenerTest {

    /** Writes down every event with what a metrics or tracing listener would read from it. */
    static final class Recorder implements AuctionListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<Map<Object, Object>> attributes = new CopyOnWriteArrayList<>();

        @Override
        public void onAuctionStarted(AuctionStartedContext c) {
            events.add("started " + c.bidders());
            c.attributes().put("span", "open");
            attributes.add(c.attributes());
        }

        @Override
        public void onPhaseStarted(PhaseStartedContext c) {
            events.add("phase " + c.phase() + " " + c.agents());
        }

        @Override
        public void onPhaseCompleted(PhaseCompletedContext c) {
            events.add("phase " + c.phase() + " done, " + c.usage().size() + " calls");
            assertThat(c.duration()).isPositive();
        }

        @Override
        public void onBidsPlaced(BidsPlacedContext c) {
            events.add("bids " + c.bids().size() + ", failures " + c.failures().size());
        }

        @Override
        public void onJuryCompleted(JuryCompletedContext c) {
            events.add("jury " + c.phase() + " " + c.scores().size() + " scores");
        }

        @Override
        public void onWinnerSelected(WinnerSelectedContext c) {
            events.add("selected " + c.provisional().agent());
            attributes.add(c.attributes());
        }

        @Override
        public void onAuctionCompleted(AuctionCompletedContext c) {
            events.add("completed " + c.result().winner() + " " + c.attributes().get("span"));
            attributes.add(c.attributes());
        }

        @Override
        public void onAuctionFailed(AuctionFailedContext c) {
            events.add("failed " + c.error().getClass().getSimpleName());
        }

        @Override
        public void onHandover(HandoverContext c) {
            events.add("handover " + c.from() + " -> " + c.to() + ": " + c.reason());
        }
    }

    private static Agent agent(String name, double price, String plan) {
        return Agent.of(name, new ScriptedAgent(p -> plan, p -> plan, text -> text.contains("GOOD") ? 5 : 1), price);
    }

    private static final AgentPool POOL = AgentPool.of(agent("small", 0.05, "GOOD small plan"),
            agent("large", 0.36, "large plan"));

    @Test
    void listenersHearEveryStepOfAnAuctionInOrderWithSharedAttributes() {
        Recorder recorder = new Recorder();
        Auction auction = Auction.builder().pool(POOL).listener(recorder).build();

        AuctionResult result = auction.run(AuctionTask.of("Reverse a string."));

        assertThat(result.winner()).isEqualTo("small");
        assertThat(recorder.events).containsExactly(
                "started [small, large]",
                "phase BID [small, large]",
                "phase BID done, 2 calls",
                "bids 2, failures 0",
                "phase JURY [small, large]",
                "phase JURY done, 2 calls",
                "jury JURY 4 scores",
                "selected small",
                "completed small open");
        assertThat(recorder.attributes).hasSize(3).allSatisfy(a -> assertThat(a).isSameAs(recorder.attributes.get(0)));
    }

    @Test
    void aFailingListenerIsSkippedAndNeverFailsTheAuction() {
        Recorder after = new Recorder();
        AuctionListener broken = new AuctionListener() {
            @Override
            public void onAuctionCompleted(AuctionCompletedContext context) {
                throw new IllegalStateException("metrics backend down");
            }
        };
        Auction auction = Auction.builder().pool(POOL).listener(broken).listener(after).build();

        AuctionResult result = auction.run(AuctionTask.of("Reverse a string."));

        assertThat(result.winner()).isEqualTo("small");
        assertThat(after.events).last().isEqualTo("completed small open");
    }

    @Test
    void anAuctionWithoutBidsIsToldAsFailed() {
        Recorder recorder = new Recorder();
        Agent silent = Agent.of("silent", new ScriptedAgent(p -> "", p -> "", t -> 0), 0.1);
        Auction auction = Auction.builder().pool(AgentPool.of(silent)).listener(recorder).build();

        assertThatThrownBy(() -> auction.run(AuctionTask.of("Reverse a string."))).isInstanceOf(NoBidsException.class);
        assertThat(recorder.events).contains("bids 0, failures 1").last().isEqualTo("failed NoBidsException");
    }

    @Test
    void theExecutionTellsHandoversToTheAuctionsListeners() {
        Recorder recorder = new Recorder();
        Auction auction = Auction.builder().pool(POOL).listener(recorder).build();
        AuctionResult result = auction.run(AuctionTask.of("Reverse a string."));
        Execution execution = Execution.of("task-1", result, auction, null, null);

        assertThat(execution.handOver(execution.current(), new RateLimitException("429"))).isTrue();

        assertThat(execution.current().agent()).isEqualTo("large");
        assertThat(recorder.events).last().isEqualTo("handover small -> large: RateLimitException: 429");
    }
}
