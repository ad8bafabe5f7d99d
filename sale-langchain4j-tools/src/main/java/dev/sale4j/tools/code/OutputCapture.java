package dev.sale4j.tools.code;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drains the stdout and stderr of one process on daemon threads, keeping at most a shared byte budget. When the
 * budget runs out it calls {@code onOverflow} once (the sandbox then stops the process) and discards the rest.
 */
final class OutputCapture {

    private final AtomicLong remaining;
    private final AtomicBoolean overflowed = new AtomicBoolean();
    private final Runnable onOverflow;

    OutputCapture(int maxBytes, Runnable onOverflow) {
        this.remaining = new AtomicLong(maxBytes);
        this.onOverflow = onOverflow;
    }

    Stream start(InputStream in, String name) {
        Stream stream = new Stream(in);
        Thread thread = new Thread(stream::drain, "sandbox-" + name);
        thread.setDaemon(true);
        stream.thread = thread;
        thread.start();
        return stream;
    }

    boolean overflowed() {
        return overflowed.get();
    }

    /** One drained stream. */
    final class Stream {
        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private volatile boolean truncated;
        private Thread thread;

        private Stream(InputStream in) {
            this.in = in;
        }

        private void drain() {
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    long allowed = Math.max(0, Math.min(n, remaining.getAndAdd(-n)));
                    synchronized (kept) {
                        kept.write(buffer, 0, (int) allowed);
                    }
                    if (allowed < n) {
                        truncated = true;
                        if (overflowed.compareAndSet(false, true)) {
                            onOverflow.run();
                        }
                    }
                }
            } catch (IOException closedByKill) {
                // the process was killed while we read; keep what arrived
            }
        }

        /** Waits up to {@code millis} for the stream to end, then returns what was kept. */
        String text(long millis) throws InterruptedException {
            thread.join(Math.max(1, millis));
            String text;
            synchronized (kept) {
                text = kept.toString(StandardCharsets.UTF_8);
            }
            return truncated ? text + ExecutionResult.TRUNCATION_MARKER : text;
        }
    }
}
