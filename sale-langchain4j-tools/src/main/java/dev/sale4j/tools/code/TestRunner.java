package dev.sale4j.tools.code;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grades candidate Python solutions in a {@link PythonSandbox}: MBPP-style lists of {@code assert} statements and
 * HumanEval/LeetCode-style {@code check(candidate)} functions. Each test runs in the candidate's namespace; the
 * verdict names the first failing assert or the exception raised. The verdict line is tagged with a random nonce
 * so that the candidate's own output cannot pass for it, and a candidate that exits before the tests finish fails.
 */
public final class TestRunner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String GRADER = loadGrader();

    private final PythonSandbox sandbox;

    private TestRunner(Builder builder) {
        if (builder.sandbox == null) {
            throw new IllegalArgumentException("sandbox is required; pass TestRunner.builder().sandbox(PythonSandbox"
                    + ".builder().build())");
        }
        this.sandbox = builder.sandbox;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Grades MBPP-style: runs {@code setupCode} (imports), the candidate, then each assert in order. */
    public TestVerdict gradeAsserts(String setupCode, String candidate, List<String> asserts) {
        if (asserts == null || asserts.isEmpty()) {
            throw new IllegalArgumentException("asserts must list at least one assert statement to grade against");
        }
        Map<String, Object> spec = spec("asserts", setupCode, candidate);
        spec.put("asserts", List.copyOf(asserts));
        return grade(spec);
    }

    /** Grades MBPP-style without setup code. */
    public TestVerdict gradeAsserts(String candidate, List<String> asserts) {
        return gradeAsserts("", candidate, asserts);
    }

    /**
     * Grades HumanEval/LeetCode-style: runs {@code preamble} (imports, helpers), the candidate, the {@code tests} that
     * define {@code check(candidate)}, then calls {@code check(<entryPoint>)}, e.g. {@code Solution().twoSum}.
     */
    public TestVerdict gradeCheck(String preamble, String candidate, String tests, String entryPoint) {
        if (tests == null || !tests.contains("def check")) {
            throw new IllegalArgumentException("tests must define check(candidate); got " + abbreviate(tests));
        }
        if (entryPoint == null || entryPoint.isBlank()) {
            throw new IllegalArgumentException("entryPoint must name the function under test, e.g. Solution().twoSum");
        }
        Map<String, Object> spec = spec("check", preamble, candidate);
        spec.put("tests", tests);
        spec.put("entryPoint", entryPoint);
        return grade(spec);
    }

    private Map<String, Object> spec(String mode, String preamble, String candidate) {
        if (candidate == null) {
            throw new IllegalArgumentException("candidate must not be null; pass the solution's Python source");
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("mode", mode);
        spec.put("nonce", "SALE4J-VERDICT-" + HexFormat.of().formatHex(RANDOM.generateSeed(12)));
        spec.put("preamble", preamble == null ? "" : preamble);
        spec.put("candidate", candidate);
        return spec;
    }

    private TestVerdict grade(Map<String, Object> spec) {
        String nonce = (String) spec.get("nonce");
        String program;
        try {
            // a JSON string literal is a valid Python string literal
            program = "_S4J_SPEC_JSON = " + JSON.writeValueAsString(JSON.writeValueAsString(spec)) + "\n" + GRADER;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExecutionResult run = sandbox.run(program);
        String stdout = run.stdout();
        int at = stdout.lastIndexOf("\n" + nonce + " ");
        if (at >= 0 && !run.timedOut()) {
            String line = stdout.substring(at + nonce.length() + 2).lines().findFirst().orElse("");
            try {
                JsonNode verdict = JSON.readTree(line);
                return new TestVerdict("pass".equals(verdict.path("verdict").asText()),
                        verdict.path("reason").asText(), run);
            } catch (IOException malformed) {
                // fall through: treated as no verdict
            }
        }
        return new TestVerdict(false, noVerdictReason(run), run);
    }

    private String noVerdictReason(ExecutionResult run) {
        if (run.timedOut()) {
            return "timed out after " + sandbox.limits().wallTime().toMillis() + " ms";
        }
        if (run.outputTruncated()) {
            return "stopped: output exceeded " + sandbox.limits().maxOutputBytes() + " bytes";
        }
        String stderr = run.stderr().strip();
        String tail = stderr.substring(Math.max(0, stderr.length() - 300));
        return "no verdict: the program ended before the tests finished (exit status " + run.exitCode() + ")"
                + (tail.isEmpty() ? "" : ": " + tail);
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }

    private static String loadGrader() {
        try (InputStream in = TestRunner.class.getResourceAsStream("grader.py")) {
            if (in == null) {
                throw new IllegalStateException("grader.py missing from the classpath next to TestRunner");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builder for {@link TestRunner}. */
    public static final class Builder {
        private PythonSandbox sandbox;

        private Builder() {
        }

        public Builder sandbox(PythonSandbox sandbox) {
            this.sandbox = sandbox;
            return this;
        }

        public TestRunner build() {
            return new TestRunner(this);
        }
    }
}
