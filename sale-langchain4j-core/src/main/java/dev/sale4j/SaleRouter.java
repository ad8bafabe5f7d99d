package dev.sale4j;

import dev.sale4j.auction.Auction;
import dev.sale4j.auction.AuctionListener;
import dev.sale4j.auction.AuctionOptions;
import dev.sale4j.auction.AuctionResult;
import dev.sale4j.auction.NoBidsException;
import dev.sale4j.bid.Bidder;
import dev.sale4j.jury.Jury;
import dev.sale4j.memory.AuctionMemory;
import dev.sale4j.memory.Outcome;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.pool.AuctionTask;
import dev.sale4j.refine.PromptRefiner;
import dev.sale4j.refine.Refiner;
import dev.sale4j.runs.RunRecorder;
import dev.sale4j.score.EntropyScale;
import dev.sale4j.score.Scorer;
import dev.sale4j.score.Weights;
import dev.sale4j.score.WinnerSelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The SALE router users know: {@code router.auction(task)} runs one auction over the pool and returns its trace.
 *
 * <p>A thin facade: its builder builds an {@link Auction} (the stages in order and their limits) and every call
 * delegates to it. Every agent bids (in parallel, each within the bid timeout); every agent scores every bid; the
 * {@link Scorer} prices and values the bids with the {@link Weights}; the {@link WinnerSelector} picks the winner.
 * When no agent bids, {@link #auction} throws {@link NoBidsException}, or, with a {@code fallbackAgent}, returns that
 * agent as the winner with {@code fallback = true}.
 *
 * <p>With an {@link AuctionMemory} ({@code memory(...)}), agents strictly cheaper than the provisional winner rewrite
 * their bids from similar past auctions with the {@link Refiner} (SALE step 5), and every finished auction is
 * remembered in the router's namespace by a listener (step 7). A listener that fails is logged and never fails the
 * auction.
 */
public final class SaleRouter {

    public static final Duration DEFAULT_BID_TIMEOUT = Auction.DEFAULT_BID_TIMEOUT;
    public static final Duration DEFAULT_JURY_TIMEOUT = Auction.DEFAULT_JURY_TIMEOUT;
    public static final String DEFAULT_MEMORY_NAMESPACE = Auction.DEFAULT_MEMORY_NAMESPACE;

    private final Auction auction;

    private SaleRouter(Auction auction) {
        this.auction = auction;
    }

    /** A router over an auction built elsewhere. */
    public static SaleRouter of(Auction auction) {
        if (auction == null) {
            throw new IllegalArgumentException("SaleRouter.of(...) needs the Auction to route with");
        }
        return new SaleRouter(auction);
    }

    /** Runs one auction for a task without tools. */
    public AuctionResult auction(String task) {
        return auction(AuctionTask.of(task));
    }

    /** Runs one auction: bids, jury, scores, winner, refinement from memory; then remembers it. */
    public AuctionResult auction(AuctionTask task) {
        return auction.run(task);
    }

    /** Runs one auction under per-auction limits: eligible bidders, reserve price, overhead-token cap. */
    public AuctionResult auction(AuctionTask task, AuctionOptions options) {
        return auction.run(task, options);
    }

    /**
     * Stores the real outcome of an auction's execution in the memory (SALE step 7).
     *
     * @return false when the memory holds no entry for that auction
     * @throws IllegalStateException when the router has no memory
     */
    public boolean recordOutcome(String auctionId, Outcome outcome) {
        AuctionMemory memory = auction.memory().orElseThrow(() -> new IllegalStateException(
                "This router has no auction memory: set memory(...) on its builder"));
        return memory.recordOutcome(auctionId, outcome);
    }

    /** The auction this router runs: its stages, limits and listeners. */
    public Auction auction() {
        return auction;
    }

    public Optional<AuctionMemory> memory() {
        return auction.memory();
    }

    public Refiner refiner() {
        return auction.refiner();
    }

    public String memoryNamespace() {
        return auction.memoryNamespace();
    }

    /** k: how many similar past tasks a cheaper agent retrieves before refining. */
    public int refinementPairs() {
        return auction.refinementPairs();
    }

    public AgentPool pool() {
        return auction.pool();
    }

    public Bidder bidder() {
        return auction.bidder();
    }

    public Jury jury() {
        return auction.jury();
    }

    public Scorer scorer() {
        return auction.scorer();
    }

    public Weights weights() {
        return auction.weights();
    }

    public WinnerSelector selector() {
        return auction.selector();
    }

    public Duration bidTimeout() {
        return auction.bidTimeout();
    }

    public Duration juryTimeout() {
        return auction.juryTimeout();
    }

    /** The agent that wins when nobody bids, or null when none is configured. */
    public Agent fallbackAgent() {
        return auction.fallbackAgent().orElse(null);
    }

    public EntropyScale entropyScale() {
        return auction.entropyScale();
    }

    /** True when agents that failed to bid still judge (default false). */
    public boolean failedBiddersOnJury() {
        return auction.failedBiddersOnJury();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link SaleRouter}. Only the pool is required. */
    public static final class Builder {
        private final Auction.Builder auction = Auction.builder();
        private RunRecorder runRecorder;
        private final List<AuctionListener> listeners = new ArrayList<>();

        private Builder() {}

        public Builder pool(AgentPool pool) {
            auction.pool(pool);
            return this;
        }

        public Builder bidder(Bidder bidder) {
            auction.bidder(bidder);
            return this;
        }

        public Builder jury(Jury jury) {
            auction.jury(jury);
            return this;
        }

        public Builder weights(Weights weights) {
            auction.weights(weights);
            return this;
        }

        /** Who wins, the handover order and whether a refined bid replaces the winner. */
        public Builder selector(WinnerSelector selector) {
            auction.selector(selector);
            return this;
        }

        /** The executor for bid and jury calls; by default a bounded pool of daemon threads. */
        public Builder executor(Executor executor) {
            auction.executor(executor);
            return this;
        }

        /** How long one bid call may run (default 60 s); a late bidder has no bid. */
        public Builder bidTimeout(Duration bidTimeout) {
            auction.bidTimeout(bidTimeout);
            return this;
        }

        /** How long one jury call may run (default 60 s); a late juror's scores are missing. */
        public Builder juryTimeout(Duration juryTimeout) {
            auction.juryTimeout(juryTimeout);
            return this;
        }

        /** The agent that wins when no agent bids; without one, such an auction throws {@link NoBidsException}. */
        public Builder fallbackAgent(String agentName) {
            auction.fallbackAgent(agentName);
            return this;
        }

        /** See {@link Auction.Builder#entropyScale(EntropyScale)}; default one estimator per auction. */
        public Builder entropyScale(EntropyScale entropyScale) {
            auction.entropyScale(entropyScale);
            return this;
        }

        /** See {@link Auction.Builder#failedBiddersOnJury(boolean)}; default false, failed bidders do not judge. */
        public Builder failedBiddersOnJury(boolean failedBiddersOnJury) {
            auction.failedBiddersOnJury(failedBiddersOnJury);
            return this;
        }

        /**
         * Appends every auction (but fallbacks) to a recorded-runs JSONL file, with its bid terms and no execution
         * outcomes: a log of the workload and of the router's choices. A file fit to learn weights from needs every
         * agent's outcome, which a benchmark harness records with {@link RunRecorder#record}.
         */
        public Builder runRecorder(RunRecorder runRecorder) {
            this.runRecorder = runRecorder;
            return this;
        }

        /** The memory of past auctions: enables refinement (SALE step 5) and remembering (step 7). */
        public Builder memory(AuctionMemory memory) {
            auction.memory(memory);
            return this;
        }

        /** Rewrites cheaper agents' bids from memory; default {@link PromptRefiner}. */
        public Builder refiner(Refiner refiner) {
            auction.refiner(refiner);
            return this;
        }

        /** The memory namespace of this router's pool or tenant (default "default"); namespaces never mix. */
        public Builder memoryNamespace(String memoryNamespace) {
            auction.memoryNamespace(memoryNamespace);
            return this;
        }

        /** k, how many similar past tasks a cheaper agent retrieves (default 8; fewer while memory is small). */
        public Builder refinementPairs(int k) {
            auction.refinementPairs(k);
            return this;
        }

        /** Adds a listener to every auction of the router (after the memory's and the run recorder's). */
        public Builder listener(AuctionListener listener) {
            listeners.add(listener);
            return this;
        }

        public SaleRouter build() {
            List<AuctionListener> all = new ArrayList<>();
            if (runRecorder != null) {
                all.add(runRecorder);
            }
            all.addAll(listeners);
            auction.listeners(all);
            return new SaleRouter(auction.build());
        }
    }
}
