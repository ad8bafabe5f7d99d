package dev.sale4j.tools.code;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PythonSandboxTest {

    private final PythonSandbox sandbox = Sandboxes.small();

    @Test
    void returnsStdoutStderrExitStatusTimeAndIsolation() {
        ExecutionResult result = sandbox.run("import sys\nprint('hello', 6 * 7)\nprint('oops', file=sys.stderr)\n"
                + "sys.exit(3)");

        assertThat(result.stdout()).isEqualTo("hello 42\n");
        assertThat(result.stderr()).isEqualTo("oops\n");
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.duration()).isPositive().isLessThan(Duration.ofSeconds(3));
        assertThat(result.isolation()).isEqualTo(sandbox.isolation());
        assertThat(result.privilegesDropped()).isEqualTo(sandbox.dropsPrivileges());
        assertThat(sandbox.execute("print('x')")).contains("exit status: 0").contains("isolation: " + sandbox.isolation());
    }

    @Test
    void strongestIsolationIsDetectedAndUsed() {
        assertThat(sandbox.isolation()).as("bubblewrap is a test prerequisite (scripts/test-prerequisites.sh)")
                .isEqualTo(IsolationLevel.BUBBLEWRAP);
        assertThat(sandbox.run("pass").isolation()).isEqualTo(IsolationLevel.BUBBLEWRAP);
    }

    @Test
    void infiniteLoopIsKilledAtTheWallTimeDeadline() {
        PythonSandbox shortWall = PythonSandbox.builder().limits(SandboxLimits.builder()
                .wallTime(Duration.ofMillis(1500)).cpuTime(Duration.ofSeconds(30)).build()).build();

        ExecutionResult result = shortWall.run("print('started', flush=True)\nwhile True:\n    pass\n");

        assertThat(result.timedOut()).isTrue();
        assertThat(result.stdout()).isEqualTo("started\n");
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(5));
        assertThat(result.toText()).contains("wall-time limit exceeded");
    }

    @Test
    void cpuTimeCapKillsABusyLoopBeforeTheWallDeadline() {
        PythonSandbox cpuCapped = PythonSandbox.builder().limits(SandboxLimits.builder()
                .wallTime(Duration.ofSeconds(20)).cpuTime(Duration.ofSeconds(1)).build()).build();

        ExecutionResult result = cpuCapped.run("while True:\n    pass\n");

        assertThat(result.timedOut()).isFalse();
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void memoryHogGetsMemoryError() {

        ExecutionResult result = sandbox.run("x = bytearray(1024 * 1024 * 1024)\nprint('allocated')");

        assertThat(result.stdout()).doesNotContain("allocated");
        assertThat(result.stderr()).contains("MemoryError");
        assertThat(result.exitCode()).isNotZero();
    }

    @Test
    void outputFloodIsCutWithAVisibleMarkerAndStopped() {
        ExecutionResult result = sandbox.run("while True:\n    print('x' * 1000)\n");

        assertThat(result.outputTruncated()).isTrue();
        assertThat(result.timedOut()).isFalse();
        assertThat(result.stdout()).endsWith(ExecutionResult.TRUNCATION_MARKER);
        assertThat(result.stdout().length()).isLessThanOrEqualTo(1024 * 1024 + ExecutionResult.TRUNCATION_MARKER.length());
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(3));
        assertThat(result.toText()).contains("output limit exceeded");
    }

    @Test
    void oneHugeFileStopsAtTheFileSizeCap() {
        String code = """
                written = 0
                try:
                    with open('big.bin', 'wb') as f:
                        while written < 1024 * 1024 * 1024:
                            f.write(b'0' * 65536)
                            f.flush()
                            written += 65536
                except OSError as e:
                    print('stopped', written, e.errno)
                """;

        ExecutionResult result = sandbox.run(code);

        assertThat(result.stdout()).startsWith("stopped ");
        String[] parts = result.stdout().strip().split(" ");
        assertThat(Long.parseLong(parts[1])).isLessThanOrEqualTo(8L * 1024 * 1024);
        assertThat(parts[2]).isIn("27", "28"); // EFBIG or ENOSPC
    }

    @Test
    void fillingTheDiskWithManyFilesStopsAtTheTmpfsSize() {
        String code = """
                import os
                written = 0
                try:
                    for i in range(1000):
                        with open('f%d.bin' % i, 'wb') as f:
                            f.write(b'0' * (1024 * 1024))
                        written += 1024 * 1024
                except OSError as e:
                    print('stopped', written, e.errno)
                """;

        ExecutionResult result = sandbox.run(code);

        assertThat(result.stdout()).startsWith("stopped ");
        String[] parts = result.stdout().strip().split(" ");
        assertThat(Long.parseLong(parts[1])).isLessThanOrEqualTo(8L * 1024 * 1024);
        assertThat(parts[2]).isEqualTo("28");
    }

    @Test
    void environmentCarriesNoneOfTheParentsVariables() {
        ExecutionResult result = sandbox.run("import os\nfor k in sorted(os.environ): print(k)");

        Set<String> seen = Arrays.stream(result.stdout().split("\n")).filter(s -> !s.isBlank())
                .collect(Collectors.toSet());
        assertThat(seen).isSubsetOf("PATH", "HOME", "TMPDIR", "LANG", "PYTHONIOENCODING", "LC_CTYPE", "PWD");
        Set<String> parentOnly = System.getenv().keySet().stream()
                .filter(k -> !Set.of("PATH", "HOME", "LANG", "TMPDIR", "LC_CTYPE", "PWD").contains(k))
                .collect(Collectors.toSet());
        assertThat(seen).doesNotContainAnyElementsOf(parentOnly);
    }

    @Test
    void parentsSecretsInItsEnvironAndPrivateFilesAreUnreadable(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("api-key.txt");
        Files.writeString(secret, "sk-test-secret");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        long jvmPid = ProcessHandle.current().pid();
        String code = """
                for path in ['%s', '/proc/%d/environ']:
                    try:
                        print(path, 'READ', open(path, 'rb').read()[:20])
                    except OSError as e:
                        print(path, 'DENIED', type(e).__name__)
                """.formatted(secret, jvmPid);

        ExecutionResult result = sandbox.run(code);

        assertThat(result.stdout()).doesNotContain("READ").doesNotContain("sk-test-secret");
        assertThat(result.stdout().lines().filter(l -> l.contains("DENIED"))).hasSize(2);
    }

    @Test
    void writesOutsideTheWorkDirDoNotReachTheHost() throws IOException {
        Path project = Path.of("target").toAbsolutePath().resolve("sandbox-escape-" + UUID.randomUUID() + ".txt");
        String code = """
                try:
                    open('%s', 'w').write('escaped')
                    print('WROTE')
                except OSError as e:
                    print('DENIED', type(e).__name__)
                """.formatted(project);

        ExecutionResult result = sandbox.run(code);

        assertThat(result.stdout()).startsWith("DENIED");
        assertThat(project).doesNotExist();
    }

    @Test
    void tmpWritesStayInsideBubblewrapsPrivateTmp() {
        Path hostTmp = Path.of("/tmp", "sale4j-escape-" + UUID.randomUUID());

        ExecutionResult result = sandbox.run("open('" + hostTmp + "', 'w').write('x')\nprint('ok')");

        assertThat(result.stdout()).isEqualTo("ok\n");
        assertThat(hostTmp).doesNotExist();
    }

    @Test
    void workDirIsFreshAndRemovedAfterTheRun(@TempDir Path root) throws IOException {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
        PythonSandbox rooted = PythonSandbox.builder().limits(Sandboxes.SMALL).tempDirectory(root).build();

        ExecutionResult first = rooted.run("import os\nopen('left.txt', 'w').write('x')\nprint(sorted(os.listdir('.')))");
        ExecutionResult second = rooted.run("import os\nprint(sorted(os.listdir('.')))");

        assertThat(first.stdout()).contains("left.txt");
        assertThat(second.stdout()).isEqualTo("['main.py']\n");
        try (var left = Files.list(root)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void networkConnectionsAreRefused() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String code = """
                    import socket
                    try:
                        socket.create_connection(('127.0.0.1', %d), timeout=2)
                        print('CONNECTED')
                    except OSError as e:
                        print('REFUSED', e.errno)
                    """.formatted(server.getLocalPort());

            ExecutionResult result = sandbox.run(code);

            assertThat(result.stdout()).startsWith("REFUSED");
        }
    }

    @Test
    void limitsRejectNonsenseWithTheFix() {
        assertThatThrownBy(() -> SandboxLimits.builder().wallTime(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wallTime");
        assertThatThrownBy(() -> SandboxLimits.builder().memoryBytes(1024).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("raise memoryBytes");
        assertThatThrownBy(() -> PythonSandbox.builder().pythonExecutable(Path.of("/nope/python3")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pythonExecutable");
    }
}
