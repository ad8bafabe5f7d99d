package dev.sale4j.tools.code;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One cgroup v2 per sandboxed run, under {@code <cgroup2 mount>/sale4j/run-<jvm pid>-<n>}: every process of the run
 * joins it before python starts, so the caps ({@code memory.max}, {@code memory.swap.max = 0}, {@code pids.max})
 * hold for the whole run where the host delegates the memory and pids controllers, and {@link #kill()} stops every
 * process of the run ({@code cgroup.kill}) even those that left the process tree. Needs root and a writable cgroup2
 * mount; a run cgroup left by a JVM that died is killed and removed when the next sandbox starts.
 */
final class RunCgroup implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunCgroup.class);
    private static final AtomicLong NEXT = new AtomicLong();
    private static final String PREFIX = "run-";
    private static volatile Optional<Host> host;

    private final Path dir;
    private final boolean caps;

    private RunCgroup(Path dir, boolean caps) {
        this.dir = dir;
        this.caps = caps;
    }

    /** Where run cgroups are made: the {@code sale4j} group and whether memory and pids are delegated to it. */
    record Host(Path base, boolean caps) {
    }

    /** @return the host's cgroup v2 base for runs, if there is a writable one (detected once per JVM) */
    static Optional<Host> host(boolean root) {
        if (!root) {
            return Optional.empty();
        }
        Optional<Host> found = host;
        if (found == null) {
            synchronized (RunCgroup.class) {
                if (host == null) {
                    host = detect();
                    host.ifPresent(RunCgroup::sweepStale);
                }
                found = host;
            }
        }
        return found;
    }

    /** Creates the run's cgroup and sets its caps (when the controllers are there). */
    static RunCgroup create(Host host, SandboxLimits limits) throws IOException {
        Path dir = host.base().resolve(PREFIX + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet());
        Files.createDirectory(dir);
        RunCgroup cgroup = new RunCgroup(dir, host.caps());
        try {
            if (host.caps()) {
                write(dir.resolve("memory.max"), String.valueOf(limits.memoryBytes()));
                if (Files.exists(dir.resolve("memory.swap.max"))) {
                    write(dir.resolve("memory.swap.max"), "0");
                }
                write(dir.resolve("memory.oom.group"), "1");
                write(dir.resolve("pids.max"), String.valueOf(limits.maxProcesses()));
            }
        } catch (IOException e) {
            cgroup.close();
            throw e;
        }
        return cgroup;
    }

    /** @return the cgroup directory; a process joins by writing its pid to {@code cgroup.procs} */
    Path dir() {
        return dir;
    }

    /** @return whether memory and process count are capped across the whole run */
    boolean capsWholeRun() {
        return caps;
    }

    /** @return whether the kernel's OOM killer stopped a process of this run at memory.max */
    boolean memoryLimitHit() {
        if (!caps) {
            return false;
        }
        try {
            return Files.readAllLines(dir.resolve("memory.events")).stream()
                    .anyMatch(l -> l.startsWith("oom_kill ") && !l.equals("oom_kill 0"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Kills every process in the cgroup and waits (up to about 2 s) until it is empty. */
    void kill() {
        kill(dir);
    }

    @Override
    public void close() {
        kill();
        for (int i = 0; i < 40; i++) {
            try {
                Files.deleteIfExists(dir);
                return;
            } catch (IOException busy) {
                sleep();
            }
        }
        LOG.warn("could not remove sandbox cgroup {}", dir);
    }

    private static void kill(Path dir) {
        Path killFile = dir.resolve("cgroup.kill");
        for (int round = 0; round < 40; round++) {
            List<Long> pids = pids(dir);
            if (pids.isEmpty()) {
                return;
            }
            try {
                if (Files.exists(killFile)) {
                    write(killFile, "1");
                } else {
                    pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
                }
            } catch (IOException e) {
                pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            }
            sleep();
        }
    }

    private static List<Long> pids(Path dir) {
        try {
            return Files.readAllLines(dir.resolve("cgroup.procs")).stream().filter(s -> !s.isBlank())
                    .map(Long::parseLong).toList();
        } catch (IOException | RuntimeException gone) {
            return List.of();
        }
    }

    private static Optional<Host> detect() {
        Optional<Path> mount = cgroup2Mount();
        if (mount.isEmpty()) {
            LOG.info("no cgroup2 mount: sandbox caps hold per process only");
            return Optional.empty();
        }
        Path root = mount.get();
        Path base = root.resolve("sale4j");
        try {
            if (!Files.isDirectory(base)) {
                Files.createDirectories(base);
            }
            Set<String> wanted = Set.of("memory", "pids");
            Set<String> atRoot = words(root.resolve("cgroup.controllers"));
            boolean caps = atRoot.containsAll(wanted);
            if (caps && !words(root.resolve("cgroup.subtree_control")).containsAll(wanted)) {
                caps = tryWrite(root.resolve("cgroup.subtree_control"), "+memory +pids");
            }
            if (caps && !words(base.resolve("cgroup.subtree_control")).containsAll(wanted)) {
                caps = tryWrite(base.resolve("cgroup.subtree_control"), "+memory +pids");
            }
            LOG.info("sandbox runs get cgroups under {} ({})", base,
                    caps ? "memory and process caps for the whole run" : "no memory/pids controllers: caps per process");
            return Optional.of(new Host(base, caps));
        } catch (IOException | RuntimeException e) {
            LOG.info("cgroup2 at {} not writable ({}): sandbox caps hold per process only", root, e.toString());
            return Optional.empty();
        }
    }

    /** The cgroup2 mount: {@code /sys/fs/cgroup} on a unified host, {@code /sys/fs/cgroup/unified} on a hybrid one. */
    private static Optional<Path> cgroup2Mount() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/mounts"))) {
            List<Path> mounts = lines.map(l -> l.split(" ")).filter(f -> f.length > 2 && f[2].equals("cgroup2"))
                    .map(f -> Path.of(f[1])).toList();
            return mounts.stream().filter(p -> p.equals(Path.of("/sys/fs/cgroup"))).findFirst()
                    .or(() -> mounts.stream().findFirst());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Kills and removes run cgroups whose JVM is gone (it was killed before it could clean up). */
    static void sweepStale(Host host) {
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(host.base(), PREFIX + "*")) {
            for (Path run : runs) {
                String[] parts = run.getFileName().toString().split("-");
                long pid = parts.length == 3 ? parseOrZero(parts[1]) : 0;
                if (pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                LOG.info("removing sandbox cgroup {} left by a JVM that is gone", run);
                new RunCgroup(run, false).close();
            }
        } catch (IOException e) {
            LOG.warn("could not sweep stale sandbox cgroups in {}: {}", host.base(), e.toString());
        }
    }

    private static long parseOrZero(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Set<String> words(Path file) throws IOException {
        return Stream.of(Files.readString(file).trim().split("\\s+")).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    private static boolean tryWrite(Path file, String value) {
        try {
            write(file, value);
            return true;
        } catch (IOException e) {
            LOG.info("cannot enable cgroup controllers in {}: {}", file, e.toString());
            return false;
        }
    }

    private static void write(Path file, String value) throws IOException {
        Files.writeString(file, value);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
