package dev.sale4j.eval.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sale4j.runs.AgentRun;
import dev.sale4j.runs.RecordedRun;
import dev.sale4j.runs.RecordedRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLogTest {

    @TempDir
    Path dir;

    private static RecordedRun run(String id) {
        return RecordedRun.of(id, "task " + id, "coding", "(0,0.1]", null, List.of(
                new AgentRun("a", 10, 0.05, 0.5, "lexical", Map.of("a", 3), true, 100L, 0.001)));
    }

    @Test
    void appendedRunsAreThereAfterReopening() {
        Path file = dir.resolve("runs.jsonl");
        try (RunLog log = RunLog.open(file)) {
            log.append(run("t1"));
            log.append(run("t2"));
        }
        try (RunLog log = RunLog.open(file)) {
            assertThat(log.contains("t1")).isTrue();
            assertThat(log.runs()).extracting(RecordedRun::id).containsExactly("t1", "t2");
            log.append(run("t3"));
        }
        assertThat(RecordedRuns.read(file)).extracting(RecordedRun::id).containsExactly("t1", "t2", "t3");
    }

    @Test
    void aTornLastLineIsCutOffAndTheNextRunStartsOnAFreshLine() throws IOException {
        Path file = dir.resolve("runs.jsonl");
        Files.writeString(file, RecordedRuns.toLine(run("t1")) + "\n{\"schemaVersion\":2,\"id\":\"t2\",\"te");
        try (RunLog log = RunLog.open(file)) {
            assertThat(log.runs()).extracting(RecordedRun::id).containsExactly("t1");
            log.append(run("t2"));
        }
        assertThat(RecordedRuns.read(file)).extracting(RecordedRun::id).containsExactly("t1", "t2");
    }

    @Test
    void aWholeLastRunWithoutItsNewlineIsKept() throws IOException {
        Path file = dir.resolve("runs.jsonl");
        Files.writeString(file, RecordedRuns.toLine(run("t1")));
        try (RunLog log = RunLog.open(file)) {
            log.append(run("t2"));
        }
        assertThat(RecordedRuns.read(file)).extracting(RecordedRun::id).containsExactly("t1", "t2");
    }

    @Test
    void aBadLineBeforeTheEndIsAnErrorNamingTheLine() throws IOException {
        Path file = dir.resolve("runs.jsonl");
        Files.writeString(file, RecordedRuns.toLine(run("t1")) + "\nnot json\n", StandardOpenOption.CREATE);
        assertThatThrownBy(() -> RunLog.open(file)).isInstanceOf(BenchException.class)
                .hasMessageContaining("line 2").hasMessageContaining("new --out file");
    }
}
