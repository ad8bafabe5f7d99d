package dev.sale4j.auction;

import dev.sale4j.bid.Bid;
import dev.sale4j.bid.BidFailure;
import dev.sale4j.bid.EmptyBidException;
import dev.sale4j.internal.ErrorDescriptions;
import dev.sale4j.internal.ParallelCalls;
import dev.sale4j.jury.JuryCall;
import dev.sale4j.jury.JuryScore;
import dev.sale4j.jury.JuryVerdict;
import dev.sale4j.memory.AuctionMemory;
import dev.sale4j.memory.BidPair;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.pool.AuctionTask;
import dev.sale4j.score.ScoredBid;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One auction in progress: runs the rounds of an {@link Auction} for one task, tells its listeners, builds the trace. */
final class AuctionRun {

    private static final Logger log = LoggerFactory.getLogger(AuctionRun.class);

    private final Auction auction;
    private final AuctionTask task;
    private final AgentPool pool;
    private final AuctionOptions options;
    private final List<Agent> bidders;
    private final List<CallUsage> usage = new ArrayList<>();
    private final Map<Phase, Duration> phaseTimes = new EnumMap<>(Phase.class);
    private final String id = UUID.randomUUID().toString();
    private final Map<Object, Object> attributes = new ConcurrentHashMap<>();

    AuctionRun(Auction auction, AuctionTask task, AuctionOptions options) {
        this.auction = auction;
        this.task = task;
        this.pool = auction.pool();
        this.options = options;
        this.bidders = pool.agents().stream().filter(a -> options.mayBid(a.name())).toList();
    }

    AuctionResult run() {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        auction.notifyListeners(l -> l.onAuctionStarted(new AuctionStartedContext(id, task, options,
                bidders.stream().map(Agent::name).toList(), startedAt, attributes)));
        AuctionResult result;
        try {
            result = rounds(startedAt, start);
        } catch (RuntimeException e) {
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            auction.notifyListeners(l -> l.onAuctionFailed(new AuctionFailedContext(id, task, e, wall, attributes)));
            throw e;
        }
        auction.notifyListeners(l -> l.onAuctionCompleted(new AuctionCompletedContext(result, attributes)));
        return result;
    }

    /**
     * The work that lets the memory start on this task's retrieval and recording (its embedding) while the agents
     * bid, once their requests have had {@link Auction#MEMORY_PREFETCH_GRACE} to leave; null without a memory.
     */
    private Runnable memoryPrefetch() {
        AuctionMemory memory = auction.memory().orElse(null);
        if (memory == null) {
            return null;
        }
        return () -> {
            try {
                memory.prefetch(auction.memoryNamespace(), task.text());
            } catch (RuntimeException e) {
                log.debug("The auction memory's prefetch failed: {}", ErrorDescriptions.describe(e));
            }
        };
    }

    private AuctionResult rounds(Instant startedAt, long start) {
        List<Bid> bids = new ArrayList<>();
        List<BidFailure> failures = new ArrayList<>();
        bidRound(bids, failures);
        BudgetLimits.dropBidsOverReserve(bids, failures, options, pool, task);
        auction.notifyListeners(l -> l.onBidsPlaced(new BidsPlacedContext(id, bids, failures, attributes)));

        if (bids.isEmpty()) {
            Agent fallback = auction.fallbackAgent().orElse(null);
            if (fallback == null || !options.mayBid(fallback.name())) {
                throw new NoBidsException(failures);
            }
            return result(startedAt, start, List.of(), failures, pool.names(), null, fallback.name(), true, false);
        }

        AgentPool jurors = jurors(failures);
        List<JuryScore> scores = juryRound(bids, jurors, Phase.JURY);
        List<ScoredBid> scored = auction.scorer().score(bids, pool, jurors.names(), scores, bids);
        List<ScoredBid> ranking = auction.selector().rank(scored, pool.names());
        if (ranking.isEmpty()) {
            throw new IllegalStateException("The WinnerSelector ranked none of " + scored.size() + " bids: its rank(...) "
                    + "must return every bid it is given, best first");
        }
        ScoredBid provisional = ranking.get(0);
        auction.notifyListeners(l -> l.onWinnerSelected(new WinnerSelectedContext(id, ranking, provisional,
                attributes)));
        List<ScoredBid> all = new ArrayList<>(scored);
        ScoredBid winner = refineRound(scored, provisional, all, jurors, bids);
        return result(startedAt, start, all, failures, jurors.names(), provisional.agent(), winner.agent(), false,
                winner.bid().refined());
    }

    /**
     * The jury of this auction: every agent of the pool, less those whose bid call failed, timed out or came back
     * empty, unless the auction keeps failed bidders on the jury. A bid dropped over the reserve price is no failure
     * of its agent, which still judges.
     */
    private AgentPool jurors(List<BidFailure> failures) {
        if (auction.failedBiddersOnJury()) {
            return pool;
        }
        List<String> failed = failures.stream().filter(f -> f.kind() != BidFailure.Kind.OVER_RESERVE)
                .map(BidFailure::agent).toList();
        if (failed.isEmpty()) {
            return pool;
        }
        log.debug("Agents {} failed to bid and do not sit on the jury", failed);
        return pool.without(failed);
    }

    /**
     * SALE step 5: when a memory is set and the provisional winner is not the cheapest agent, every strictly cheaper
     * agent that bid and has pairs in memory rewrites its bid; the rewrites are judged again (phase REJURY) and scored
     * with the same formula, and are added to {@code all}. The selector decides whether the best of them replaces the
     * provisional winner (SALE's rule: only a strictly lower C - V than the provisional winner's). A refinement that
     * fails or runs past the bid timeout leaves the agent's first-round bid standing. Under {@link AuctionOptions},
     * nothing refines once the overhead cap is spent, and rewrites over the reserve price or whose re-judging would
     * exceed the cap do not compete.
     */
    private ScoredBid refineRound(List<ScoredBid> scored, ScoredBid provisional, List<ScoredBid> all,
            AgentPool jurors, List<Bid> firstRound) {
        AuctionMemory memory = auction.memory().orElse(null);
        if (memory == null) {
            return provisional;
        }
        List<String> cheaper = pool.cheaperThan(provisional.agent()).stream().map(Agent::name).toList();
        List<ScoredBid> own = scored.stream().filter(b -> cheaper.contains(b.agent())).toList();
        Long cap = options.maxOverheadTokens();
        if (own.isEmpty() || (cap != null && BudgetLimits.spentTokens(usage) >= cap)) {
            return provisional;
        }
        List<Bid> refined = refine(memory, own);
        BudgetLimits.dropBidsOverReserve(refined, new ArrayList<>(), options, pool, task);
        List<ScoredBid> rescored = List.of();
        ScoredBid winner = provisional;
        if (!refined.isEmpty() && BudgetLimits.juryFits(options, usage, task, refined, jurors)) {
            rescored = auction.scorer().score(refined, pool, jurors.names(), juryRound(refined, jurors, Phase.REJURY),
                    firstRound);
            all.addAll(rescored);
            winner = auction.selector().afterRefinement(provisional, rescored, pool.names());
        }
        List<ScoredBid> judged = rescored;
        ScoredBid executes = winner;
        auction.notifyListeners(l -> l.onRefinementCompleted(new RefinementCompletedContext(id, provisional, judged,
                executes, attributes)));
        return winner;
    }

    /** The refinement calls; the rewrites that came back, attributed to their agents and marked refined. */
    private List<Bid> refine(AuctionMemory memory, List<ScoredBid> own) {
        List<Bid> refined = new ArrayList<>();
        List<CallUsage> phaseUsage = new ArrayList<>();
        long t = System.nanoTime();
        phaseStarted(Phase.REFINE, own.stream().map(ScoredBid::agent).toList());
        try {
            Map<String, List<BidPair>> pairs = memory.pairs(auction.memoryNamespace(), task.text(),
                    own.stream().map(ScoredBid::agent).toList(), auction.refinementPairs());
            List<Callable<Bid>> calls = new ArrayList<>();
            List<String> refiners = new ArrayList<>();
            for (ScoredBid b : own) {
                List<BidPair> p = pairs.getOrDefault(b.agent(), List.of());
                if (!p.isEmpty()) {
                    Agent agent = pool.get(b.agent());
                    calls.add(() -> auction.refiner().refine(agent, task, b.bid(), p));
                    refiners.add(agent.name());
                }
            }
            List<ParallelCalls.Outcome<Bid>> outcomes = auction.calls().runAll(calls, auction.bidTimeout());
            for (int i = 0; i < outcomes.size(); i++) {
                ParallelCalls.Outcome<Bid> outcome = outcomes.get(i);
                String agent = refiners.get(i);
                if (outcome.succeeded() && outcome.value() != null) {
                    Bid r = outcome.value().withAgent(agent).asRefined();
                    refined.add(r);
                    phaseUsage.add(new CallUsage(agent, Phase.REFINE, r.inputTokens(), r.outputTokens(),
                            r.tokensEstimated()));
                } else {
                    log.info("Agent '{}' could not refine its bid: {}", agent,
                            outcome.timedOut() ? "timed out" : ErrorDescriptions.describe(outcome.error()));
                }
            }
        } catch (RuntimeException e) {
            log.warn("Refinement skipped: the auction memory failed: {}", ErrorDescriptions.describe(e));
        } finally {
            phaseCompleted(Phase.REFINE, t, phaseUsage);
        }
        return refined;
    }

    private void bidRound(List<Bid> bids, List<BidFailure> failures) {
        long t = System.nanoTime();
        phaseStarted(Phase.BID, bidders.stream().map(Agent::name).toList());
        List<Callable<Bid>> calls = new ArrayList<>();
        for (Agent agent : bidders) {
            calls.add(() -> auction.bidder().bid(agent, task));
        }
        List<ParallelCalls.Outcome<Bid>> outcomes = auction.calls().runAll(calls, auction.bidTimeout(),
                memoryPrefetch(), Auction.MEMORY_PREFETCH_GRACE);
        List<CallUsage> phaseUsage = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            String agent = bidders.get(i).name();
            ParallelCalls.Outcome<Bid> outcome = outcomes.get(i);
            if (outcome.succeeded() && outcome.value() != null) {
                Bid bid = outcome.value().withAgent(agent); // a custom Bidder may misname it; the pool's name is the truth
                bids.add(bid);
                phaseUsage.add(new CallUsage(agent, Phase.BID, bid.inputTokens(), bid.outputTokens(),
                        bid.tokensEstimated()));
            } else {
                failures.add(failure(agent, outcome));
            }
        }
        phaseCompleted(Phase.BID, t, phaseUsage);
    }

    private BidFailure failure(String agent, ParallelCalls.Outcome<Bid> outcome) {
        if (outcome.timedOut()) {
            return new BidFailure(agent, BidFailure.Kind.TIMEOUT,
                    "no bid within the bid timeout of " + auction.bidTimeout(), outcome.elapsed());
        }
        Throwable error = outcome.error();
        if (error == null) {
            return new BidFailure(agent, BidFailure.Kind.EMPTY, "the bidder returned no bid", outcome.elapsed());
        }
        BidFailure.Kind kind = error instanceof EmptyBidException ? BidFailure.Kind.EMPTY : BidFailure.Kind.ERROR;
        return new BidFailure(agent, kind, ErrorDescriptions.describe(error), outcome.elapsed());
    }

    /**
     * Runs the jury over the bids, unless the overhead cap skips it; every (juror, bidder) pair ends with a score or
     * the reason it has none.
     */
    private List<JuryScore> juryRound(List<Bid> bids, AgentPool jurors, Phase phase) {
        if (phase == Phase.JURY && !BudgetLimits.juryFits(options, usage, task, bids, jurors)) {
            List<JuryScore> skipped = BudgetLimits.skippedJury(options, bids, jurors);
            auction.notifyListeners(l -> l.onJuryCompleted(new JuryCompletedContext(id, phase, skipped, true,
                    attributes)));
            return skipped;
        }
        long t = System.nanoTime();
        List<JuryCall> calls = auction.jury().calls(task, bids, jurors);
        phaseStarted(phase, calls.stream().map(JuryCall::juror).distinct().toList());
        List<ParallelCalls.Outcome<JuryVerdict>> outcomes = auction.calls()
                .runAll(calls.stream().map(JuryCall::call).toList(), auction.juryTimeout());
        Map<String, JuryScore> byPair = new LinkedHashMap<>();
        List<CallUsage> phaseUsage = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            JuryCall call = calls.get(i);
            ParallelCalls.Outcome<JuryVerdict> outcome = outcomes.get(i);
            if (outcome.succeeded() && outcome.value() != null) {
                JuryVerdict verdict = outcome.value();
                phaseUsage.add(new CallUsage(call.juror(), phase, verdict.inputTokens(), verdict.outputTokens(),
                        verdict.estimated()));
                for (JuryScore s : verdict.scores()) {
                    if (call.bidders().contains(s.bidder())) {
                        byPair.putIfAbsent(s.juror() + '\u0000' + s.bidder(), s);
                    }
                }
            } else {
                String why = outcome.timedOut()
                        ? "the juror did not answer within the jury timeout of " + auction.juryTimeout()
                        : "the juror's call failed: " + ErrorDescriptions.describe(outcome.error());
                for (String bidder : call.bidders()) {
                    byPair.putIfAbsent(call.juror() + '\u0000' + bidder,
                            JuryScore.missing(call.juror(), bidder, JuryScore.Status.FAILED, why));
                }
            }
        }
        phaseCompleted(phase, t, phaseUsage);
        List<JuryScore> scores = new ArrayList<>(byPair.values());
        auction.notifyListeners(l -> l.onJuryCompleted(new JuryCompletedContext(id, phase, scores, false, attributes)));
        return scores;
    }

    private void phaseStarted(Phase phase, List<String> agents) {
        auction.notifyListeners(l -> l.onPhaseStarted(new PhaseStartedContext(id, phase, agents, attributes)));
    }

    private void phaseCompleted(Phase phase, long startNanos, List<CallUsage> phaseUsage) {
        Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
        usage.addAll(phaseUsage);
        phaseTimes.merge(phase, duration, Duration::plus);
        auction.notifyListeners(l -> l.onPhaseCompleted(new PhaseCompletedContext(id, phase, duration, phaseUsage,
                attributes)));
    }

    private AuctionResult result(Instant startedAt, long start, List<ScoredBid> scored, List<BidFailure> failures,
            List<String> jurors, String provisional, String winner, boolean fallback, boolean winnerRefined) {
        return new AuctionResult(
                id,
                task.text(),
                task.tools().stream().map(t -> t.name()).toList(),
                startedAt,
                scored,
                failures,
                jurors,
                provisional,
                winner,
                fallback,
                auction.weights(),
                Overhead.perAgentAndPhase(usage, pool),
                phaseTimes,
                Duration.ofNanos(System.nanoTime() - start),
                fallback ? null : winnerRefined);
    }
}
