package dev.sale4j.refine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sale4j.SaleRouter;
import dev.sale4j.auction.AuctionMemoryRecorder;
import dev.sale4j.auction.AuctionResult;
import dev.sale4j.auction.Phase;
import dev.sale4j.auction.PhaseUsage;
import dev.sale4j.bid.Bid;
import dev.sale4j.memory.AuctionMemory;
import dev.sale4j.memory.BidLabel;
import dev.sale4j.memory.BidPair;
import dev.sale4j.memory.MemoryBid;
import dev.sale4j.memory.MemoryEntry;
import dev.sale4j.memory.MemoryStats;
import dev.sale4j.memory.Outcome;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.pool.AuctionTask;
import dev.sale4j.score.ScoreTerms;
import dev.sale4j.score.ScoredBid;
import dev.sale4j.score.Weights;
import dev.sale4j.testkit.ScriptedAgent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RefinementRulesTest {

    /** A memory that offers every agent one pair and keeps what it is asked to record. */
    static class OnePairMemory implements AuctionMemory {
        final List<MemoryEntry> recorded = new CopyOnWriteArrayList<>();
        final List<String> asked = new CopyOnWriteArrayList<>();

        @Override
        public MemoryEntry record(MemoryEntry entry) {
            recorded.add(entry);
            return entry;
        }

        @Override
        public Map<String, List<BidPair>> pairs(String namespace, String task, Collection<String> agents, int k) {
            asked.addAll(agents);
            ScoreTerms terms = new ScoreTerms(5, 0.1, 0, 0, "lexical", List.of(), 0, 0, 0, 0);
            Map<String, List<BidPair>> pairs = new LinkedHashMap<>();
            for (String agent : agents) {
                pairs.put(agent, List.of(new BidPair("past", "a past task", 0.9,
                        new MemoryBid(agent, "vague", terms, BidLabel.LOST, false),
                        new MemoryBid("large", "GOOD plan", terms, BidLabel.WON, false), null)));
            }
            return pairs;
        }

        @Override
        public boolean recordOutcome(String auctionId, Outcome outcome) {
            return false;
        }

        @Override
        public Optional<MemoryEntry> entry(String auctionId) {
            return Optional.empty();
        }

        @Override
        public MemoryStats stats() {
            return new MemoryStats(recorded.size(), Map.of(), Integer.MAX_VALUE, 0, -1);
        }
    }

    /** Scores 5 for GOOD, 3 for OK, 1 otherwise. */
    static int judge(String text) {
        return text.contains("GOOD") ? 5 : text.contains("OK") ? 3 : 1;
    }

    private static Agent agent(String name, double price, String bid, String refined) {
        return Agent.of(name, new ScriptedAgent(p -> bid, p -> refined, RefinementRulesTest::judge), price);
    }

    private static ScriptedAgent model(AgentPool pool, String name) {
        return (ScriptedAgent) pool.get(name).model();
    }

    private final OnePairMemory memory = new OnePairMemory();

    private SaleRouter router(AgentPool pool, Weights weights) {
        return SaleRouter.builder().pool(pool).weights(weights).memory(memory).build();
    }

    @Test
    void onlyStrictlyCheaperAgentsRefineAndABetterRewriteReplacesTheProvisionalWinner() {
        AgentPool pool = AgentPool.of(
                agent("tiny", 0.05, "tiny vague plan", "GOOD tiny rewritten plan"),
                agent("mid", 0.09, "OK mid plan", "GOOD mid rewritten plan"),
                agent("mid2", 0.09, "mid2 vague plan", "GOOD mid2 rewritten plan"),
                agent("large", 0.36, "large vague plan", "GOOD large rewritten plan"));

        AuctionResult result = router(pool, Weights.builder().wh(0).build()).auction("Reverse a string in Python.");

        assertThat(memory.asked).containsExactly("tiny");
        assertThat(model(pool, "tiny").refinePrompts()).singleElement()
                .satisfies(p -> assertThat(p).contains("GOOD plan", "vague", "tiny vague plan"));
        assertThat(model(pool, "mid2").refinePrompts()).isEmpty();
        assertThat(result.provisionalWinner()).isEqualTo("mid");
        assertThat(result.winner()).isEqualTo("tiny");
        assertThat(result.winningBid()).get().satisfies(b -> {
            assertThat(b.bid().refined()).isTrue();
            assertThat(b.bid().text()).isEqualTo("GOOD tiny rewritten plan");
        });
        assertThat(result.bids()).hasSize(5);
        assertThat(result.originalBids()).hasSize(4);
        assertThat(result.usage()).filteredOn(u -> u.phase() == Phase.REFINE).extracting(PhaseUsage::agent)
                .containsExactly("tiny");
        assertThat(result.usage()).filteredOn(u -> u.phase() == Phase.REJURY).extracting(PhaseUsage::agent)
                .containsExactlyInAnyOrder("tiny", "mid", "mid2", "large");
        assertThat(result.phaseTimes()).containsKeys(Phase.REFINE, Phase.REJURY);
        assertThat(AuctionResult.fromJson(result.toJson())).isEqualTo(result);
        assertThat(memory.recorded).singleElement().satisfies(e -> {
            assertThat(e.winner()).isEqualTo("tiny");
            assertThat(e.bids()).filteredOn(MemoryBid::refined).extracting(MemoryBid::label)
                    .containsExactly(BidLabel.WON);
        });
    }

    @Test
    void aRewriteReplacesTheWinnerOnlyWhenStrictlyBetter() {
        AgentPool pool = AgentPool.of(
                agent("tiny", 0.05, "tiny vague plan", "OK tiny rewritten plan"),
                agent("mid", 0.09, "OK mid plan", "unused"));
        Weights juryOnly = Weights.builder().wc(0).wh(0).build();

        AuctionResult tie = router(pool, juryOnly).auction("Reverse a string in Python.");

        assertThat(tie.winner()).isEqualTo("mid");
        assertThat(tie.bids()).filteredOn(b -> b.bid().refined()).singleElement().satisfies(b -> {
            assertThat(b.net()).isEqualTo(tie.winningBid().orElseThrow().net());
            assertThat(tie.label(b)).isEqualTo(AuctionResult.Label.LOST);
        });
        assertThat(memory.recorded.get(0).bids()).filteredOn(MemoryBid::refined).extracting(MemoryBid::label)
                .containsExactly(BidLabel.REFINED);

        AgentPool worse = AgentPool.of(
                agent("tiny", 0.05, "tiny vague plan", "tiny still vague"),
                agent("mid", 0.09, "OK mid plan", "unused"));
        AuctionResult notBetter = router(worse, Weights.builder().wh(0).build()).auction("Reverse a string.");
        assertThat(notBetter.winner()).isEqualTo("mid");
        assertThat(notBetter.provisionalWinner()).isEqualTo("mid");
        assertThat(notBetter.bids()).anySatisfy(b -> assertThat(b.bid().refined()).isTrue());
    }

    @Test
    void nothingRefinesWhenTheCheapestAgentAlreadyWins() {
        AgentPool pool = AgentPool.of(
                agent("tiny", 0.05, "GOOD tiny plan", "GOOD tiny rewritten"),
                agent("large", 0.36, "OK large plan", "GOOD large rewritten"));

        AuctionResult result = router(pool, Weights.builder().wh(0).build()).auction("Reverse a string in Python.");

        assertThat(result.winner()).isEqualTo("tiny").isEqualTo(result.provisionalWinner());
        assertThat(memory.asked).isEmpty();
        assertThat(model(pool, "tiny").refinePrompts()).isEmpty();
        assertThat(model(pool, "large").refinePrompts()).isEmpty();
        assertThat(result.bids()).noneMatch(b -> b.bid().refined());
        assertThat(result.usage()).noneMatch(u -> u.phase() == Phase.REFINE || u.phase() == Phase.REJURY);
        assertThat(memory.recorded).hasSize(1);
    }

    @Test
    void aFailingMemoryNeverFailsTheAuction() {
        AgentPool pool = AgentPool.of(
                agent("tiny", 0.05, "tiny vague plan", "GOOD tiny rewritten"),
                agent("large", 0.36, "GOOD large plan", "unused"));
        OnePairMemory broken = new OnePairMemory() {
            @Override
            public MemoryEntry record(MemoryEntry entry) {
                throw new IllegalStateException("disk full");
            }

            @Override
            public Map<String, List<BidPair>> pairs(String ns, String task, Collection<String> agents, int k) {
                throw new IllegalStateException("store unreachable");
            }
        };

        AuctionResult result = SaleRouter.builder().pool(pool).memory(broken).build().auction("Reverse a string.");

        assertThat(result.winner()).isEqualTo("large").isEqualTo(result.provisionalWinner());
        assertThat(result.bids()).noneMatch(b -> b.bid().refined());
    }

    @Test
    void aRefinerThatFailsLeavesTheFirstRoundResultStanding() {
        AgentPool pool = AgentPool.of(
                agent("tiny", 0.05, "tiny vague plan", "unused"),
                agent("large", 0.36, "GOOD large plan", "unused"));
        Refiner failing = (Agent a, AuctionTask t, Bid b, List<BidPair> p) -> {
            throw new IllegalStateException("backend down");
        };

        AuctionResult result = SaleRouter.builder().pool(pool).memory(memory).refiner(failing).build()
                .auction("Reverse a string in Python.");

        assertThat(result.winner()).isEqualTo("large").isEqualTo(result.provisionalWinner());
        assertThat(result.bids()).extracting(ScoredBid::agent).containsExactly("tiny", "large");
        assertThat(result.phaseTimes()).containsKey(Phase.REFINE).doesNotContainKey(Phase.REJURY);
    }
}
