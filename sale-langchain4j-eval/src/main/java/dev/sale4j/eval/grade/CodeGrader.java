package dev.sale4j.eval.grade;

import dev.sale4j.eval.suite.BenchTask;
import dev.sale4j.eval.suite.GradingSpec;
import dev.sale4j.tools.code.TestRunner;
import dev.sale4j.tools.code.TestVerdict;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grades code by the task's hidden tests in the sandbox, through {@link TestRunner}: MBPP asserts, HumanEval and
 * LeetCode {@code check(candidate)}. The code is the submission's code field, else extracted from the answer by
 * {@link CodeExtractor}.
 */
public final class CodeGrader implements Grader {

    private static final Pattern ENTRY_NAME = Pattern.compile("^(\\w+)");
    private static final Pattern CALLED = Pattern.compile("(\\w+)\\s*\\(");
    private static final java.util.Set<String> BUILTINS = java.util.Set.of("set", "list", "tuple", "sorted", "abs",
            "math", "round", "len", "str", "int", "float", "dict", "frozenset", "isclose", "all", "any", "sum", "max",
            "min");

    private final TestRunner testRunner;

    public CodeGrader(TestRunner testRunner) {
        if (testRunner == null) {
            throw new IllegalArgumentException("testRunner is required: pass TestRunner.builder().sandbox("
                    + "PythonSandbox.builder().build()).build()");
        }
        this.testRunner = testRunner;
    }

    @Override
    public Verdict grade(BenchTask task, Submission submission) {
        String code = CodeExtractor.extract(submission, definedName(task.grading()));
        if (code.isBlank()) {
            return Verdict.of(false, "no Python code found in the answer (expected a ```python block)", "tests");
        }
        TestVerdict result;
        if (task.grading() instanceof GradingSpec.Asserts a) {
            result = testRunner.gradeAsserts(a.setup(), code, a.asserts());
        } else if (task.grading() instanceof GradingSpec.Check c) {
            result = testRunner.gradeCheck(c.preamble(), code, c.tests(), c.entryPoint());
        } else {
            throw new IllegalArgumentException("task " + task.id() + " is graded by '" + task.grading().type()
                    + "', not by tests; use TaskGrader to grade any task");
        }
        return Verdict.of(result.passed(), result.reason(), "tests");
    }

    /** @return the name the code must define: the entry point's, or the first non-builtin function an assert calls */
    static String definedName(GradingSpec spec) {
        if (spec instanceof GradingSpec.Check c) {
            Matcher m = ENTRY_NAME.matcher(c.entryPoint());
            return m.find() ? m.group(1) : null;
        }
        if (spec instanceof GradingSpec.Asserts a) {
            for (Matcher m = CALLED.matcher(a.asserts().get(0)); m.find(); ) {
                if (!BUILTINS.contains(m.group(1))) {
                    return m.group(1);
                }
            }
        }
        return null;
    }
}
