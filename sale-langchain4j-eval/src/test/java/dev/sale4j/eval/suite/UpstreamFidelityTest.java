package dev.sale4j.eval.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sale4j.eval.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled tasks' hidden tests and answers are the upstream ones, verbatim, for every task of each source. */
class UpstreamFidelityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Suite suite = Suite.bundled();
    private final Path data = SharedData.dir();

    @Test
    void mbppAssertsImportsAndReferencesAreUpstreams() throws IOException {
        JsonNode upstream = JSON.readTree(data.resolve("mbpp/sanitized-mbpp.json").toFile());
        for (JsonNode t : upstream) {
            BenchTask task = suite.task(String.format("mbpp/%03d", t.get("task_id").asInt())).orElseThrow();
            GradingSpec.Asserts spec = (GradingSpec.Asserts) task.grading();
            assertThat(spec.asserts()).isEqualTo(strings(t.get("test_list")));
            assertThat(spec.setup()).isEqualTo(String.join("\n", strings(t.get("test_imports"))));
            assertThat(spec.reference()).isEqualTo(t.get("code").asText());
            assertThat(task.prompt()).startsWith(t.get("prompt").asText().strip())
                    .contains(spec.asserts().get(0)).doesNotContain(spec.asserts().get(2));
        }
    }

    @Test
    void humanEvalAndLeetCodeChecksAreUpstreams() throws IOException {
        for (JsonNode t : CodingSources.jsonl(data.resolve("humaneval/HumanEval.jsonl.gz"))) {
            String n = t.get("task_id").asText().replace("HumanEval/", "");
            GradingSpec.Check spec = (GradingSpec.Check) suite.task(String.format("humaneval/%03d",
                    Integer.parseInt(n))).orElseThrow().grading();
            assertThat(spec.tests()).isEqualTo(t.get("test").asText());
            assertThat(spec.entryPoint()).isEqualTo(t.get("entry_point").asText());
            assertThat(spec.preamble()).isEqualTo(t.get("prompt").asText());
        }
        for (JsonNode t : CodingSources.jsonl(data.resolve("leetcode/LeetCodeDataset-v0.3.1-test.jsonl.gz"))) {
            BenchTask task = suite.task("leetcode/" + t.get("task_id").asText()).orElseThrow();
            GradingSpec.Check spec = (GradingSpec.Check) task.grading();
            assertThat(spec.tests()).isEqualTo(t.get("test").asText());
            assertThat(spec.entryPoint()).isEqualTo(t.get("entry_point").asText());
            assertThat(spec.preamble()).isEqualTo(t.get("prompt").asText());
            assertThat(spec.reference()).isEqualTo(t.get("completion").asText());
            assertThat(task.metadata()).containsEntry("difficulty", t.get("difficulty").asText());
            assertThat(task.prompt()).contains(t.get("starter_code").asText().stripTrailing());
        }
    }

    @Test
    void questionAnswersAndKeysAreUpstreams() throws IOException {
        List<String[]> simpleQa = CodingSources.csv(data.resolve("simpleqa/simple_qa_test_set.csv"));
        for (int i = 1; i < simpleQa.size(); i++) {
            GradingSpec.Answer spec = (GradingSpec.Answer) suite.task(String.format("simpleqa/%04d", i))
                    .orElseThrow().grading();
            assertThat(spec.question()).isEqualTo(simpleQa.get(i)[1].strip());
            assertThat(spec.answers()).containsExactly(simpleQa.get(i)[2].strip());
        }
        int i = 0;
        for (JsonNode q : JSON.readTree(data.resolve("hotpotqa/hotpot_dev_v1_simplified.json").toFile())) {
            BenchTask task = suite.task(String.format("hotpotqa/%04d", ++i)).orElseThrow();
            assertThat(((GradingSpec.Answer) task.grading()).answers()).containsExactly(q.get("answer").asText()
                    .strip());
            assertThat(task.prompt()).endsWith("Question: " + q.get("question").asText().strip());
        }
        List<String[]> mmlu = CodingSources.csv(data.resolve("mmlu-cs/machine_learning_test.csv"));
        for (int r = 0; r < mmlu.size(); r++) {
            BenchTask task = suite.task(String.format("mmlu-cs/machine_learning/test/%03d", r + 1)).orElseThrow();
            assertThat(((GradingSpec.Choice) task.grading()).answer()).isEqualTo(mmlu.get(r)[5]);
            assertThat(task.prompt()).contains("\nD. " + mmlu.get(r)[4].strip() + "\n");
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
