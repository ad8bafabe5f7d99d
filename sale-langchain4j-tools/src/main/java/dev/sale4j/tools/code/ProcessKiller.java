package dev.sale4j.tools.code;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Stops a sandboxed run: its process tree and, when the run had its own uid, every process of that uid, which also
 * catches daemonised children that left the tree.
 */
final class ProcessKiller {

    private ProcessKiller() {
    }

    static void kill(Process process, int uid) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        killUid(uid);
    }

    static void killUid(int uid) {
        if (uid < 0) {
            return;
        }
        for (int round = 0; round < 3; round++) {
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                long killed = procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                        .filter(p -> ownedBy(p, uid))
                        .map(p -> ProcessHandle.of(Long.parseLong(p.getFileName().toString())))
                        .flatMap(java.util.Optional::stream)
                        .filter(ProcessHandle::destroyForcibly)
                        .count();
                if (killed == 0) {
                    return;
                }
            } catch (IOException e) {
                return;
            }
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
