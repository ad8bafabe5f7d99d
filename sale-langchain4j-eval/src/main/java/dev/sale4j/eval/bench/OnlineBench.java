package dev.sale4j.eval.bench;

import dev.sale4j.SaleRouter;
import dev.sale4j.auction.AuctionResult;
import dev.sale4j.eval.grade.TaskGrader;
import dev.sale4j.eval.suite.BenchTask;
import dev.sale4j.eval.suite.Suite;
import dev.sale4j.memory.Outcome;
import dev.sale4j.pool.Agent;
import dev.sale4j.runs.ExecutionOutcome;
import dev.sale4j.runs.RecordedRun;
import dev.sale4j.runs.RoutingInfo;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sale bench run}, SALE online: SALE with memory over the suite as a seeded stream, in K seeded orders (order k
 * uses seed {@code seed + k} and a fresh memory). Per task the router's auction picks a winner (refining from memory),
 * the winner executes its plan, the grader's verdict goes back with {@link SaleRouter#recordOutcome}, and one run
 * (format v2, {@code routing.policy = sale-online}, id {@code <task>#order<k>}) is appended to the {@link RunLog}.
 * Tasks of one order run one after another: each auction sees the outcomes of the ones before.
 */
public final class OnlineBench {

    /** The policy label of these runs in the simulator. */
    public static final String POLICY = "sale-online";

    private static final Logger log = LoggerFactory.getLogger(OnlineBench.class);

    private final IntFunction<SaleRouter> routers;
    private final TaskRunner runner;
    private final Executions executions;
    private final PrintStream progress;

    /**
     * @param routers  the router for order k, with its memory (a fresh one per order, or one restored from disk on
     *                 resume)
     * @param progress where the progress bar goes, or null
     */
    public OnlineBench(IntFunction<SaleRouter> routers, TaskRunner runner,
            TaskGrader grader, PrintStream progress) {
        this.routers = routers;
        this.runner = runner;
        this.executions = new Executions(runner, grader);
        this.progress = progress;
    }

    /** The id of a task's run in order k. */
    public static String runId(BenchTask task, int order) {
        return task.id() + "#order" + order;
    }

    /** Runs the K orders of the suite's tasks, skipping runs already in {@code log}, within the budget. */
    public BenchSummary run(Suite suite, int orders, long seed, RunLog log, Budget budget)
            throws InterruptedException {
        if (orders < 1) {
            throw new IllegalArgumentException("orders must be at least 1, got " + orders + "; pass e.g. --orders 3");
        }
        int total = suite.tasks().size() * orders;
        int skipped = 0;
        int recorded = 0;
        int notStarted = 0;
        List<String> failures = new ArrayList<>();
        try (BenchProgress bar = BenchProgress.to(progress, "bench run", total,
                log.runs().stream().filter(r -> POLICY.equals(r.policy())).count())) {
            outer:
            for (int k = 0; k < orders; k++) {
                SaleRouter router = null;
                List<BenchTask> stream = suite.ordered(seed + k);
                for (int position = 0; position < stream.size(); position++) {
                    BenchTask task = stream.get(position);
                    if (log.contains(runId(task, k))) {
                        skipped++;
                        continue;
                    }
                    if (!budget.tryStart()) {
                        notStarted = total - recorded - skipped - failures.size();
                        break outer;
                    }
                    router = router == null ? routers.apply(k) : router;
                    try {
                        RecordedRun run = step(router, task, k, position, seed + k);
                        log.append(run);
                        budget.finish(BenchRecorder.cost(run), true);
                        recorded++;
                    } catch (RuntimeException e) {
                        budget.finish(0, false);
                        failures.add(runId(task, k) + ": " + e.getMessage());
                        OnlineBench.log.warn("task {} failed, not recorded: {}", runId(task, k), e.toString());
                    }
                    bar.step(budget.spentUsd());
                }
            }
        }
        return new BenchSummary(recorded, skipped, failures.size(), notStarted, budget.spentUsd(),
                budget.exhausted(), failures);
    }

    private RecordedRun step(SaleRouter router, BenchTask task, int order, int position, long seed) {
        AuctionResult auction = router.auction(runner.auctionTask(task, router.pool().agents().get(0).model()));
        Agent winner = router.pool().get(auction.winner());
        ExecutionOutcome outcome = executions.run(task, winner, auction.winningPlan().orElse(null));
        boolean correct = Boolean.TRUE.equals(outcome.correct());
        if (!router.recordOutcome(auction.id(), correct ? Outcome.success(Outcome.Source.TESTS)
                : Outcome.failure(Outcome.Source.TESTS, outcome.detail().reason()))) {
            log.warn("task {}: the memory holds no auction {}, so its outcome was not fed back", task.id(),
                    auction.id());
        }
        boolean refined = Boolean.TRUE.equals(auction.winnerRefined());
        RecordedRun run = RecordedRun.from(auction, task.domain().id(), task.bin().label(),
                Map.of(auction.winner(), outcome));
        return new RecordedRun(RecordedRun.SCHEMA_VERSION, runId(task, order), task.prompt(), run.domain(), run.bin(),
                run.winner(), run.agents(), run.overhead(), new RoutingInfo(POLICY, order, position, seed, refined,
                refined ? auction.winner() : null, correct));
    }
}
