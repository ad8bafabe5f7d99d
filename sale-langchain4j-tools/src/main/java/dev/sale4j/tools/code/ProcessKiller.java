package dev.sale4j.tools.code;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Stops a sandboxed run: its process tree and, when the run had its own uid, every process of that uid, which also
 * catches daemonised children that left the tree.
 */
final class ProcessKiller {

    private ProcessKiller() {
    }

    /**
     * Kills the descendants first and gives the direct child (e.g. the outer bwrap) a moment to reap them and exit by
     * itself: killing it first would orphan its children to PID 1, which in some containers never reaps zombies.
     */
    static void kill(Process process, int uid) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        killUid(uid);
    }

    /** Kills every live process of {@code uid} and waits (up to about 2 s) until none is left running. */
    static void killUid(int uid) {
        if (uid < 0) {
            return;
        }
        for (int round = 0; round < 40; round++) {
            List<ProcessHandle> alive;
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                alive = procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                        .filter(p -> ownedBy(p, uid) && !zombie(p))
                        .map(p -> ProcessHandle.of(Long.parseLong(p.getFileName().toString())))
                        .flatMap(Optional::stream)
                        .toList();
            } catch (IOException e) {
                return;
            }
            if (alive.isEmpty()) {
                return;
            }
            alive.forEach(ProcessHandle::destroyForcibly);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean zombie(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            int close = stat.lastIndexOf(')');
            return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
        } catch (IOException | RuntimeException gone) {
            return true;
        }
    }

    private static boolean ownedBy(Path proc, int uid) {
        try {
            return Integer.valueOf(uid).equals(Files.getAttribute(proc, "unix:uid"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
