package dev.sale4j.memory;

import dev.sale4j.auction.AuctionMemoryRecorder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TaskEmbeddingsTest {

    private static final String TASK = "Write a Python function that reverses a string.";

    /** The real MiniLM, counting the texts it embeds. */
    static class CountingModel implements EmbeddingModel {
        final List<String> embedded = new CopyOnWriteArrayList<>();

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            segments.forEach(s -> embedded.add(s.text()));
            return MiniLm.shared().embedAll(segments);
        }

        @Override
        public int dimension() {
            return MiniLm.shared().dimension();
        }
    }

    private final CountingModel model = new CountingModel();
    private final EmbeddingStoreAuctionMemory memory =
            EmbeddingStoreAuctionMemory.builder().embeddingModel(model).build();

    private static dev.sale4j.auction.AuctionResult auction(String task) {
        return TestAuctions.task(task).bid("small", "small plan", 0.5).bid("large", "large plan", -1.0)
                .winner("large").result();
    }

    @Test
    void anAuctionPrefetchedEmbedsItsTaskOnceForRetrievalAndRecording() {
        memory.record(AuctionMemoryRecorder.entry("a", auction(TASK)));
        model.embedded.clear();

        memory.prefetch("a", "Reverse a string in Python.");
        List<BidPair> pairs = memory.pairs("a", "Reverse a string in Python.", "small", 8);
        memory.record(AuctionMemoryRecorder.entry("a", auction("Reverse a string in Python.")));

        assertThat(pairs).extracting(BidPair::task).containsExactly(TASK);
        assertThat(model.embedded).containsExactly("Reverse a string in Python.");
    }

    @Test
    void theEmbeddingOfARecordedAuctionIsNotKeptForLaterAuctionsOfTheSameText() {
        memory.prefetch("a", TASK);
        memory.record(AuctionMemoryRecorder.entry("a", auction(TASK)));
        assertThat(model.embedded).hasSize(1);

        memory.pairs("a", TASK, "small", 8); // a later auction, not prefetched: embeds for itself, as before
        memory.record(AuctionMemoryRecorder.entry("a", auction(TASK)));

        assertThat(model.embedded).hasSize(3);
    }

    @Test
    void retrievalAndRecordingWithoutPrefetchEmbedAsBefore() {
        memory.pairs("a", TASK, "small", 8);
        memory.record(AuctionMemoryRecorder.entry("a", auction(TASK)));
        memory.record(AuctionMemoryRecorder.entry("a", auction(TASK)));

        assertThat(model.embedded).containsExactly(TASK, TASK, TASK);
        assertThat(memory.stats().entries()).isEqualTo(2);
    }

    @Test
    void retrievalWaitsForAPrefetchInProgressInsteadOfEmbeddingAgain() throws Exception {
        CountDownLatch embedding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountingModel slow = new CountingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                embedding.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.embedAll(segments);
            }
        };
        EmbeddingStoreAuctionMemory memory = EmbeddingStoreAuctionMemory.builder().embeddingModel(slow).build();
        Thread prefetch = new Thread(() -> memory.prefetch("a", TASK));
        prefetch.start();
        assertThat(embedding.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<List<BidPair>> pairs = CompletableFuture.supplyAsync(() -> memory.pairs("a", TASK, "small", 8));
        release.countDown();
        assertThat(pairs.get(10, TimeUnit.SECONDS)).isEmpty();
        prefetch.join();

        assertThat(slow.embedded).containsExactly(TASK);
    }
}
