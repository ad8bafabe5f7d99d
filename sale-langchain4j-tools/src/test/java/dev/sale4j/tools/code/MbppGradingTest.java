package dev.sale4j.tools.code;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sale4j.tools.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Grades all 427 sanitized MBPP reference solutions (real data from shared/data/mbpp), two at a time. */
class MbppGradingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    // task 123 (amicable numbers below 10,000) needs a few seconds of CPU; the build machines' cores are shared
    private final TestRunner runner = TestRunner.builder().sandbox(PythonSandbox.builder()
            .limits(SandboxLimits.builder().wallTime(Duration.ofSeconds(30)).build()).build()).build();

    @Test
    void allSanitizedReferenceSolutionsPass() throws Exception {
        List<JsonNode> tasks = tasks();
        assertThat(tasks).hasSize(427);
        long start = System.nanoTime();
        List<String> failures = new ArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<TestVerdict>> verdicts = new ArrayList<>();
            for (JsonNode task : tasks) {
                verdicts.add(workers.submit(() -> grade(task, task.get("code").asText())));
            }
            for (int i = 0; i < tasks.size(); i++) {
                TestVerdict verdict = verdicts.get(i).get();
                if (!verdict.passed()) {
                    failures.add("task " + tasks.get(i).get("task_id") + ": " + verdict.reason());
                }
            }
        } finally {
            workers.shutdownNow();
        }
        System.out.printf("[mbpp] %d/%d reference solutions passed in %d ms%n", tasks.size() - failures.size(),
                tasks.size(), (System.nanoTime() - start) / 1_000_000);
        assertThat(failures).isEmpty();
    }

    @Test
    void deliberatelyWrongSolutionsFail() throws IOException {
        JsonNode task2 = tasks().stream().filter(t -> t.get("task_id").asInt() == 2).findFirst().orElseThrow();
        JsonNode task3 = tasks().stream().filter(t -> t.get("task_id").asInt() == 3).findFirst().orElseThrow();
        String offByOne = task2.get("code").asText().replace("set(test_tup1) & set(test_tup2)",
                "set(test_tup1) | set(test_tup2)");
        assertThat(offByOne).isNotEqualTo(task2.get("code").asText());

        TestVerdict wrongLogic = grade(task2, offByOne);
        TestVerdict wrongTask = grade(task2, task3.get("code").asText());

        assertThat(wrongLogic.passed()).isFalse();
        assertThat(wrongLogic.reason()).startsWith("test 1 of 3 failed: assert set(similar_elements(");
        assertThat(wrongTask.passed()).isFalse();
        assertThat(wrongTask.reason()).contains("NameError").contains("similar_elements");
    }

    @Test
    void perturbedReferenceSolutionsFail() throws Exception {
        assertThat(Batch.unexpected(tasks(), t -> "task " + t.get("task_id"),
                t -> grade(t, WrongVariants.function(t.get("code").asText(), functionUnderTest(t))), false,
                "mbpp wrong variants")).isEmpty();
    }

    /** The first function the reference defines that the first assert calls. */
    private static String functionUnderTest(JsonNode task) {
        Set<String> defined = new HashSet<>();
        Matcher defs = Pattern.compile("(?m)^def\\s+(\\w+)\\s*\\(").matcher(task.get("code").asText());
        while (defs.find()) {
            defined.add(defs.group(1));
        }
        Matcher calls = Pattern.compile("(\\w+)\\s*\\(").matcher(task.get("test_list").get(0).asText());
        while (calls.find()) {
            if (defined.contains(calls.group(1))) {
                return calls.group(1);
            }
        }
        throw new IllegalStateException("task " + task.get("task_id") + ": no function of the reference in its tests");
    }

    private TestVerdict grade(JsonNode task, String candidate) {
        List<String> imports = new ArrayList<>();
        task.get("test_imports").forEach(i -> imports.add(i.asText()));
        List<String> asserts = new ArrayList<>();
        task.get("test_list").forEach(a -> asserts.add(a.asText()));
        return runner.gradeAsserts(String.join("\n", imports), candidate, asserts);
    }

    private static List<JsonNode> tasks() throws IOException {
        List<JsonNode> tasks = new ArrayList<>();
        JSON.readTree(SharedData.path("mbpp/sanitized-mbpp.json").toFile()).forEach(tasks::add);
        return tasks;
    }
}
