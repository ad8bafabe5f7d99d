package dev.sale4j.tools.code;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sandbox's guarantees checked at every isolation level (each test fails naming a level the host lacks). The
 * SIGKILL guarantee is in {@link SandboxJvmDeathTest}.
 */
class SandboxGuaranteesTest {

    @ParameterizedTest
    @MethodSource("dev.sale4j.tools.code.SandboxLevels#all")
    void resultReportsTheUidTheCodeRanAsInsideAndOutside(IsolationLevel level) {
        PythonSandbox sandbox = SandboxLevels.at(level);

        ExecutionResult result = sandbox.run("import os\nprint(os.getuid(), os.getgid())");

        assertThat(result.isolation()).isEqualTo(level);
        assertThat(result.stdout().strip()).isEqualTo(result.uidInside() + " " + result.uidInside());
        assertThat(result.privilegesDropped()).isEqualTo(sandbox.dropsPrivileges());
        if (result.privilegesDropped()) {
            assertThat(result.uid()).isBetween(200_000, 249_999);
        } else {
            assertThat(result.uid()).isEqualTo(jvmUid());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.sale4j.tools.code.SandboxLevels#isolated")
    void codeHoldsNoCapabilityAndCannotUnmountProc(IsolationLevel level) {
        String code = """
                import ctypes, os
                status = dict(l.split(':', 1) for l in open('/proc/self/status').read().splitlines())
                print('caps', status['CapEff'].strip(), status['CapPrm'].strip(), status['CapBnd'].strip())
                libc = ctypes.CDLL(None, use_errno=True)
                print('umount', libc.umount2(b'/proc', 2), ctypes.get_errno())
                print('pids', sorted(int(p) for p in os.listdir('/proc') if p.isdigit()))
                """;

        ExecutionResult result = SandboxLevels.at(level).run(code);

        List<String> lines = result.stdout().lines().toList();
        assertThat(lines).as(result.stderr()).hasSize(3);
        assertThat(lines.get(0)).startsWith("caps 0000000000000000 0000000000000000");
        assertThat(lines.get(1)).isIn("umount -1 1", "umount -1 13"); // EPERM (or EACCES): no CAP_SYS_ADMIN
        if (level.isAtLeast(IsolationLevel.UNSHARE)) {
            assertThat(lines.get(2)).as("own PID namespace: the JVM and host processes are invisible")
                    .doesNotContain(" " + ProcessHandle.current().pid() + ",")
                    .doesNotContain(" " + ProcessHandle.current().pid() + "]");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.sale4j.tools.code.SandboxLevels#isolated")
    void memoryCapCoversTheWholeRunWhereTheHostDelegatesCgroupsAndTheResultSaysWhich(IsolationLevel level) {
        SandboxLimits limits = SandboxLimits.builder().wallTime(Duration.ofSeconds(10)).memoryBytes(160L << 20).build();
        String code = """
                import os, sys, time
                for i in range(6):
                    if os.fork() == 0:
                        try:
                            block = b'x' * (60 * 1024 * 1024)
                            os.write(1, b'allocated %d\\n' % i)
                            time.sleep(2)
                        except MemoryError:
                            os.write(1, b'refused %d\\n' % i)
                        os._exit(0)
                for i in range(6):
                    os.wait()
                print('done', flush=True)
                """;
        boolean wholeRun = RunCgroup.host(jvmUid() == 0).map(RunCgroup.Host::caps).orElse(false);

        ExecutionResult result = SandboxLevels.at(level, limits).run(code);

        long allocated = result.stdout().lines().filter(l -> l.startsWith("allocated")).count();
        if (wholeRun) {
            assertThat(result.limitScope()).isEqualTo(LimitScope.WHOLE_RUN);
            assertThat(allocated).as("160 MiB for the run: at most two 60 MiB children at once").isLessThan(3);
            assertThat(result.memoryLimitHit()).isTrue();
            assertThat(result.toText()).contains("memory limit of the run exceeded");
        } else {
            System.out.println("[sandbox] " + level + ": no delegated cgroup v2 memory controller here: the "
                    + "memory cap holds per process, " + allocated + " children of 60 MiB under a 160 MiB cap");
            assertThat(result.limitScope()).isEqualTo(LimitScope.PER_PROCESS);
            assertThat(allocated).as("each child alone is within its own cap").isEqualTo(6);
            assertThat(result.memoryLimitHit()).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.sale4j.tools.code.SandboxLevels#isolated")
    void forkBombIsCappedAtTheProcessLimitAndLeavesNothingBehind(IsolationLevel level) {
        PythonSandbox sandbox = SandboxLevels.at(level);
        assumeTrue(sandbox.dropsPrivileges() || result(sandbox).limitScope() == LimitScope.WHOLE_RUN,
                "a process cap needs an own uid per run (RLIMIT_NPROC) or a cgroup: run the tests as root");
        String code = """
                import os, time
                n = 0
                try:
                    for _ in range(5000):
                        if os.fork() == 0:
                            time.sleep(60)
                            os._exit(0)
                        n += 1
                except OSError as e:
                    print('refused after', n, e.errno, flush=True)
                """;

        ExecutionResult result = sandbox.run(code);

        assertThat(result.stdout()).as(result.stderr()).startsWith("refused after ");
        int forked = Integer.parseInt(result.stdout().split(" ")[2]);
        assertThat(forked).isPositive().isLessThan(64);
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(6));
        if (result.privilegesDropped()) {
            assertThat(SandboxLevels.processesOf(result.uid())).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.sale4j.tools.code.SandboxLevels#isolated")
    void classicForkBombEndsAtTheDeadlineWithoutLeftovers(IsolationLevel level) {
        PythonSandbox sandbox = SandboxLevels.at(level);
        assumeTrue(sandbox.dropsPrivileges(), "an uncapped fork bomb is only safe with RLIMIT_NPROC on its own uid");

        ExecutionResult result = sandbox.run("import os\nwhile True:\n    try:\n        os.fork()\n"
                + "    except OSError:\n        pass\n");

        assertThat(result.timedOut()).isTrue();
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(8));
        assertThat(SandboxLevels.processesOf(result.uid())).isZero();
    }

    @ParameterizedTest
    @MethodSource("dev.sale4j.tools.code.SandboxLevels#isolated")
    void filesLeftInWorldWritableDirectoriesAreRemoved(IsolationLevel level) {
        PythonSandbox sandbox = SandboxLevels.at(level);
        assumeTrue(sandbox.dropsPrivileges() || level == IsolationLevel.BUBBLEWRAP,
                "telling a run's files from the user's needs an own uid per run: run the tests as root");
        String tag = "sale4j-left-" + UUID.randomUUID();
        List<Path> left = List.of(Path.of("/tmp", tag), Path.of("/var/tmp", tag), Path.of("/dev/shm", tag),
                Path.of("/tmp", tag + "-tree"));
        String code = """
                import os
                for path in ['/tmp/%1$s', '/var/tmp/%1$s', '/dev/shm/%1$s']:
                    try:
                        open(path, 'w').write('left behind')
                        print('wrote', path)
                    except OSError as e:
                        print('denied', path, e.errno)
                tree = '/tmp/%1$s-tree'
                os.makedirs(tree + '/a/b')
                open(tree + '/a/b/f', 'w').write('x')
                os.chmod(tree + '/a/b', 0)
                os.chmod(tree + '/a', 0)
                """.formatted(tag);

        ExecutionResult result = sandbox.run(code);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        if (level == IsolationLevel.RLIMITS) {
            assertThat(result.stdout()).contains("wrote /tmp/" + tag); // the host's /tmp really was written
        }
        left.forEach(path -> assertThat(path).doesNotExist());
    }

    @ParameterizedTest
    @MethodSource("dev.sale4j.tools.code.SandboxLevels#all")
    void deepAndUnreadableWorkDirectoryTreesAreDeleted(IsolationLevel level) throws IOException {
        // on tmpfs: 10,000 nested directories take seconds to make and a minute to delete on a disk with discard
        Path root = Files.createTempDirectory(Path.of("/dev/shm"), "sale4j-deep-test-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
        PythonSandbox sandbox = PythonSandbox.builder().isolation(level).limits(Sandboxes.SMALL).tempDirectory(root)
                .build();
        String code = """
                import os
                for i in range(10000):
                    os.mkdir('d')
                    os.chdir('d')
                    if i % 2500 == 0:
                        open('f', 'w').write('x')
                        os.symlink('/etc/passwd', 'link')
                os.chdir('/')
                print('depth', 10000)
                os.chmod(os.path.join(os.environ['HOME'], 'd', 'd'), 0)
                """;

        ExecutionResult result = sandbox.run(code);

        assertThat(result.stdout()).as(result.toText()).isEqualTo("depth 10000\n");
        try (var entries = Files.list(root)) {
            assertThat(entries).isEmpty();
        } finally {
            Files.deleteIfExists(root);
        }
        assertThat(Path.of("/etc/passwd")).exists();
    }

    @Test
    void bubblewrapCapsEveryWritableMountAndKeepsTheRestReadOnly() {
        String code = """
                import os
                for d in ['/', '/dev', '/etc', '/usr', '/proc/sys']:
                    try:
                        open(d + '/probe', 'w').write('x')
                        print(d, 'WRITABLE')
                    except OSError as e:
                        print(d, 'denied', e.errno)
                for d in ['/tmp', '/dev/shm', '/sandbox']:
                    written = 0
                    try:
                        with open(d + '/fill', 'wb') as f:
                            while written < 64 * 1024 * 1024:
                                f.write(b'0' * 65536)
                                f.flush()
                                written += 65536
                    except OSError as e:
                        print(d, 'full', written, e.errno)
                    os.remove(d + '/fill')
                open('/dev/null', 'w').write('devices still work')
                """;
        SandboxLimits limits = SandboxLimits.builder().maxFileBytes(64L << 20).diskBytes(8L << 20).build();

        ExecutionResult result = SandboxLevels.at(IsolationLevel.BUBBLEWRAP, limits).run(code);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).doesNotContain("WRITABLE");
        assertThat(result.stdout().lines().filter(l -> l.contains(" denied "))).hasSize(5);
        for (String dir : List.of("/tmp", "/dev/shm", "/sandbox")) {
            String line = result.stdout().lines().filter(l -> l.startsWith(dir + " full ")).findFirst().orElseThrow();
            String[] parts = line.split(" ");
            assertThat(Long.parseLong(parts[2])).as(dir).isLessThanOrEqualTo(8L << 20);
            assertThat(parts[3]).as(dir).isEqualTo("28"); // ENOSPC
        }
    }

    private static ExecutionResult result(PythonSandbox sandbox) {
        return sandbox.run("pass");
    }

    private static int jvmUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
