package dev.sale4j.memory;

import dev.sale4j.auction.AuctionResult;
import dev.sale4j.bid.Bid;
import dev.sale4j.entropy.Entropy;
import dev.sale4j.score.ScoreTerms;
import dev.sale4j.score.ScoredBid;
import dev.sale4j.score.Weights;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds finished auctions for memory tests: bids with chosen nets, a chosen winner. */
final class TestAuctions {

    private final String task;
    private final List<ScoredBid> bids = new ArrayList<>();
    private String provisional;
    private String winner;
    private Instant startedAt = Instant.now();

    private TestAuctions(String task) {
        this.task = task;
    }

    static TestAuctions task(String task) {
        return new TestAuctions(task);
    }

    TestAuctions bid(String agent, String text, double net) {
        return add(agent, text, net, false);
    }

    TestAuctions refined(String agent, String text, double net) {
        return add(agent, text, net, true);
    }

    private TestAuctions add(String agent, String text, double net, boolean refined) {
        Bid bid = new Bid(agent, text, 10, 20, false, Duration.ofMillis(5), new Entropy(0.5, Entropy.LEXICAL), refined);
        bids.add(new ScoredBid(bid, new ScoreTerms(10, 0.1, 0.001, 0.5, Entropy.LEXICAL, List.of(), 1.0, 0, 1.5, net)));
        return this;
    }

    /** The winner; its bid with the lowest net is the winning bid. */
    TestAuctions winner(String winner) {
        this.winner = winner;
        return this;
    }

    TestAuctions provisional(String provisional) {
        this.provisional = provisional;
        return this;
    }

    TestAuctions at(Instant startedAt) {
        this.startedAt = startedAt;
        return this;
    }

    AuctionResult result() {
        List<String> agents = new ArrayList<>(new LinkedHashSet<>(bids.stream().map(ScoredBid::agent).toList()));
        return new AuctionResult(UUID.randomUUID().toString(), task, List.of(), startedAt, bids, List.of(), agents,
                provisional != null ? provisional : winner, winner, false, Weights.defaults(), List.of(), Map.of(),
                Duration.ofMillis(10));
    }
}
