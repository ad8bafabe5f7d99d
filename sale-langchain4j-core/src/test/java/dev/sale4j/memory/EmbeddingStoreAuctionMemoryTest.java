package dev.sale4j.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sale4j.auction.AuctionMemoryRecorder;
import dev.sale4j.auction.AuctionResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddingStoreAuctionMemoryTest {

    private static final String REVERSE = "Write a Python function that reverses a string.";
    private static final String PALINDROME = "Implement a Python function that checks whether a string is a palindrome.";
    private static final String REVOLUTION = "In which year did the French Revolution begin?";
    private static final String WAR = "Summarise the main causes of the First World War.";

    /** A memory with the given cap; the embedded default here, a store given by builder in a subclass. */
    EmbeddingStoreAuctionMemory newMemory(int maxEntriesPerNamespace) {
        return EmbeddingStoreAuctionMemory.builder().maxEntriesPerNamespace(maxEntriesPerNamespace).build();
    }

    private final EmbeddingStoreAuctionMemory memory = newMemory(100);

    private AuctionResult smallLoses(String task) {
        return TestAuctions.task(task).bid("small", "small plan for " + task, 0.5)
                .bid("large", "large plan for " + task, -1.0).winner("large").result();
    }

    @Test
    void retrievalReturnsPairsWithTheAgentsOwnSideMostSimilarFirstWithinTheNamespace() {
        memory.record(AuctionMemoryRecorder.entry("a", smallLoses(REVOLUTION)));
        memory.record(AuctionMemoryRecorder.entry("a", smallLoses(PALINDROME)));
        memory.record(AuctionMemoryRecorder.entry("a", TestAuctions.task(WAR).bid("mid", "mid plan", -2).bid("large", "large plan", 1)
                .winner("mid").result()));
        memory.record(AuctionMemoryRecorder.entry("a", smallLoses(REVERSE)));
        memory.record(AuctionMemoryRecorder.entry("b", smallLoses("Reverse a string in Python.")));

        List<BidPair> pairs = memory.pairs("a", "Reverse a string in Python.", "small", 8);

        assertThat(pairs).extracting(BidPair::task).containsExactly(REVERSE, PALINDROME, REVOLUTION);
        assertThat(pairs).extracting(BidPair::similarity).isSortedAccordingTo((x, y) -> Double.compare(y, x));
        assertThat(pairs).allSatisfy(p -> {
            assertThat(p.losing().agent()).isEqualTo("small");
            assertThat(p.winning().agent()).isEqualTo("large");
            assertThat(p.winning().label()).isEqualTo(BidLabel.WON);
        });
        assertThat(memory.pairs("a", "Reverse a string in Python.", "small", 2)).extracting(BidPair::task)
                .containsExactly(REVERSE, PALINDROME);
        assertThat(memory.pairs("b", "Reverse a string in Python.", "small", 8)).hasSize(1);
        assertThat(memory.pairs("c", "Reverse a string in Python.", "small", 8)).isEmpty();
    }

    @Test
    void anAgentsOwnWinIsPairedWithTheBestLoser() {
        memory.record(AuctionMemoryRecorder.entry("a", TestAuctions.task(REVERSE).bid("small", "small plan", -3).bid("mid", "mid plan", 0.2)
                .bid("large", "large plan", 0.1).winner("small").result()));

        List<BidPair> pairs = memory.pairs("a", REVERSE, "small", 8);

        assertThat(pairs).singleElement().satisfies(p -> {
            assertThat(p.winning().agent()).isEqualTo("small");
            assertThat(p.losing().agent()).isEqualTo("large");
        });
        assertThat(memory.pairs("a", REVERSE, "nobody", 8)).isEmpty();
    }

    @Test
    void pairsWhoseWinnerSucceededComeFirstAndFailedOnesLast() {
        AuctionResult revolution = smallLoses(REVOLUTION);
        AuctionResult palindrome = smallLoses(PALINDROME);
        AuctionResult reverse = smallLoses(REVERSE);
        memory.record(AuctionMemoryRecorder.entry("a", revolution));
        memory.record(AuctionMemoryRecorder.entry("a", palindrome));
        memory.record(AuctionMemoryRecorder.entry("a", reverse));

        assertThat(memory.recordOutcome(revolution.id(), Outcome.success(Outcome.Source.TESTS))).isTrue();
        assertThat(memory.recordOutcome(reverse.id(), Outcome.failure(Outcome.Source.JUDGE, "wrong"))).isTrue();

        List<BidPair> pairs = memory.pairs("a", "Reverse a string in Python.", "small", 8);
        assertThat(pairs).extracting(BidPair::task).containsExactly(REVOLUTION, PALINDROME, REVERSE);
        assertThat(pairs.get(0).winnerSucceeded()).contains(true);
        assertThat(pairs.get(2).outcome().detail()).isEqualTo("wrong");
        assertThat(memory.entry(reverse.id())).get().extracting(e -> e.outcome().source())
                .isEqualTo(Outcome.Source.JUDGE);
        assertThat(memory.stats().entries()).isEqualTo(3);
    }

    @Test
    void anOutcomeRecordedAfterARetrievalIsSeenByTheNextRetrieval() {
        AuctionResult reverse = smallLoses(REVERSE);
        memory.record(AuctionMemoryRecorder.entry("a", reverse));
        assertThat(memory.pairs("a", REVERSE, "small", 8)).singleElement()
                .satisfies(p -> assertThat(p.outcome()).isNull());

        assertThat(memory.recordOutcome(reverse.id(), Outcome.failure(Outcome.Source.JUDGE, "wrong"))).isTrue();

        assertThat(memory.pairs("a", REVERSE, "small", 8)).singleElement()
                .satisfies(p -> assertThat(p.outcome().detail()).isEqualTo("wrong"));
        assertThat(memory.entry(reverse.id())).get().extracting(e -> e.outcome().detail()).isEqualTo("wrong");
    }

    @Test
    void anOutcomeForAnUnknownAuctionIsReportedNotInvented() {
        assertThat(memory.recordOutcome("no-such-auction", Outcome.score(0.9, Outcome.Source.USER))).isFalse();
        assertThat(memory.stats().entries()).isZero();
    }

    @Test
    void theCapEvictsTheOldestAuctionsOfTheNamespaceOnly() {
        EmbeddingStoreAuctionMemory capped = newMemory(3);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        List<String> tasks = List.of(REVERSE, PALINDROME, REVOLUTION, WAR, "Sort a list of numbers in Python.");
        List<AuctionResult> results = tasks.stream().map(t -> TestAuctions.task(t).bid("small", "s", 1)
                .bid("large", "l", -1).winner("large").at(t0.plusSeconds(tasks.indexOf(t))).result()).toList();
        capped.record(AuctionMemoryRecorder.entry("other", smallLoses(REVERSE)));
        for (int i = results.size() - 1; i >= 0; i--) {
            capped.record(AuctionMemoryRecorder.entry("a", results.get(i)));
        }

        MemoryStats stats = capped.stats();
        assertThat(stats.entries()).isEqualTo(4);
        assertThat(stats.entriesPerNamespace()).isEqualTo(Map.of("a", 3, "other", 1));
        assertThat(stats.evicted()).isEqualTo(2);
        assertThat(capped.pairs("a", REVERSE, "small", 8)).extracting(BidPair::task)
                .containsExactlyInAnyOrder(REVOLUTION, WAR, "Sort a list of numbers in Python.");
        assertThat(capped.pairs("other", REVERSE, "small", 8)).hasSize(1);
    }

    @Test
    void invalidArgumentsNameTheProblem() {
        assertThatThrownBy(() -> memory.record(AuctionMemoryRecorder.entry(" ", smallLoses(REVERSE))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("namespace");
        assertThatThrownBy(() -> memory.pairs("a", REVERSE, "small", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> EmbeddingStoreAuctionMemory.builder().maxEntriesPerNamespace(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEntriesPerNamespace");
    }
}
