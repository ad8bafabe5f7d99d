package dev.sale4j.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.ChatModel;
import dev.sale4j.bid.Bid;
import dev.sale4j.entropy.Entropy;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LowestNetScoreSelectorTest {

    private static final ChatModel NONE = new ChatModel() {};

    private static ScoredBid scored(String agent, double price, double cost, double net) {
        Bid bid = new Bid(agent, "plan", 10, 10, false, Duration.ZERO, new Entropy(0.5, "fixed"), false);
        return new ScoredBid(bid, new ScoreTerms(10, price, cost, 0.5, "fixed", List.of(), 0, 0, cost - net, net));
    }

    private final AgentPool pool = AgentPool.of(
            Agent.of("first", NONE, 0.2), Agent.of("second", NONE, 0.1), Agent.of("third", NONE, 0.2));

    @Test
    void lowestNetWins() {
        assertThat(new LowestNetScoreSelector().select(List.of(
                scored("first", 0.2, 1, -1), scored("second", 0.1, 1, -2), scored("third", 0.2, 1, -1.5)), pool))
                .get().extracting(ScoredBid::agent).isEqualTo("second");
    }

    @Test
    void equalNetGoesToTheLowerCost() {
        assertThat(new LowestNetScoreSelector().select(List.of(
                scored("first", 0.2, 0.9, -1), scored("third", 0.2, 0.3, -1)), pool))
                .get().extracting(ScoredBid::agent).isEqualTo("third");
    }

    @Test
    void equalNetAndCostGoesToTheCheaperAgentThenToPoolOrder() {
        assertThat(new LowestNetScoreSelector().select(List.of(
                scored("first", 0.2, 1, -1), scored("second", 0.1, 1, -1)), pool))
                .get().extracting(ScoredBid::agent).isEqualTo("second");
        assertThat(new LowestNetScoreSelector().select(List.of(
                scored("third", 0.2, 1, -1), scored("first", 0.2, 1, -1)), pool))
                .get().extracting(ScoredBid::agent).isEqualTo("first");
    }

    @Test
    void netsEqualUpToRoundingAreTies() {
        double a = 0.1 + 0.2;
        double b = 0.3;
        assertThat(a).isNotEqualTo(b);
        assertThat(new LowestNetScoreSelector().select(List.of(
                scored("third", 0.2, 1, a), scored("first", 0.2, 1, b)), pool))
                .get().extracting(ScoredBid::agent).isEqualTo("first");
    }
}
