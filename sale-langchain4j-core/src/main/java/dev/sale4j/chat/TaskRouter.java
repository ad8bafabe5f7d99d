package dev.sale4j.chat;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.output.TokenUsage;
import dev.sale4j.SaleRouter;
import dev.sale4j.auction.AuctionOptions;
import dev.sale4j.auction.AuctionResult;
import dev.sale4j.execute.BackendRequests;
import dev.sale4j.execute.Execution;
import dev.sale4j.execute.ExecutionPreamble;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AuctionTask;
import dev.sale4j.score.ScoredBid;
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
        this.retriable = builder.retriable != null ? builder.retriable : Execution::retriable;
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
        AuctionResult result = router.auction(task, auctionOptions);
        return TaskState.executed(Execution.of(TaskState.newId(), result, router.auction(), preamble, retriable));
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
    ChatRequest backendRequest(ChatRequest request, TaskState task, Execution.Candidate candidate, Object backend) {
        return BackendRequests.forBackend(request, task.execution().messages(request.messages(), candidate), backend);
    }

    /** Records the answer as the task's and returns it with the auction in its metadata. */
    ChatResponse complete(TaskState task, Execution.Candidate candidate, ChatRequest request, ChatResponse response) {
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
        AuctionResult auction = task.execution().result();
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
                .handovers(task.execution().handovers());
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

    /** The error to surface: the backend's own in shadow mode, else the backend's error with the auction's context. */
    RuntimeException failure(TaskState task, Execution.Candidate failed, Throwable error) {
        return task.execution().failure(failed, error);
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
