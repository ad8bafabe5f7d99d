package dev.sale4j.tools.code;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A sandboxed python3 process that the caller talks to: its stdin and stdout are pipes to the JVM, its stderr is
 * drained under the sandbox's output cap (overflow stops the process). Same isolation, uid and caps as
 * {@link PythonSandbox#run(String)}; the caller enforces deadlines and must {@link #close()} it, which kills the process
 * tree and every process of its uid and deletes its work directory.
 */
final class SandboxProcess implements AutoCloseable {

    private final Process process;
    private final OutputCapture capture;
    private final OutputCapture.Stream stderr;
    private final IsolationLevel isolation;
    private final SandboxRun run;
    private final long started = System.nanoTime();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param run the run the process belongs to: its uid, cgroup and work directory; closed with this process */
    SandboxProcess(Process process, int maxOutputBytes, IsolationLevel isolation, SandboxRun run) {
        this.process = process;
        this.capture = new OutputCapture(maxOutputBytes, () -> run.kill(process));
        this.stderr = capture.start(process.getErrorStream(), "stderr");
        this.isolation = isolation;
        this.run = run;
    }

    /** @return the process's stdin */
    OutputStream input() {
        return process.getOutputStream();
    }

    /** @return the process's stdout */
    InputStream output() {
        return process.getInputStream();
    }

    boolean outputOverflowed() {
        return capture.overflowed();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits up to {@code millis} for the process to end; @return its exit status, or -1 if it still runs. */
    int exitCode(long millis) {
        try {
            return process.waitFor(millis, TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Ends the process and cleans up; @return what it wrote to stderr and how it ended. Idempotent. */
    ExecutionResult finish(boolean timedOut) {
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        close();
        String err;
        try {
            err = stderr.text(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err = "";
        }
        int exit = process.isAlive() ? -1 : process.exitValue();
        return new ExecutionResult(err, "", exit, duration, timedOut, capture.overflowed(), isolation,
                run.ownUid() >= 0, run.hostUid(), run.uidInside(), run.limitScope(), run.memoryLimitHit());
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            run.kill(process);
            run.close();
        }
    }
}
