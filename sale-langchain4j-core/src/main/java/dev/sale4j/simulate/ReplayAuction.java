package dev.sale4j.simulate;

import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.bid.Bid;
import dev.sale4j.entropy.Entropy;
import dev.sale4j.jury.JuryScore;
import dev.sale4j.runs.AgentRun;
import dev.sale4j.score.ScoredBid;
import dev.sale4j.score.Scorer;
import dev.sale4j.score.WinnerSelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SALE's steps 2 to 4 on recorded bids: the bids and jury scores become the engine's own {@link Bid}s and
 * {@link JuryScore}s, the engine's {@link Scorer} scores them and its {@link WinnerSelector} picks the winner, so the
 * replay follows exactly the rules of a live auction (missing scores imputed, ties broken) without a copy of them.
 */
final class ReplayAuction {

    private static final Map<PoolKey, AgentPool> POOLS = new ConcurrentHashMap<>();
    private static final ChatModel RECORDED = new RecordedAgent();

    private ReplayAuction() {}

    /** The winner of the recorded first-round bids under the scorer. */
    static String winner(List<AgentRun> bids, Scorer scorer, WinnerSelector selector) {
        AgentPool pool = pool(bids);
        TreeSet<String> jurorSet = new TreeSet<>();
        bids.forEach(b -> jurorSet.addAll(b.juryScores().keySet()));
        List<String> jurors = List.copyOf(jurorSet);
        List<Bid> list = new ArrayList<>(bids.size());
        List<JuryScore> scores = new ArrayList<>();
        for (AgentRun b : bids) {
            String estimator = b.entropyEstimator() == null ? "recorded" : b.entropyEstimator();
            list.add(new Bid(b.agent(), "", b.planTokens(), 0, false, Duration.ZERO,
                    new Entropy(b.entropy(), estimator), false));
            b.juryScores().forEach((juror, score) -> scores.add(score == null
                    ? JuryScore.missing(juror, b.agent(), JuryScore.Status.MISSING, "missing in the recorded run")
                    : JuryScore.scored(juror, b.agent(), score)));
        }
        List<ScoredBid> scored = scorer.score(list, pool, jurors, scores);
        return selector.select(scored, pool).map(ScoredBid::agent).orElseThrow(() ->
                new IllegalStateException("The winner selector chose no bid among " + pool.names()));
    }

    /** A pool of the recorded agents at their recorded prices, in recorded order (the order breaks exact ties). */
    private static AgentPool pool(List<AgentRun> bids) {
        String[] names = new String[bids.size()];
        double[] prices = new double[bids.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = bids.get(i).agent();
            prices[i] = bids.get(i).price();
        }
        return POOLS.computeIfAbsent(new PoolKey(names, prices), k -> {
            AgentPool.Builder builder = AgentPool.builder();
            bids.forEach(b -> builder.add(Agent.of(b.agent(), RECORDED, b.price())));
            return builder.build();
        });
    }

    /** Agents and prices in recorded order, compared by value (prices bit for bit, as {@link Double#equals}). */
    private record PoolKey(String[] names, double[] prices) {
        @Override
        public boolean equals(Object o) {
            return o instanceof PoolKey k && java.util.Arrays.equals(names, k.names)
                    && java.util.Arrays.equals(prices, k.prices);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.hashCode(names) + java.util.Arrays.hashCode(prices);
        }
    }

    /** The model behind a recorded agent: replay never calls it, and says so if something does. */
    private static final class RecordedAgent implements ChatModel {
        @Override
        public ChatResponse doChat(ChatRequest request) {
            throw new UnsupportedFeatureException("A recorded agent replays recorded bids and cannot be called: "
                    + "route live tasks with a SaleRouter over real ChatModels");
        }
    }
}
