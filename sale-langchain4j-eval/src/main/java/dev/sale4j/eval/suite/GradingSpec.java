package dev.sale4j.eval.suite;

import java.util.List;

/**
 * How a task's answer is graded. Coding tasks carry hidden tests ({@link Asserts}, {@link Check}) or a multiple
 * choice key ({@link Choice}); deep-search tasks carry gold answers ({@link Answer}). Never shown to the agent.
 */
public sealed interface GradingSpec {

    /** @return the {@code type} written in suite files: {@code asserts}, {@code check}, {@code choice}, {@code answer} */
    String type();

    /**
     * MBPP-style: {@code setup} (imports) runs, then the candidate, then each assert.
     *
     * @param reference the dataset's reference solution, if known (lets a harness check its grader)
     */
    record Asserts(String setup, List<String> asserts, String reference) implements GradingSpec {
        public Asserts {
            setup = setup == null ? "" : setup;
            if (asserts == null || asserts.isEmpty() || asserts.stream().anyMatch(a -> a == null || a.isBlank())) {
                throw new IllegalArgumentException("field 'grading.asserts' must be a non-empty list of Python assert"
                        + " statements, e.g. [\"assert add(1, 2) == 3\"]");
            }
            asserts = List.copyOf(asserts);
        }

        @Override
        public String type() {
            return "asserts";
        }
    }

    /**
     * HumanEval/LeetCode-style: {@code preamble}, the candidate, {@code tests} defining {@code check(candidate)}, then
     * {@code check(entryPoint)}.
     */
    record Check(String preamble, String tests, String entryPoint, String reference) implements GradingSpec {
        public Check {
            preamble = preamble == null ? "" : preamble;
            if (tests == null || !tests.contains("def check")) {
                throw new IllegalArgumentException("field 'grading.tests' must define check(candidate), e.g. \"def "
                        + "check(candidate):\\n    assert candidate(1) == 2\"");
            }
            if (entryPoint == null || entryPoint.isBlank()) {
                throw new IllegalArgumentException("field 'grading.entryPoint' must name the function under test, "
                        + "e.g. \"add\" or \"Solution().twoSum\"");
            }
        }

        @Override
        public String type() {
            return "check";
        }
    }

    /** Multiple choice: the correct letter out of the first {@code letters} letters of the alphabet. */
    record Choice(String answer, int letters) implements GradingSpec {
        public Choice {
            if (letters < 2 || letters > 26) {
                throw new IllegalArgumentException("field 'grading.letters' must be the number of options, 2 to 26; "
                        + "got " + letters);
            }
            if (answer == null || answer.length() != 1 || !Character.isLetter(answer.charAt(0))
                    || Character.toUpperCase(answer.charAt(0)) - 'A' >= letters) {
                throw new IllegalArgumentException("field 'grading.answer' must be one letter among the first "
                        + letters + " (A.." + (char) ('A' + letters - 1) + "); got '" + answer + "'");
            }
            answer = answer.toUpperCase();
        }

        @Override
        public String type() {
            return "choice";
        }
    }

    /**
     * A short factual answer: {@code answers} holds the gold answer first, then any accepted aliases; {@code question}
     * is the bare question an LLM judge is shown.
     */
    record Answer(String question, List<String> answers) implements GradingSpec {
        public Answer {
            if (question == null || question.isBlank()) {
                throw new IllegalArgumentException("field 'grading.question' must hold the bare question (shown to an"
                        + " LLM judge)");
            }
            if (answers == null || answers.isEmpty() || answers.stream().anyMatch(a -> a == null || a.isBlank())) {
                throw new IllegalArgumentException("field 'grading.answers' must be a non-empty list: the gold answer"
                        + " first, then any aliases, e.g. [\"Canberra\"]");
            }
            answers = List.copyOf(answers);
        }

        /** @return the gold answer (the first of {@link #answers()}) */
        public String gold() {
            return answers.get(0);
        }

        @Override
        public String type() {
            return "answer";
        }
    }
}
