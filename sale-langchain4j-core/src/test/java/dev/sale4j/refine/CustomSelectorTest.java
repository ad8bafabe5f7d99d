package dev.sale4j.refine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sale4j.SaleRouter;
import dev.sale4j.auction.AuctionResult;
import dev.sale4j.execute.Execution;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.score.ScoredBid;
import dev.sale4j.score.Weights;
import dev.sale4j.score.WinnerSelector;
import dev.sale4j.testkit.ScriptedAgent;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The selector is the only place that decides who wins: a custom one changes the winner, the handover order and
 * whether a refined bid replaces the provisional winner, all at once (replay is covered in fit's ReplaySelectorTest).
 */
class CustomSelectorTest {

    /** The most expensive agent first, whatever the scores; its refinement rule follows from the ranking. */
    private static final WinnerSelector MOST_EXPENSIVE_FIRST = (bids, agents) -> bids.stream()
            .sorted(Comparator.comparingDouble((ScoredBid b) -> b.terms().price()).reversed())
            .toList();

    /** SALE's ranking, but any rewrite replaces the provisional winner. */
    private static final WinnerSelector REWRITES_ALWAYS_WIN = new WinnerSelector() {
        private final WinnerSelector sale = WinnerSelector.lowestNetScore();

        @Override
        public List<ScoredBid> rank(List<ScoredBid> bids, List<String> agents) {
            return sale.rank(bids, agents);
        }

        @Override
        public boolean replaces(ScoredBid refined, ScoredBid provisional, List<String> agents) {
            return true;
        }
    };

    private static final Weights JURY_ONLY = Weights.builder().wc(0).wh(0).build();

    private static Agent agent(String name, double price, String bid, String refined) {
        return Agent.of(name, new ScriptedAgent(p -> bid, p -> refined, RefinementRulesTest::judge), price);
    }

    private static AgentPool pool() {
        return AgentPool.of(
                agent("tiny", 0.05, "GOOD tiny plan", "GOOD tiny rewritten plan"),
                agent("mid", 0.09, "OK mid plan", "unused"),
                agent("large", 0.36, "vague large plan", "unused"));
    }

    private static List<String> handoverOrder(SaleRouter router, AuctionResult result) {
        return Execution.of("task", result, router.auction(), null, null).candidates().stream()
                .map(Execution.Candidate::agent).toList();
    }

    @Test
    void aCustomSelectorPicksTheWinnerAndTheHandoverOrder() {
        SaleRouter sale = SaleRouter.builder().pool(pool()).weights(JURY_ONLY).build();
        SaleRouter custom = SaleRouter.builder().pool(pool()).weights(JURY_ONLY).selector(MOST_EXPENSIVE_FIRST).build();

        AuctionResult bySale = sale.auction("Reverse a string in Python.");
        AuctionResult byCustom = custom.auction("Reverse a string in Python.");

        assertThat(bySale.winner()).isEqualTo("tiny");
        assertThat(handoverOrder(sale, bySale)).containsExactly("tiny", "mid", "large");
        assertThat(byCustom.winner()).isEqualTo("large");
        assertThat(handoverOrder(custom, byCustom)).containsExactly("large", "mid", "tiny");
    }

    @Test
    void aCustomSelectorDecidesWhetherARewriteReplacesTheProvisionalWinner() {
        RefinementRulesTest.OnePairMemory memory = new RefinementRulesTest.OnePairMemory();
        AgentPool pool = AgentPool.of(
                agent("tiny", 0.05, "OK tiny plan", "vague tiny rewrite"),
                agent("mid", 0.09, "GOOD mid plan", "unused"));
        SaleRouter sale = SaleRouter.builder().pool(pool).weights(JURY_ONLY).memory(memory).build();
        SaleRouter custom = SaleRouter.builder().pool(pool).weights(JURY_ONLY).memory(memory)
                .selector(REWRITES_ALWAYS_WIN).build();

        AuctionResult bySale = sale.auction("Reverse a string in Python.");
        AuctionResult byCustom = custom.auction("Reverse a string in Python.");

        assertThat(bySale.provisionalWinner()).isEqualTo("mid");
        assertThat(bySale.winner()).isEqualTo("mid");
        assertThat(byCustom.provisionalWinner()).isEqualTo("mid");
        assertThat(byCustom.winner()).isEqualTo("tiny");
        ScoredBid rewrite = byCustom.winningBid().orElseThrow();
        assertThat(rewrite.bid().refined()).isTrue();
        assertThat(rewrite.bid().text()).isEqualTo("vague tiny rewrite");
        assertThat(rewrite.net()).as("the rewrite is worse by C - V, yet the selector let it replace the winner")
                .isGreaterThan(byCustom.bids().stream().filter(b -> b.agent().equals("mid")).findFirst()
                        .orElseThrow().net());
        assertThat(handoverOrder(custom, byCustom)).startsWith("tiny");
        assertThat(Execution.of("task", byCustom, custom.auction(), null, null).current().plan())
                .isEqualTo("vague tiny rewrite");
    }
}
