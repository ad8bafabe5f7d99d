package dev.sale4j.coherence;

import com.tangosol.net.Coherence;
import com.tangosol.net.Session;
import dev.sale4j.auction.AuctionResult;
import dev.sale4j.memory.MemoryEntry;
import dev.sale4j.memory.Outcome;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The second application instance, run as its own JVM by {@link TwoMemberClusterTest}: a Coherence cluster member
 * (configured by the system properties it is started with) with its own router, driven by one command a line on
 * stdin, answering one line prefixed {@code "> "} on stdout. It exits when stdin closes, so it cannot outlive the test.
 */
public final class ChildMember {

    private ChildMember() {}

    public static void main(String[] args) throws Exception {
        String tag = args[0];
        String mapName = args[1];
        String burstMap = args[2];
        int cap = Integer.parseInt(args[3]);
        Coherence coherence = Coherence.clusterMember().start().get();
        Session session = coherence.getSession();
        AppInstance app = new AppInstance(session, mapName, tag, cap, "coding");
        AppInstance burst = null;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("> READY " + coherence.getCluster().getLocalMember().getId());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] command = line.split(" ", 2);
            switch (command[0]) {
                case "AUCTION" -> {
                    int before = app.small.refinePrompts().size();
                    AuctionResult result = app.router.auction(command[1]);
                    List<String> prompts = app.small.refinePrompts();
                    String prompt = prompts.size() > before ? prompts.get(prompts.size() - 1) : "";
                    out.println("> AUCTIONED " + result.id() + " " + result.winner() + " "
                            + Base64.getEncoder().encodeToString(prompt.getBytes(StandardCharsets.UTF_8)));
                }
                case "OUTCOME" -> {
                    String[] a = command[1].split(" ");
                    Outcome outcome = a[1].equals("success")
                            ? Outcome.success(Outcome.Source.TESTS) : Outcome.failure(Outcome.Source.TESTS, "a test failed");
                    out.println("> OUTCOME " + app.router.recordOutcome(a[0], outcome));
                }
                case "ENTRY" -> {
                    Optional<MemoryEntry> entry = app.memory.entry(command[1]);
                    out.println("> ENTRY " + entry.map(e -> e.winnerSucceeded().map(ok -> ok ? "success" : "failure")
                            .orElse("unknown")).orElse("missing"));
                }
                case "STATS" -> out.println("> STATS " + app.memory.stats().entriesPerNamespace().getOrDefault("coding", 0));
                case "BURST" -> {
                    if (burst == null) {
                        burst = new AppInstance(session, burstMap, tag, 100_000, "burst");
                    }
                    int n = Integer.parseInt(command[1]);
                    for (int i = 0; i < n; i++) {
                        AuctionResult result = burst.router.auction("Burst task " + i + " of " + tag + ".");
                        out.println("> ACK " + result.id());
                    }
                    out.println("> BURST done");
                }
                default -> out.println("> ERROR unknown command " + line);
            }
        }
        System.exit(0);
    }
}
