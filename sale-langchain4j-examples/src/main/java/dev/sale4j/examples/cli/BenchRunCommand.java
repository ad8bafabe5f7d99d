package dev.sale4j.examples.cli;

import dev.sale4j.eval.bench.BackendLimits;
import dev.sale4j.eval.bench.Budget;
import dev.sale4j.eval.bench.OnlineBench;
import dev.sale4j.examples.config.PoolConfig;
import dev.sale4j.memory.EmbeddingStoreAuctionMemory;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.tools.code.PythonSandbox;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sale bench run}: SALE with memory over K seeded orders of the suite, outcomes fed back from the grader. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "SALE online: route each task of K seeded streams by auction with memory, execute the winner, "
                + "feed the grader's verdict back; appends recorded runs (v2, policy sale-online).")
public final class BenchRunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    BenchOptions o;

    @Option(names = "--orders", defaultValue = "3", paramLabel = "K",
            description = "Seeded stream orders (seeds --seed, --seed+1, ...), each with a fresh memory; default ${DEFAULT-VALUE}.")
    int orders;

    @Override
    public Integer call() throws InterruptedException {
        return BenchRun.execute(spec, o, "run", (suite, log) -> {
            PoolConfig config = o.poolConfig();
            AgentPool pool = o.pool(config, BackendLimits.of(o.concurrency));
            PythonSandbox sandbox = PythonSandbox.builder().build();
            Budget budget = o.budget(log, r -> OnlineBench.POLICY.equals(r.policy()));
            return new OnlineBench(k -> o.router(config, pool, EmbeddingStoreAuctionMemory.builder()
                    .file(memoryFile(o.out, k)).build()), o.runner(sandbox), BenchOptions.grader(sandbox),
                    o.noProgress ? null : System.err).run(suite, orders, o.seed, log, budget);
        });
    }

    /** Order k's memory beside the runs file, so a resumed order keeps what it learned. */
    static Path memoryFile(Path out, int order) {
        return out.resolveSibling(out.getFileName() + ".order" + order + ".memory.json");
    }
}
