package dev.sale4j.coherence;

import com.tangosol.net.Coherence;
import com.tangosol.net.PartitionedService;
import com.tangosol.net.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * This test JVM as a member of a Coherence cluster on loopback only: well-known address 127.0.0.1 on a free port, no
 * multicast (ttl 0), one backup of every partition, and a cluster name unique to this test run, so that no other
 * cluster on the machine can be joined. Other members (child JVMs) join with {@link #memberProperties(int)}.
 */
final class LoopbackCluster {

    static final String CLUSTER = "sale4j-test-" + UUID.randomUUID();
    private static int wkaPort;
    private static Coherence coherence;

    private LoopbackCluster() {}

    /** The session of this JVM's member, started on first use. */
    static synchronized Session session() {
        if (coherence == null) {
            wkaPort = freePort();
            memberProperties(wkaPort).forEach(System::setProperty);
            coherence = Coherence.clusterMember();
            try {
                coherence.start().get(90, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("The test's Coherence member did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(Coherence::closeAll));
        }
        return coherence.getSession();
    }

    static synchronized int memberCount() {
        session();
        return coherence.getCluster().getMemberSet().size();
    }

    /** The system properties of a member listening on {@code localPort}; this JVM's member is the well-known one. */
    static Map<String, String> memberProperties(int localPort) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("coherence.cluster", CLUSTER);
        p.put("coherence.wka", "127.0.0.1");
        p.put("coherence.wka.port", String.valueOf(wkaPort == 0 ? localPort : wkaPort));
        p.put("coherence.localhost", "127.0.0.1");
        p.put("coherence.localport", String.valueOf(localPort));
        p.put("coherence.ttl", "0");
        p.put("coherence.distributed.backupcount", "1");
        p.put("coherence.log.level", "2");
        return p;
    }

    /** Whether every partition of the map's service has a primary and a backup on two different members. */
    static boolean fullyBackedUp(PartitionedService service) {
        for (int p = 0; p < service.getPartitionCount(); p++) {
            var owner = service.getPartitionOwner(p);
            var backup = service.getBackupOwner(p, 1);
            if (owner == null || backup == null || owner.equals(backup)) {
                return false;
            }
        }
        return true;
    }

    /** A port free on loopback for both TCP and UDP now. */
    static int freePort() {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, loopback)) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(port, loopback)) {
                    return port;
                } catch (IOException taken) {
                    // the UDP side is in use; try another
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("No port free for both TCP and UDP on loopback");
    }
}
