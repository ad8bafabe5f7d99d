package dev.sale4j.examples.cli;

import dev.sale4j.auction.AuctionCompletedContext;
import dev.sale4j.auction.AuctionListener;
import dev.sale4j.auction.AuctionResult;
import dev.sale4j.auction.AuctionStartedContext;
import dev.sale4j.auction.HandoverContext;
import dev.sale4j.auction.PhaseCompletedContext;
import dev.sale4j.auction.PhaseStartedContext;
import dev.sale4j.auction.WinnerSelectedContext;
import dev.sale4j.tools.agent.AgentListener;
import dev.sale4j.tools.agent.ToolCall;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Shows on stderr what is happening while the user waits: the auction's phases (bidding, judging, refining), the
 * winner, execution, each tool call as it starts and ends, and handovers. Also keeps the auctions it saw, for the
 * report that follows the answer.
 */
final class Progress implements AuctionListener, AgentListener {

    private static final int ARGUMENT_CHARS = 160;

    private final PrintWriter err;
    private final List<AuctionResult> auctions = new ArrayList<>();

    Progress(PrintWriter err) {
        this.err = err;
    }

    /** The auctions completed so far, oldest first. */
    synchronized List<AuctionResult> auctions() {
        return List.copyOf(auctions);
    }

    @Override
    public void onAuctionStarted(AuctionStartedContext c) {
        say("auction: %d agents (%s)", c.bidders().size(), String.join(", ", c.bidders()));
    }

    @Override
    public void onPhaseStarted(PhaseStartedContext c) {
        String what = switch (c.phase()) {
            case BID -> "bidding";
            case JURY -> "judging";
            case REFINE -> "refining from memory";
            case REJURY -> "judging the refined bids";
        };
        say("%s: %s ...", what, String.join(", ", c.agents()));
    }

    @Override
    public void onPhaseCompleted(PhaseCompletedContext c) {
        long tokens = c.usage().stream().mapToLong(u -> u.inputTokens() + u.outputTokens()).sum();
        say("  %s done in %.2f s, %,d tokens", c.phase().name().toLowerCase(Locale.ROOT),
                c.duration().toNanos() / 1e9, tokens);
    }

    @Override
    public void onWinnerSelected(WinnerSelectedContext c) {
        if (c.provisional() != null) {
            say("provisional winner: %s", c.provisional().agent());
        }
    }

    @Override
    public void onAuctionCompleted(AuctionCompletedContext c) {
        synchronized (this) {
            auctions.add(c.result());
        }
        say("executing: %s%s", c.result().winner(), c.result().fallback() ? " (fallback: nobody bid)"
                : " follows its plan");
    }

    @Override
    public void onHandover(HandoverContext c) {
        say("handover: %s failed (%s); %s takes the task over", c.from(), c.reason(), c.to());
    }

    @Override
    public void onToolStarted(int index, String name, String arguments) {
        String args = arguments == null ? "" : arguments.strip().replaceAll("\\s+", " ");
        say("tool %d: %s %s", index + 1, name,
                args.length() > ARGUMENT_CHARS ? args.substring(0, ARGUMENT_CHARS - 3) + "..." : args);
    }

    @Override
    public void onToolFinished(ToolCall call) {
        say("  tool %d %s: %,d chars in %d ms", call.index() + 1, call.status(), call.resultChars(),
                call.duration().toMillis());
    }

    private synchronized void say(String format, Object... args) {
        err.println(String.format(Locale.ROOT, format, args));
        err.flush();
    }

}
