package dev.sale4j.tools.code;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grades candidate Python solutions: MBPP-style lists of {@code assert} statements and HumanEval/LeetCode-style
 * {@code check(candidate)} functions. The candidate and the tests run in two separate {@link PythonSandbox} processes:
 * the candidate's process only loads the candidate and answers calls; the tests, the expected values and the verdict
 * stay in the other process, which reaches the candidate through proxies that carry plain data only (None, bool, int,
 * float, complex, str, bytes, list, tuple, dict, set, frozenset, ListNode/TreeNode as data; anything else stays behind
 * as a remote handle) and compares results type-strictly. The JVM relays the calls, enforces a deadline per call and
 * reads the verdict from the test process only. See the tools README, "What the grader guarantees".
 */
public final class TestRunner {

    private static final String CODEC = resource("rpc_codec.py");
    private static final String CANDIDATE_PROGRAM = CODEC + "\n" + resource("rpc_candidate.py");
    private static final String TESTS_PROGRAM = CODEC + "\n" + resource("rpc_tests.py");

    private final PythonSandbox sandbox;
    private final Duration testTimeout;

    private TestRunner(Builder builder) {
        if (builder.sandbox == null) {
            throw new IllegalArgumentException("sandbox is required; pass TestRunner.builder().sandbox(PythonSandbox"
                    + ".builder().build())");
        }
        this.sandbox = builder.sandbox;
        this.testTimeout = builder.testTimeout != null ? builder.testTimeout : sandbox.limits().wallTime();
        if (testTimeout.isNegative() || testTimeout.isZero()) {
            throw new IllegalArgumentException("testTimeout must be a positive duration, got " + testTimeout
                    + "; pass e.g. Duration.ofSeconds(5)");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @return how long the candidate may take to load, and to answer each call of a test */
    public Duration testTimeout() {
        return testTimeout;
    }

    /**
     * Grades MBPP-style: {@code setupCode} (imports) runs in both processes, the candidate in its own, then each assert
     * in order in the test process; the first failing assert decides.
     */
    public TestVerdict gradeAsserts(String setupCode, String candidate, List<String> asserts) {
        if (asserts == null || asserts.isEmpty()) {
            throw new IllegalArgumentException("asserts must list at least one assert statement to grade against");
        }
        Map<String, Object> tests = testSpec("asserts", setupCode);
        tests.put("asserts", List.copyOf(asserts));
        return GradingSession.grade(sandbox, testTimeout, CANDIDATE_PROGRAM, candidateSpec(setupCode, candidate),
                TESTS_PROGRAM, tests);
    }

    /** Grades MBPP-style without setup code. */
    public TestVerdict gradeAsserts(String candidate, List<String> asserts) {
        return gradeAsserts("", candidate, asserts);
    }

    /**
     * Grades HumanEval/LeetCode-style: {@code preamble} (imports, helpers; HumanEval's {@code prompt}, LeetCode's
     * {@code prompt}) runs in both processes, the candidate in its own; the test process runs {@code tests}, which
     * define {@code check(candidate)}, and calls {@code check(<entryPoint>)} where the entry point, e.g.
     * {@code Solution().twoSum}, is evaluated against the candidate's process.
     */
    public TestVerdict gradeCheck(String preamble, String candidate, String tests, String entryPoint) {
        if (tests == null || !tests.contains("def check")) {
            throw new IllegalArgumentException("tests must define check(candidate); got " + abbreviate(tests));
        }
        if (entryPoint == null || entryPoint.isBlank()) {
            throw new IllegalArgumentException("entryPoint must name the function under test, e.g. Solution().twoSum");
        }
        Map<String, Object> spec = testSpec("check", preamble);
        spec.put("tests", tests);
        spec.put("entryPoint", entryPoint.strip());
        return GradingSession.grade(sandbox, testTimeout, CANDIDATE_PROGRAM, candidateSpec(preamble, candidate),
                TESTS_PROGRAM, spec);
    }

    private static Map<String, Object> candidateSpec(String preamble, String candidate) {
        if (candidate == null) {
            throw new IllegalArgumentException("candidate must not be null; pass the solution's Python source");
        }
        return Map.of("op", "load", "preamble", preamble == null ? "" : preamble, "candidate", candidate);
    }

    private static Map<String, Object> testSpec(String mode, String preamble) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("op", "grade");
        spec.put("mode", mode);
        spec.put("preamble", preamble == null ? "" : preamble);
        return spec;
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }

    private static String resource(String name) {
        try (InputStream in = TestRunner.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the classpath next to TestRunner");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builder for {@link TestRunner}. */
    public static final class Builder {
        private PythonSandbox sandbox;
        private Duration testTimeout;

        private Builder() {
        }

        public Builder sandbox(PythonSandbox sandbox) {
            this.sandbox = sandbox;
            return this;
        }

        /**
         * How long the candidate may take to load and to answer each call a test makes (defaults to the sandbox's
         * wall time, which also bounds the whole grading).
         */
        public Builder testTimeout(Duration testTimeout) {
            this.testTimeout = testTimeout;
            return this;
        }

        public TestRunner build() {
            return new TestRunner(this);
        }
    }
}
