package dev.sale4j.refine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.auction.Auction;
import dev.sale4j.auction.AuctionListener;
import dev.sale4j.auction.Phase;
import dev.sale4j.auction.PhaseStartedContext;
import dev.sale4j.auction.AuctionResult;
import dev.sale4j.testkit.ScriptedAgent;
import dev.sale4j.SaleRouter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class MemoryPrefetchTest {

    /** The one-pair memory, noting each prefetch and opening a latch the agents' bids wait for. */
    static final class PrefetchingMemory extends RefinementRulesTest.OnePairMemory {
        final CountDownLatch prefetched = new CountDownLatch(1);
        final List<String> prefetches = new CopyOnWriteArrayList<>();
        volatile long prefetchedAt;

        @Override
        public void prefetch(String namespace, String task) {
            prefetchedAt = System.nanoTime();
            prefetches.add(namespace + ": " + task);
            prefetched.countDown();
        }
    }

    private final PrefetchingMemory memory = new PrefetchingMemory();
    private final List<Boolean> bidsSawPrefetch = new CopyOnWriteArrayList<>();

    private Agent agent(String name, double price, String bid) {
        return Agent.of(name, new ScriptedAgent(p -> {
            try {
                bidsSawPrefetch.add(memory.prefetched.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return bid;
        }, p -> "GOOD rewritten plan", RefinementRulesTest::judge), price);
    }

    @Test
    void theMemoryIsAskedToPrefetchWhileTheAgentsBid() {
        AgentPool pool = AgentPool.of(agent("tiny", 0.05, "tiny vague plan"), agent("large", 0.36, "OK large plan"));
        SaleRouter router = SaleRouter.builder().pool(pool).memory(memory).memoryNamespace("research").build();

        AuctionResult result = router.auction("Reverse a string in Python.");

        assertThat(memory.prefetches).containsExactly("research: Reverse a string in Python.");
        assertThat(bidsSawPrefetch).containsExactly(true, true);
        assertThat(memory.asked).containsExactly("tiny");
        assertThat(result.winner()).isEqualTo("tiny");
        assertThat(memory.recorded).singleElement().satisfies(e -> assertThat(e.auctionId()).isEqualTo(result.id()));
    }

    @Test
    void thePrefetchWaitsForTheBidRequestsToLeaveWhileTheAgentsBid() {
        AtomicLong bidRoundStarted = new AtomicLong();
        List<Boolean> bidsSawPrefetch = new CopyOnWriteArrayList<>();
        PrefetchingMemory timed = new PrefetchingMemory();
        BiFunction<String, String, ScriptedAgent> waitingFor = (name, plan) ->
                new ScriptedAgent(p -> {
                    try {
                        bidsSawPrefetch.add(timed.prefetched.await(10, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return plan;
                }, p -> "GOOD rewritten plan", RefinementRulesTest::judge);
        AgentPool pool = AgentPool.of(Agent.of("tiny", waitingFor.apply("tiny", "tiny vague plan"), 0.05),
                Agent.of("large", waitingFor.apply("large", "OK large plan"), 0.36));

        AuctionListener clock = new AuctionListener() {
            @Override
            public void onPhaseStarted(PhaseStartedContext context) {
                if (context.phase() == Phase.BID) {
                    bidRoundStarted.set(System.nanoTime());
                }
            }
        };

        SaleRouter.builder().pool(pool).memory(timed).listener(clock).build().auction("Reverse a string in Python.");

        assertThat(timed.prefetches).hasSize(1);
        assertThat(timed.asked).containsExactly("tiny");
        assertThat(bidsSawPrefetch).containsExactly(true, true);
        assertThat(timed.prefetchedAt - bidRoundStarted.get()).isGreaterThanOrEqualTo(Auction.MEMORY_PREFETCH_GRACE.toNanos());
    }
}
