package dev.sale4j.tools.code;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One grading: the candidate and the tests run in two sandboxed processes and the JVM relays the test process's calls
 * to the candidate process, one at a time, each under the per-test deadline. The verdict is read only from the test
 * process's protocol pipe; a call the candidate never answered (deadline, exit, crash, output cap, broken frame) fails
 * the grade whatever the test process concludes.
 */
final class GradingSession {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CALLS = Set.of("call", "getattr", "iter", "next", "len", "bool", "getitem",
            "contains");
    private static final String CANDIDATE = "candidate";
    private static final String TESTS = "tests";

    private final BlockingQueue<FrameChannel.Event> events = new LinkedBlockingQueue<>();
    private final Deque<byte[]> unsolicited = new ArrayDeque<>();
    private final long testTimeoutNanos;
    private final long wallMillis;
    private final long deadline;
    private SandboxProcess candidate;
    private SandboxProcess tests;
    private FrameChannel toCandidate;
    private FrameChannel toTests;
    private String candidateGone;
    private boolean callFailed;
    private boolean overallTimeout;

    private GradingSession(Duration testTimeout, Duration wallTime) {
        this.testTimeoutNanos = testTimeout.toNanos();
        this.wallMillis = wallTime.toMillis();
        this.deadline = System.nanoTime() + wallTime.toNanos();
    }

    static TestVerdict grade(PythonSandbox sandbox, Duration testTimeout, String candidateProgram,
                             Map<String, Object> candidateSpec, String testsProgram, Map<String, Object> testSpec) {
        GradingSession session = new GradingSession(testTimeout, sandbox.limits().wallTime());
        try {
            session.tests = sandbox.start(testsProgram);
            session.toTests = new FrameChannel(TESTS, session.tests.output(), session.tests.input(), session.events);
            session.toTests.send(json(testSpec));
            session.candidate = sandbox.start(candidateProgram);
            session.toCandidate = new FrameChannel(CANDIDATE, session.candidate.output(), session.candidate.input(),
                    session.events);
            session.toCandidate.send(json(candidateSpec));
            String failure = session.load();
            if (failure != null) {
                return session.verdict(false, failure);
            }
            return session.relay();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while grading", e);
        } finally {
            session.shutDown();
        }
    }

    /** Waits for the candidate to load; @return why it did not, or null when the tests may start. */
    private String load() throws InterruptedException {
        long loadDeadline = Math.min(deadline, System.nanoTime() + testTimeoutNanos);
        while (true) {
            FrameChannel.Event event = events.poll(Math.max(0, loadDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                overallTimeout = loadDeadline == deadline;
                return overallTimeout ? timedOut()
                        : "candidate did not load: no answer within " + (testTimeoutNanos / 1_000_000) + " ms";
            }
            if (event.side().equals(TESTS)) {
                return testsEvent(event, true);
            }
            if (event.ended()) {
                return "candidate did not load: " + candidateEnded(event);
            }
            JsonNode ready = parse(event.frame());
            if (ready != null && "ready".equals(ready.path("op").asText()) && ready.path("globals").isArray()) {
                ObjectNode start = JSON.createObjectNode().put("op", "ready");
                ArrayNode names = start.putArray("globals");
                ready.path("globals").forEach(n -> names.add(n.asText()));
                toTests.send(json(start));
                return null;
            }
            return "candidate did not load: " + (ready != null && "loadFailed".equals(ready.path("op").asText())
                    ? ready.path("reason").asText() : "it broke the protocol before loading");
        }
    }

    private TestVerdict relay() throws InterruptedException {
        long callDeadline = 0;
        boolean calling = false;
        while (true) {
            long until = calling ? Math.min(callDeadline, deadline) : deadline;
            FrameChannel.Event event = events.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                if (!calling || until == deadline) {
                    overallTimeout = true;
                    return verdict(false, timedOut());
                }
                candidate.close();
                candidateGone = "timed out after " + (testTimeoutNanos / 1_000_000) + " ms";
                reportGone();
                calling = false;
            } else if (event.side().equals(CANDIDATE)) {
                if (event.ended()) {
                    if (candidateGone == null) {
                        candidateGone = candidateEnded(event);
                    }
                    if (calling) {
                        reportGone();
                        calling = false;
                    }
                } else if (calling) {
                    toTests.send(event.frame());
                    calling = false;
                } else {
                    unsolicited.add(event.frame());
                }
            } else {
                JsonNode message = event.ended() ? null : parse(event.frame());
                String op = message == null ? "" : message.path("op").asText();
                if (!CALLS.contains(op)) {
                    String reason = testsEvent(event, false);
                    return verdict(reason == null, reason == null ? message.path("reason").asText() : reason);
                }
                if (candidateGone != null) {
                    reportGone();
                } else if (!unsolicited.isEmpty()) {
                    toTests.send(unsolicited.poll());
                } else {
                    toCandidate.send(event.frame());
                    calling = true;
                    callDeadline = System.nanoTime() + testTimeoutNanos;
                }
            }
        }
    }

    /** @return null for a passing verdict frame of the test process, else the reason the grade fails */
    private String testsEvent(FrameChannel.Event event, boolean loading) {
        JsonNode message = event.ended() ? null : parse(event.frame());
        if (message != null && "verdict".equals(message.path("op").asText())) {
            boolean passed = message.path("passed").asBoolean(false) && !loading && !callFailed;
            if (passed) {
                return null;
            }
            String reason = message.path("reason").asText();
            return callFailed && message.path("passed").asBoolean(false)
                    ? "the candidate stopped during the tests: " + candidateGone : reason;
        }
        int exit = tests.exitCode(500);
        String stderr = tests.finish(false).stdout().strip();
        return "the test process ended without a verdict (exit status " + exit + ")"
                + (event.problem() != null ? ", its channel " + event.problem() : "")
                + (stderr.isEmpty() ? "" : ": " + stderr.substring(Math.max(0, stderr.length() - 300)));
    }

    private void reportGone() {
        callFailed = true;
        toTests.send(json(Map.of("op", "gone", "reason", candidateGone)));
    }

    private String candidateEnded(FrameChannel.Event event) {
        if (candidate.outputOverflowed()) {
            return "stopped: output exceeded the sandbox's cap";
        }
        if (event.problem() != null) {
            return "the candidate broke the protocol: its channel " + event.problem();
        }
        int exit = candidate.exitCode(500);
        return "the candidate process ended (exit status " + exit + ")";
    }

    private String timedOut() {
        return "timed out after " + wallMillis + " ms";
    }

    private TestVerdict verdict(boolean passed, String reason) {
        toCandidate.close();
        candidate.exitCode(300);
        return new TestVerdict(passed, reason, candidate.finish(overallTimeout));
    }

    private void shutDown() {
        for (FrameChannel channel : new FrameChannel[] {toTests, toCandidate}) {
            if (channel != null) {
                channel.close();
            }
        }
        if (tests != null) {
            tests.exitCode(200);
            tests.close();
        }
        if (candidate != null) {
            candidate.close();
        }
    }

    private static JsonNode parse(byte[] frame) {
        try {
            JsonNode node = JSON.readTree(frame);
            return node != null && node.isObject() ? node : null;
        } catch (IOException malformed) {
            return null;
        }
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
