package dev.sale4j.tools.code;

import java.time.Duration;

/**
 * Resource caps for one sandboxed run. Immutable; build with {@link #builder()}.
 *
 * @param wallTime       deadline after which the whole process tree is killed
 * @param cpuTime        CPU seconds (RLIMIT_CPU), rounded up to whole seconds
 * @param memoryBytes    address-space cap per process (RLIMIT_AS)
 * @param maxProcesses   process/thread cap for the run's uid (RLIMIT_NPROC; only with a dropped uid)
 * @param maxOutputBytes cap on stdout plus stderr; beyond it output is cut, marked and the run is stopped
 * @param maxFileBytes   largest file the code may write (RLIMIT_FSIZE)
 * @param diskBytes      size of each tmpfs (work dir and /tmp) under bubblewrap
 */
public record SandboxLimits(Duration wallTime, Duration cpuTime, long memoryBytes, int maxProcesses,
                            int maxOutputBytes, long maxFileBytes, long diskBytes) {

    public SandboxLimits {
        requirePositive(wallTime, "wallTime");
        requirePositive(cpuTime, "cpuTime");
        if (memoryBytes < 32L * 1024 * 1024) {
            throw new IllegalArgumentException("memoryBytes must be at least 32 MiB (python3 needs it to start), got "
                    + memoryBytes + "; raise memoryBytes");
        }
        if (maxProcesses < 1) {
            throw new IllegalArgumentException("maxProcesses must be >= 1, got " + maxProcesses);
        }
        if (maxOutputBytes < 1) {
            throw new IllegalArgumentException("maxOutputBytes must be >= 1, got " + maxOutputBytes);
        }
        if (maxFileBytes < 1 || diskBytes < 1024 * 1024) {
            throw new IllegalArgumentException("maxFileBytes must be >= 1 and diskBytes >= 1 MiB, got "
                    + maxFileBytes + " and " + diskBytes);
        }
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d
                    + "; set it with SandboxLimits.builder()." + name + "(Duration.ofSeconds(...))");
        }
    }

    /** @return the defaults: 10 s wall, 10 s CPU, 512 MiB, 64 processes, 100 kB output, 16 MiB files, 64 MiB disk */
    public static SandboxLimits defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link SandboxLimits}. */
    public static final class Builder {
        private Duration wallTime = Duration.ofSeconds(10);
        private Duration cpuTime;
        private long memoryBytes = 512L * 1024 * 1024;
        private int maxProcesses = 64;
        private int maxOutputBytes = 100_000;
        private long maxFileBytes = 16L * 1024 * 1024;
        private long diskBytes = 64L * 1024 * 1024;

        private Builder() {
        }

        public Builder wallTime(Duration wallTime) {
            this.wallTime = wallTime;
            return this;
        }

        /** Defaults to the wall time. */
        public Builder cpuTime(Duration cpuTime) {
            this.cpuTime = cpuTime;
            return this;
        }

        public Builder memoryBytes(long memoryBytes) {
            this.memoryBytes = memoryBytes;
            return this;
        }

        public Builder maxProcesses(int maxProcesses) {
            this.maxProcesses = maxProcesses;
            return this;
        }

        public Builder maxOutputBytes(int maxOutputBytes) {
            this.maxOutputBytes = maxOutputBytes;
            return this;
        }

        public Builder maxFileBytes(long maxFileBytes) {
            this.maxFileBytes = maxFileBytes;
            return this;
        }

        public Builder diskBytes(long diskBytes) {
            this.diskBytes = diskBytes;
            return this;
        }

        public SandboxLimits build() {
            return new SandboxLimits(wallTime, cpuTime == null ? wallTime : cpuTime, memoryBytes, maxProcesses,
                    maxOutputBytes, maxFileBytes, diskBytes);
        }
    }
}
