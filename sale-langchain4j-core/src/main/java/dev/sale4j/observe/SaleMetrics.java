package dev.sale4j.observe;

import dev.sale4j.auction.AuctionCompletedContext;
import dev.sale4j.auction.AuctionFailedContext;
import dev.sale4j.auction.AuctionListener;
import dev.sale4j.auction.AuctionResult;
import dev.sale4j.auction.BidsPlacedContext;
import dev.sale4j.auction.ExecutionCompletedContext;
import dev.sale4j.auction.HandoverContext;
import dev.sale4j.auction.JuryCompletedContext;
import dev.sale4j.auction.NoBidsException;
import dev.sale4j.auction.PhaseCompletedContext;
import dev.sale4j.auction.PhaseUsage;
import dev.sale4j.auction.RefinementCompletedContext;
import dev.sale4j.bid.Bid;
import dev.sale4j.bid.BidFailure;
import dev.sale4j.chat.ShadowReport;
import dev.sale4j.jury.JuryScore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The router's decisions as Micrometer meters: auctions by outcome, wins per agent, overhead tokens and USD per agent
 * and phase, latency per phase, executions, handovers, bid failures and jury score statuses; shadow-mode savings as
 * gauges ({@link #bindShadowReport}). Add it to the router's listeners. The meter names and tags are tabled in the
 * README ("Metrics and traces"). Needs {@code micrometer-core} on the classpath; nothing else in the core does.
 */
public final class SaleMetrics implements AuctionListener {

    private final MeterRegistry registry;
    private final Tags tags;

    private SaleMetrics(Builder builder) {
        if (builder.registry == null) {
            throw new IllegalArgumentException("SaleMetrics needs a MeterRegistry: set registry(...)");
        }
        this.registry = builder.registry;
        this.tags = builder.tags;
    }

    /** Meters on this registry, without extra tags. */
    public static SaleMetrics of(MeterRegistry registry) {
        return builder().registry(registry).build();
    }

    @Override
    public void onAuctionCompleted(AuctionCompletedContext context) {
        AuctionResult result = context.result();
        String outcome = result.fallback() ? "fallback" : "won";
        counter("sale4j.auctions", "Auctions, by outcome", "outcome", outcome).increment();
        timer("sale4j.auction.duration", "Wall time of auctions", "outcome", outcome).record(result.wallTime());
        counter("sale4j.auction.wins", "Auctions won, per agent", "agent", result.winner(),
                "refined", String.valueOf(Boolean.TRUE.equals(result.winnerRefined()))).increment();
        for (PhaseUsage u : result.usage()) {
            String phase = phase(u.phase().name());
            counter("sale4j.overhead.tokens", "Tokens of bid, jury and refinement calls", "agent", u.agent(),
                    "phase", phase, "type", "input").increment(u.inputTokens());
            counter("sale4j.overhead.tokens", "Tokens of bid, jury and refinement calls", "agent", u.agent(),
                    "phase", phase, "type", "output").increment(u.outputTokens());
            Counter.builder("sale4j.overhead.cost").description("USD of bid, jury and refinement calls")
                    .baseUnit("usd").tags(tags).tags("agent", u.agent(), "phase", phase)
                    .register(registry).increment(u.costUsd());
        }
    }

    @Override
    public void onAuctionFailed(AuctionFailedContext context) {
        String outcome = context.error() instanceof NoBidsException ? "no_bids" : "error";
        counter("sale4j.auctions", "Auctions, by outcome", "outcome", outcome).increment();
        timer("sale4j.auction.duration", "Wall time of auctions", "outcome", outcome).record(context.wallTime());
    }

    @Override
    public void onPhaseCompleted(PhaseCompletedContext context) {
        timer("sale4j.phase.duration", "Wall time of auction phases", "phase", phase(context.phase().name()))
                .record(context.duration());
    }

    @Override
    public void onBidsPlaced(BidsPlacedContext context) {
        for (Bid bid : context.bids()) {
            counter("sale4j.bids", "Bids that competed, per agent", "agent", bid.agent()).increment();
        }
        for (BidFailure failure : context.failures()) {
            counter("sale4j.bid.failures", "Agents that placed no bid, by kind", "agent", failure.agent(),
                    "kind", lower(failure.kind().name())).increment();
        }
    }

    @Override
    public void onJuryCompleted(JuryCompletedContext context) {
        String phase = phase(context.phase().name());
        if (context.skipped()) {
            counter("sale4j.jury.skipped", "Jury rounds the overhead cap skipped", "phase", phase).increment();
        }
        for (JuryScore score : context.scores()) {
            counter("sale4j.jury.scores", "Jury scores, by status", "phase", phase,
                    "status", lower(score.status().name())).increment();
        }
    }

    @Override
    public void onRefinementCompleted(RefinementCompletedContext context) {
        counter("sale4j.refinements", "Refinement rounds, by whether a refined bid won", "replaced",
                String.valueOf(context.replaced())).increment();
    }

    @Override
    public void onExecutionCompleted(ExecutionCompletedContext context) {
        String outcome = context.succeeded() ? "success" : "error";
        timer("sale4j.execution.duration", "Backend calls of task executions", "agent", context.agent(),
                "outcome", outcome).record(context.duration());
        if (context.succeeded()) {
            counter("sale4j.execution.tokens", "Tokens of task executions", "agent", context.agent(), "type", "input")
                    .increment(context.inputTokens());
            counter("sale4j.execution.tokens", "Tokens of task executions", "agent", context.agent(), "type", "output")
                    .increment(context.outputTokens());
        } else {
            counter("sale4j.execution.failures", "Failed backend calls of task executions, by error type",
                    "agent", context.agent(), "error", context.error().getClass().getSimpleName()).increment();
        }
    }

    @Override
    public void onHandover(HandoverContext context) {
        counter("sale4j.handovers", "Tasks moved to the next-best bidder", "from", context.from(), "to", context.to())
                .increment();
    }

    /**
     * Shadow mode's findings as gauges, read from the report on each scrape: {@code sale4j.shadow.savings} (USD SALE
     * would have saved over the tracked tasks), {@code sale4j.shadow.tasks}, {@code sale4j.shadow.agreements},
     * {@code sale4j.shadow.pending}. Pass {@code model::shadowReport} of a chat model in shadow mode.
     */
    public SaleMetrics bindShadowReport(Supplier<ShadowReport> report) {
        if (report == null) {
            throw new IllegalArgumentException("bindShadowReport(...) needs the report, e.g. chatModel::shadowReport");
        }
        gauge("sale4j.shadow.savings", "usd", "Estimated USD SALE would have saved over the shadow agent", report,
                ShadowReport::differenceUsd);
        gauge("sale4j.shadow.tasks", "tasks", "Shadowed tasks whose auctions finished", report, r -> r.tasks().size());
        gauge("sale4j.shadow.agreements", "tasks", "Shadowed tasks where SALE picked the shadow agent", report,
                ShadowReport::agreements);
        gauge("sale4j.shadow.pending", "tasks", "Shadowed tasks whose auctions still run", report,
                ShadowReport::pending);
        return this;
    }

    private void gauge(String name, String unit, String description, Supplier<ShadowReport> report,
            ToDoubleFunction<ShadowReport> value) {
        Gauge.builder(name, () -> value.applyAsDouble(report.get())).description(description).baseUnit(unit)
                .tags(tags).strongReference(true).register(registry);
    }

    private Counter counter(String name, String description, String... keyValues) {
        return Counter.builder(name).description(description).tags(tags).tags(keyValues).register(registry);
    }

    private Timer timer(String name, String description, String... keyValues) {
        return Timer.builder(name).description(description).tags(tags).tags(keyValues).register(registry);
    }

    private static String phase(String name) {
        return lower(name);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link SaleMetrics}. */
    public static final class Builder {
        private MeterRegistry registry;
        private Tags tags = Tags.empty();

        private Builder() {}

        public Builder registry(MeterRegistry registry) {
            this.registry = registry;
            return this;
        }

        /** Tags added to every meter, e.g. {@code pool=research} when several routers share a registry. */
        public Builder tags(String... keyValues) {
            this.tags = Tags.of(keyValues);
            return this;
        }

        public SaleMetrics build() {
            return new SaleMetrics(this);
        }
    }
}
