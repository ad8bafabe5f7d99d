package dev.sale4j.tools.code;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The isolation helpers this host offers: {@code bwrap}, {@code unshare}, {@code prlimit}, {@code setpriv}, and
 * whether the JVM runs as root. Found on the standard system paths only (never the caller's {@code PATH}).
 *
 * @param bwrap   bubblewrap, if installed
 * @param unshare util-linux unshare, if installed
 * @param prlimit util-linux prlimit, if installed
 * @param setpriv util-linux setpriv, if installed
 * @param uid     the JVM's uid (-1 when it cannot be read)
 * @param gid     the JVM's gid (-1 when it cannot be read)
 */
record HostSandboxSupport(Optional<Path> bwrap, Optional<Path> unshare, Optional<Path> prlimit,
                          Optional<Path> setpriv, int uid, int gid) {

    private static final String[] SYSTEM_DIRS = {"/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/local/bin"};

    static HostSandboxSupport detect() {
        return new HostSandboxSupport(find("bwrap"), find("unshare"), find("prlimit"), find("setpriv"), jvmId("uid"),
                jvmId("gid"));
    }

    /** @return whether the JVM runs as root */
    boolean root() {
        return uid == 0;
    }

    /** @return whether runs can get their own uid (needs root to switch and setpriv to do it) */
    boolean canDropPrivileges() {
        return root() && setpriv.isPresent();
    }

    private static Optional<Path> find(String name) {
        return Stream.of(SYSTEM_DIRS).map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
    }

    private static int jvmId(String attribute) {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:" + attribute);
        } catch (Exception | Error notLinux) {
            return -1;
        }
    }
}
