package dev.sale4j.coherence;

import static org.assertj.core.api.Assertions.assertThat;

import com.tangosol.net.PartitionedService;
import dev.sale4j.auction.AuctionResult;
import dev.sale4j.memory.EmbeddingStoreAuctionMemory;
import dev.sale4j.memory.MemoryEntry;
import dev.sale4j.memory.Outcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Two application instances on one Coherence cluster of two members on loopback: this JVM (member 1, router "one")
 * and a child JVM started from the test classpath (member 2, router "two", see {@link ChildMember}). Each router's
 * auction memory is an {@link EmbeddingStoreAuctionMemory} over a {@link CoherenceEmbeddingStore} on the same map.
 * The last test kills the child with SIGKILL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TwoMemberClusterTest {

    private static final int CAP = 3;
    private static final String MAP = "shared-" + UUID.randomUUID();
    private static final String BURST_MAP = "burst-" + UUID.randomUUID();

    private static Process child;
    private static PrintStream toChild;
    private static final BlockingQueue<String> fromChild = new LinkedBlockingQueue<>();
    private static AppInstance one;
    private static final List<String> oneIds = new ArrayList<>();
    private static final List<String> twoIds = new ArrayList<>();

    @BeforeAll
    static void startTwoMembers() throws Exception {
        one = new AppInstance(LoopbackCluster.session(), MAP, "one", CAP, "coding");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        LoopbackCluster.memberProperties(LoopbackCluster.freePort()).forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.addAll(List.of(ChildMember.class.getName(), "two", MAP, BURST_MAP, String.valueOf(CAP)));
        Path log = Files.createDirectories(Path.of("target")).resolve("child-member.log");
        child = new ProcessBuilder(command).redirectError(log.toFile()).start();
        toChild = new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("> ")) {
                        fromChild.add(line.substring(2));
                    }
                }
            } catch (IOException ended) {
                // the child is gone
            }
        }, "child-member-reader");
        reader.setDaemon(true);
        reader.start();
        assertThat(reply(Duration.ofSeconds(60))).as("the child member started; its log: " + log).startsWith("READY");
        assertThat(LoopbackCluster.memberCount()).isEqualTo(2);
        PartitionedService service = (PartitionedService) one.store.map().getService();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!LoopbackCluster.fullyBackedUp(service) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(LoopbackCluster.fullyBackedUp(service))
                .as("every partition has its primary and its backup on different members").isTrue();
    }

    @AfterAll
    static void stopTheChild() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    private static String reply(Duration timeout) throws InterruptedException {
        String line = fromChild.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(line).as("the child member answered within " + timeout).isNotNull();
        return line;
    }

    private static String ask(String command) throws InterruptedException {
        toChild.println(command);
        String line = reply(Duration.ofSeconds(30));
        assertThat(line).as("answer to " + command).doesNotStartWith("ERROR");
        return line;
    }

    /** Runs an auction on the child's router; returns its id, winner and the small agent's refinement prompt. */
    private static String[] auctionOnTwo(String task) throws InterruptedException {
        String[] answer = ask("AUCTION " + task).split(" ");
        assertThat(answer[0]).isEqualTo("AUCTIONED");
        String prompt = answer.length > 3 ? new String(Base64.getDecoder().decode(answer[3]), StandardCharsets.UTF_8)
                : "";
        twoIds.add(answer[1]);
        return new String[] {answer[1], answer[2], prompt};
    }

    private static String auctionOnOne(String task) {
        AuctionResult result = one.router.auction(task);
        oneIds.add(result.id());
        return result.id();
    }

    @Test
    @Order(1)
    void eachRouterRefinesFromTheAuctionsTheOtherRecorded() throws Exception {
        auctionOnOne("Write a Python function that returns the factorial of n.");
        assertThat(one.small.refinePrompts()).as("nothing in memory yet").isEmpty();

        String[] two = auctionOnTwo("Write a Python function that returns the n-th Fibonacci number.");
        assertThat(two[2]).as("member two's small agent was shown member one's winning plan")
                .contains(AppInstance.plan("one", "Write a Python function that returns the factorial of n."));

        auctionOnOne("Write a Python function that checks whether a number is prime.");
        assertThat(one.small.refinePrompts()).hasSize(1);
        assertThat(one.small.refinePrompts().get(0)).as("member one's small agent was shown member two's plan")
                .contains(AppInstance.plan("two", "Write a Python function that returns the n-th Fibonacci number."));
    }

    @Test
    @Order(2)
    void anOutcomeIsRecordedOnEitherMemberForAnAuctionRunOnTheOther() throws Exception {
        String oneId = oneIds.get(0);
        String twoId = twoIds.get(0);
        assertThat(ask("OUTCOME " + oneId + " failure")).isEqualTo("OUTCOME true");
        assertThat(one.router.recordOutcome(twoId, Outcome.success(Outcome.Source.TESTS))).isTrue();

        assertThat(one.memory.entry(oneId).flatMap(MemoryEntry::winnerSucceeded))
                .as("member one reads the failure member two recorded for its auction").contains(false);
        assertThat(ask("ENTRY " + twoId)).as("member two reads the success member one recorded for its auction")
                .isEqualTo("ENTRY success");
        assertThat(ask("ENTRY " + oneId)).isEqualTo("ENTRY failure");
        assertThat(ask("OUTCOME " + UUID.randomUUID() + " success")).as("no such auction anywhere")
                .isEqualTo("OUTCOME false");
    }

    /**
     * The cap is kept by each instance over the entries it knows: those in the store when its memory opened and its
     * own writes since. Two instances that opened on an empty store each hold their newest {@value #CAP}, so the
     * store holds at most 2 x {@value #CAP} in the namespace; a memory opening on the store evicts down to exactly
     * the newest {@value #CAP} of all of them.
     */
    @Test
    @Order(3)
    void eachInstanceHoldsItsCapAndAMemoryOpeningOnTheStoreCutsTheNamespaceToTheCap() throws Exception {
        auctionOnOne("Write a Python function that reverses a list.");
        auctionOnOne("Write a Python function that counts the vowels in a string.");
        auctionOnTwo("Write a Python function that merges two sorted lists.");
        auctionOnTwo("Write a Python function that flattens a nested list.");
        auctionOnTwo("Write a Python function that removes duplicates from a list.");
        assertThat(oneIds).hasSize(4);
        assertThat(twoIds).hasSize(4);

        assertThat(one.memory.stats().entriesPerNamespace()).containsEntry("coding", CAP);
        assertThat(ask("STATS")).isEqualTo("STATS " + CAP);
        Set<String> held = storedIds();
        assertThat(held).as("each instance evicted its own oldest auction")
                .hasSize(2 * CAP)
                .containsExactlyInAnyOrderElementsOf(concat(oneIds.subList(1, 4), twoIds.subList(1, 4)));

        List<MemoryEntry> newest = held.stream().map(id -> one.memory.entry(id).orElseThrow())
                .sorted((a, b) -> b.time().compareTo(a.time())).limit(CAP).toList();
        try (EmbeddingStoreAuctionMemory reopened = EmbeddingStoreAuctionMemory.builder()
                .store(one.store).maxEntriesPerNamespace(CAP).build()) {
            assertThat(reopened.stats().entriesPerNamespace()).containsEntry("coding", CAP);
        }
        assertThat(storedIds()).containsExactlyInAnyOrderElementsOf(
                newest.stream().map(MemoryEntry::auctionId).toList());
    }

    @Test
    @Order(4)
    void killingTheChildMemberLosesNoEntryTheClusterAcknowledged() throws Exception {
        Set<String> before = storedIds();
        Map<String, String> outcomesBefore = before.stream().collect(Collectors.toMap(id -> id,
                id -> String.valueOf(one.memory.entry(id).orElseThrow().winnerSucceeded())));
        toChild.println("BURST 100000");
        List<String> acknowledged = new ArrayList<>();
        while (acknowledged.size() < 40) {
            String line = reply(Duration.ofSeconds(30));
            assertThat(line).startsWith("ACK ");
            acknowledged.add(line.substring(4));
        }
        PartitionedService service = (PartitionedService) one.store.map().getService();
        var self = service.getCluster().getLocalMember();
        long primaryOnTwo = acknowledged.stream().filter(id -> !self.equals(service.getKeyOwner(id))).count();
        child.destroyForcibly();
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(primaryOnTwo).as("acknowledged entries whose primary copy was on the killed member")
                .isPositive();
        for (String line; (line = fromChild.poll(2, TimeUnit.SECONDS)) != null; ) {
            if (line.startsWith("ACK ")) {
                acknowledged.add(line.substring(4));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (LoopbackCluster.memberCount() > 1 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(LoopbackCluster.memberCount()).as("the cluster saw member two leave").isEqualTo(1);

        CoherenceEmbeddingStore burstStore = CoherenceEmbeddingStore.builder()
                .session(LoopbackCluster.session()).mapName(BURST_MAP).build();
        try (EmbeddingStoreAuctionMemory burst = EmbeddingStoreAuctionMemory.builder().store(burstStore).build()) {
            List<String> lost = acknowledged.stream().filter(id -> burst.entry(id).isEmpty()).toList();
            System.out.printf("SIGKILL during a burst: %d auctions acknowledged by member two (%d with their primary "
                    + "copy on it), %d found on the survivor, %d shared entries kept%n", acknowledged.size(),
                    primaryOnTwo, acknowledged.size() - lost.size(), before.size());
            assertThat(lost).as("acknowledged burst auctions missing on the survivor, of " + acknowledged.size())
                    .isEmpty();
            assertThat(burst.stats().entriesPerNamespace().get("burst")).isGreaterThanOrEqualTo(acknowledged.size());
        }
        assertThat(storedIds()).as("the shared map's entries survived").containsExactlyInAnyOrderElementsOf(before);
        before.forEach(id -> assertThat(String.valueOf(one.memory.entry(id).orElseThrow().winnerSucceeded()))
                .isEqualTo(outcomesBefore.get(id)));
        AuctionResult after = one.router.auction("Write a Python function that returns the largest element of a list.");
        assertThat(after.winner()).isNotBlank();
        assertThat(storedIds()).contains(after.id());
    }

    /** The ids of every entry in the shared map, read with the store's own search. */
    private static Set<String> storedIds() {
        return one.store.search(dev.langchain4j.store.embedding.EmbeddingSearchRequest.builder()
                        .queryEmbedding(one.memory.embeddingModel().embed("any").content())
                        .maxResults(10_000)
                        .minScore(0.0)
                        .build())
                .matches().stream().map(m -> m.embeddingId()).collect(Collectors.toSet());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
