package dev.sale4j;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One auction in progress: runs the rounds of a {@link SaleRouter} for one task and assembles the trace. */
final class AuctionRun {

    private static final Logger log = LoggerFactory.getLogger(AuctionRun.class);

    private final SaleRouter router;
    private final AuctionTask task;
    private final AgentPool pool;
    private final AuctionOptions options;
    private final List<Agent> bidders;
    private final List<CallUsage> usage = new ArrayList<>();
    private final Map<Phase, Duration> phaseTimes = new EnumMap<>(Phase.class);

    AuctionRun(SaleRouter router, AuctionTask task) {
        this(router, task, AuctionOptions.none());
    }

    AuctionRun(SaleRouter router, AuctionTask task, AuctionOptions options) {
        this.router = router;
        this.task = task;
        this.pool = router.pool();
        this.options = options;
        this.bidders = pool.agents().stream().filter(a -> options.mayBid(a.name())).toList();
    }

    AuctionResult run() {
        String id = UUID.randomUUID().toString();
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        prefetchMemory();

        List<Bid> bids = new ArrayList<>();
        List<BidFailure> failures = new ArrayList<>();
        bidRound(bids, failures);
        BudgetLimits.dropBidsOverReserve(bids, failures, options, pool, task);

        if (bids.isEmpty()) {
            if (router.fallbackAgent() == null || !options.mayBid(router.fallbackAgent().name())) {
                throw new NoBidsException(failures);
            }
            return result(id, startedAt, start, List.of(), failures, null, router.fallbackAgent().name(), true);
        }

        List<JuryScore> scores = BudgetLimits.juryFits(options, usage, task, bids, pool)
                ? juryRound(bids, Phase.JURY)
                : BudgetLimits.skippedJury(options, bids, pool);
        List<ScoredBid> scored = router.scorer().score(bids, pool, pool.names(), scores);
        ScoredBid provisional = router.selector()
                .select(scored, pool)
                .orElseThrow(() -> new IllegalStateException("The WinnerSelector picked no winner among " + scored.size()
                        + " bids"));
        List<ScoredBid> all = new ArrayList<>(scored);
        ScoredBid winner = refineRound(scored, provisional, all);
        return result(id, startedAt, start, all, failures, provisional.agent(), winner.agent(), false);
    }

    /** Lets the memory start on this task's retrieval and recording (its embedding) while the agents bid. */
    private void prefetchMemory() {
        AuctionMemory memory = router.memory().orElse(null);
        if (memory == null) {
            return;
        }
        router.calls().startInBackground(() -> {
            try {
                memory.prefetch(router.memoryNamespace(), task.text());
            } catch (RuntimeException e) {
                log.debug("The auction memory's prefetch failed: {}", describe(e));
            }
        });
    }

    /**
     * SALE step 5: when a memory is set and the provisional winner is not the cheapest agent, every strictly cheaper
     * agent that bid and has pairs in memory rewrites its bid; the rewrites are judged again (phase REJURY) and scored
     * with the same formula, and are added to {@code all}. The best of them (by the selector) replaces the provisional
     * winner only if its C - V is strictly lower than the provisional winner's first-round C - V. A refinement that
     * fails or runs past the bid timeout leaves the agent's first-round bid standing. Under {@link AuctionOptions},
     * nothing refines once the overhead cap is spent, and rewrites over the reserve price or whose re-judging would
     * exceed the cap do not compete.
     */
    private ScoredBid refineRound(List<ScoredBid> scored, ScoredBid provisional, List<ScoredBid> all) {
        AuctionMemory memory = router.memory().orElse(null);
        if (memory == null) {
            return provisional;
        }
        List<String> cheaper = pool.cheaperThan(provisional.agent()).stream().map(Agent::name).toList();
        List<ScoredBid> own = scored.stream().filter(b -> cheaper.contains(b.agent())).toList();
        Long cap = options.maxOverheadTokens();
        if (own.isEmpty() || (cap != null && BudgetLimits.spentTokens(usage) >= cap)) {
            return provisional;
        }
        long t = System.nanoTime();
        List<Bid> refined = new ArrayList<>();
        try {
            Map<String, List<BidPair>> pairs = memory.pairs(router.memoryNamespace(), task.text(),
                    own.stream().map(ScoredBid::agent).toList(), router.refinementPairs());
            List<Callable<Bid>> calls = new ArrayList<>();
            List<String> refiners = new ArrayList<>();
            for (ScoredBid b : own) {
                List<BidPair> p = pairs.getOrDefault(b.agent(), List.of());
                if (!p.isEmpty()) {
                    Agent agent = pool.get(b.agent());
                    calls.add(() -> router.refiner().refine(agent, task, b.bid(), p));
                    refiners.add(agent.name());
                }
            }
            List<ParallelCalls.Outcome<Bid>> outcomes = router.calls().runAll(calls, router.bidTimeout());
            for (int i = 0; i < outcomes.size(); i++) {
                ParallelCalls.Outcome<Bid> outcome = outcomes.get(i);
                String agent = refiners.get(i);
                if (outcome.succeeded() && outcome.value() != null) {
                    Bid r = outcome.value().withAgent(agent).asRefined();
                    refined.add(r);
                    usage.add(new CallUsage(agent, Phase.REFINE, r.inputTokens(), r.outputTokens(), r.tokensEstimated()));
                } else {
                    log.info("Agent '{}' could not refine its bid: {}", agent,
                            outcome.timedOut() ? "timed out" : describe(outcome.error()));
                }
            }
        } catch (RuntimeException e) {
            log.warn("Refinement skipped: the auction memory failed: {}", describe(e));
        } finally {
            phaseTimes.put(Phase.REFINE, Duration.ofNanos(System.nanoTime() - t));
        }
        BudgetLimits.dropBidsOverReserve(refined, new ArrayList<>(), options, pool, task);
        if (refined.isEmpty() || !BudgetLimits.juryFits(options, usage, task, refined, pool)) {
            return provisional;
        }
        List<ScoredBid> rescored = router.scorer().score(refined, pool, pool.names(), juryRound(refined, Phase.REJURY));
        all.addAll(rescored);
        return router.selector()
                .select(rescored, pool)
                .filter(best -> best.net() < provisional.net())
                .orElse(provisional);
    }

    private void bidRound(List<Bid> bids, List<BidFailure> failures) {
        long t = System.nanoTime();
        List<Callable<Bid>> calls = new ArrayList<>();
        for (Agent agent : bidders) {
            calls.add(() -> router.bidder().bid(agent, task));
        }
        List<ParallelCalls.Outcome<Bid>> outcomes = router.calls().runAll(calls, router.bidTimeout());
        for (int i = 0; i < outcomes.size(); i++) {
            String agent = bidders.get(i).name();
            ParallelCalls.Outcome<Bid> outcome = outcomes.get(i);
            if (outcome.succeeded() && outcome.value() != null) {
                Bid bid = outcome.value();
                bid = bid.withAgent(agent); // a custom Bidder may misname it; the pool's name is the truth
                bids.add(bid);
                usage.add(new CallUsage(agent, Phase.BID, bid.inputTokens(), bid.outputTokens(), bid.tokensEstimated()));
            } else {
                failures.add(failure(agent, outcome));
            }
        }
        phaseTimes.put(Phase.BID, Duration.ofNanos(System.nanoTime() - t));
    }

    private BidFailure failure(String agent, ParallelCalls.Outcome<Bid> outcome) {
        if (outcome.timedOut()) {
            return new BidFailure(agent, BidFailure.Kind.TIMEOUT,
                    "no bid within the bid timeout of " + router.bidTimeout(), outcome.elapsed());
        }
        Throwable error = outcome.error();
        if (error == null) {
            return new BidFailure(agent, BidFailure.Kind.EMPTY, "the bidder returned no bid", outcome.elapsed());
        }
        BidFailure.Kind kind = error instanceof EmptyBidException ? BidFailure.Kind.EMPTY : BidFailure.Kind.ERROR;
        return new BidFailure(agent, kind, describe(error), outcome.elapsed());
    }

    /** Runs the jury over the bids; every (juror, bidder) pair ends with a score or the reason it has none. */
    List<JuryScore> juryRound(List<Bid> bids, Phase phase) {
        long t = System.nanoTime();
        List<JuryCall> calls = router.jury().calls(task, bids, pool);
        List<ParallelCalls.Outcome<JuryVerdict>> outcomes = router.calls()
                .runAll(calls.stream().map(JuryCall::call).toList(), router.juryTimeout());
        Map<String, JuryScore> byPair = new LinkedHashMap<>();
        for (int i = 0; i < calls.size(); i++) {
            JuryCall call = calls.get(i);
            ParallelCalls.Outcome<JuryVerdict> outcome = outcomes.get(i);
            if (outcome.succeeded() && outcome.value() != null) {
                JuryVerdict verdict = outcome.value();
                usage.add(new CallUsage(call.juror(), phase, verdict.inputTokens(), verdict.outputTokens(),
                        verdict.estimated()));
                for (JuryScore s : verdict.scores()) {
                    if (call.bidders().contains(s.bidder())) {
                        byPair.putIfAbsent(s.juror() + '\u0000' + s.bidder(), s);
                    }
                }
            } else {
                String why = outcome.timedOut()
                        ? "the juror did not answer within the jury timeout of " + router.juryTimeout()
                        : "the juror's call failed: " + describe(outcome.error());
                for (String bidder : call.bidders()) {
                    byPair.putIfAbsent(call.juror() + '\u0000' + bidder,
                            JuryScore.missing(call.juror(), bidder, JuryScore.Status.FAILED, why));
                }
            }
        }
        phaseTimes.merge(phase, Duration.ofNanos(System.nanoTime() - t), Duration::plus);
        return new ArrayList<>(byPair.values());
    }

    private AuctionResult result(String id, Instant startedAt, long start, List<ScoredBid> scored,
            List<BidFailure> failures, String provisional, String winner, boolean fallback) {
        return new AuctionResult(
                id,
                task.text(),
                task.tools().stream().map(t -> t.name()).toList(),
                startedAt,
                scored,
                failures,
                pool.names(),
                provisional,
                winner,
                fallback,
                router.weights(),
                Overhead.perAgentAndPhase(usage, pool),
                phaseTimes,
                Duration.ofNanos(System.nanoTime() - start));
    }

    static String describe(Throwable error) {
        return ErrorDescriptions.describe(error);
    }
}
