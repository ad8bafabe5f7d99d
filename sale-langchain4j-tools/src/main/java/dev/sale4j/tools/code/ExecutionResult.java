package dev.sale4j.tools.code;

import java.time.Duration;

/**
 * What one sandboxed run produced, and under which isolation it ran.
 *
 * @param stdout            captured standard output (cut at the output cap, then marked)
 * @param stderr            captured standard error (same cap, shared with stdout)
 * @param exitCode          the process exit status; 128+N when killed by signal N
 * @param duration          wall time from start to exit
 * @param timedOut          whether the wall-time deadline killed the run
 * @param outputTruncated   whether output exceeded the cap (the run was then stopped)
 * @param isolation         the isolation level in force
 * @param privilegesDropped whether the code ran under its own unprivileged uid
 * @param uid               the host uid the code's processes ran as
 * @param uidInside         the uid the code saw ({@code os.getuid()}) inside its user namespace, if any
 * @param limitScope        whether the memory and process caps held for the whole run or per process
 * @param memoryLimitHit    whether the run's cgroup hit its memory cap and the kernel killed the run
 */
public record ExecutionResult(String stdout, String stderr, int exitCode, Duration duration, boolean timedOut,
                              boolean outputTruncated, IsolationLevel isolation, boolean privilegesDropped,
                              int uid, int uidInside, LimitScope limitScope, boolean memoryLimitHit) {

    /** Appended to a stream that was cut at the output cap. */
    public static final String TRUNCATION_MARKER = "\n[... output truncated by sandbox: limit reached ...]\n";

    /** @return true when the code exited with status 0 within its limits */
    public boolean succeeded() {
        return exitCode == 0 && !timedOut && !outputTruncated;
    }

    /** @return a compact report for a language model: status line, then stdout and stderr sections */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append("exit status: ").append(exitCode);
        if (timedOut) {
            text.append(" (killed: wall-time limit exceeded)");
        }
        if (outputTruncated) {
            text.append(" (stopped: output limit exceeded)");
        }
        if (memoryLimitHit) {
            text.append(" (killed: memory limit of the run exceeded)");
        }
        text.append(", time: ").append(duration.toMillis()).append(" ms, isolation: ").append(isolation)
                .append('\n');
        text.append("stdout:\n").append(stdout);
        if (!stderr.isEmpty()) {
            text.append(stdout.endsWith("\n") || stdout.isEmpty() ? "" : "\n").append("stderr:\n").append(stderr);
        }
        return text.toString();
    }
}
