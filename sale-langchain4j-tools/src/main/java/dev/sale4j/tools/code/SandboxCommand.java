package dev.sale4j.tools.code;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the command line of one sandboxed run:
 * {@code [sh: join cgroup] [setpriv] [prlimit] [bwrap | unshare] python3 -I -u main.py}.
 * <p>
 * At every level but {@link IsolationLevel#NONE}: the process joins the run's cgroup (when there is one) before
 * anything else runs; {@code setpriv} sets a parent-death signal (SIGKILL when the JVM dies), {@code no_new_privs},
 * and with an own uid switches to it with no groups and no capabilities (bounding set emptied). The code sees the
 * same uid as the host and holds no capability in its own user namespace either (bubblewrap's default; under
 * {@code unshare} a second user namespace mapping the uid to itself, entered through {@code setpriv}, see
 * {@link #unshareArgs}). Both namespace levels show the code a private filesystem view: system dirs read-only, the
 * work dir, capped private {@code /tmp} and {@code /dev/shm}, and none of the host's other files or sockets.
 *
 * @param argv      the full command
 * @param directory the host directory the process starts in
 * @param env       the complete environment (nothing is inherited from the JVM)
 */
record SandboxCommand(List<String> argv, Path directory, Map<String, String> env) {

    /** Mount point of the work directory inside bubblewrap. */
    static final String BWRAP_WORK_DIR = "/sandbox";
    private static final String SCRIPT = "main.py";
    private static final String[] SYSTEM_DIRS = {"/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32",
            "/etc"};
    /** Builds the UNSHARE level's private filesystem view, then execs its remaining arguments. */
    private static final String UNSHARE_VIEW = resource("unshare_view.sh");
    /** Joins the cgroup given as $1, then runs the rest: no process of the run ever runs outside it. */
    private static final String JOIN_CGROUP = "echo $$ > \"$1/cgroup.procs\" && shift && exec \"$@\"";

    /** The command without a cgroup (each process capped on its own). */
    static SandboxCommand of(IsolationLevel level, HostSandboxSupport host, Path python, SandboxLimits limits,
                             int uid, Path workDir) {
        return of(level, host, python, limits, uid, workDir, null);
    }

    /**
     * @param uid    the run's own uid, or -1 to run as the JVM's user
     * @param cgroup the run's cgroup directory, or null for none
     */
    static SandboxCommand of(IsolationLevel level, HostSandboxSupport host, Path python, SandboxLimits limits,
                             int uid, Path workDir, Path cgroup) {
        List<String> argv = new ArrayList<>();
        if (level != IsolationLevel.NONE) {
            if (cgroup != null) {
                argv.addAll(List.of("/bin/sh", "-c", JOIN_CGROUP, "sh", cgroup.toString()));
            }
            host.setpriv().ifPresent(setpriv -> {
                argv.addAll(List.of(setpriv.toString(), "--pdeathsig", "KILL", "--no-new-privs"));
                if (uid >= 0) {
                    argv.addAll(List.of("--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--inh-caps=-all",
                            "--bounding-set=-all"));
                }
            });
            argv.add(host.prlimit().orElseThrow().toString());
            argv.add("--as=" + limits.memoryBytes());
            argv.add("--cpu=" + Math.max(1, (limits.cpuTime().toMillis() + 999) / 1000));
            argv.add("--fsize=" + limits.maxFileBytes());
            argv.add("--nofile=256");
            argv.add("--core=0");
            if (uid >= 0) {
                argv.add("--nproc=" + limits.maxProcesses());
            }
            argv.add("--");
        }
        boolean bwrap = level == IsolationLevel.BUBBLEWRAP;
        String home = bwrap ? BWRAP_WORK_DIR : workDir.toString();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", home);
        env.put("TMPDIR", bwrap ? "/tmp" : workDir.toString());
        env.put("LANG", "C.UTF-8");
        env.put("PYTHONIOENCODING", "utf-8");
        if (bwrap) {
            argv.addAll(bwrapArgs(host, python, limits, workDir, env));
        } else if (level == IsolationLevel.UNSHARE) {
            argv.addAll(unshareArgs(host, python, limits, uid >= 0 ? uid : host.uid(), uid >= 0 ? uid : host.gid(),
                    workDir));
        }
        argv.addAll(List.of(python.toString(), "-I", "-u", home + "/" + SCRIPT));
        return new SandboxCommand(List.copyOf(argv), workDir, Map.copyOf(env));
    }

    /**
     * Two user namespaces: in the outer one the run's uid is root, only to build the private view of
     * {@code unshare_view.sh} in the run's mount namespace; the inner one maps the uid to itself and {@code setpriv}
     * empties the capability sets before python starts, so the code never holds a capability over that view.
     */
    private static List<String> unshareArgs(HostSandboxSupport host, Path python, SandboxLimits limits, int uid,
                                            int gid, Path workDir) {
        String unshare = host.unshare().orElseThrow().toString();
        Path prefix = installPrefix(python);
        List<String> args = new ArrayList<>(List.of(unshare, "--user", "--map-root-user", "--mount", "--net",
                "--pid", "--ipc", "--uts", "--fork", "--kill-child", "--mount-proc",
                "/bin/sh", "-c", UNSHARE_VIEW, "sh", workDir.toString(), String.valueOf(limits.diskBytes()),
                prefix == null ? "" : prefix.toString()));
        args.addAll(List.of(unshare, "--user", "--map-user=" + uid, "--map-group=" + gid, "--keep-caps",
                host.setpriv().orElseThrow().toString(), "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs"));
        return args;
    }

    static Path script(Path workDir) {
        return workDir.resolve(SCRIPT);
    }

    private static List<String> bwrapArgs(HostSandboxSupport host, Path python, SandboxLimits limits, Path workDir,
                                          Map<String, String> env) {
        List<String> args = new ArrayList<>(List.of(host.bwrap().orElseThrow().toString(), "--unshare-all",
                "--die-with-parent", "--new-session", "--hostname", "sandbox"));
        for (String dir : SYSTEM_DIRS) {
            Path path = Path.of(dir);
            if (Files.isSymbolicLink(path)) {
                args.addAll(List.of("--symlink", readLink(path), dir));
            } else if (Files.isDirectory(path)) {
                args.addAll(List.of("--ro-bind", dir, dir));
            }
        }
        Path prefix = installPrefix(python);
        if (prefix != null) {
            args.addAll(List.of("--ro-bind", prefix.toString(), prefix.toString()));
        }
        // writable: only the size-capped tmpfs /sandbox, /tmp and /dev/shm; the root tmpfs and /dev go read-only
        String size = String.valueOf(limits.diskBytes());
        args.addAll(List.of("--proc", "/proc", "--dev", "/dev",
                "--size", size, "--tmpfs", "/dev/shm",
                "--size", size, "--tmpfs", "/tmp",
                "--size", size, "--tmpfs", BWRAP_WORK_DIR,
                "--ro-bind", script(workDir).toString(), BWRAP_WORK_DIR + "/" + SCRIPT,
                "--remount-ro", "/dev", "--remount-ro", "/",
                "--chdir", BWRAP_WORK_DIR, "--clearenv"));
        env.forEach((k, v) -> args.addAll(List.of("--setenv", k, v)));
        return args;
    }

    /** The interpreter's install prefix when it lives outside the system dirs bound anyway (e.g. /opt/python). */
    private static Path installPrefix(Path python) {
        try {
            Path real = python.toRealPath();
            for (String dir : SYSTEM_DIRS) {
                if (real.startsWith(dir)) {
                    return null;
                }
            }
            Path bin = real.getParent();
            return bin.getParent() != null ? bin.getParent() : bin;
        } catch (Exception e) {
            return null;
        }
    }

    private static String resource(String name) {
        try (InputStream in = SandboxCommand.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the classpath next to SandboxCommand");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readLink(Path path) {
        try {
            return Files.readSymbolicLink(path).toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read symlink " + path, e);
        }
    }
}
