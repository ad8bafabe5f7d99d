package dev.sale4j.examples.cli;

import dev.sale4j.auction.AuctionResult;
import dev.sale4j.auction.Phase;
import dev.sale4j.bid.BidFailure;
import dev.sale4j.jury.JuryScore;
import dev.sale4j.score.ScoreTerms;
import dev.sale4j.score.ScoredBid;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders an {@link AuctionResult} as the bids table the {@code sale auction} command prints. */
final class BidsTable {

    private BidsTable() {}

    static void print(AuctionResult r, PrintWriter out) {
        out.printf(Locale.ROOT, "Auction %s%nTask: %s%n%n", r.id(), oneLine(r.task(), 100));
        int nameWidth = Math.max(5, r.jurors().stream().mapToInt(String::length).max().orElse(5));
        String header = String.format(Locale.ROOT, "%-" + nameWidth + "s %7s %6s %8s %6s %-9s %-" + 3 * r.jurors().size()
                + "s %8s %8s  %s", "agent", "price", "|s|", "C", "H", "H from", "jury", "V", "C-V", "");
        out.println(header.stripTrailing());
        for (ScoredBid b : r.bids()) {
            ScoreTerms t = b.terms();
            String jury = t.juryScores().stream()
                    .map(s -> s.present() ? String.valueOf(s.score()) : "-")
                    .map(s -> String.format("%-2s", s))
                    .collect(Collectors.joining(" "));
            String mark = r.label(b) == AuctionResult.Label.WON ? "<- winner" : "";
            if (b.bid().refined()) {
                mark = (mark + " (refined)").strip();
            }
            out.println(String.format(Locale.ROOT, "%-" + nameWidth + "s %7.3f %6d %8.4f %6.3f %-9s %-"
                            + 3 * r.jurors().size() + "s %8.4f %8.4f  %s",
                    b.agent(), t.price(), t.planTokens(), t.cost(), t.entropy(), t.entropyEstimator(), jury, t.value(),
                    t.net(), mark).stripTrailing());
        }
        for (BidFailure f : r.failures()) {
            out.printf(Locale.ROOT, "%-" + nameWidth + "s no bid (%s): %s%n", f.agent(), f.kind(), f.reason());
        }
        out.printf(Locale.ROOT, "%njury columns: %s%n", String.join(", ", r.jurors()));
        r.bids().stream()
                .flatMap(b -> b.terms().juryScores().stream())
                .filter(s -> s.status() != JuryScore.Status.SCORED)
                .forEach(s -> out.printf(Locale.ROOT, "  %s on %s's bid: %s %s%n", s.juror(), s.bidder(), s.status(),
                        s.note()));
        out.println();
        if (r.fallback()) {
            out.printf("Winner: %s (fallback: no agent placed a bid)%n", r.winner());
        } else {
            out.printf("Winner: %s%n%nPlan:%n%s%n", r.winner(), indent(r.winningPlan().orElse("")));
        }
        out.printf(Locale.ROOT, "%nOverhead: %,d tokens, $%.6f (bid $%.6f, jury $%.6f); wall %s (bid %s, jury %s)%n",
                r.overheadTokens(), r.overheadCostUsd(), r.overheadCostUsd(Phase.BID), r.overheadCostUsd(Phase.JURY),
                seconds(r.wallTime()), seconds(r.phaseTimes().get(Phase.BID)), seconds(r.phaseTimes().get(Phase.JURY)));
        out.flush();
    }

    private static String seconds(Duration d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }

    private static String indent(String text) {
        return text.lines().map(l -> "  " + l).collect(Collectors.joining("\n"));
    }

    private static String oneLine(String text, int max) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max - 3) + "...";
    }
}
