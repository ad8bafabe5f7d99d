package dev.sale4j.eval.grade;

import dev.sale4j.eval.suite.BenchTask;
import dev.sale4j.eval.suite.GradingSpec;
import dev.sale4j.eval.suite.Suite;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Short answers: SQuAD-style exact match and token F1 on real SimpleQA and HotpotQA slices. */
class AnswerGraderTest {

    private final Suite suite = Suite.bundled();
    private final AnswerGrader grader = AnswerGrader.builder().build();

    @Test
    void goldAnswersAreCorrectAndOtherTasksAnswersWrongOnRealSlices() {
        for (String source : List.of("simpleqa", "hotpotqa")) {
            List<BenchTask> slice = suite.filter(t -> t.source().equals(source)).sample(60, 3).tasks();
            assertThat(slice).hasSizeGreaterThanOrEqualTo(60);
            for (int i = 0; i < slice.size(); i++) {
                BenchTask task = slice.get(i);
                String gold = gold(task);
                String other = gold(slice.get((i + 1) % slice.size()));

                Verdict right = grader.grade(task, "I searched two pages.\nAnswer: " + gold);
                Verdict wrong = grader.grade(task, "Answer: " + other);

                assertThat(right.correct()).as(task.id() + ": " + right.reason()).isTrue();
                assertThat(right.score()).isEqualTo(1.0);
                assertThat(right.method()).isEqualTo("exact-match");
                if (!AnswerMatcher.normalise(other).equals(AnswerMatcher.normalise(gold))) {
                    assertThat(wrong.correct()).as(task.id() + " answered " + other).isFalse();
                    assertThat(wrong.score()).isLessThan(1.0);
                }
            }
        }
    }

    @Test
    void normalisationIgnoresCaseArticlesPunctuationAndSpacing() {
        assertThat(AnswerMatcher.normalise("  The  Chief of Protocol! ")).isEqualTo("chief of protocol");
        assertThat(AnswerMatcher.normalise("3,677 seated")).isEqualTo("3677 seated");
        assertThat(AnswerMatcher.match("greenwich village new york city", List.of("Greenwich Village, New York City"))
                .exact()).isTrue();
    }

    @Test
    void tokenF1GivesPartialCredit() {
        AnswerMatcher.Match match = AnswerMatcher.match("Chief of Protocol of the United States",
                List.of("Chief of Protocol"));

        assertThat(match.exact()).isFalse();
        // predicted: chief of protocol of united states (6 tokens); gold 3 tokens, all found
        assertThat(match.f1()).isCloseTo(2 * 0.5 * 1.0 / 1.5, within(1e-9));
    }

    @Test
    void aliasesCountAndTheBestOneIsReported() {
        BenchTask task = new BenchTask("t/1", suite.tasks().get(0).domain(), suite.tasks().get(0).bin(), "t", "Q?",
                new GradingSpec.Answer("Who?", List.of("Robert Smith", "Bob Smith")), null, null);

        Verdict verdict = grader.grade(task, "Answer: bob smith");

        assertThat(verdict.correct()).isTrue();
        assertThat(verdict.reason()).isEqualTo("exact match: 'bob smith' vs gold 'bob smith' (token F1 1.00)");
    }

    @Test
    void theLastAnswerLineIsGraded() {
        assertThat(AnswerMatcher.finalAnswer("Answer: Paris\nWait, no.\n**Answer:** Lyon")).isEqualTo("Lyon");
        assertThat(AnswerMatcher.finalAnswer("Lyon")).isEqualTo("Lyon");
    }

    private static String gold(BenchTask task) {
        return ((GradingSpec.Answer) task.grading()).gold();
    }
}
