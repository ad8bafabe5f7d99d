package dev.sale4j.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sale4j.auction.AuctionMemoryRecorder;
import dev.sale4j.auction.AuctionResult;
import org.junit.jupiter.api.Test;

class MemoryEntryTest {

    @Test
    void everyBidIsLabelledWonLostOrRefinedAndTheEntryRoundTripsAsOneLineOfJson() {
        AuctionResult result = TestAuctions.task("Reverse a string.")
                .bid("small", "first", 0.4)
                .bid("large", "big", 0.1)
                .refined("small", "rewritten", -0.2)
                .bid("mid", "middle", 0.3)
                .refined("mid", "middle again", 0.35)
                .provisional("large").winner("small").result();

        MemoryEntry entry = AuctionMemoryRecorder.entry("ns", result)
                .withOutcome(Outcome.score(0.75, Outcome.Source.JUDGE));

        assertThat(entry.bids()).extracting(MemoryBid::agent, MemoryBid::label, MemoryBid::refined).containsExactly(
                org.assertj.core.groups.Tuple.tuple("small", BidLabel.LOST, false),
                org.assertj.core.groups.Tuple.tuple("large", BidLabel.LOST, false),
                org.assertj.core.groups.Tuple.tuple("small", BidLabel.WON, true),
                org.assertj.core.groups.Tuple.tuple("mid", BidLabel.LOST, false),
                org.assertj.core.groups.Tuple.tuple("mid", BidLabel.REFINED, true));
        assertThat(entry.provisionalWinner()).isEqualTo("large");
        String json = entry.toJson();
        assertThat(json).doesNotContain("\n");
        assertThat(MemoryEntry.fromJson(json)).isEqualTo(entry);
        assertThat(entry.winnerSucceeded()).contains(true);
    }

    @Test
    void anOwnRefinedWinIsContrastedWithTheAgentsOwnLosingBid() {
        MemoryEntry entry = AuctionMemoryRecorder.entry("ns", TestAuctions.task("Reverse a string.")
                .bid("small", "first", 0.4).bid("large", "big", 0.1).refined("small", "rewritten", -0.2)
                .provisional("large").winner("small").result());

        BidPair small = PairSelection.pairFor("small", entry, 0.9).orElseThrow();
        BidPair large = PairSelection.pairFor("large", entry, 0.9).orElseThrow();

        assertThat(small.losing().text()).isEqualTo("first");
        assertThat(small.winning().text()).isEqualTo("rewritten");
        assertThat(large.losing().text()).isEqualTo("big");
        assertThat(large.ownWin("large")).isFalse();
    }
}
