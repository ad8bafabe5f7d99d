package dev.sale4j.chat;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.output.TokenUsage;
import dev.sale4j.Agent;
import dev.sale4j.AuctionOptions;
import dev.sale4j.AuctionResult;
import dev.sale4j.AuctionTask;
import dev.sale4j.SaleRouter;
import dev.sale4j.score.ScoredBid;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link SaleChatModel} and {@link SaleStreamingChatModel} share: tells a new task from a continuation, runs
 * the auction once per task, prepares each backend request, hands failed tasks over and builds the metadata.
 */
final class TaskRouter {

    private static final Logger log = LoggerFactory.getLogger(TaskRouter.class);

    private final SaleRouter router;
    private final TaskBook book;
    private final TaskRouting routing;
    private final ExecutionPreamble preamble;
    private final AuctionOptions options;
    private final Map<String, Set<ChatFeature>> declaredFeatures;
    private final String shadowAgent;
    private final ShadowLedger ledger;
    private final Executor shadowExecutor;
    private final Predicate<Throwable> retriable;

    TaskRouter(RoutingBuilder<?> builder) {
        if (builder.router == null) {
            throw new IllegalArgumentException("A SALE chat model needs a SaleRouter: set router(...)");
        }
        this.router = builder.router;
        this.book = new TaskBook(builder.maxTrackedTasks);
        this.routing = builder.routing;
        this.preamble = builder.preamble != null ? builder.preamble : ExecutionPreamble.defaults();
        this.options = builder.auctionOptions;
        builder.agentFeatures.keySet().forEach(router.pool()::get);
        this.declaredFeatures = Map.copyOf(builder.agentFeatures);
        this.shadowAgent = builder.shadowAgent == null ? null : router.pool().get(builder.shadowAgent).name();
        this.ledger = new ShadowLedger(builder.maxTrackedTasks);
        this.shadowExecutor = builder.shadowExecutor != null ? builder.shadowExecutor
                : shadowAgent == null ? null : defaultShadowExecutor();
        this.retriable = builder.retriable != null ? builder.retriable : TaskRouter::retriableByDefault;
    }

    SaleRouter router() {
        return router;
    }

    TaskScope openScope(String id) {
        return TaskScope.open(book, id);
    }

    ShadowReport shadowReport() {
        if (shadowAgent == null) {
            throw new IllegalStateException("Shadow mode is off: set shadowAgent(name) on the builder to get a report");
        }
        return ledger.report(router.pool());
    }

    /** The capabilities every agent's backend has. */
    static Set<Capability> intersection(List<Set<Capability>> perAgent) {
        Set<Capability> common = EnumSet.allOf(Capability.class);
        perAgent.forEach(s -> common.retainAll(s == null ? Set.of() : s));
        return common;
    }

    /**
     * The task a request belongs to: an open scope's, the one whose answer it continues, or a new one. A new task's
     * auction is open to the agents that {@code canExecute} and whose features cover the request's; undeclared
     * features follow {@code capabilities}, the capabilities of the model the agent would execute with.
     */
    TaskState resolve(ChatRequest request, Predicate<Agent> canExecute,
            Function<Agent, Set<Capability>> capabilities) {
        TaskScope scope = TaskScope.current(book);
        if (scope != null) {
            return book.inScope(scope.id(), () -> start(request, canExecute, capabilities));
        }
        boolean continuation = routing == TaskRouting.PER_CONVERSATION
                ? Conversation.lastAiIndex(request.messages()) >= 0
                : Conversation.continuesTask(request.messages());
        if (continuation) {
            TaskState task = book.byAnswer(Conversation.keyOfLatestAnswer(request.messages()));
            if (task != null) {
                return task;
            }
            if (routing == TaskRouting.PER_USER_MESSAGE) {
                log.info("A request continues an answer this router does not remember (evicted, or not its own); "
                        + "it starts a new task");
            }
        }
        return start(request, canExecute, capabilities);
    }

    private TaskState start(ChatRequest request, Predicate<Agent> canExecute,
            Function<Agent, Set<Capability>> capabilities) {
        Set<ChatFeature> needs = ChatFeature.requiredBy(request);
        Set<String> eligible = router.pool().agents().stream()
                .filter(a -> canExecute.test(a) && features(a, capabilities.apply(a)).containsAll(needs))
                .map(Agent::name)
                .collect(Collectors.toSet());
        if (eligible.isEmpty()) {
            throw new IllegalArgumentException("No agent of " + router.pool() + " can serve this request: it needs "
                    + needs + ". Declare what each agent serves with agentFeatures(name, ...), or add an agent that "
                    + "serves " + needs + ".");
        }
        AuctionTask task = AuctionTask.of(Conversation.taskText(request.messages()), request.toolSpecifications());
        AuctionOptions auctionOptions = options.withEligibleAgents(eligible);
        if (shadowAgent != null) {
            if (!eligible.contains(shadowAgent)) {
                throw new IllegalArgumentException("The shadow agent '" + shadowAgent + "' cannot serve this request ("
                        + needs + "); declare its features with agentFeatures(...) or pick another shadow agent");
            }
            CompletableFuture<AuctionResult> auction =
                    CompletableFuture.supplyAsync(() -> router.auction(task, auctionOptions), shadowExecutor);
            ShadowEntry entry = new ShadowEntry(UUID.randomUUID().toString(), shadowAgent, auction);
            ledger.add(entry);
            return TaskState.shadowed(entry);
        }
        return TaskState.won(router.auction(task, auctionOptions));
    }

    private Set<ChatFeature> features(Agent agent, Set<Capability> capabilities) {
        Set<ChatFeature> declared = declaredFeatures.get(agent.name());
        if (declared != null) {
            return declared;
        }
        Set<ChatFeature> assumed = EnumSet.of(ChatFeature.TOOLS, ChatFeature.IMAGES);
        if (capabilities != null && capabilities.contains(Capability.RESPONSE_FORMAT_JSON_SCHEMA)) {
            assumed.add(ChatFeature.JSON_SCHEMA);
        }
        return assumed;
    }

    /** The request the candidate's backend gets: the caller's, with the plan added and the router's settings removed. */
    ChatRequest backendRequest(ChatRequest request, TaskState.Candidate candidate, Object backend) {
        return BackendRequests.forBackend(request, preamble.apply(request.messages(), candidate.plan()), backend);
    }

    /** Records the answer as the task's and returns it with the auction in its metadata. */
    ChatResponse complete(TaskState task, TaskState.Candidate candidate, ChatRequest request, ChatResponse response) {
        if (response.aiMessage() != null) {
            book.rememberAnswer(Conversation.keyOfNewAnswer(request.messages(), response.aiMessage()), task);
        }
        TokenUsage usage = response.tokenUsage();
        long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        if (task.shadow() != null) {
            task.shadow().recordExecution(in, out);
        }
        ChatResponseMetadata original = response.metadata();
        AuctionResult auction = task.auction();
        SaleChatResponseMetadata.Builder metadata = SaleChatResponseMetadata.builder()
                .id(original == null ? null : original.id())
                .modelName(original == null ? null : original.modelName())
                .tokenUsage(usage)
                .finishReason(response.finishReason())
                .executionMetadata(original)
                .taskId(task.id())
                .executor(candidate.agent())
                .executionCostUsd(router.pool().get(candidate.agent()).costUsd(in, out))
                .auctionRan(task.claimAuctionReport())
                .handovers(task.handovers());
        if (auction != null) {
            ScoredBid winning = auction.winningBid().orElse(null);
            metadata.auctionId(auction.id())
                    .winner(auction.winner())
                    .bids(auction.bids().stream()
                            .sorted(Comparator.comparingDouble(ScoredBid::net))
                            .map(b -> BidSummary.of(b, b.equals(winning)))
                            .toList())
                    .overheadTokens(auction.overheadTokens())
                    .overheadCostUsd(auction.overheadCostUsd());
        }
        return response.toBuilder().metadata(metadata.build()).build();
    }

    /** True when the failed candidate's task moved to another agent that should now be tried. */
    boolean handOver(TaskState task, TaskState.Candidate failed, Throwable error) {
        if (task.shadow() != null || !retriable.test(error)) {
            return false;
        }
        boolean moved = task.handOver(failed, describe(error));
        if (moved) {
            log.warn("Agent '{}' failed on task {} ({}); handing it to '{}'", failed.agent(), task.id(),
                    describe(error), task.current().agent());
        }
        return moved;
    }

    /** The error to surface: the backend's own in shadow mode, else the backend's error with the auction's context. */
    RuntimeException failure(TaskState task, TaskState.Candidate failed, Throwable error) {
        if (task.shadow() != null) {
            return error instanceof RuntimeException r ? r : new SaleExecutionException(describe(error), task.id(),
                    null, failed.agent(), List.of(), error);
        }
        AuctionResult auction = task.auction();
        List<Handover> handovers = task.handovers();
        String why = retriable.test(error)
                ? "it failed with a retriable error and no other bidder is left to take the task over"
                : "it failed with a non-retriable error";
        String message = "Agent '" + failed.agent() + "' could not execute task " + task.id() + " (auction "
                + auction.id() + ", winner '" + auction.winner() + "' of " + auction.bids().size() + " bids"
                + (handovers.isEmpty() ? "" : ", handovers " + handovers.stream()
                        .map(h -> h.from() + " -> " + h.to()).collect(Collectors.joining(", ")))
                + "): " + why + ": " + describe(error)
                + ". Check that agent's backend, or see the cause for the provider's answer.";
        return new SaleExecutionException(message, task.id(), auction.id(), failed.agent(), handovers, error);
    }

    static boolean retriableByDefault(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetriableException || t instanceof HttpTimeoutException
                    || t instanceof java.net.ConnectException || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
            if (t instanceof HttpException http) {
                int status = http.statusCode();
                return status == 408 || status == 429 || status >= 500;
            }
            if (t instanceof IOException && !(t.getCause() instanceof IOException)) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static Executor defaultShadowExecutor() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "sale4j-shadow-auction");
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
