package dev.sale4j;

import dev.sale4j.bid.Bidder;
import dev.sale4j.bid.PromptBidder;
import dev.sale4j.internal.ParallelCalls;
import dev.sale4j.jury.Jury;
import dev.sale4j.jury.PromptJury;
import dev.sale4j.memory.AuctionMemory;
import dev.sale4j.memory.Outcome;
import dev.sale4j.refine.PromptRefiner;
import dev.sale4j.refine.Refiner;
import dev.sale4j.runs.RunRecorder;
import dev.sale4j.score.Scorer;
import dev.sale4j.score.Weights;
import dev.sale4j.score.WinnerSelector;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SALE auction engine: {@code router.auction(task)} runs one auction over the pool and returns its trace.
 *
 * <p>Every agent bids (in parallel, each within the bid timeout); every agent scores every bid (in parallel, each
 * call within the jury timeout); the {@link Scorer} prices and values the bids with the {@link Weights}; the
 * {@link WinnerSelector} picks the winner. Each stage is an interface with one good default, so one part can be
 * swapped without forking the rest. Bids and jury calls run on a bounded executor that the user may supply; many
 * auctions may run at once, from any threads, without deadlock or starvation (see {@link ParallelCalls}).
 *
 * <p>When no agent bids, {@link #auction} throws {@link NoBidsException}, or, with a {@code fallbackAgent},
 * returns that agent as the winner with {@code fallback = true}.
 *
 * <p>With an {@link AuctionMemory} ({@code memory(...)}), agents strictly cheaper than the provisional winner rewrite
 * their bids from similar past auctions with the {@link Refiner} (SALE step 5), and every finished auction is
 * remembered in the router's namespace (step 7). A memory that fails is logged and never fails the auction.
 */
public final class SaleRouter {

    public static final Duration DEFAULT_BID_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_JURY_TIMEOUT = Duration.ofSeconds(60);
    public static final String DEFAULT_MEMORY_NAMESPACE = "default";

    private static final Logger log = LoggerFactory.getLogger(SaleRouter.class);

    private final AgentPool pool;
    private final Bidder bidder;
    private final Jury jury;
    private final Scorer scorer;
    private final WinnerSelector selector;
    private final ParallelCalls calls;
    private final Duration bidTimeout;
    private final Duration juryTimeout;
    private final Agent fallbackAgent;
    private final AuctionMemory memory;
    private final Refiner refiner;
    private final String memoryNamespace;
    private final int refinementPairs;
    private final RunRecorder runRecorder;

    private SaleRouter(Builder builder) {
        if (builder.pool == null) {
            throw new IllegalArgumentException("A SaleRouter needs an AgentPool: set pool(...)");
        }
        this.pool = builder.pool;
        this.bidder = builder.bidder != null ? builder.bidder : PromptBidder.builder().build();
        this.jury = builder.jury != null ? builder.jury : PromptJury.create();
        this.scorer = new Scorer(builder.weights != null ? builder.weights : Weights.defaults());
        this.selector = builder.selector != null ? builder.selector : WinnerSelector.lowestNetScore();
        this.bidTimeout = positive(builder.bidTimeout, "bidTimeout");
        this.juryTimeout = positive(builder.juryTimeout, "juryTimeout");
        this.fallbackAgent = builder.fallbackAgent == null ? null : pool.get(builder.fallbackAgent);
        this.calls = new ParallelCalls(builder.executor != null ? builder.executor : defaultExecutor(pool.size()));
        this.memory = builder.memory;
        this.runRecorder = builder.runRecorder;
        this.refiner = builder.refiner != null ? builder.refiner : PromptRefiner.create();
        if (builder.memoryNamespace == null || builder.memoryNamespace.isBlank()) {
            throw new IllegalArgumentException("memoryNamespace must be a non-blank name (one per pool or tenant)");
        }
        this.memoryNamespace = builder.memoryNamespace;
        if (builder.refinementPairs < 1) {
            throw new IllegalArgumentException("refinementPairs (k) must be at least 1, got " + builder.refinementPairs);
        }
        this.refinementPairs = builder.refinementPairs;
    }

    private static Duration positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
        return d;
    }

    /** Runs one auction for a task without tools. */
    public AuctionResult auction(String task) {
        return auction(AuctionTask.of(task));
    }

    /** Runs one auction: bids, jury, scores, winner, refinement from memory; then remembers it. */
    public AuctionResult auction(AuctionTask task) {
        return auction(task, AuctionOptions.none());
    }

    /** Runs one auction under per-auction limits: eligible bidders, reserve price, overhead-token cap. */
    public AuctionResult auction(AuctionTask task, AuctionOptions options) {
        AuctionResult result =
                new AuctionRun(this, task, options == null ? AuctionOptions.none() : options).run();
        if (memory != null && !result.fallback()) {
            try {
                memory.record(memoryNamespace, result);
            } catch (RuntimeException e) {
                log.warn("Auction {} was not remembered: {}", result.id(), AuctionRun.describe(e));
            }
        }
        if (runRecorder != null && !result.fallback()) {
            try {
                runRecorder.record(result, null, null, Map.of());
            } catch (RuntimeException e) {
                log.warn("Auction {} was not recorded to {}: {}", result.id(), runRecorder.file(),
                        AuctionRun.describe(e));
            }
        }
        return result;
    }

    /**
     * Stores the real outcome of an auction's execution in the memory (SALE step 7).
     *
     * @return false when the memory holds no entry for that auction
     * @throws IllegalStateException when the router has no memory
     */
    public boolean recordOutcome(String auctionId, Outcome outcome) {
        if (memory == null) {
            throw new IllegalStateException("This router has no auction memory: set memory(...) on its builder");
        }
        return memory.recordOutcome(auctionId, outcome);
    }

    public Optional<AuctionMemory> memory() {
        return Optional.ofNullable(memory);
    }

    public Refiner refiner() {
        return refiner;
    }

    public String memoryNamespace() {
        return memoryNamespace;
    }

    /** k: how many similar past tasks a cheaper agent retrieves before refining. */
    public int refinementPairs() {
        return refinementPairs;
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

    public WinnerSelector selector() {
        return selector;
    }

    ParallelCalls calls() {
        return calls;
    }

    public Duration bidTimeout() {
        return bidTimeout;
    }

    public Duration juryTimeout() {
        return juryTimeout;
    }

    /** The agent that wins when nobody bids, or null when none is configured. */
    public Agent fallbackAgent() {
        return fallbackAgent;
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

    /** Builder of {@link SaleRouter}. Only the pool is required. */
    public static final class Builder {
        private AgentPool pool;
        private Bidder bidder;
        private Jury jury;
        private Weights weights;
        private WinnerSelector selector;
        private Executor executor;
        private Duration bidTimeout = DEFAULT_BID_TIMEOUT;
        private Duration juryTimeout = DEFAULT_JURY_TIMEOUT;
        private String fallbackAgent;
        private RunRecorder runRecorder;
        private AuctionMemory memory;
        private Refiner refiner;
        private String memoryNamespace = DEFAULT_MEMORY_NAMESPACE;
        private int refinementPairs = AuctionMemory.DEFAULT_K;

        private Builder() {}

        public Builder pool(AgentPool pool) {
            this.pool = pool;
            return this;
        }

        public Builder bidder(Bidder bidder) {
            this.bidder = bidder;
            return this;
        }

        public Builder jury(Jury jury) {
            this.jury = jury;
            return this;
        }

        public Builder weights(Weights weights) {
            this.weights = weights;
            return this;
        }

        public Builder selector(WinnerSelector selector) {
            this.selector = selector;
            return this;
        }

        /** The executor for bid and jury calls; by default a bounded pool of daemon threads. */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /** How long one bid call may run (default 60 s); a late bidder has no bid. */
        public Builder bidTimeout(Duration bidTimeout) {
            this.bidTimeout = bidTimeout;
            return this;
        }

        /** How long one jury call may run (default 60 s); a late juror's scores are missing. */
        public Builder juryTimeout(Duration juryTimeout) {
            this.juryTimeout = juryTimeout;
            return this;
        }

        /** The agent that wins when no agent bids; without one, such an auction throws {@link NoBidsException}. */
        public Builder fallbackAgent(String agentName) {
            this.fallbackAgent = agentName;
            return this;
        }

        /** The memory of past auctions: enables refinement (SALE step 5) and remembering (step 7). */
        /**
         * Appends every auction (but fallbacks) to a recorded-runs JSONL file, with its bid terms and no execution
         * outcomes: a log of the workload and of the router's choices. A file fit to learn weights from needs every
         * agent's outcome, which a benchmark harness records with {@link RunRecorder#record}.
         */
        public Builder runRecorder(RunRecorder runRecorder) {
            this.runRecorder = runRecorder;
            return this;
        }

        public Builder memory(AuctionMemory memory) {
            this.memory = memory;
            return this;
        }

        /** Rewrites cheaper agents' bids from memory; default {@link PromptRefiner}. */
        public Builder refiner(Refiner refiner) {
            this.refiner = refiner;
            return this;
        }

        /** The memory namespace of this router's pool or tenant (default "default"); namespaces never mix. */
        public Builder memoryNamespace(String memoryNamespace) {
            this.memoryNamespace = memoryNamespace;
            return this;
        }

        /** k, how many similar past tasks a cheaper agent retrieves (default 8; fewer while memory is small). */
        public Builder refinementPairs(int k) {
            this.refinementPairs = k;
            return this;
        }

        public SaleRouter build() {
            return new SaleRouter(this);
        }
    }
}
