package dev.sale4j.tools.code;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/** Sandboxes forced to each isolation level, for tests that check a guarantee at every level. */
final class SandboxLevels {

    private static final Map<String, PythonSandbox> CACHE = new ConcurrentHashMap<>();

    private SandboxLevels() {
    }

    /** The levels with namespaces or kernel limits: what a sandboxed run is promised beyond the JVM's own caps. */
    static Stream<IsolationLevel> isolated() {
        return Stream.of(IsolationLevel.BUBBLEWRAP, IsolationLevel.UNSHARE, IsolationLevel.RLIMITS);
    }

    static Stream<IsolationLevel> all() {
        return Stream.of(IsolationLevel.values());
    }

    /** A sandbox at {@code level} with {@link Sandboxes#SMALL} caps; fails, naming the level, if the host lacks it. */
    static PythonSandbox at(IsolationLevel level) {
        return at(level, Sandboxes.SMALL);
    }

    static PythonSandbox at(IsolationLevel level, SandboxLimits limits) {
        return CACHE.computeIfAbsent(level + "|" + limits, k -> {
            try {
                return PythonSandbox.builder().isolation(level).limits(limits).build();
            } catch (IllegalStateException absent) {
                return fail("isolation level " + level + " is absent on this host: " + absent.getMessage());
            }
        });
    }

    /** Live (non-zombie) processes whose command line contains {@code marker}. */
    static long processesWith(String marker) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> !zombie(p) && cmdline(p).contains(marker)).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Live (non-zombie) processes of one host uid; each run has its own uid. */
    static long processesOf(int uid) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        try {
                            return (Integer) Files.getAttribute(p, "unix:uid") == uid && !zombie(p);
                        } catch (Exception gone) {
                            return false;
                        }
                    }).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean zombie(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
        } catch (Exception gone) {
            return true;
        }
    }

    private static String cmdline(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline"))).replace('\0', ' ');
        } catch (Exception gone) {
            return "";
        }
    }
}
