package dev.sale4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sale4j.examples.runs.SyntheticRuns;
import dev.sale4j.runs.RecordedRun;
import dev.sale4j.runs.RecordedRuns;
import dev.sale4j.runs.RoutingInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void evaluateReplaysEveryPolicyWithTheTextRoutersAndReadsOnlineRunsAsAPolicy() throws IOException {
        Path matrix = dir.resolve("record.jsonl");
        List<RecordedRun> runs = SyntheticRuns.generate(60, 3, 5);
        RecordedRuns.write(matrix, runs);
        List<RecordedRun> online = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            RecordedRun r = runs.get(i);
            online.add(new RecordedRun(2, r.id() + "#0", r.text(), r.domain(), r.bin(), "agent0", r.agents(), null,
                    new RoutingInfo("sale-online", 0, i, 9L, false, null, null)));
        }
        Path onlineFile = dir.resolve("online.jsonl");
        RecordedRuns.write(onlineFile, online);

        int code = cli.run("evaluate", "--runs", matrix.toString(), onlineFile.toString(), "--out",
                dir.resolve("report").toString(), "--folds", "3", "--seed", "3");

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Replayed").contains("oracle").contains("sale-no-jury")
                .contains("sale-without-juror:agent2").contains("knn-wtp").contains("carrot").contains("routellm")
                .contains("cascade").contains("sale-online").contains("Shapley values");
        assertThat(dir.resolve("report/results.md")).exists();
        assertThat(dir.resolve("report/cheapest-share.svg")).exists();
        assertThat(Files.readString(dir.resolve("report/results.csv"))).contains("sale-online,");
    }

    @Test
    void anUnknownPolicyIsAClearError() {
        Path matrix = dir.resolve("record.jsonl");
        RecordedRuns.write(matrix, SyntheticRuns.generate(10, 2, 5));
        int code = cli.run("evaluate", "--runs", matrix.toString(), "--out", dir.toString(), "--policies",
                "sale,nope");
        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err()).contains("Unknown policy 'nope'; known policies:");
    }
}
