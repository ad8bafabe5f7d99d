package dev.sale4j.auction;

import dev.sale4j.bid.Bidder;
import dev.sale4j.bid.PromptBidder;
import dev.sale4j.internal.ErrorDescriptions;
import dev.sale4j.internal.ParallelCalls;
import dev.sale4j.jury.Jury;
import dev.sale4j.jury.PromptJury;
import dev.sale4j.memory.AuctionMemory;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.pool.AuctionTask;
import dev.sale4j.refine.PromptRefiner;
import dev.sale4j.refine.Refiner;
import dev.sale4j.score.EntropyScale;
import dev.sale4j.score.Scorer;
import dev.sale4j.score.Weights;
import dev.sale4j.score.WinnerSelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured SALE auction: the pool, the stages in the order they run (bid, entropy inside the bid, jury, score,
 * select, refine from memory) and the limits (timeouts, fallback agent, k). Immutable and thread-safe: {@link #run}
 * may be called from many threads at once; each call is one {@link AuctionRun}, which reads nothing but this.
 *
 * <p>What happens during a run is told to the {@link AuctionListener}s, in order: a listener that throws is logged and
 * never fails the auction. With a memory, an {@link AuctionMemoryRecorder} is the first listener (SALE step 7).
 */
public final class Auction {

    public static final Duration DEFAULT_BID_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_JURY_TIMEOUT = Duration.ofSeconds(60);
    public static final String DEFAULT_MEMORY_NAMESPACE = "default";

    /**
     * How long the bid calls have to send their requests before the memory's {@code prefetch} starts (at once if every
     * bid is in sooner). Embedding a task takes a core for a few milliseconds; started with the calls, it delayed their
     * requests: on 2 cores over real HTTP, the bid round took about 1.5 ms longer, and the round started over a
     * millisecond later.
     */
    public static final Duration MEMORY_PREFETCH_GRACE = Duration.ofMillis(5);

    private static final Logger log = LoggerFactory.getLogger(Auction.class);

    private final AgentPool pool;
    private final Bidder bidder;
    private final Jury jury;
    private final Scorer scorer;
    private final WinnerSelector selector;
    private final Refiner refiner;
    private final AuctionMemory memory;
    private final String memoryNamespace;
    private final int refinementPairs;
    private final Duration bidTimeout;
    private final Duration juryTimeout;
    private final Agent fallbackAgent;
    private final boolean failedBiddersOnJury;
    private final ParallelCalls calls;
    private final List<AuctionListener> listeners;

    private Auction(Builder builder) {
        if (builder.pool == null) {
            throw new IllegalArgumentException("An auction needs an AgentPool: set pool(...)");
        }
        this.pool = builder.pool;
        this.bidder = builder.bidder != null ? builder.bidder : PromptBidder.builder().build();
        this.jury = builder.jury != null ? builder.jury : PromptJury.create();
        this.scorer = new Scorer(builder.weights != null ? builder.weights : Weights.defaults(),
                builder.entropyScale != null ? builder.entropyScale : EntropyScale.oneEstimatorPerAuction());
        this.selector = builder.selector != null ? builder.selector : WinnerSelector.lowestNetScore();
        this.refiner = builder.refiner != null ? builder.refiner : PromptRefiner.create();
        this.bidTimeout = positive(builder.bidTimeout, "bidTimeout");
        this.juryTimeout = positive(builder.juryTimeout, "juryTimeout");
        this.fallbackAgent = builder.fallbackAgent == null ? null : pool.get(builder.fallbackAgent);
        this.failedBiddersOnJury = builder.failedBiddersOnJury;
        this.calls = new ParallelCalls(builder.executor != null ? builder.executor : defaultExecutor(pool.size()));
        if (builder.memoryNamespace == null || builder.memoryNamespace.isBlank()) {
            throw new IllegalArgumentException("memoryNamespace must be a non-blank name (one per pool or tenant)");
        }
        this.memoryNamespace = builder.memoryNamespace;
        if (builder.refinementPairs < 1) {
            throw new IllegalArgumentException("refinementPairs (k) must be at least 1, got " + builder.refinementPairs);
        }
        this.refinementPairs = builder.refinementPairs;
        this.memory = builder.memory;
        List<AuctionListener> all = new ArrayList<>();
        if (memory != null) {
            all.add(new AuctionMemoryRecorder(memory, memoryNamespace));
        }
        for (AuctionListener listener : builder.listeners) {
            if (listener == null) {
                throw new IllegalArgumentException("An auction listener cannot be null: remove it from listeners(...)");
            }
            all.add(listener);
        }
        this.listeners = List.copyOf(all);
    }

    private static Duration positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
        return d;
    }

    /** Runs one auction: bids, jury, scores, winner, refinement from memory; the listeners hear every step. */
    public AuctionResult run(AuctionTask task) {
        return run(task, AuctionOptions.none());
    }

    /** Runs one auction under per-auction limits: eligible bidders, reserve price, overhead-token cap. */
    public AuctionResult run(AuctionTask task, AuctionOptions options) {
        if (task == null) {
            throw new IllegalArgumentException("run(...) needs the AuctionTask to auction");
        }
        return new AuctionRun(this, task, options == null ? AuctionOptions.none() : options).run();
    }

    /**
     * Delivers one event to every listener, in order. A listener that throws is logged and skipped: listening never
     * fails an auction or the execution that reports to it.
     */
    public void notifyListeners(Consumer<AuctionListener> event) {
        for (AuctionListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                log.warn("Auction listener {} failed: {}", listener.getClass().getName(),
                        ErrorDescriptions.describe(e));
            }
        }
    }

    public AgentPool pool() {
        return pool;
    }

    public Bidder bidder() {
        return bidder;
    }

    public Jury jury() {
        return jury;
    }

    public Scorer scorer() {
        return scorer;
    }

    public Weights weights() {
        return scorer.weights();
    }

    /** How the entropy of an auction's bids is put on one scale before scoring. */
    public EntropyScale entropyScale() {
        return scorer.entropyScale();
    }

    /**
     * True when an agent whose bid call failed, timed out or came back empty in an auction still judges that
     * auction's bids; false (the default) when it is left off the jury.
     */
    public boolean failedBiddersOnJury() {
        return failedBiddersOnJury;
    }

    public WinnerSelector selector() {
        return selector;
    }

    public Refiner refiner() {
        return refiner;
    }

    /** The memory refinement retrieves from (and the recorder listener writes to), if any. */
    public Optional<AuctionMemory> memory() {
        return Optional.ofNullable(memory);
    }

    public String memoryNamespace() {
        return memoryNamespace;
    }

    /** k: how many similar past tasks a cheaper agent retrieves before refining. */
    public int refinementPairs() {
        return refinementPairs;
    }

    public Duration bidTimeout() {
        return bidTimeout;
    }

    public Duration juryTimeout() {
        return juryTimeout;
    }

    /** The agent that wins when nobody bids, if one is configured. */
    public Optional<Agent> fallbackAgent() {
        return Optional.ofNullable(fallbackAgent);
    }

    /** The listeners, the memory's recorder first when there is a memory. */
    public List<AuctionListener> listeners() {
        return listeners;
    }

    ParallelCalls calls() {
        return calls;
    }

    /**
     * The executor used when none is supplied: daemon threads, at most four per agent (between 4 and 64), idle
     * threads released after 30 s, excess work queued.
     */
    static Executor defaultExecutor(int agents) {
        int threads = Math.max(4, Math.min(64, 4 * agents));
        AtomicInteger counter = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "sale4j-auction-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link Auction}. Only the pool is required; every stage has a default. */
    public static final class Builder {
        private AgentPool pool;
        private Bidder bidder;
        private Jury jury;
        private Weights weights;
        private WinnerSelector selector;
        private Refiner refiner;
        private AuctionMemory memory;
        private String memoryNamespace = DEFAULT_MEMORY_NAMESPACE;
        private int refinementPairs = AuctionMemory.DEFAULT_K;
        private Executor executor;
        private Duration bidTimeout = DEFAULT_BID_TIMEOUT;
        private Duration juryTimeout = DEFAULT_JURY_TIMEOUT;
        private String fallbackAgent;
        private EntropyScale entropyScale;
        private boolean failedBiddersOnJury;
        private final List<AuctionListener> listeners = new ArrayList<>();

        private Builder() {}

        public Builder pool(AgentPool pool) {
            this.pool = pool;
            return this;
        }

        /** Writes each agent's bid (SALE step 1); default {@link PromptBidder}. */
        public Builder bidder(Bidder bidder) {
            this.bidder = bidder;
            return this;
        }

        /** Scores every bid by every agent (step 3); default {@link PromptJury}. */
        public Builder jury(Jury jury) {
            this.jury = jury;
            return this;
        }

        /** The weights of cost and value (steps 2 and 3); default {@link Weights#defaults()}. */
        public Builder weights(Weights weights) {
            this.weights = weights;
            return this;
        }

        /**
         * How bids' entropies are put on one scale before scoring; default
         * {@link EntropyScale#oneEstimatorPerAuction()}, so a pool mixing log-probability and lexical estimates
         * does not reward an agent for its estimator.
         */
        public Builder entropyScale(EntropyScale entropyScale) {
            this.entropyScale = entropyScale;
            return this;
        }

        /** Who wins, the handover order and whether a refined bid replaces the winner (steps 4, 5). */
        public Builder selector(WinnerSelector selector) {
            this.selector = selector;
            return this;
        }

        /** Rewrites cheaper agents' bids from memory (step 5); default {@link PromptRefiner}. */
        public Builder refiner(Refiner refiner) {
            this.refiner = refiner;
            return this;
        }

        /** The memory of past auctions: enables refinement (step 5) and, through a listener, remembering (step 7). */
        public Builder memory(AuctionMemory memory) {
            this.memory = memory;
            return this;
        }

        /** The memory namespace of this pool or tenant (default "default"); namespaces never mix. */
        public Builder memoryNamespace(String memoryNamespace) {
            this.memoryNamespace = memoryNamespace;
            return this;
        }

        /** k, how many similar past tasks a cheaper agent retrieves (default 8; fewer while memory is small). */
        public Builder refinementPairs(int k) {
            this.refinementPairs = k;
            return this;
        }

        /** The executor for bid, jury and refinement calls; by default a bounded pool of daemon threads. */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /** How long one bid or refinement call may run (default 60 s); a late bidder has no bid. */
        public Builder bidTimeout(Duration bidTimeout) {
            this.bidTimeout = bidTimeout;
            return this;
        }

        /** How long one jury call may run (default 60 s); a late juror's scores are missing. */
        public Builder juryTimeout(Duration juryTimeout) {
            this.juryTimeout = juryTimeout;
            return this;
        }

        /**
         * Whether an agent whose bid call failed, timed out or came back empty still sits on that auction's jury.
         * Default false: a failed bidder is not asked to judge, which saves its retried calls and, for a hung
         * backend, its jury timeout on top of the bid timeout. True restores the jury of every agent.
         */
        public Builder failedBiddersOnJury(boolean failedBiddersOnJury) {
            this.failedBiddersOnJury = failedBiddersOnJury;
            return this;
        }

        /** The agent that wins when no agent bids; without one, such an auction throws {@link NoBidsException}. */
        public Builder fallbackAgent(String agentName) {
            this.fallbackAgent = agentName;
            return this;
        }

        /** Adds a listener; listeners hear every auction in the order they were added. */
        public Builder listener(AuctionListener listener) {
            this.listeners.add(listener);
            return this;
        }

        /** Sets the listeners, in order, replacing any added before. */
        public Builder listeners(List<? extends AuctionListener> listeners) {
            this.listeners.clear();
            this.listeners.addAll(listeners);
            return this;
        }

        public Auction build() {
            return new Auction(this);
        }
    }
}
