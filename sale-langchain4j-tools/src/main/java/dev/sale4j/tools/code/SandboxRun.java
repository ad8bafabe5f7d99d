package dev.sale4j.tools.code;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The host side of one sandboxed run: its own uid (when the JVM may switch), its fresh work directory, its cgroup
 * (when the host offers one) and the command that runs code in them. Closing it kills every process of the run and
 * removes what the run left: the work directory and its uid's files in the world-writable directories.
 */
final class SandboxRun implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxRun.class);
    private static final int UID_BASE = 200_000;
    private static final int UID_RANGE = 50_000;
    private static final AtomicInteger NEXT_UID = new AtomicInteger(new SecureRandom().nextInt(UID_RANGE));

    private final IsolationLevel level;
    private final HostSandboxSupport host;
    private final SandboxLimits limits;
    private final int uid;
    private final Path workDir;
    private final RunCgroup cgroup;

    private SandboxRun(IsolationLevel level, HostSandboxSupport host, SandboxLimits limits, int uid, Path workDir,
                       RunCgroup cgroup) {
        this.level = level;
        this.host = host;
        this.limits = limits;
        this.uid = uid;
        this.workDir = workDir;
        this.cgroup = cgroup;
    }

    /** Allocates the run's uid, work directory (mode 700, owned by that uid) and cgroup. */
    static SandboxRun open(IsolationLevel level, HostSandboxSupport host, boolean dropPrivileges, Path tempRoot,
                           SandboxLimits limits) throws IOException {
        boolean isolated = level != IsolationLevel.NONE;
        int uid = dropPrivileges && isolated ? UID_BASE + Math.floorMod(NEXT_UID.getAndIncrement(), UID_RANGE) : -1;
        Path workDir = Files.createTempDirectory(tempRoot, "sale4j-py-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        RunCgroup cgroup = null;
        try {
            if (uid >= 0) {
                chown(workDir, uid);
            }
            if (isolated) {
                var cgroupHost = RunCgroup.host(host.root());
                if (cgroupHost.isPresent()) {
                    cgroup = RunCgroup.create(cgroupHost.get(), limits);
                }
            }
        } catch (IOException | RuntimeException e) {
            Leftovers.deleteTree(workDir);
            throw e;
        }
        return new SandboxRun(level, host, limits, uid, workDir, cgroup);
    }

    /** Writes {@code code} as the run's main script and returns the command that runs it. */
    SandboxCommand command(Path python, String code) throws IOException {
        Path script = SandboxCommand.script(workDir);
        Files.writeString(script, code);
        if (uid >= 0) {
            chown(script, uid);
        }
        return SandboxCommand.of(level, host, python, limits, uid, workDir, cgroup == null ? null : cgroup.dir());
    }

    /** @return the run's own uid, or -1 when it runs as the JVM's user */
    int ownUid() {
        return uid;
    }

    /** @return the host uid the run's processes have */
    int hostUid() {
        return uid >= 0 ? uid : host.uid();
    }

    /** @return the uid the code sees: every level maps the uid to itself (see {@link SandboxCommand}) */
    int uidInside() {
        return hostUid();
    }

    Path workDir() {
        return workDir;
    }

    LimitScope limitScope() {
        if (level == IsolationLevel.NONE) {
            return LimitScope.NONE;
        }
        return cgroup != null && cgroup.capsWholeRun() ? LimitScope.WHOLE_RUN : LimitScope.PER_PROCESS;
    }

    boolean memoryLimitHit() {
        return cgroup != null && cgroup.memoryLimitHit();
    }

    /** Kills the process tree, every process of the run's uid and of its cgroup. */
    void kill(Process process) {
        ProcessKiller.kill(process, uid);
        killRest();
    }

    /** Kills what is left of the run after its main process ended (daemonised children). */
    void killRest() {
        ProcessKiller.killUid(uid);
        if (cgroup != null) {
            cgroup.kill();
        }
    }

    @Override
    public void close() {
        killRest();
        if (cgroup != null) {
            cgroup.close();
        }
        if (uid >= 0) {
            int removed = Leftovers.removeOwnedBy(uid, Leftovers.WORLD_WRITABLE);
            if (removed > 0) {
                LOG.debug("removed {} files the run (uid {}) left in world-writable directories", removed, uid);
            }
        }
        if (!Leftovers.deleteTree(workDir)) {
            LOG.warn("could not delete sandbox work dir {}", workDir);
        }
    }

    private static void chown(Path path, int uid) throws IOException {
        Files.setAttribute(path, "unix:uid", uid);
        Files.setAttribute(path, "unix:gid", uid);
    }
}
