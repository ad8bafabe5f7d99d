package dev.sale4j.observe;

import dev.sale4j.auction.AuctionCompletedContext;
import dev.sale4j.auction.AuctionFailedContext;
import dev.sale4j.auction.AuctionListener;
import dev.sale4j.auction.AuctionResult;
import dev.sale4j.auction.AuctionStartedContext;
import dev.sale4j.auction.BidsPlacedContext;
import dev.sale4j.auction.CallUsage;
import dev.sale4j.auction.ExecutionCompletedContext;
import dev.sale4j.auction.ExecutionStartedContext;
import dev.sale4j.auction.JuryCompletedContext;
import dev.sale4j.auction.Phase;
import dev.sale4j.auction.PhaseCompletedContext;
import dev.sale4j.auction.PhaseStartedContext;
import dev.sale4j.auction.PhaseUsage;
import dev.sale4j.auction.RefinementCompletedContext;
import dev.sale4j.auction.WinnerSelectedContext;
import dev.sale4j.bid.BidFailure;
import dev.sale4j.jury.JuryScore;
import dev.sale4j.score.ScoredBid;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The router's decisions as OpenTelemetry spans in the GenAI semantic conventions' terms: a {@code sale4j.auction}
 * span (child of the current context, e.g. the HTTP server span) with one child per phase ({@code sale4j.bid},
 * {@code sale4j.jury}, {@code sale4j.refine}, {@code sale4j.rejury}) and the decision as attributes
 * ({@code sale4j.winner}, its C - V, the runner-up's margin, fallback, refined); then one {@code chat {model}} client
 * span per backend call of the execution, with {@code gen_ai.*} attributes. Add it to the router's listeners.
 * Needs {@code opentelemetry-api} on the classpath; nothing else in the core does.
 */
public final class SaleTracing implements AuctionListener {

    /** The instrumentation scope of sale4j's spans. */
    public static final String INSTRUMENTATION_SCOPE = "dev.sale4j";

    private static final Object AUCTION_SPAN = new Object();
    private static final Object PHASE_SPANS = new Object();
    private static final Object RANKING = new Object();
    private static final Object EXECUTION_SPAN = new Object();
    private static final Object PARENT = new Object();

    private final Tracer tracer;

    private SaleTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Spans from this OpenTelemetry's tracer of scope {@value #INSTRUMENTATION_SCOPE}. */
    public static SaleTracing of(OpenTelemetry openTelemetry) {
        if (openTelemetry == null) {
            throw new IllegalArgumentException("SaleTracing needs an OpenTelemetry: pass the application's instance "
                    + "(GlobalOpenTelemetry.get() when it is set globally)");
        }
        return new SaleTracing(openTelemetry.getTracer(INSTRUMENTATION_SCOPE));
    }

    @Override
    public void onAuctionStarted(AuctionStartedContext context) {
        Span span = tracer.spanBuilder("sale4j.auction")
                .setParent(Context.current())
                .setSpanKind(SpanKind.INTERNAL)
                .setStartTimestamp(context.startedAt())
                .setAttribute("sale4j.auction.id", context.auctionId())
                .setAttribute(Attr.BIDDERS, context.bidders())
                .setAttribute(Attr.TOOLS, context.task().tools().stream().map(t -> t.name()).toList())
                .startSpan();
        context.attributes().put(AUCTION_SPAN, span);
        context.attributes().put(PHASE_SPANS, new EnumMap<Phase, Span>(Phase.class));
    }

    @Override
    public void onPhaseStarted(PhaseStartedContext context) {
        Span auction = (Span) context.attributes().get(AUCTION_SPAN);
        if (auction == null) {
            return;
        }
        Span span = tracer.spanBuilder("sale4j." + lower(context.phase().name()))
                .setParent(Context.current().with(auction))
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute(Attr.OPERATION, "chat")
                .setAttribute("sale4j.phase", lower(context.phase().name()))
                .setAttribute(Attr.AGENTS, context.agents())
                .startSpan();
        phases(context.attributes()).put(context.phase(), span);
    }

    @Override
    public void onPhaseCompleted(PhaseCompletedContext context) {
        Span span = phases(context.attributes()).remove(context.phase());
        if (span == null) {
            return;
        }
        long in = 0;
        long out = 0;
        for (CallUsage call : context.usage()) {
            in += call.inputTokens();
            out += call.outputTokens();
            span.addEvent("sale4j.call", Attributes.builder()
                    .put("sale4j.agent", call.agent())
                    .put(Attr.INPUT_TOKENS, call.inputTokens())
                    .put(Attr.OUTPUT_TOKENS, call.outputTokens())
                    .put("sale4j.tokens_estimated", call.estimated())
                    .build());
        }
        span.setAttribute(Attr.INPUT_TOKENS, in);
        span.setAttribute(Attr.OUTPUT_TOKENS, out);
        span.setAttribute("sale4j.calls", context.usage().size());
        span.end();
    }

    @Override
    public void onBidsPlaced(BidsPlacedContext context) {
        Span auction = (Span) context.attributes().get(AUCTION_SPAN);
        if (auction == null) {
            return;
        }
        auction.setAttribute("sale4j.bids", context.bids().size());
        for (BidFailure failure : context.failures()) {
            auction.addEvent("sale4j.bid.failure", Attributes.builder()
                    .put("sale4j.agent", failure.agent())
                    .put("sale4j.failure.kind", lower(failure.kind().name()))
                    .put("sale4j.failure.reason", failure.reason())
                    .build());
        }
    }

    @Override
    public void onJuryCompleted(JuryCompletedContext context) {
        Span auction = (Span) context.attributes().get(AUCTION_SPAN);
        if (auction == null) {
            return;
        }
        var counts = Attributes.builder().put("sale4j.phase", lower(context.phase().name()))
                .put("sale4j.jury.skipped", context.skipped());
        for (JuryScore.Status status : JuryScore.Status.values()) {
            counts.put("sale4j.jury." + lower(status.name()),
                    context.scores().stream().filter(s -> s.status() == status).count());
        }
        auction.addEvent("sale4j.jury.completed", counts.build());
    }

    @Override
    public void onWinnerSelected(WinnerSelectedContext context) {
        context.attributes().put(RANKING, context.ranking());
    }

    @Override
    public void onRefinementCompleted(RefinementCompletedContext context) {
        Span auction = (Span) context.attributes().get(AUCTION_SPAN);
        if (auction != null) {
            auction.setAttribute("sale4j.refinement.bids", context.refined().size());
            auction.setAttribute("sale4j.refinement.replaced", context.replaced());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onAuctionCompleted(AuctionCompletedContext context) {
        Span span = (Span) context.attributes().remove(AUCTION_SPAN);
        if (span == null) {
            return;
        }
        AuctionResult result = context.result();
        span.setAttribute("sale4j.winner", result.winner());
        span.setAttribute("sale4j.fallback", result.fallback());
        span.setAttribute("sale4j.refined", Boolean.TRUE.equals(result.winnerRefined()));
        if (result.provisionalWinner() != null) {
            span.setAttribute("sale4j.provisional_winner", result.provisionalWinner());
        }
        result.winningBid().ifPresent(winning -> {
            span.setAttribute("sale4j.winner.cost", winning.terms().cost());
            span.setAttribute("sale4j.winner.value", winning.terms().value());
            span.setAttribute("sale4j.winner.net", winning.net());
            List<ScoredBid> ranking = (List<ScoredBid>) context.attributes().getOrDefault(RANKING, List.of());
            ranking.stream().filter(b -> !b.agent().equals(result.winner())).findFirst().ifPresent(runnerUp -> {
                span.setAttribute("sale4j.runner_up", runnerUp.agent());
                span.setAttribute("sale4j.runner_up.margin", runnerUp.net() - winning.net());
            });
        });
        span.setAttribute(Attr.INPUT_TOKENS, result.usage().stream().mapToLong(PhaseUsage::inputTokens).sum());
        span.setAttribute(Attr.OUTPUT_TOKENS, result.usage().stream().mapToLong(PhaseUsage::outputTokens).sum());
        span.setAttribute("sale4j.overhead.cost_usd", result.overheadCostUsd());
        span.end();
    }

    @Override
    public void onAuctionFailed(AuctionFailedContext context) {
        phases(context.attributes()).values().forEach(Span::end);
        Span span = (Span) context.attributes().remove(AUCTION_SPAN);
        if (span == null) {
            return;
        }
        span.recordException(context.error());
        span.setAttribute("error.type", context.error().getClass().getName());
        span.setStatus(StatusCode.ERROR, String.valueOf(context.error().getMessage()));
        span.end();
    }

    @Override
    public void onExecutionStarted(ExecutionStartedContext context) {
        String provider = Attr.provider(context.provider());
        var builder = tracer.spanBuilder(context.requestModel() == null ? "chat" : "chat " + context.requestModel())
                .setParent(parent(context.taskAttributes()))
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(Attr.OPERATION, "chat")
                .setAttribute(Attr.PROVIDER, provider)
                .setAttribute(Attr.SYSTEM, provider)
                .setAttribute("sale4j.agent", context.agent())
                .setAttribute("sale4j.task.id", context.taskId())
                .setAttribute("sale4j.attempt", context.attempt());
        if (context.auctionId() != null) {
            builder.setAttribute("sale4j.auction.id", context.auctionId());
        }
        if (context.requestModel() != null) {
            builder.setAttribute(Attr.REQUEST_MODEL, context.requestModel());
        }
        context.attributes().put(EXECUTION_SPAN, builder.startSpan());
    }

    @Override
    public void onExecutionCompleted(ExecutionCompletedContext context) {
        Span span = (Span) context.attributes().remove(EXECUTION_SPAN);
        if (span == null) {
            return;
        }
        if (context.succeeded()) {
            if (context.responseModel() != null) {
                span.setAttribute(Attr.RESPONSE_MODEL, context.responseModel());
            }
            span.setAttribute(Attr.INPUT_TOKENS, context.inputTokens());
            span.setAttribute(Attr.OUTPUT_TOKENS, context.outputTokens());
            if (context.finishReason() != null) {
                span.setAttribute(Attr.FINISH_REASONS, List.of(lower(context.finishReason())));
            }
        } else {
            span.recordException(context.error());
            span.setAttribute("error.type", context.error().getClass().getName());
            span.setStatus(StatusCode.ERROR, String.valueOf(context.error().getMessage()));
            if (context.handedOverTo() != null) {
                span.setAttribute("sale4j.handover.to", context.handedOverTo());
            }
        }
        span.end();
    }

    /**
     * The current context when it holds a span (and remember it for the task); else the task's last one: a handover
     * of a streaming model starts on the model's thread, where no context is current.
     */
    private static Context parent(Map<Object, Object> task) {
        Context current = Context.current();
        if (Span.fromContext(current).getSpanContext().isValid()) {
            task.put(PARENT, current);
            return current;
        }
        Object kept = task.get(PARENT);
        return kept instanceof Context c ? c : current;
    }

    @SuppressWarnings("unchecked")
    private static Map<Phase, Span> phases(Map<Object, Object> attributes) {
        Object phases = attributes.get(PHASE_SPANS);
        return phases == null ? new EnumMap<>(Phase.class) : (Map<Phase, Span>) phases;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
