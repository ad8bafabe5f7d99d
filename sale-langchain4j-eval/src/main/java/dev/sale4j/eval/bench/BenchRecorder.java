package dev.sale4j.eval.bench;

import dev.sale4j.SaleRouter;
import dev.sale4j.auction.AuctionResult;
import dev.sale4j.eval.grade.TaskGrader;
import dev.sale4j.eval.suite.BenchTask;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.runs.AgentRun;
import dev.sale4j.runs.ExecutionOutcome;
import dev.sale4j.runs.RecordedRun;
import dev.sale4j.score.ScoredBid;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sale bench record}, the full matrix: for every task every agent bids and is judged by every juror (one
 * auction, no memory), then every agent executes the task following its own bid, and the grader grades each
 * execution. One recorded run (format v2, no winner) per task is appended to a {@link RunLog}: resumable, nothing
 * finished is lost. Tasks run {@code workers} at a time; a {@link Budget} stops it cleanly.
 */
public final class BenchRecorder {

    private static final Logger log = LoggerFactory.getLogger(BenchRecorder.class);

    private final SaleRouter router;
    private final Executions executions;
    private final TaskRunner runner;
    private final int workers;
    private final PrintStream progress;

    private BenchRecorder(Builder b) {
        if (b.router == null) {
            throw new IllegalArgumentException("a router is required: SaleRouter.builder().pool(pool).build(), "
                    + "without memory (the matrix records first-round bids)");
        }
        if (b.runner == null || b.grader == null) {
            throw new IllegalArgumentException("a TaskRunner and a TaskGrader are required");
        }
        if (b.workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + b.workers);
        }
        this.router = b.router;
        this.runner = b.runner;
        this.executions = new Executions(b.runner, b.grader);
        this.workers = b.workers;
        this.progress = b.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Records every task not yet in {@code log}, within the budget; returns what was done. */
    public BenchSummary record(List<BenchTask> tasks, RunLog log, Budget budget) throws InterruptedException {
        List<BenchTask> todo = tasks.stream().filter(t -> !log.contains(t.id())).toList();
        int skipped = tasks.size() - todo.size();
        AtomicInteger recorded = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        int notStarted = 0;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        Semaphore slots = new Semaphore(workers);
        try (BenchProgress bar = BenchProgress.to(progress, "bench record", tasks.size(), skipped)) {
            for (int i = 0; i < todo.size(); i++) {
                slots.acquire();
                if (!budget.tryStart()) {
                    slots.release();
                    notStarted = todo.size() - i;
                    break;
                }
                BenchTask task = todo.get(i);
                pool.execute(() -> {
                    try {
                        RecordedRun run = matrix(task);
                        log.append(run);
                        budget.finish(cost(run), true);
                        recorded.incrementAndGet();
                    } catch (RuntimeException e) {
                        budget.finish(0, false);
                        failures.add(task.id() + ": " + e.getMessage());
                        BenchRecorder.log.warn("task {} failed, not recorded (a restart retries it): {}", task.id(),
                                e.toString());
                    } finally {
                        bar.step(budget.spentUsd());
                        slots.release();
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
        } finally {
            pool.shutdownNow();
        }
        return new BenchSummary(recorded.get(), skipped, failures.size(), notStarted, budget.spentUsd(),
                budget.exhausted(), failures);
    }

    /** USD of a recorded task: its auction and every execution. */
    public static double cost(RecordedRun run) {
        double usd = run.overhead() == null ? 0 : run.overhead().costUsd();
        for (AgentRun a : run.agents()) {
            usd += a.executionCostUsd() == null ? 0 : a.executionCostUsd();
        }
        return usd;
    }

    private RecordedRun matrix(BenchTask task) {
        AgentPool agents = router.pool();
        AuctionResult auction = router.auction(runner.auctionTask(task, agents.agents().get(0).model()));
        List<ScoredBid> bids = auction.originalBids();
        if (auction.fallback() || bids.size() < agents.size()) {
            List<String> missing = new ArrayList<>(agents.names());
            bids.forEach(b -> missing.remove(b.agent()));
            throw new BenchException("agents " + missing + " placed no bid (" + auction.failures()
                    + "); the matrix needs every agent's bid");
        }
        Map<String, ExecutionOutcome> outcomes = new LinkedHashMap<>();
        for (ScoredBid bid : bids) {
            outcomes.put(bid.agent(), executions.run(task, agents.get(bid.agent()), bid.bid().text()));
        }
        RecordedRun run = RecordedRun.from(auction, task.domain().id(), task.bin().label(), outcomes);
        return new RecordedRun(RecordedRun.SCHEMA_VERSION, task.id(), task.prompt(), run.domain(), run.bin(), null,
                run.agents(), run.overhead(), null);
    }

    /** Builder for {@link BenchRecorder}. */
    public static final class Builder {
        private SaleRouter router;
        private TaskRunner runner;
        private TaskGrader grader;
        private int workers = 1;
        private PrintStream progress;

        private Builder() {
        }

        /** The router whose auction gives every agent's bid and jury scores; build it without memory. */
        public Builder router(SaleRouter router) {
            this.router = router;
            return this;
        }

        public Builder runner(TaskRunner runner) {
            this.runner = runner;
            return this;
        }

        public Builder grader(TaskGrader grader) {
            this.grader = grader;
            return this;
        }

        /** Tasks in flight at once; default 1. */
        public Builder workers(int workers) {
            this.workers = workers;
            return this;
        }

        /** Where the progress bar goes (e.g. {@code System.err}); null for none. */
        public Builder progress(PrintStream progress) {
            this.progress = progress;
            return this;
        }

        public BenchRecorder build() {
            return new BenchRecorder(this);
        }
    }
}
