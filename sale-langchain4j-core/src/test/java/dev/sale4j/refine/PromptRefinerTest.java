package dev.sale4j.refine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sale4j.SaleRouter;
import dev.sale4j.bid.Bid;
import dev.sale4j.entropy.Entropy;
import dev.sale4j.memory.BidLabel;
import dev.sale4j.memory.BidPair;
import dev.sale4j.memory.MemoryBid;
import dev.sale4j.memory.Outcome;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.pool.AuctionTask;
import dev.sale4j.score.ScoreTerms;
import dev.sale4j.testkit.ScriptedAgent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptRefinerTest {

    private static final ScoreTerms TERMS = new ScoreTerms(5, 0.1, 0, 0, "lexical", List.of(), 0, 0, 0, 0);

    private static BidPair pair(String loser, String winner, Outcome outcome) {
        return new BidPair("id", "Reverse a list.", 0.87, new MemoryBid(loser, "loose plan", TERMS, BidLabel.LOST, false),
                new MemoryBid(winner, "tested plan", TERMS, BidLabel.WON, false), outcome);
    }

    @Test
    void pairsShowTheAgentsOwnSideTheSimilarityAndTheKnownOutcome() {
        String text = PromptRefiner.renderPairs("small", List.of(
                pair("small", "large", Outcome.success(Outcome.Source.TESTS)),
                pair("large", "small", null),
                pair("small", "large", Outcome.failure(Outcome.Source.USER, "wrong"))));

        assertThat(text).contains("Past auction 1 (similarity 0.87)", "Task: Reverse a list.",
                "LOST (yours):\nloose plan", "WON (agent large):\ntested plan",
                "succeeded (judged by tests)", "Past auction 2", "LOST (agent large)", "WON (yours)", "not known",
                "failed (judged by user)");
    }

    @Test
    void aCustomTemplateIsFilledAndTheAnswerBecomesARefinedBid() {
        ScriptedAgent model = new ScriptedAgent(p -> "unused", p -> "NEW " + p, s -> 0);
        PromptRefiner refiner = PromptRefiner.builder()
                .template("Task={{task}} Bid={{bid}} Pairs={{pairs}} Max={{maxTokens}} Your current strategy:")
                .maxOutputTokens(77)
                .build();
        Bid first = new Bid("small", "loose plan", 2, 10, false, Duration.ZERO, new Entropy(0.5, Entropy.LEXICAL),
                false);

        Bid refined = refiner.refine(Agent.of("small", model, 0.05), AuctionTask.of("Reverse a list."), first,
                List.of(pair("small", "large", null)));

        assertThat(refined.refined()).isTrue();
        assertThat(refined.agent()).isEqualTo("small");
        assertThat(refined.text()).startsWith("NEW Task=Reverse a list. Bid=loose plan Pairs=Past auction 1")
                .contains("Max=77");
        assertThat(refined.outputTokens()).isPositive();
        assertThat(refined.entropy().estimator()).isEqualTo(Entropy.LEXICAL);
    }

    @Test
    void inlineReasoningIsRemovedFromTheRewriteAndAnEmptyRewriteIsAnError() {
        Bid first = new Bid("small", "loose plan", 2, 10, false, Duration.ZERO, new Entropy(0.5, Entropy.LEXICAL),
                false);
        ScriptedAgent thinking = new ScriptedAgent(p -> "unused",
                p -> "<think>which pair matters?</think>\nStep 1: write it. Step 2: test it.", s -> 0);
        ScriptedAgent outOfTokens = new ScriptedAgent(p -> "unused", p -> "<think>still thinking", s -> 0);

        Bid refined = PromptRefiner.create().refine(Agent.of("small", thinking, 0.05), AuctionTask.of("Reverse."),
                first, List.of(pair("small", "large", null)));

        assertThat(refined.text()).isEqualTo("Step 1: write it. Step 2: test it.");
        assertThatThrownBy(() -> PromptRefiner.create().refine(Agent.of("small", outOfTokens, 0.05),
                        AuctionTask.of("Reverse."), first, List.of(pair("small", "large", null))))
                .isInstanceOf(dev.sale4j.bid.EmptyBidException.class);
    }

    @Test
    void routerOptionsForMemoryAreValidated() {
        AgentPool pool = AgentPool.of(Agent.of("a", new ScriptedAgent(p -> "x", p -> "x", s -> 0), 1));
        assertThatThrownBy(() -> SaleRouter.builder().pool(pool).memoryNamespace(" ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memoryNamespace");
        assertThatThrownBy(() -> SaleRouter.builder().pool(pool).refinementPairs(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refinementPairs");
        assertThatThrownBy(() -> SaleRouter.builder().pool(pool).build().recordOutcome("x",
                        Outcome.success(Outcome.Source.USER)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("memory(...)");
        assertThatThrownBy(() -> PromptRefiner.builder().maxOutputTokens(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxOutputTokens");
    }
}
