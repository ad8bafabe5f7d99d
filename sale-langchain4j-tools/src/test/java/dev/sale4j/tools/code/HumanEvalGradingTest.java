package dev.sale4j.tools.code;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sale4j.tools.SharedData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades HumanEval's 164 canonical solutions (real data from shared/data/humaneval) the way the dataset means it:
 * the {@code prompt} is the preamble (it defines helpers the tests use, e.g. {@code poly}), the candidate is
 * {@code prompt + canonical_solution}, the {@code test} defines {@code check(candidate)}.
 */
class HumanEvalGradingTest {

    private final TestRunner runner = TestRunner.builder().sandbox(PythonSandbox.builder().build()).build();

    @Test
    void canonicalSolutionsPassTheirCheckFunctions() throws Exception {
        List<JsonNode> tasks = SharedData.jsonLines("humaneval/HumanEval.jsonl.gz");
        assertThat(tasks).hasSize(164);

        assertThat(Batch.unexpected(tasks, t -> t.get("task_id").asText(),
                t -> grade(t, t.get("prompt").asText() + t.get("canonical_solution").asText()), true, "humaneval"))
                .isEmpty();
    }

    @Test
    void perturbedCanonicalSolutionsFail() throws Exception {
        List<JsonNode> tasks = SharedData.jsonLines("humaneval/HumanEval.jsonl.gz");

        assertThat(Batch.unexpected(tasks, t -> t.get("task_id").asText(), t -> grade(t, WrongVariants.function(
                        t.get("prompt").asText() + t.get("canonical_solution").asText(), t.get("entry_point").asText())),
                false, "humaneval wrong variants")).isEmpty();
    }

    private TestVerdict grade(JsonNode task, String candidate) {
        return runner.gradeCheck(task.get("prompt").asText(), candidate, task.get("test").asText(),
                task.get("entry_point").asText());
    }
}
