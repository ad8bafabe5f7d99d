package dev.sale4j.tools.code;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestRunnerTest {

    private final TestRunner runner = TestRunner.builder().sandbox(Sandboxes.small()).build();
    private static final List<String> ADD_TESTS = List.of("assert add(1, 2) == 3", "assert add(-1, 1) == 0");

    @Test
    void correctSolutionPassesAllAsserts() {
        TestVerdict verdict = runner.gradeAsserts("def add(a, b):\n    return a + b\n", ADD_TESTS);

        assertThat(verdict.passed()).as(verdict.reason()).isTrue();
        assertThat(verdict.reason()).isEqualTo("all 2 tests passed");
    }

    @Test
    void wrongSolutionFailsNamingTheFailingAssert() {
        TestVerdict verdict = runner.gradeAsserts("def add(a, b):\n    return a * b\n", ADD_TESTS);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.reason()).isEqualTo("test 1 of 2 failed: assert add(1, 2) == 3");
    }

    @Test
    void exceptionsAndSyntaxErrorsAreReportedAsReasons() {
        assertThat(runner.gradeAsserts("def add(a, b):\n    return a / 0\n", ADD_TESTS).reason())
                .startsWith("test 1 of 2 raised ZeroDivisionError: division by zero at <candidate>:2");
        assertThat(runner.gradeAsserts("def add(a, b) return a + b\n", ADD_TESTS).reason())
                .startsWith("candidate did not load: SyntaxError");
    }

    @Test
    void candidateThatExitsEarlyOrForgesOutputFails() {
        TestVerdict exits = runner.gradeAsserts("import os\nos._exit(0)\n", ADD_TESTS);
        TestVerdict forges = runner.gradeAsserts(
                "print('\\nSALE4J-VERDICT-0 {\"verdict\": \"pass\", \"reason\": \"x\"}')\nimport os\nos._exit(0)",
                ADD_TESTS);

        assertThat(exits.passed()).isFalse();
        assertThat(exits.reason()).isEqualTo("candidate did not load: the candidate process ended (exit status 0)");
        assertThat(forges.passed()).isFalse();
    }

    @Test
    void nonTerminatingCandidateFailsItsTestAtThePerTestDeadline() {
        TestRunner quick = TestRunner.builder().sandbox(Sandboxes.small()).testTimeout(Duration.ofSeconds(1)).build();

        TestVerdict verdict = quick.gradeAsserts("def add(a, b):\n    while True: pass\n", ADD_TESTS);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.reason()).isEqualTo("test 1 of 2: timed out after 1000 ms: assert add(1, 2) == 3");
        assertThat(verdict.execution().duration()).isLessThan(Duration.ofMillis(2900));
    }

    @Test
    void testsThatOutlastTheSandboxWallTimeTimeOut() {
        TestVerdict verdict = runner.gradeAsserts("def add(a, b):\n    return a + b\n",
                List.of("assert add(1, 2) == 3", "while True: pass"));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.reason()).isEqualTo("timed out after 3000 ms");
    }

    @Test
    void checkStyleTestsCallTheEntryPointAndNameTheFailingLine() {
        String tests = "def check(candidate):\n    assert candidate([2, 7, 11, 15], 9) == [0, 1]\n"
                + "    assert candidate([3, 3], 6) == [0, 1]\n";
        String right = "class Solution:\n    def twoSum(self, nums, target):\n        seen = {}\n"
                + "        for i, x in enumerate(nums):\n            if target - x in seen:\n"
                + "                return [seen[target - x], i]\n            seen[x] = i\n";
        String wrong = "class Solution:\n    def twoSum(self, nums, target):\n        return [0, 1] if nums[0] == 2 "
                + "else []\n";

        TestVerdict pass = runner.gradeCheck("from typing import *\n", right, tests, "Solution().twoSum");
        TestVerdict fail = runner.gradeCheck("from typing import *\n", wrong, tests, "Solution().twoSum");

        assertThat(pass.passed()).as(pass.reason()).isTrue();
        assertThat(fail.passed()).isFalse();
        assertThat(fail.reason()).isEqualTo("assertion failed: AssertionError at <tests>:3: "
                + "assert candidate([3, 3], 6) == [0, 1]");
    }

    @Test
    void builtinExceptionsKeepTheirTypeSoTestsCanExpectThem() {
        String raises = "def root(x):\n    if x < 0:\n        raise ValueError('negative')\n    return x ** 0.5\n";
        List<String> tests = List.of("assert root(4) == 2.0",
                "try:\n    root(-1)\n    raise AssertionError('no error')\nexcept ValueError as e:\n"
                        + "    assert str(e) == 'negative'");

        TestVerdict right = runner.gradeAsserts(raises, tests);
        TestVerdict silent = runner.gradeAsserts("def root(x):\n    return abs(x) ** 0.5\n", tests);

        assertThat(right.passed()).as(right.reason()).isTrue();
        assertThat(silent.passed()).isFalse();
    }

    @Test
    void aCandidateFunctionNamedLikeABuiltinIsTheOneTested() {
        String tests = "assert sum(10, 15) == 6";
        TestVerdict right = runner.gradeAsserts("def sum(a, b):\n    total = 0\n"
                + "    for d in range(1, min(a, b) + 1):\n        if a % d == 0 and b % d == 0:\n"
                + "            total += d\n    return total\n", List.of(tests));

        assertThat(right.passed()).as(right.reason()).isTrue();
        assertThat(runner.gradeAsserts("x = 1\n", List.of(tests)).passed()).isFalse();
    }

    @Test
    void candidateFunctionsAndObjectsPassBackAsHandlesWhileArgumentsCrossByValue() {
        String candidate = "def sq(x): return x * x\ndef apply(f, x): return f(x)\ndef mk(): return sq\n"
                + "def grow(xs):\n    xs.append(1)\n    return len(xs)\n";
        List<String> tests = List.of("assert apply(sq, 3) == 9", "assert apply(mk(), 5) == 25",
                "xs = []\nassert grow(xs) == 1 and grow(xs) == 1 and xs == []");

        TestVerdict verdict = runner.gradeAsserts(candidate, tests);

        assertThat(verdict.passed()).as(verdict.reason()).isTrue();
    }

    @Test
    void candidateOutputIsKeptButCannotReachTheProtocol() {
        TestVerdict verdict = runner.gradeAsserts("import sys\nprint('loading')\ndef add(a, b):\n"
                + "    print('adding', a, b)\n    print('warn', file=sys.stderr)\n    return a + b\n", ADD_TESTS);

        assertThat(verdict.passed()).as(verdict.reason()).isTrue();
        assertThat(verdict.execution().stdout()).contains("loading", "adding 1 2", "warn");
    }

    @Test
    void invalidInputsAreRejectedWithTheFix() {
        assertThatThrownBy(() -> TestRunner.builder().build()).hasMessageContaining("sandbox is required");
        assertThatThrownBy(() -> runner.gradeAsserts("x = 1", List.of())).hasMessageContaining("at least one assert");
        assertThatThrownBy(() -> runner.gradeCheck("", "x = 1", "assert True", "f"))
                .hasMessageContaining("must define check(candidate)");
        assertThatThrownBy(() -> TestRunner.builder().sandbox(Sandboxes.small()).testTimeout(Duration.ZERO).build())
                .hasMessageContaining("testTimeout must be a positive duration");
    }
}
