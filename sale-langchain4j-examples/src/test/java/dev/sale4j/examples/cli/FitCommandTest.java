package dev.sale4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sale4j.examples.runs.SyntheticRuns;
import dev.sale4j.runs.AgentRun;
import dev.sale4j.runs.RecordedRun;
import dev.sale4j.runs.RecordedRuns;
import dev.sale4j.score.Weights;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitCommandTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private Path runs(int tasks, int agents) {
        Path file = dir.resolve("runs.jsonl");
        RecordedRuns.write(file, SyntheticRuns.generate(tasks, agents, 1));
        return file;
    }

    @Test
    void fitWritesWeightsAndPrintsTrainingAndHeldOutTables() {
        Path weights = dir.resolve("out/weights.json");

        int code = cli.run("fit", "--runs", runs(200, 3).toString(), "--out", weights.toString(), "--folds", "4");

        assertThat(code).as(cli.err()).isZero();
        Weights w = Weights.load(weights);
        double sum = w.wc() + w.wh() + w.jurors().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(w.jurors()).containsOnlyKeys("agent0", "agent1", "agent2");
        String text = cli.out();
        assertThat(text).contains("Fitted worst weights on 200 tasks")
                .contains("w_c (price x |s|)")
                .contains("w_j juror agent2")
                .contains("Q = ")
                .contains("Worst margins:")
                .contains("Training set (200 tasks; execution cost only)")
                .contains("Held out (4-fold cross-validation, seed 42)")
                .contains("fitted (held out)")
                .contains("oracle")
                .contains("always agent0")
                .contains("always agent2");
    }

    @Test
    void theAverageObjectiveIsSelectable() {
        int code = cli.run("fit", "--runs", runs(50, 2).toString(), "--out", dir.resolve("w.json").toString(),
                "--objective", "average", "--folds", "0");
        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Fitted average weights").contains("(mean task margin")
                .doesNotContain("Held out");
    }

    @Test
    void aFitOnConstantFeaturesSaysItHasNoInformation() {
        List<RecordedRun> same = SyntheticRuns.generate(20, 2, 1).stream().map(r -> RecordedRun.of(r.id(), r.text(),
                r.domain(), r.bin(), null, r.agents().stream().map(a -> new AgentRun(a.agent(), 100, 1.0, 0.5,
                        a.entropyEstimator(), java.util.Map.of("j", 3), a.correct(), a.executionTokens(),
                        a.executionCostUsd())).toList())).toList();
        Path file = dir.resolve("same.jsonl");
        RecordedRuns.write(file, same);

        int code = cli.run("fit", "--runs", file.toString(), "--out", dir.resolve("w.json").toString(),
                "--folds", "0");

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("No information to fit on: every feature")
                .contains("record runs in which the agents' bids differ");
    }

    @Test
    void aMissingFieldFailsWithItsLineAndNoWeightsFile() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        List<RecordedRun> good = SyntheticRuns.generate(2, 2, 1);
        String second = RecordedRuns.toLine(good.get(1)).replaceFirst("\"price\":[0-9.]+,", "");
        Files.write(file, List.of(RecordedRuns.toLine(good.get(0)), second), StandardCharsets.UTF_8);
        Path weights = dir.resolve("w.json");

        int code = cli.run("fit", "--runs", file.toString(), "--out", weights.toString());

        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err()).contains("line 2: field 'agents[0].price' is missing");
        assertThat(weights).doesNotExist();
    }

    @Test
    void anEmptyFileFails() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.jsonl"), "");
        assertThat(cli.run("fit", "--runs", file.toString(), "--out", dir.resolve("w.json").toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err()).contains("is empty");
    }

    @Test
    void runsOfASingleAgentFail() {
        assertThat(cli.run("fit", "--runs", runs(10, 1).toString(), "--out", dir.resolve("w.json").toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err()).contains("has only agent 'agent0'").contains("at least two agents");
    }

    @Test
    void badOptionsAreUsageErrors() {
        Path file = runs(10, 2);
        assertThat(cli.run("fit", "--runs", file.toString(), "--out", "w.json", "--folds", "1")).isEqualTo(2);
        assertThat(cli.err()).contains("--folds must be 0 (no cross-validation) or at least 2");
        assertThat(cli.run("fit", "--runs", file.toString(), "--out", "w.json", "--objective", "best")).isEqualTo(2);
        assertThat(cli.run("fit", "--out", "w.json")).isEqualTo(2);
        assertThat(cli.err()).contains("Missing required option: '--runs=FILE'");
    }

    @Test
    void tooFewTasksForTheFoldsSkipsCrossValidationWithANote() {
        int code = cli.run("fit", "--runs", runs(3, 2).toString(), "--out", dir.resolve("w.json").toString());
        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Cross-validation skipped: 5 folds need at least 5 tasks, there are 3.");
    }
}
