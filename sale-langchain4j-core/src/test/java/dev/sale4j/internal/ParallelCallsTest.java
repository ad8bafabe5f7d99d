package dev.sale4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ParallelCallsTest {

    @Test
    void returnsOutcomesInOrderWithErrorsKept() {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            List<Callable<String>> calls = List.of(() -> "a", () -> {
                throw new IllegalStateException("boom");
            }, () -> "c");
            List<ParallelCalls.Outcome<String>> outcomes = new ParallelCalls(executor).runAll(calls, Duration.ofSeconds(5));
            assertThat(outcomes).extracting(ParallelCalls.Outcome::value).containsExactly("a", null, "c");
            assertThat(outcomes.get(1).error()).hasMessage("boom");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void roundsStartedFromTheExecutorsOwnThreadsDoNotDeadlock() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(1);
        ParallelCalls calls = new ParallelCalls(executor);
        try {
            // the only worker runs a round that needs three more calls on the same executor
            Future<List<ParallelCalls.Outcome<Integer>>> nested = executor.submit(() -> calls.runAll(
                    List.<Callable<Integer>>of(() -> 1, () -> 2, () -> 3), Duration.ofSeconds(5)));
            assertThat(nested.get(10, TimeUnit.SECONDS)).extracting(ParallelCalls.Outcome::value).containsExactly(1, 2, 3);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void manyConcurrentRoundsOnASmallExecutorAllComplete() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        ExecutorService callers = Executors.newFixedThreadPool(16);
        ParallelCalls calls = new ParallelCalls(executor);
        try {
            List<Future<List<ParallelCalls.Outcome<Integer>>>> rounds = new ArrayList<>();
            for (int r = 0; r < 50; r++) {
                rounds.add(callers.submit(() -> calls.runAll(List.<Callable<Integer>>of(() -> {
                    Thread.sleep(5);
                    return 1;
                }, () -> 2, () -> 3, () -> 4), Duration.ofSeconds(30))));
            }
            for (Future<List<ParallelCalls.Outcome<Integer>>> round : rounds) {
                assertThat(round.get(60, TimeUnit.SECONDS)).allMatch(ParallelCalls.Outcome::succeeded);
            }
        } finally {
            executor.shutdownNow();
            callers.shutdownNow();
        }
    }

    @Test
    void aCallPastItsTimeoutIsCancelledAndInterrupted() {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        List<Boolean> interrupted = new CopyOnWriteArrayList<>();
        try {
            List<Callable<String>> slow = List.of(() -> {
                try {
                    Thread.sleep(10_000);
                    return "late";
                } catch (InterruptedException e) {
                    interrupted.add(true);
                    throw e;
                }
            }, () -> "fast");
            List<ParallelCalls.Outcome<String>> outcomes = new ParallelCalls(executor).runAll(slow, Duration.ofMillis(200));
            assertThat(outcomes.get(0).timedOut()).isTrue();
            assertThat(outcomes.get(0).succeeded()).isFalse();
            assertThat(outcomes.get(1).value()).isEqualTo("fast");
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void workAlongsideWaitsForTheGraceWhileCallsAreInFlight() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(4);
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong startedAlongside = new AtomicLong();
        AtomicBoolean callsRunning = new AtomicBoolean();
        try {
            Callable<String> slow = () -> {
                release.await(10, TimeUnit.SECONDS);
                return "bid";
            };
            Duration grace = Duration.ofMillis(300);
            long start = System.nanoTime();
            Future<List<ParallelCalls.Outcome<String>>> round = executor.submit(() -> new ParallelCalls(executor)
                    .runAll(List.of(slow, slow), Duration.ofSeconds(10), () -> {
                        startedAlongside.set(System.nanoTime());
                        callsRunning.set(release.getCount() == 1);
                        release.countDown();
                    }, grace));

            assertThat(round.get(10, TimeUnit.SECONDS)).extracting(ParallelCalls.Outcome::value)
                    .containsExactly("bid", "bid");
            assertThat(callsRunning).isTrue();
            assertThat(startedAlongside.get() - start).isGreaterThanOrEqualTo(grace.toNanos());
        } finally {
            release.countDown();
            executor.shutdownNow();
        }
    }

    @Test
    void workAlongsideStartsAtOnceWhenEveryCallHasFinished() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        CountDownLatch ran = new CountDownLatch(1);
        try {
            List<ParallelCalls.Outcome<String>> outcomes = new ParallelCalls(executor).runAll(
                    List.<Callable<String>>of(() -> "a", () -> "b"), Duration.ofSeconds(5), ran::countDown,
                    Duration.ofMinutes(10));

            assertThat(outcomes).extracting(ParallelCalls.Outcome::value).containsExactly("a", "b");
            assertThat(ran.await(30, TimeUnit.SECONDS)).as("started without waiting out the 10-minute grace").isTrue();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void workAlongsideWaitsOutNoCallThatTimedOutOrFailed() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        CountDownLatch ran = new CountDownLatch(1);
        try {
            List<Callable<String>> calls = List.of(() -> {
                Thread.sleep(60_000);
                return "late";
            }, () -> {
                throw new IllegalStateException("boom");
            });
            List<ParallelCalls.Outcome<String>> outcomes = new ParallelCalls(executor).runAll(calls,
                    Duration.ofMillis(200), ran::countDown, Duration.ofMinutes(10));

            assertThat(outcomes.get(0).timedOut()).isTrue();
            assertThat(outcomes.get(1).error()).hasMessage("boom");
            assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            executor.shutdownNow();
        }
    }
}
