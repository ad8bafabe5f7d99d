package dev.sale4j.tools.code;

import dev.sale4j.tools.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile code at the namespace levels cannot reach host files or sockets: a world-readable file in the test's own
 * temp dir and in {@code /tmp}, the real data under {@code shared/data}, the listing of {@code /work}, a world-writable
 * Unix socket in {@code /tmp} and a loopback TCP port. The same probes at {@code RLIMITS} reach all of them, so each
 * probe is shown to detect access.
 */
class SandboxHostViewTest {

    private static final String SECRET = "sale4j-host-secret-" + UUID.randomUUID();
    private static Path ownTempDir;
    private static Path ownTempFile;
    private static Path tmpFile;
    private static Path socketPath;
    private static ServerSocketChannel unixSocket;
    private static ServerSocket tcpSocket;
    private static Path sharedFile;

    @BeforeAll
    static void openHostResources() throws IOException {
        var worldReadableDir = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"));
        ownTempDir = Files.createTempDirectory("sale4j-view-test-", worldReadableDir);
        ownTempFile = worldReadable(ownTempDir.resolve("secret.txt"));
        tmpFile = worldReadable(Path.of("/tmp", "sale4j-view-secret-" + UUID.randomUUID()));
        socketPath = Path.of("/tmp", "sale4j-view-sock-" + UUID.randomUUID());
        unixSocket = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(socketPath));
        Files.setPosixFilePermissions(socketPath, PosixFilePermissions.fromString("rwxrwxrwx"));
        tcpSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        sharedFile = SharedData.path("leetcode/SOURCE.md");
    }

    @AfterAll
    static void closeHostResources() throws IOException {
        unixSocket.close();
        tcpSocket.close();
        Files.deleteIfExists(socketPath);
        Files.deleteIfExists(tmpFile);
        Files.deleteIfExists(ownTempFile);
        Files.deleteIfExists(ownTempDir);
    }

    @ParameterizedTest
    @EnumSource(value = IsolationLevel.class, names = {"BUBBLEWRAP", "UNSHARE"})
    void hostileCodeReachesNoHostFileNorSocket(IsolationLevel level) {
        ExecutionResult result = SandboxLevels.at(level).run(probes());

        List<String> lines = result.stdout().lines().toList();
        assertThat(lines).as(result.stderr()).hasSize(6);
        assertThat(lines.subList(0, 5)).as(level + ": every probe must be refused")
                .allSatisfy(line -> assertThat(line).contains(" denied "));
        assertThat(lines.get(5)).as("/work shows none of the host's entries").isEqualTo("work []");
        assertThat(result.stdout()).doesNotContain(SECRET);
    }

    @Test
    void theSameProbesReachEverythingWithoutNamespaces() {
        ExecutionResult result = SandboxLevels.at(IsolationLevel.RLIMITS).run(probes());

        List<String> lines = result.stdout().lines().toList();
        assertThat(lines).as(result.stderr()).hasSize(6);
        assertThat(lines.subList(0, 5)).allSatisfy(line -> assertThat(line).contains(" OPEN"));
        assertThat(lines.get(0)).contains(SECRET);
        assertThat(lines.get(1)).contains(SECRET);
        assertThat(lines.get(5)).contains("'shared'");
    }

    @ParameterizedTest
    @EnumSource(value = IsolationLevel.class, names = {"BUBBLEWRAP", "UNSHARE"})
    void aNestedNamespaceCannotUncoverTheHostBelowTheView(IsolationLevel level) {
        String code = """
                import ctypes, os
                libc = ctypes.CDLL(None, use_errno=True)
                uid, gid = os.getuid(), os.getgid()
                if libc.unshare(0x10000000 | 0x00020000) != 0:   # CLONE_NEWUSER | CLONE_NEWNS
                    print('unshare refused', ctypes.get_errno())
                else:
                    open('/proc/self/setgroups', 'w').write('deny')
                    open('/proc/self/uid_map', 'w').write('0 %%d 1' %% uid)
                    open('/proc/self/gid_map', 'w').write('0 %%d 1' %% gid)
                    for target in [b'/tmp', b'/work', b'/']:
                        print('umount', target.decode(), libc.umount2(target, 2), ctypes.get_errno())
                try:
                    print('read', open('%s').read())
                except OSError as e:
                    print('read denied', e.errno)
                print('work', sorted(os.listdir('/work')) if os.path.isdir('/work') else None)
                """.formatted(tmpFile);

        ExecutionResult result = SandboxLevels.at(level).run(code);

        System.out.println("[sandbox] " + level + ", nested namespace: " + result.stdout().replace("\n", " | "));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        result.stdout().lines().filter(l -> l.startsWith("umount "))
                .forEach(line -> assertThat(line).as(level + ": a locked mount").contains(" -1 "));
        assertThat(result.stdout()).contains("read denied").doesNotContain(SECRET).doesNotContain("'shared'");
    }

    private static String probes() {
        return """
                import os, socket
                def probe(name, attempt):
                    try:
                        print(name, 'OPEN', attempt())
                    except OSError as e:
                        print(name, 'denied', e.errno)
                def unix():
                    with socket.socket(socket.AF_UNIX) as s:
                        s.settimeout(2)
                        s.connect('%s')
                        return 'connected'
                def tcp():
                    with socket.create_connection(('127.0.0.1', %d), timeout=2):
                        return 'connected'
                probe('ownTempDir', lambda: open('%s').read())
                probe('tmp', lambda: open('%s').read())
                probe('sharedData', lambda: len(open('%s', 'rb').read()))
                probe('unixSocket', unix)
                probe('loopbackTcp', tcp)
                print('work', sorted(os.listdir('/work')) if os.path.isdir('/work') else [])
                """.formatted(socketPath, tcpSocket.getLocalPort(), ownTempFile, tmpFile, sharedFile);
    }

    private static Path worldReadable(Path file) throws IOException {
        Files.writeString(file, SECRET);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }
}
