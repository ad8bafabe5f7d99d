package dev.sale4j.eval.grade;

import dev.sale4j.eval.suite.BenchTask;
import dev.sale4j.eval.suite.GradingSpec;
import dev.sale4j.eval.suite.Suite;
import dev.sale4j.tools.code.PythonSandbox;
import dev.sale4j.tools.code.SandboxLimits;
import dev.sale4j.tools.code.TestRunner;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Coding tasks are graded by their hidden tests in the real sandbox, on seeded slices of MBPP, HumanEval, LeetCode. */
class CodeGraderTest {

    private static final PythonSandbox SANDBOX = PythonSandbox.builder()
            .limits(SandboxLimits.builder().wallTime(Duration.ofSeconds(90)).build()).build();
    private static final TaskGrader GRADER = TaskGrader.builder()
            .testRunner(TestRunner.builder().sandbox(SANDBOX).build()).build();

    private final Suite suite = Suite.bundled();

    @Test
    void referenceSolutionsPassAndOtherTasksSolutionsFailOnRealSlices() throws Exception {
        List<BenchTask> slice = new ArrayList<>();
        slice.addAll(slice("mbpp", 12));
        slice.addAll(slice("humaneval", 12));
        slice.addAll(slice("leetcode", 6));
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Verdict>> right = new ArrayList<>();
            List<Future<Verdict>> wrong = new ArrayList<>();
            for (int i = 0; i < slice.size(); i++) {
                BenchTask task = slice.get(i);
                BenchTask other = slice.get(i % 6 == 5 ? i - 5 : i + 1); // a neighbour from the same source
                right.add(workers.submit(() -> GRADER.gradeReference(task)));
                wrong.add(workers.submit(() -> GRADER.grade(task, Submission.withCode("", reference(other)))));
            }
            for (int i = 0; i < slice.size(); i++) {
                Verdict pass = right.get(i).get();
                Verdict fail = wrong.get(i).get();
                assertThat(pass.correct()).as(slice.get(i).id() + ": " + pass.reason()).isTrue();
                assertThat(pass.method()).isEqualTo("tests");
                assertThat(fail.correct()).as(slice.get(i).id() + " graded with another task's solution").isFalse();
                assertThat(fail.reason()).isNotBlank();
            }
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void everyHumanEvalCanonicalSolutionPassesBehindItsPrompt() throws Exception {
        List<BenchTask> all = suite.filter(t -> t.source().equals("humaneval")).tasks();
        assertThat(all).hasSize(164);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Verdict>> verdicts = new ArrayList<>();
            all.forEach(task -> verdicts.add(workers.submit(() -> GRADER.gradeReference(task))));
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                Verdict v = verdicts.get(i).get();
                if (!v.correct()) {
                    failures.add(all.get(i).id() + ": " + v.reason());
                }
            }
            assertThat(failures).isEmpty();
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void codeInAnAnswerWithProseAndAUsageExampleIsGraded() {
        BenchTask task = suite.task("humaneval/000").orElseThrow();
        String answer = "Here is the function:\n\n```python\n" + reference(task) + "```\n\nFor example:\n\n```python\n"
                + "print(has_close_elements([1.0, 2.0], 0.5))\n```\n";

        Verdict verdict = GRADER.grade(task, answer);

        assertThat(verdict.correct()).as(verdict.reason()).isTrue();
    }

    @Test
    void aLeetCodeClassWithoutImportsRunsAfterThePreamble() {
        BenchTask task = suite.filter(t -> t.source().equals("leetcode")).sample(1, 4).tasks().get(0);
        String solution = reference(task).lines().filter(l -> !l.startsWith("from ") && !l.startsWith("import "))
                .reduce("", (a, b) -> a + b + "\n");

        Verdict verdict = GRADER.grade(task, "```python\n" + solution + "```");

        assertThat(verdict.correct()).as(task.id() + ": " + verdict.reason()).isTrue();
    }

    @Test
    void aBrokenSolutionFailsWithTheFailingTestAndNoCodeIsSaidSo() {
        BenchTask task = suite.task("mbpp/002").orElseThrow();
        String broken = reference(task).replace("set(test_tup1) & set(test_tup2)", "set(test_tup1) | set(test_tup2)");

        Verdict verdict = GRADER.grade(task, "```python\n" + broken + "\n```");
        Verdict none = GRADER.grade(task, "I would use sets.\n```text\nno code\n```");

        assertThat(verdict.correct()).isFalse();
        assertThat(verdict.reason()).startsWith("test 1 of 3 failed: assert set(similar_elements(");
        assertThat(none.correct()).isFalse();
        assertThat(none.reason()).startsWith("no Python code found");
    }

    @Test
    void codingTasksNeedATestRunnerAndOtherTasksDoNot() {
        TaskGrader withoutRunner = TaskGrader.builder().build();
        BenchTask code = suite.task("mbpp/002").orElseThrow();
        BenchTask choice = suite.filter(t -> t.source().equals("mmlu-cs")).tasks().get(0);

        assertThatThrownBy(() -> withoutRunner.grade(code, "```python\npass\n```"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("testRunner(");
        assertThat(withoutRunner.grade(choice, "Answer: " + ((GradingSpec.Choice) choice.grading()).answer())
                .correct()).isTrue();
        assertThatThrownBy(() -> withoutRunner.gradeReference(choice)).hasMessageContaining("no reference solution");
    }

    private List<BenchTask> slice(String source, int n) {
        return suite.filter(t -> t.source().equals(source)).sample(n, 2024).tasks().stream().limit(n).toList();
    }

    private static String reference(BenchTask task) {
        return task.grading() instanceof GradingSpec.Asserts a ? a.reference() : ((GradingSpec.Check) task.grading())
                .reference();
    }
}
