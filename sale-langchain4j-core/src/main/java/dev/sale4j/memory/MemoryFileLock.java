package dev.sale4j.memory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The writers' lock of one memory file: an OS lock ({@link FileChannel#lock}) on the sibling file {@code <name>.lock},
 * taken by every process that reads the memory file to merge it or writes it, plus an in-process lock per path, since
 * the OS lock is held per process. The lock dies with its process, so a killed writer never leaves it stuck; the lock
 * file stays (removing it would race with a process that just opened it) and holds one line, {@code <generation>
 * <pid>}: how many saves the file has seen and the process that made the last one.
 */
final class MemoryFileLock {

    /** What the holder of the lock may do. */
    interface Held {
        /** The generation of the memory file: incremented by every save, before the file is replaced. */
        long generation();

        /** Increments the generation, and records this process as the last writer; call it before replacing. */
        long bump() throws IOException;
    }

    @FunctionalInterface
    interface Action<T> {
        T run(Held held) throws IOException;
    }

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 5;

    private final Path memoryFile;
    private final Path lockFile;
    private final Duration timeout;

    MemoryFileLock(Path memoryFile, Duration timeout) {
        this.memoryFile = memoryFile;
        this.lockFile = memoryFile.resolveSibling(memoryFile.getFileName() + ".lock");
        this.timeout = timeout;
    }

    Path path() {
        return lockFile;
    }

    /** Runs the action holding both locks; waits at most the timeout for them. */
    <T> T run(Action<T> action) throws IOException {
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!local.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw timedOut("another memory of this process");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the lock of " + memoryFile, e);
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            FileLock lock = acquire(channel, deadline);
            try {
                return action.run(new Line(channel));
            } finally {
                lock.release();
            }
        } finally {
            local.unlock();
        }
    }

    private FileLock acquire(FileChannel channel, long deadline) throws IOException {
        while (true) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this JVM holds it through another spelling of the path (a link): wait as for a process
            }
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() > deadline) {
                String pid = new Line(channel).field(1);
                throw timedOut(pid.isEmpty() ? "another process" : "another process (the last to save it was pid "
                        + pid + ")");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for the lock of " + memoryFile, e);
            }
        }
    }

    private MemoryFileLockException timedOut(String holder) {
        return new MemoryFileLockException("The auction memory file " + memoryFile + " has been locked by " + holder
                + " for more than " + timeout.toMillis() + " ms (lock file " + lockFile + "). Try again later, give the "
                + "memory a longer lockTimeout(...), or stop the process that holds it; many application instances "
                + "should share memory through a shared EmbeddingStore (builder().store(...)) rather than one file.");
    }

    /** The lock file's one line. */
    private static final class Line implements Held {
        private final FileChannel channel;

        Line(FileChannel channel) {
            this.channel = channel;
        }

        String field(int index) {
            try {
                ByteBuffer buffer = ByteBuffer.allocate(64);
                int read = channel.read(buffer, 0);
                String[] fields = read <= 0 ? new String[0]
                        : new String(buffer.array(), 0, read, StandardCharsets.US_ASCII).trim().split(" ");
                return index < fields.length ? fields[index] : "";
            } catch (IOException e) {
                return "";
            }
        }

        @Override
        public long generation() {
            try {
                return Long.parseLong(field(0));
            } catch (NumberFormatException e) {
                return 0; // a new or damaged lock file: the file's own stamp still tells a change
            }
        }

        @Override
        public long bump() throws IOException {
            long next = generation() + 1;
            byte[] line = (next + " " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(line), 0);
            channel.force(false);
            return next;
        }
    }
}
