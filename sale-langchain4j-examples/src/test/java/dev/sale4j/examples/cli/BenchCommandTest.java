package dev.sale4j.examples.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sale4j.eval.suite.BenchTask;
import dev.sale4j.runs.AgentRun;
import dev.sale4j.runs.RecordedRun;
import dev.sale4j.runs.RecordedRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    @RegisterExtension
    static WireMockExtension ollama = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()
            .containerThreads(20)).build();

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private static Map<String, RecordedRun> byId(List<RecordedRun> runs) {
        return runs.stream().collect(Collectors.toMap(RecordedRun::id, Function.identity()));
    }

    @Test
    void recordsTheFullMatrixOnRealTasksOfEverySourceGradedInTheSandboxAndTheSimulatorReplaysIt() throws IOException {
        List<BenchTask> tasks = BenchFixture.slice(2, "mmlu-cs", "mbpp", "humaneval", "leetcode", "simpleqa",
                "hotpotqa");
        BenchFixture.stub(ollama, tasks, 0);
        Path runs = dir.resolve("runs.jsonl");

        int code = cli.run("bench", "record", "--suite", BenchFixture.writeSuite(dir, tasks).toString(),
                "--config", BenchFixture.pool(dir, ollama.baseUrl(), 0.05, 0.36).toString(), "--out",
                runs.toString(), "--no-progress", "--concurrency", "2");

        assertThat(code).as(cli.err() + cli.out()).isZero();
        assertThat(cli.out()).contains("12 tasks recorded, 0 already in").contains("proxy");
        Map<String, RecordedRun> recorded = byId(RecordedRuns.read(runs));
        assertThat(recorded.keySet()).containsExactlyInAnyOrderElementsOf(tasks.stream().map(BenchTask::id).toList());
        for (BenchTask task : tasks) {
            RecordedRun run = recorded.get(task.id());
            assertThat(run.schemaVersion()).isEqualTo(2);
            assertThat(run.winner()).isNull();
            assertThat(run.domain()).isEqualTo(task.domain().id());
            assertThat(run.bin()).isEqualTo(task.bin().label());
            assertThat(run.overhead().tokens()).isEqualTo(2 * 120 + 2 * 320);
            for (AgentRun a : run.agents()) {
                assertThat(a.correct()).as(task.id() + " " + a.agent() + ": " + a.execution().reason())
                        .isEqualTo(BenchFixture.correct(task, a.agent()));
                assertThat(a.planTokens()).isEqualTo(20);
                assertThat(a.juryScores()).containsEntry("small", 4).containsEntry("large", 4);
                assertThat(a.execution().inputTokens()).isEqualTo(400);
                assertThat(a.execution().outputTokens()).isEqualTo(80);
                assertThat(a.executionCostUsd()).isCloseTo(480 * a.price() / 1e6, org.assertj.core.data.Offset
                        .offset(1e-12));
                assertThat(a.execution().verdict()).isEqualTo(a.correct() ? "correct" : "incorrect");
            }
        }
        BenchTask mbpp = tasks.stream().filter(t -> t.source().equals("mbpp")).findFirst().orElseThrow();
        assertThat(recorded.get(mbpp.id()).agent("small").execution().reason()).startsWith("tests:");
        assertThat(recorded.get(mbpp.id()).agent("large").execution().reason()).startsWith("tests:");

        CliRun evaluate = new CliRun();
        int replayed = evaluate.run("evaluate", "--runs", runs.toString(), "--out", dir.resolve("report").toString(),
                "--policies", "oracle,largest,single:small", "--folds", "2", "--no-shapley");
        assertThat(replayed).as(evaluate.err()).isZero();
        assertThat(evaluate.out()).containsPattern("oracle\\s+100\\.0").containsPattern("largest\\s+100\\.0")
                .containsPattern("single:small\\s+16\\.7");
    }

    @Test
    void runsSaleOnlineInSeededOrdersFeedingTheGradersVerdictBack() throws IOException {
        List<BenchTask> tasks = BenchFixture.slice(2, "mmlu-cs", "simpleqa");
        BenchFixture.stub(ollama, tasks, 0);
        Path runs = dir.resolve("online.jsonl");

        int code = cli.run("bench", "run", "--suite", BenchFixture.writeSuite(dir, tasks).toString(), "--config",
                BenchFixture.pool(dir, ollama.baseUrl(), 0.05, 0.36).toString(), "--out", runs.toString(),
                "--orders", "2", "--seed", "7"); // with the progress bar, on stderr

        assertThat(code).as(cli.err() + cli.out()).isZero();
        List<RecordedRun> read = RecordedRuns.read(runs);
        assertThat(read).hasSize(8);
        for (RecordedRun run : read) {
            BenchTask task = tasks.stream().filter(t -> run.id().startsWith(t.id() + "#order")).findFirst()
                    .orElseThrow();
            assertThat(run.policy()).isEqualTo("sale-online");
            assertThat(run.routing().seed()).isEqualTo(7L + run.routing().order());
            assertThat(run.winner()).isIn("small", "large");
            assertThat(run.routing().winnerCorrect()).isEqualTo(BenchFixture.correct(task, run.winner()));
            assertThat(run.agent(run.winner()).execution().verdict()).isNotNull();
            assertThat(run.overhead().tokens()).isPositive();
        }
        assertThat(read.stream().filter(r -> r.routing().order() == 0).map(r -> r.routing().position()))
                .containsExactly(0, 1, 2, 3);
        Path memory = BenchRunCommand.memoryFile(runs, 1);
        try (var kept = dev.sale4j.memory.EmbeddingStoreAuctionMemory.builder().file(memory).build()) {
            assertThat(kept.stats().entries()).as("one remembered auction per task of order 1").isEqualTo(4);
        }
        assertThat(Files.readString(memory)).as("the graders' outcomes are in memory").contains("TESTS");
    }

    @Test
    void theBudgetStopsBeforeATaskThatWouldExceedItAndReportsWhatWasSpent() {
        List<BenchTask> tasks = BenchFixture.slice(3, "mmlu-cs", "simpleqa");
        BenchFixture.stub(ollama, tasks, 0);
        Path runs = dir.resolve("budget.jsonl");
        Path pool = BenchFixture.pool(dir, ollama.baseUrl(), 1000, 2000);
        // one task costs: bids 2 x 120, jury 2 x 320, executions 2 x 480 tokens, at 1000 and 2000 USD/Mtok
        double perTask = (120 + 320 + 480) * (1000 + 2000) / 1e6;

        int code = cli.run("bench", "record", "--suite", BenchFixture.writeSuite(dir, tasks).toString(), "--config",
                pool.toString(), "--out", runs.toString(), "--budget-usd", String.valueOf(2.5 * perTask),
                "--no-progress", "--concurrency", "1");

        assertThat(code).as(cli.err() + cli.out()).isZero();
        List<RecordedRun> read = RecordedRuns.read(runs);
        assertThat(read).hasSize(2);
        double spent = read.stream().mapToDouble(dev.sale4j.eval.bench.BenchRecorder::cost).sum();
        assertThat(spent).isCloseTo(2 * perTask, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cli.out()).contains("2 tasks recorded").contains("4 not started")
                .contains(String.format(java.util.Locale.ROOT, "Spent: $%.6f", spent)).contains("budget reached");
    }

    @Test
    void aMalformedTaskLineIsReportedWithItsLineNumber() throws IOException {
        Path suite = dir.resolve("mine.jsonl");
        Files.writeString(suite, """
                {"id":"my/1","domain":"coding","bin":"B1","source":"my","prompt":"Pick.","grading":{"type":"choice","answer":"A"}}
                {"id":"my/2","domain":"coding","bin":"(0.1,1]","source":"my","prompt":"Pick.","grading":{"type":"choice","answer":"A"}}
                """);

        int code = cli.run("bench", "record", "--suite", suite.toString(), "--out", dir.resolve("x.jsonl").toString(),
                "--config", BenchFixture.pool(dir, ollama.baseUrl(), 1, 1).toString());

        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).contains("mine.jsonl line 2").contains("field 'bin'");
    }

    @Test
    void aRunKilledWithSigkillAndRestartedRecordsEveryTaskExactlyOnceAndLosesNone() throws Exception {
        List<BenchTask> tasks = BenchFixture.slice(4, "mmlu-cs", "simpleqa");
        BenchFixture.stub(ollama, tasks, 300);
        Path runs = dir.resolve("killed.jsonl");
        List<String> args = List.of("bench", "record", "--suite", BenchFixture.writeSuite(dir, tasks).toString(),
                "--config", BenchFixture.pool(dir, ollama.baseUrl(), 0.05, 0.36).toString(), "--out",
                runs.toString(), "--concurrency", "1", "--no-progress");
        List<String> command = new java.util.ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
                SaleCli.class.getName()));
        command.addAll(args);
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lines(runs).size() < 2 && System.nanoTime() < deadline && child.isAlive()) {
            Thread.sleep(50);
        }
        child.destroyForcibly(); // SIGKILL
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        List<String> beforeKill = lines(runs);
        assertThat(beforeKill).as(Files.readString(dir.resolve("child.log"))).hasSizeBetween(2, tasks.size() - 1);
        // what a kill inside a write leaves: a torn last line
        Files.writeString(runs, "{\"schemaVersion\":2,\"id\":\"simpleqa/00", StandardOpenOption.APPEND);

        int code = cli.run(args.toArray(String[]::new));

        assertThat(code).as(cli.err() + cli.out()).isZero();
        assertThat(cli.out()).contains((tasks.size() - beforeKill.size()) + " tasks recorded, "
                + beforeKill.size() + " already in");
        List<String> after = lines(runs);
        assertThat(after.subList(0, beforeKill.size())).isEqualTo(beforeKill);
        List<String> ids = RecordedRuns.read(runs).stream().map(RecordedRun::id).toList();
        assertThat(ids).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(tasks.stream().map(BenchTask::id).toList());
    }

    private static List<String> lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.lines().filter(l -> l.endsWith("}")).toList();
    }
}
