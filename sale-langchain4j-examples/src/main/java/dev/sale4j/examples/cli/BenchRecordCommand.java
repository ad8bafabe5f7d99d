package dev.sale4j.examples.cli;

import dev.sale4j.eval.bench.BackendLimits;
import dev.sale4j.eval.bench.BenchRecorder;
import dev.sale4j.eval.bench.BenchSummary;
import dev.sale4j.eval.bench.Budget;
import dev.sale4j.eval.bench.RunLog;
import dev.sale4j.eval.suite.Suite;
import dev.sale4j.examples.config.PoolConfig;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.tools.code.PythonSandbox;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sale bench record}: the full matrix of bids, jury scores and graded executions, resumable. */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Every agent bids for, is judged on and executes every task; each execution is graded. "
                + "Appends recorded runs (v2); a restart skips finished tasks.")
public final class BenchRecordCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    BenchOptions o;

    @Override
    public Integer call() throws InterruptedException {
        return BenchRun.execute(spec, o, "record", (suite, log) -> {
            PoolConfig config = o.poolConfig();
            BackendLimits limits = BackendLimits.of(o.concurrency);
            AgentPool pool = o.pool(config, limits);
            PythonSandbox sandbox = PythonSandbox.builder().build();
            Budget budget = o.budget(log, r -> r.policy() == null);
            return BenchRecorder.builder().router(o.router(config, pool, null)).runner(o.runner(sandbox))
                    .grader(BenchOptions.grader(sandbox)).workers(o.concurrency)
                    .progress(o.noProgress ? null : System.err).build().record(suite.tasks(), log, budget);
        });
    }

    /** The body of a bench command: given the suite and the open run log, the summary. */
    interface Body {
        BenchSummary run(Suite suite, RunLog log) throws InterruptedException;
    }
}
