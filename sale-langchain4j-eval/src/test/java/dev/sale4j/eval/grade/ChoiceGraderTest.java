package dev.sale4j.eval.grade;

import dev.sale4j.eval.suite.BenchTask;
import dev.sale4j.eval.suite.GradingSpec;
import dev.sale4j.eval.suite.Suite;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Multiple choice is graded by the letter chosen, on the real MMLU computer-science questions. */
class ChoiceGraderTest {

    private final List<BenchTask> mmlu = Suite.bundled().filter(t -> t.source().equals("mmlu-cs")).tasks();
    private final ChoiceGrader grader = new ChoiceGrader();

    @Test
    void theKeyIsCorrectAndEveryOtherLetterWrongOnEveryQuestion() {
        assertThat(mmlu).hasSize(469);
        for (BenchTask task : mmlu) {
            String key = ((GradingSpec.Choice) task.grading()).answer();
            String wrong = key.equals("A") ? "B" : "A";

            assertThat(grader.grade(task, "Reasoning first.\nAnswer: " + key).correct()).as(task.id()).isTrue();
            assertThat(grader.grade(task, "Reasoning first.\nAnswer: " + wrong).correct()).as(task.id()).isFalse();
        }
    }

    @Test
    void commonAnswerFormatsAreRecognised() {
        BenchTask c = keyed("C");

        for (String answer : List.of("Answer: C", "answer: (c)", "**C**", "(c)", "C", "c", "C) a stack",
                "The answer is (C).", "**Answer:** C", "The correct option is C.", "Final answer: **C**",
                "Between these I would go with **C** since it halts.", "C. Because the loop terminates.", "My answer I think is (c).")) {
            Verdict verdict = grader.grade(c, answer);
            assertThat(verdict.correct()).as(answer + " -> " + verdict.reason()).isTrue();
            assertThat(verdict.method()).isEqualTo("choice");
            assertThat(verdict.score()).isEqualTo(1.0);
        }
    }

    @Test
    void answersNamingSeveralLettersAreWrong() {
        BenchTask c = keyed("C");

        for (String answer : List.of("Answer: A or C", "Answer: C\nAnswer: B", "It is (a) or (c).",
                "The answer is B, or maybe the answer is C.")) {
            Verdict verdict = grader.grade(c, answer);
            assertThat(verdict.correct()).as(answer).isFalse();
            assertThat(verdict.reason()).as(answer).startsWith("ambiguous");
        }
    }

    @Test
    void noLetterOrAnImpossibleLetterIsWrongWithTheReason() {
        BenchTask c = keyed("C");

        assertThat(grader.grade(c, "I am not sure about this one.").reason())
                .startsWith("no chosen letter found");
        assertThat(grader.grade(c, "Answer: E").reason()).startsWith("chose E, which is not an option (A..D)");
        assertThat(grader.grade(c, "").correct()).isFalse();
        assertThat(grader.grade(c, "A hash table is the wrong structure here.").correct()).isFalse();
    }

    private BenchTask keyed(String letter) {
        return mmlu.stream().filter(t -> ((GradingSpec.Choice) t.grading()).answer().equals(letter)).findFirst()
                .orElseThrow();
    }
}
