package dev.sale4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.NonRetriableException;
import dev.sale4j.examples.runs.SyntheticRuns;
import dev.sale4j.runs.RecordedRuns;
import dev.sale4j.score.Weights;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every failure on bad input or I/O ends with one message naming the problem and the fix, and exit code 2; none
 * prints a stack trace. Each case runs the picocli command in-process; none reaches a backend.
 */
class CliErrorsTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();
    private Path runs;
    private Path regularFile;

    @BeforeEach
    void files() throws IOException {
        runs = dir.resolve("runs.jsonl");
        RecordedRuns.write(runs, SyntheticRuns.generate(20, 2, 1));
        regularFile = Files.writeString(dir.resolve("plain.txt"), "not a directory");
    }

    private void assertBadInput(int code, String... fragments) {
        assertThat(code).as(cli.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err()).contains(fragments);
        assertThat(cli.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(cli.err().strip().lines()).as("one message").hasSize(1);
    }

    @Test
    void fitWithRunsPointingAtADirectorySaysSo() {
        assertBadInput(cli.run("fit", "--runs", dir.toString(), "--out", dir.resolve("w.json").toString()),
                "sale fit: ", dir + " is a directory, not a file", "pass the JSONL file");
    }

    @Test
    void fitWithAMissingRunsFileSaysSo() {
        assertBadInput(cli.run("fit", "--runs", dir.resolve("none.jsonl").toString(), "--out",
                dir.resolve("w.json").toString()), "none.jsonl does not exist");
    }

    @Test
    void fitWithBadJsonInTheRunsNamesTheLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{ not json\n");
        assertBadInput(cli.run("fit", "--runs", bad.toString(), "--out", dir.resolve("w.json").toString()),
                "bad.jsonl", "line 1");
    }

    @Test
    void fitWithAnOutputUnderARegularFileFailsBeforeFitting() {
        Path out = regularFile.resolve("w.json");
        assertBadInput(cli.run("fit", "--runs", runs.toString(), "--out", out.toString()),
                "--out " + out, regularFile + " is a file, not a directory", "choose a file path");
        assertThat(cli.out()).doesNotContain("Fitted");
    }

    @Test
    void fitWithAnOutputThatIsADirectorySaysSo() {
        assertBadInput(cli.run("fit", "--runs", runs.toString(), "--out", dir.toString()),
                "--out " + dir + " is a directory");
    }

    @Test
    void weightsPointingAtADirectorySaysSo() {
        assertBadInput(cli.run("auction", "--weights", dir.toString(), "task"),
                "sale auction: Weights file " + dir + " is a directory, not a file", "sale fit --out");
    }

    @Test
    void aMissingWeightsFileSaysSo() {
        assertBadInput(cli.run("auction", "--weights", regularFile.resolve("w.json").toString(), "task"),
                "does not exist (" + regularFile + " is a file, not a directory)");
    }

    @Test
    void weightsWithATypoNameTheFieldAndTheValidOne() throws IOException {
        Path weights = Files.writeString(dir.resolve("w.json"),
                Weights.defaults().toJson().replace("\"wc\"", "\"wC\""));
        assertBadInput(cli.run("auction", "--weights", weights.toString(), "task"),
                "w.json is not valid: unknown field 'wC' in the weights: did you mean 'wc'?", "Valid fields");
    }

    @Test
    void weightsThatAreNotJsonSaySo() throws IOException {
        Path weights = Files.writeString(dir.resolve("w.json"), "wc = 0.1");
        assertBadInput(cli.run("auction", "--weights", weights.toString(), "task"), "is not valid JSON");
    }

    @Test
    void configPointingAtADirectorySaysSo() {
        assertBadInput(cli.run("auction", "--config", dir.toString(), "task"),
                dir + " is a directory, not a file: pass a pool file (YAML) with --config");
    }

    @Test
    void anAuctionTraceUnderARegularFileFailsBeforeTheAuction() {
        assertBadInput(cli.run("auction", "--out", regularFile.resolve("t.json").toString(), "task"),
                "--out", "is a file, not a directory");
    }

    @Test
    void aResearchTraceUnderARegularFileFailsBeforeAnyCall() {
        assertBadInput(cli.run("research", "--json", regularFile.resolve("t.json").toString(), "question"),
                "sale research: --json", "is a file, not a directory");
    }

    @Test
    void evaluateWithRunsPointingAtADirectoryOrOutAtAFileSaysSo() {
        assertBadInput(cli.run("evaluate", "--runs", dir.toString(), "--out", dir.resolve("r").toString()),
                "is a directory, not a file");
        CliRun again = new CliRun();
        int code = again.run("evaluate", "--runs", runs.toString(), "--out", regularFile.toString());
        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.err()).contains("--out " + regularFile + " is a file, not a directory")
                .doesNotContain("\tat ");
    }

    @Test
    void benchOutputUnderARegularFileSaysSo() {
        assertBadInput(cli.run("bench", "record", "--out", regularFile.resolve("runs.jsonl").toString()),
                "sale bench record: --out", "is a file, not a directory");
    }

    /** The slot for a fit that cannot converge: any NonRetriableException, e.g. one from dev.sale4j.fit. */
    @Test
    void aNonRetriableFailureIsBadInputAndABugIsAnInternalErrorWithItsTrace() {
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(new Failing(new NonRetriableException(
                "the weight fit did not converge: widen the tolerance"))).setErr(new PrintWriter(err))
                .setExecutionExceptionHandler(new ExitCodes());
        assertThat(line.execute()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString().strip()).isEqualTo("failing: the weight fit did not converge: widen the tolerance");

        StringWriter bug = new StringWriter();
        CommandLine broken = new CommandLine(new Failing(new NullPointerException("x"))).setErr(new PrintWriter(bug))
                .setExecutionExceptionHandler(new ExitCodes());
        assertThat(broken.execute()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(bug.toString()).contains("failing: internal error: java.lang.NullPointerException: x")
                .contains("\tat ");
    }

    @CommandLine.Command(name = "failing")
    static final class Failing implements Callable<Integer> {
        private final RuntimeException error;

        Failing(RuntimeException error) {
            this.error = error;
        }

        @Override
        public Integer call() {
            throw error;
        }
    }
}
