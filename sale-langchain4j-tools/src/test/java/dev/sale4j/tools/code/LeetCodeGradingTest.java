package dev.sale4j.tools.code;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sale4j.tools.SharedData;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Grades the LeetCodeDataset v0.3.1 test split's reference completions (real data from shared/data/leetcode). */
class LeetCodeGradingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PythonSandbox sandbox = PythonSandbox.builder()
            .limits(SandboxLimits.builder().wallTime(Duration.ofSeconds(90)).build()).build(); // one reference solution needs ~30 s of CPU
    private final TestRunner runner = TestRunner.builder().sandbox(sandbox).build();

    @Test
    void referenceCompletionsPassTheirCheckFunctions() throws Exception {
        List<JsonNode> tasks = tasks("leetcode/LeetCodeDataset-v0.3.1-test.jsonl.gz");
        assertThat(tasks).hasSize(228);
        ExecutionResult probe = sandbox.run("import sortedcontainers");
        assertThat(probe.exitCode()).as("the dataset's preamble imports sortedcontainers: apt-get install "
                + "python3-sortedcontainers; got %s", probe.stderr()).isZero();
        long start = System.nanoTime();
        List<String> failures = new ArrayList<>();
        long slowest = 0;
        String slowestTask = "";
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<TestVerdict>> verdicts = new ArrayList<>();
            for (JsonNode t : tasks) {
                verdicts.add(workers.submit(() -> runner.gradeCheck(t.get("prompt").asText(),
                        t.get("completion").asText(), t.get("test").asText(), t.get("entry_point").asText())));
            }
            for (int i = 0; i < tasks.size(); i++) {
                TestVerdict verdict = verdicts.get(i).get();
                if (!verdict.passed()) {
                    failures.add(tasks.get(i).get("task_id").asText() + ": " + verdict.reason());
                }
                long millis = verdict.execution().duration().toMillis();
                if (millis > slowest) {
                    slowest = millis;
                    slowestTask = tasks.get(i).get("task_id").asText();
                }
            }
        } finally {
            workers.shutdownNow();
        }
        System.out.printf("[leetcode] %d/%d reference completions passed in %d ms (slowest: %s, %d ms); failures: %s%n",
                tasks.size() - failures.size(), tasks.size(), (System.nanoTime() - start) / 1_000_000, slowestTask,
                slowest, failures);
        assertThat(failures).isEmpty();
    }

    private static List<JsonNode> tasks(String relative) throws IOException {
        List<JsonNode> tasks = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(SharedData.path(relative))), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    tasks.add(JSON.readTree(line));
                }
            }
        }
        return tasks;
    }
}
