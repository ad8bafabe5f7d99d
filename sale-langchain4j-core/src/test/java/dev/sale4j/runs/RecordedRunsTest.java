package dev.sale4j.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedRunsTest {

    @TempDir
    Path dir;

    private static final String GOOD = "{\"schemaVersion\":1,\"id\":\"t1\",\"text\":\"Reverse a list\",\"domain\":\"coding\","
            + "\"bin\":\"(0,0.1]\",\"agents\":[{\"agent\":\"small\",\"planTokens\":120,\"price\":0.05,\"entropy\":0.4,"
            + "\"entropyEstimator\":\"lexical\",\"juryScores\":{\"small\":3,\"big\":null},\"correct\":true,"
            + "\"executionTokens\":900,\"executionCostUsd\":0.000045},{\"agent\":\"big\",\"planTokens\":200,"
            + "\"price\":0.36,\"entropy\":0.7,\"juryScores\":{\"small\":4,\"big\":5},\"correct\":false,"
            + "\"executionTokens\":1500,\"executionCostUsd\":0.00054}]}";

    static RecordedRun sample(String id) {
        Map<String, Integer> jury = new HashMap<>();
        jury.put("small", 3);
        jury.put("big", null);
        return RecordedRun.of(id, "Reverse a list", "coding", "(0,0.1]", "small", List.of(
                new AgentRun("small", 120, 0.05, 0.4, "lexical", jury, true, 900L, 0.000045),
                new AgentRun("big", 200, 0.36, 0.7, "logprobs", Map.of("small", 4, "big", 5), null, null, null)));
    }

    @Test
    void aFileRoundTripsRunsIncludingMissingScoresAndOutcomes() {
        Path file = dir.resolve("runs.jsonl");
        List<RecordedRun> runs = List.of(sample("a"), sample("b"));

        RecordedRuns.write(file, runs);

        assertThat(RecordedRuns.read(file)).isEqualTo(runs);
        assertThat(RecordedRuns.read(file).get(0).agents().get(0).juryScores()).containsEntry("big", null);
    }

    @Test
    void eachRunIsOneLine() throws IOException {
        Path file = dir.resolve("runs.jsonl");
        RecordedRuns.write(file, List.of(sample("a"), sample("b"), sample("c")));
        assertThat(Files.readAllLines(file)).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("{\"schemaVersion\":2,"));
    }

    @Test
    void aHandWrittenLineIsRead() {
        RecordedRun run = RecordedRuns.parseLine(GOOD);
        assertThat(run.id()).isEqualTo("t1");
        assertThat(run.agents()).extracting(AgentRun::agent).containsExactly("small", "big");
        assertThat(run.agents().get(1).correct()).isFalse();
        assertThat(run.agents().get(1).entropyEstimator()).isNull();
        assertThat(run.winner()).isNull();
    }

    @Test
    void aMissingFieldIsNamedWithItsLineAndPath() throws IOException {
        String bad = GOOD.replace("\"price\":0.36,", "");
        Path file = write(GOOD.replace("t1", "t0"), "", bad);
        assertThatThrownBy(() -> RecordedRuns.read(file))
                .isInstanceOf(RecordedRunsException.class)
                .hasMessage("line 3: field 'agents[1].price' is missing")
                .satisfies(e -> assertThat(((RecordedRunsException) e).line()).isEqualTo(3));
    }

    @Test
    void nanIsRejectedByName() throws IOException {
        Path file = write(GOOD.replace("\"entropy\":0.7", "\"entropy\":NaN"));
        assertThatThrownBy(() -> RecordedRuns.read(file))
                .isInstanceOf(RecordedRunsException.class)
                .hasMessage("line 1: field 'agents[1].entropy' is NaN: it must be a finite number");
    }

    @Test
    void outOfRangeValuesAreRejectedByName() {
        assertThatThrownBy(() -> RecordedRuns.parseLine(GOOD.replace("\"big\":5", "\"big\":6")))
                .hasMessage("field 'agents[1].juryScores.big' is 6: it must lie in [0, 5]");
        assertThatThrownBy(() -> RecordedRuns.parseLine(GOOD.replace("\"price\":0.05", "\"price\":-1")))
                .hasMessageContaining("field 'agents[0].price' is -1.0");
        assertThatThrownBy(() -> RecordedRuns.parseLine(GOOD.replace("\"correct\":true", "\"correct\":\"yes\"")))
                .hasMessage("field 'agents[0].correct' must be true, false or null");
    }

    @Test
    void anotherSchemaVersionIsRejected() {
        assertThatThrownBy(() -> RecordedRuns.parseLine(GOOD.replace("\"schemaVersion\":1", "\"schemaVersion\":3")))
                .hasMessageContaining("schemaVersion 3 is not supported: this sale4j reads versions 1 to 2");
    }

    @Test
    void brokenJsonNamesTheLine() throws IOException {
        Path file = write(GOOD, "{\"schemaVersion\":1,");
        assertThatThrownBy(() -> RecordedRuns.read(file)).hasMessageStartingWith("line 2: not valid JSON");
    }

    @Test
    void duplicateTaskIdsAndDuplicateAgentsAreRejected() throws IOException {
        Path file = write(GOOD, GOOD);
        assertThatThrownBy(() -> RecordedRuns.read(file))
                .hasMessage("line 2: task id 't1' already appeared on line 1: task ids must be unique within a file");
        assertThatThrownBy(() -> RecordedRuns.parseLine(GOOD.replace("\"agent\":\"big\"", "\"agent\":\"small\"")))
                .hasMessageContaining("lists agent 'small' twice");
    }

    @Test
    void anEmptyFileIsAnError() throws IOException {
        Path file = write("", "  ");
        assertThatThrownBy(() -> RecordedRuns.read(file))
                .isInstanceOf(RecordedRunsException.class)
                .hasMessageContaining("is empty");
    }

    @Test
    void aMissingFileIsAnError() {
        assertThatThrownBy(() -> RecordedRuns.read(dir.resolve("nope.jsonl")))
                .isInstanceOf(RecordedRunsException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void valuesAreCheckedWhenBuiltInCodeToo() {
        assertThatThrownBy(() -> new AgentRun("a", 1, Double.NaN, 0.5, null, Map.of(), true, 1L, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Agent 'a': price is NaN");
        assertThatThrownBy(() -> RecordedRun.of("t", "x", null, null, "ghost",
                List.of(new AgentRun("a", 1, 1, 0.5, null, Map.of(), true, 1L, 0.1))))
                .hasMessageContaining("names winner 'ghost', which is not among its agents");
    }

    @Test
    void theSchemaShipsWithTheLibrary() throws IOException {
        try (InputStream in = RecordedRun.class.getResourceAsStream("recorded-run.schema.json")) {
            assertThat(in).isNotNull();
            String schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(schema).contains("\"schemaVersion\": {\"enum\": [1, 2]")
                    .contains("\"verifierScore\"").contains("\"routing\"").contains("\"overhead\"")
                    .contains("\"required\": [\"agent\", \"planTokens\", \"price\", \"entropy\"]");
        }
    }

    private static final String GOOD_V2 = "{\"schemaVersion\":2,\"id\":\"t2\",\"text\":\"Reverse a list\","
            + "\"winner\":\"small\",\"agents\":[{\"agent\":\"small\",\"planTokens\":120,\"price\":0.05,"
            + "\"entropy\":0.4,\"correct\":true,\"executionTokens\":900,\"executionCostUsd\":0.000045,"
            + "\"execution\":{\"inputTokens\":600,\"outputTokens\":300,\"toolCalls\":2,\"durationMs\":1500,"
            + "\"verdict\":\"correct\",\"reason\":\"3/3 tests\",\"verifierScore\":0.8}},"
            + "{\"agent\":\"big\",\"planTokens\":200,\"price\":0.36,\"entropy\":0.7}],"
            + "\"overhead\":{\"tokens\":1200,\"costUsd\":0.0002},"
            + "\"routing\":{\"policy\":\"sale-online\",\"order\":1,\"position\":17,\"seed\":7,\"refined\":true,"
            + "\"refinedAgent\":\"small\",\"winnerCorrect\":true}}";

    @Test
    void versionTwoLinesCarryExecutionDetailOverheadAndRouting() {
        RecordedRun run = RecordedRuns.parseLine(GOOD_V2);

        ExecutionDetail e = run.agent("small").execution();
        assertThat(e).isEqualTo(new ExecutionDetail(600L, 300L, 2, 1500L, "correct", "3/3 tests", 0.8));
        assertThat(e.totalTokens()).isEqualTo(900L);
        assertThat(run.agent("big").execution()).isNull();
        assertThat(run.overhead()).isEqualTo(new AuctionOverhead(1200, 0.0002));
        assertThat(run.routing()).isEqualTo(new RoutingInfo("sale-online", 1, 17, 7L, true, "small", true));
        assertThat(run.policy()).isEqualTo("sale-online");
        assertThat(RecordedRuns.parseLine(RecordedRuns.toLine(run))).isEqualTo(run);
    }

    @Test
    void versionOneLinesStillReadAndIgnoreVersionTwoFields() {
        RecordedRun run = RecordedRuns.parseLine(GOOD.replace("\"agents\":[", "\"routing\":{\"policy\":\"x\"},\"agents\":["));
        assertThat(run.schemaVersion()).isEqualTo(1);
        assertThat(run.routing()).isNull();
        assertThat(run.overhead()).isNull();
    }

    @Test
    void badVersionTwoFieldsNameTheLineAndField() throws IOException {
        Path file = write(GOOD, GOOD_V2.replace("\"verifierScore\":0.8", "\"verifierScore\":1.5"));
        assertThatThrownBy(() -> RecordedRuns.read(file))
                .hasMessage("line 2: field 'agents[0].execution.verifierScore' is 1.5: it must lie in [0.0, 1.0]");
        assertThatThrownBy(() -> RecordedRuns.parseLine(GOOD_V2.replace("\"policy\":\"sale-online\",", "")))
                .hasMessage("field 'routing.policy' is missing");
        assertThatThrownBy(() -> RecordedRuns.parseLine(GOOD_V2.replace("\"tokens\":1200", "\"tokens\":-1")))
                .hasMessage("field 'overhead.tokens' is -1: it must lie in [0, inf)");
        assertThatThrownBy(() -> RecordedRuns.parseLine(GOOD_V2.replace("\"winnerCorrect\":true",
                "\"winnerCorrect\":false")))
                .hasMessageContaining("routing.winnerCorrect is false but the winner's entry says correct=true");
        assertThatThrownBy(() -> RecordedRuns.parseLine(GOOD_V2.replace("\"refinedAgent\":\"small\"",
                "\"refinedAgent\":\"ghost\"")))
                .hasMessageContaining("names refined agent 'ghost', which is not among its agents");
    }

    @Test
    void versionTwoFieldsInAVersionOneRunAreRejectedInCode() {
        RecordedRun v1 = RecordedRuns.parseLine(GOOD);
        assertThatThrownBy(() -> new RecordedRun(1, v1.id(), v1.text(), v1.domain(), v1.bin(), v1.winner(),
                v1.agents(), new AuctionOverhead(1, 0), null))
                .hasMessageContaining("has version-2 fields (overhead, routing or execution) but schema version 1");
        assertThat(v1.with(new AuctionOverhead(1, 0), null).schemaVersion()).isEqualTo(2);
    }

    private Path write(String... lines) throws IOException {
        Path file = dir.resolve("in.jsonl");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }
}
