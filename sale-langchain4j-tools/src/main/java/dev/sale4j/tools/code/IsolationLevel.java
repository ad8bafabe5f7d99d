package dev.sale4j.tools.code;

/**
 * How strongly a {@link PythonSandbox} run is separated from the host, strongest first.
 * <p>
 * Every level runs the code in a fresh temporary directory with a cleared environment, a wall-time deadline and an
 * output cap enforced by the JVM. When the JVM runs as root and {@code setpriv} exists, every level except
 * {@link #NONE} also runs the code under its own unprivileged uid (see {@link ExecutionResult#privilegesDropped()}).
 */
public enum IsolationLevel {

    /** bubblewrap: new user, PID, network, IPC, UTS and mount namespaces; read-only system dirs, size-capped tmpfs
     * for the work dir and {@code /tmp}; no host home, project or temp dirs visible; plus the {@link #RLIMITS} caps. */
    BUBBLEWRAP,

    /** util-linux {@code unshare} and {@code setpriv}: new user, PID, mount and network namespaces (no network at
     * all, own /proc); a private filesystem view like bubblewrap's (read-only system dirs, size-capped private
     * {@code /tmp}, {@code /var/tmp} and {@code /dev/shm}, the work dir; every other host dir and file covered);
     * plus the {@link #RLIMITS} caps. */
    UNSHARE,

    /** util-linux {@code prlimit}: kernel resource limits on CPU time, address space, file size, open files and
     * (with a dropped uid) process count; no namespaces, so the network is reachable. */
    RLIMITS,

    /** Plain subprocess: only the JVM-side caps (wall time, output, cleared environment, temp dir). */
    NONE;

    /** @return whether this level is at least as strong as {@code other} */
    public boolean isAtLeast(IsolationLevel other) {
        return ordinal() <= other.ordinal();
    }
}
