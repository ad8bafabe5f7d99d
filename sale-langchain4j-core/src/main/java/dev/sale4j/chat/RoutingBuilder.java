package dev.sale4j.chat;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.sale4j.SaleRouter;
import dev.sale4j.auction.AuctionOptions;
import dev.sale4j.execute.ExecutionPreamble;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * The options {@link SaleChatModel} and {@link SaleStreamingChatModel} share. Only the router is required.
 *
 * @param <B> the concrete builder
 */
public abstract class RoutingBuilder<B extends RoutingBuilder<B>> {

    /** How many answers and scoped tasks are remembered by default, for continuation. */
    public static final int DEFAULT_MAX_TRACKED_TASKS = 10_000;

    SaleRouter router;
    final List<ChatModelListener> listeners = new ArrayList<>();
    ChatRequestParameters defaultRequestParameters;
    TaskRouting routing = TaskRouting.PER_USER_MESSAGE;
    ExecutionPreamble preamble;
    AuctionOptions auctionOptions = AuctionOptions.none();
    int maxTrackedTasks = DEFAULT_MAX_TRACKED_TASKS;
    final Map<String, Set<ChatFeature>> agentFeatures = new HashMap<>();
    String shadowAgent;
    Executor shadowExecutor;
    Predicate<Throwable> retriable;

    RoutingBuilder() {}

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** The auction engine and its pool of agents (required). */
    public B router(SaleRouter router) {
        this.router = router;
        return self();
    }

    /** Listeners of the router's own calls: each fires once per call, with the caller's request and the response. */
    public B listeners(List<ChatModelListener> listeners) {
        this.listeners.clear();
        if (listeners != null) {
            this.listeners.addAll(listeners);
        }
        return self();
    }

    public B listener(ChatModelListener listener) {
        this.listeners.add(listener);
        return self();
    }

    /** Parameters merged under every request, as any LangChain4j model does. Their {@code modelName} names the router. */
    public B defaultRequestParameters(ChatRequestParameters parameters) {
        this.defaultRequestParameters = parameters;
        return self();
    }

    /** When a new auction runs: per user message (default) or per conversation. */
    public B routing(TaskRouting routing) {
        this.routing = routing == null ? TaskRouting.PER_USER_MESSAGE : routing;
        return self();
    }

    /** How the winner's plan is added to its requests; default {@code dev/sale4j/prompts/execute.txt}. */
    public B executionPreamble(ExecutionPreamble preamble) {
        this.preamble = preamble;
        return self();
    }

    /** Shorthand for {@link #executionPreamble(ExecutionPreamble)} with a template containing {@code {{plan}}}. */
    public B executionPreamble(String template) {
        return executionPreamble(ExecutionPreamble.from(template));
    }

    /** Bids whose estimated execution cost exceeds this many USD do not compete. */
    public B reservePriceUsd(double usd) {
        this.auctionOptions = auctionOptions.withReservePriceUsd(usd);
        return self();
    }

    /** How a bid's execution cost is estimated for the reserve price; by default from the task and the plan length. */
    public B costEstimator(AuctionOptions.ExecutionCostEstimator estimator) {
        this.auctionOptions = auctionOptions.withCostEstimator(estimator);
        return self();
    }

    /** The most tokens one auction's own calls may spend; past it, the jury is skipped. */
    public B maxOverheadTokens(long tokens) {
        this.auctionOptions = auctionOptions.withMaxOverheadTokens(tokens);
        return self();
    }

    /** How many answers and scoped tasks are remembered for continuation (default 10,000; least recently used go). */
    public B maxTrackedTasks(int maxTrackedTasks) {
        this.maxTrackedTasks = maxTrackedTasks;
        return self();
    }

    /**
     * Declares exactly what an agent can serve; it does not bid for requests that need anything else. Undeclared
     * agents serve tools and images, and JSON schemas when the model they execute with (for
     * {@link SaleStreamingChatModel}, their streaming model) lists
     * {@link dev.langchain4j.model.chat.Capability#RESPONSE_FORMAT_JSON_SCHEMA}.
     */
    public B agentFeatures(String agent, ChatFeature... features) {
        Set<ChatFeature> set = EnumSet.noneOf(ChatFeature.class);
        set.addAll(List.of(features));
        this.agentFeatures.put(agent, set);
        return self();
    }

    /**
     * Shadow mode: every task executes on this agent, as without SALE, while the auction runs beside it and records
     * what it would have picked; see {@code shadowReport()}.
     */
    public B shadowAgent(String agent) {
        this.shadowAgent = agent;
        return self();
    }

    /** Where shadow-mode auctions run; by default two daemon threads. */
    public B shadowExecutor(Executor executor) {
        this.shadowExecutor = executor;
        return self();
    }

    /**
     * Which execution errors hand the task to the next-best bidder. Default: LangChain4j's {@code RetriableException}
     * (rate limits, timeouts, server errors), HTTP 408/429/5xx and connection failures.
     */
    public B handOverOn(Predicate<Throwable> retriable) {
        this.retriable = retriable;
        return self();
    }
}
