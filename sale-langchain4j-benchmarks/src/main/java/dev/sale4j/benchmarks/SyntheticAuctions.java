package dev.sale4j.benchmarks;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.sale4j.auction.AuctionResult;
import dev.sale4j.bid.Bid;
import dev.sale4j.entropy.Entropy;
import dev.sale4j.jury.JuryScore;
import dev.sale4j.score.ScoreTerms;
import dev.sale4j.score.ScoredBid;
import dev.sale4j.score.Weights;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic auction results for memory benchmarks (four agents, bids of about 300 tokens, every juror's score), and
 * an embedding model that returns random unit vectors while a memory is filled, then the real one.
 */
final class SyntheticAuctions {

    static final List<String> AGENTS = List.of("qwen3-4b", "qwen3-8b", "qwen3-14b", "qwen3-32b");
    private static final double[] PRICES = {0.05, 0.09, 0.16, 0.36};
    private static final String[] WORDS = ("split the task into steps search the web for primary sources read the "
            + "pages extract the facts cross check two sources write the function run the unit tests handle the edge "
            + "cases empty input large input unicode verify the answer cite the sources summarise").split(" ");

    private SyntheticAuctions() {}

    static AuctionResult auction(int i, Random random) {
        String task = "Task " + i + ": " + words(random, 25);
        List<ScoredBid> bids = new ArrayList<>();
        int winner = random.nextInt(AGENTS.size());
        for (int a = 0; a < AGENTS.size(); a++) {
            String agent = AGENTS.get(a);
            String text = words(random, 220);
            long tokens = 300;
            List<JuryScore> scores = new ArrayList<>();
            for (String juror : AGENTS) {
                scores.add(JuryScore.scored(juror, agent, random.nextInt(6)));
            }
            double cost = 0.01 * PRICES[a] * tokens;
            double value = random.nextDouble() * 5;
            Bid bid = new Bid(agent, text, tokens, 600, false, Duration.ofMillis(900),
                    new Entropy(random.nextDouble(), Entropy.LEXICAL), false);
            bids.add(new ScoredBid(bid, new ScoreTerms(tokens, PRICES[a], cost, bid.entropy().value(),
                    Entropy.LEXICAL, scores, value - bid.entropy().value(), 0, value, cost - value)));
        }
        return new AuctionResult(UUID.randomUUID().toString(), task, List.of(), Instant.now(), bids, List.of(), AGENTS,
                AGENTS.get(winner), AGENTS.get(winner), false, Weights.defaults(), List.of(), Map.of(),
                Duration.ofSeconds(2));
    }

    private static String words(Random random, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(WORDS[random.nextInt(WORDS.length)]).append(i % 15 == 14 ? ". " : " ");
        }
        return out.toString().strip();
    }

    /** Random unit vectors until {@link #useReal()}, then the real model: fills a memory fast, queries for real. */
    static final class SyntheticThenReal implements EmbeddingModel {
        private final EmbeddingModel real;
        private final Random random;
        private volatile boolean synthetic = true;

        SyntheticThenReal(EmbeddingModel real, Random random) {
            this.real = real;
            this.random = random;
        }

        void useReal() {
            synthetic = false;
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            if (!synthetic) {
                return real.embedAll(segments);
            }
            List<Embedding> out = new ArrayList<>(segments.size());
            for (int s = 0; s < segments.size(); s++) {
                float[] v = new float[real.dimension()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) random.nextGaussian();
                }
                Embedding e = Embedding.from(v);
                e.normalize();
                out.add(e);
            }
            return Response.from(out);
        }

        @Override
        public int dimension() {
            return real.dimension();
        }
    }
}
