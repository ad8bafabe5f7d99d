package dev.sale4j.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.ChatModel;
import dev.sale4j.bid.Bid;
import dev.sale4j.entropy.Entropy;
import dev.sale4j.entropy.LexicalEntropyEstimator;
import dev.sale4j.entropy.LogProbEntropyEstimator;
import dev.sale4j.entropy.TokenLogProb;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntropyScaleTest {

    private static final EntropyScale SCALE = EntropyScale.oneEstimatorPerAuction();
    private static final List<TokenLogProb> LOGPROBS = List.of(
            new TokenLogProb("a", Math.log(0.5), List.of(new TokenLogProb.Alternative("a", Math.log(0.5)),
                    new TokenLogProb.Alternative("b", Math.log(0.5)))),
            new TokenLogProb("c", 0, List.of()));

    private static Bid bid(String agent, String text, Entropy entropy, List<TokenLogProb> logProbs) {
        return new Bid(agent, text, 10, 5, false, Duration.ZERO, entropy, false, logProbs);
    }

    private static Bid logProbBid(String agent, String text) {
        return bid(agent, text, new Entropy(LogProbEntropyEstimator.meanEntropy(LOGPROBS), Entropy.LOG_PROBS), LOGPROBS);
    }

    private static Bid lexicalBid(String agent, String text) {
        return bid(agent, text, new Entropy(LexicalEntropyEstimator.entropyOf(text), Entropy.LEXICAL), List.of());
    }

    @Test
    void anAuctionOfOneEstimatorKeepsItsValues() {
        Bid a = logProbBid("a", "search search answer");
        Bid b = logProbBid("b", "look it up");
        List<Bid> round = List.of(a, b);

        assertThat(SCALE.entropy(a, round)).isSameAs(a.entropy());
        assertThat(SCALE.entropy(b, round)).isSameAs(b.entropy());
    }

    @Test
    void anAuctionMixingEstimatorsScoresEveryBidLexically() {
        Bid a = logProbBid("a", "search search answer");
        Bid b = lexicalBid("b", "look it up");
        List<Bid> round = List.of(a, b);

        assertThat(SCALE.entropy(a, round))
                .isEqualTo(new Entropy(LexicalEntropyEstimator.entropyOf("search search answer"), Entropy.LEXICAL));
        assertThat(SCALE.entropy(b, round)).isSameAs(b.entropy());
    }

    @Test
    void aRefinedRewriteIsPutOnTheScaleOfItsAuction() {
        List<Bid> mixed = List.of(logProbBid("a", "x y"), lexicalBid("b", "y z"));
        Bid refinedWithLogProbs = logProbBid("a", "one two two").asRefined();
        assertThat(SCALE.entropy(refinedWithLogProbs, mixed).estimator()).isEqualTo(Entropy.LEXICAL);

        List<Bid> allLogProbs = List.of(logProbBid("a", "x y"), logProbBid("b", "y z"));
        Bid lostItsLogProbs = bid("a", "one two", new Entropy(1.0, Entropy.LEXICAL), LOGPROBS).asRefined();
        assertThat(SCALE.entropy(lostItsLogProbs, allLogProbs))
                .isEqualTo(new Entropy(LogProbEntropyEstimator.meanEntropy(LOGPROBS), Entropy.LOG_PROBS));
    }

    @Test
    void theScorerWeighsTheScaledValueAndKeepsTheRawOne() {
        Bid a = logProbBid("a", "search search answer");
        Bid b = lexicalBid("b", "look it up");
        ChatModel model = new ChatModel() {};
        AgentPool pool = AgentPool.of(Agent.of("a", model, 1.0), Agent.of("b", model, 1.0));

        List<ScoredBid> scored = new Scorer(Weights.defaults(), SCALE).score(List.of(a, b), pool, List.of(), List.of());

        ScoreTerms t = scored.get(0).terms();
        assertThat(t.entropy()).isEqualTo(LexicalEntropyEstimator.entropyOf("search search answer"));
        assertThat(t.value()).isEqualTo(t.entropy());
        assertThat(t.rawEntropy()).isEqualTo(a.entropy().value());
        assertThat(t.rawEntropyEstimator()).isEqualTo(Entropy.LOG_PROBS);
        assertThat(new Scorer(Weights.defaults()).score(List.of(a, b), pool, List.of(), List.of()).get(0).terms()
                .entropy()).isEqualTo(a.entropy().value());
    }
}
