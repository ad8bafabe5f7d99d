package dev.sale4j.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sale4j.runs.AgentRun;
import dev.sale4j.runs.RecordedRun;
import dev.sale4j.simulate.Measures;
import dev.sale4j.simulate.PolicyRegistry;
import dev.sale4j.simulate.Simulation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationReportTest {

    @TempDir
    Path dir;

    /** 8 tasks, two bins: small solves the short ones, big the long ones; entropy points at the solver. */
    static List<RecordedRun> runs() {
        List<RecordedRun> runs = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            boolean shortTask = t % 2 == 0;
            Map<String, Integer> jury = Map.of("small", 3, "big", 3);
            runs.add(RecordedRun.of("t" + t, "task " + t, "coding", shortTask ? "(0,0.1]" : "(0.5,2.5]", null,
                    List.of(new AgentRun("small", 100, 1, shortTask ? 0.8 : 0.3, "lexical", jury, shortTask, 1000L,
                                    0.001),
                            new AgentRun("big", 100, 4, shortTask ? 0.3 : 0.8, "lexical", jury, true, 1000L,
                                    0.004))));
        }
        return runs;
    }

    @Test
    void theReportHasThePapersTablesAndEveryChartInPngAndSvg() throws IOException {
        var result = Simulation.builder().runs(runs())
                .policies(PolicyRegistry.standard(List.of("small", "big"), 1)
                        .resolve(List.of("single:small", "single:big", "oracle", "sale")))
                .folds(2).seed(1).shapley(true).build().run();

        List<Path> files = EvaluationReport.write(Measures.of(result), dir, true);

        assertThat(files).extracting(p -> p.getFileName().toString()).contains("results.md", "results.csv",
                "results.json", "pareto.png", "pareto.svg", "allocation.png", "allocation.svg", "confusion.png",
                "confusion.svg", "cheapest-share.png", "cheapest-share.svg");
        String md = Files.readString(dir.resolve("results.md"), StandardCharsets.UTF_8);
        assertThat(md).contains(ReportTables.BINS_PROXY)
                .contains("| policy | (0,0.1] pass@1 | (0,0.1] $/Mtok | (0.5,2.5] pass@1 | (0.5,2.5] $/Mtok |")
                // small alone: short bin all solved at 1 $/Mtok, long bin none.
                .contains("| single:small | 100.0 | 1.000 | 0.0 | 1.000 |")
                .contains("| sale | 100.0 | 1.000 | 100.0 | 4.000 |")
                .contains("## Shapley values");
        assertThat(Files.readAllLines(dir.resolve("results.csv"))).first().asString().startsWith("policy,domain,bin");
        assertThat(Files.readString(dir.resolve("results.json"))).contains("\"binsAreProxy\" : true");
        byte[] png = Files.readAllBytes(dir.resolve("pareto.png"));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(Files.readString(dir.resolve("confusion.svg"))).contains("<svg");
    }
}
