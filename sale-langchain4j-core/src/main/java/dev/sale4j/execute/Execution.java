package dev.sale4j.execute;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RetriableException;
import dev.sale4j.auction.Auction;
import dev.sale4j.auction.AuctionListener;
import dev.sale4j.auction.AuctionResult;
import dev.sale4j.auction.HandoverContext;
import dev.sale4j.internal.ErrorDescriptions;
import dev.sale4j.score.ScoredBid;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The execution of one auctioned task (SALE step 6): the candidates in the order they take the task (the winner with
 * its plan first, then the other bidders in the {@code WinnerSelector}'s ranking), which of them holds it now, the
 * handovers so far and the policy that decides them, and the plan preamble each candidate's requests carry.
 * Thread-safe: concurrent calls of one task see one current candidate.
 */
public final class Execution {

    private static final Logger log = LoggerFactory.getLogger(Execution.class);

    /**
     * An agent that can execute the task, with the plan it would follow.
     *
     * @param agent the agent
     * @param plan  its bid's plan, or null when it did not bid (a fallback or shadow agent)
     */
    public record Candidate(String agent, String plan) {}

    private final String taskId;
    private final AuctionResult result;
    private final Auction auction;
    private final List<Candidate> candidates;
    private final ExecutionPreamble preamble;
    private final Predicate<Throwable> handOverOn;
    private final List<Handover> handovers = new ArrayList<>();
    private final Map<Object, Object> attributes = new ConcurrentHashMap<>();
    private int current;

    private Execution(String taskId, AuctionResult result, Auction auction, List<Candidate> candidates,
            ExecutionPreamble preamble, Predicate<Throwable> handOverOn) {
        this.taskId = taskId;
        this.result = result;
        this.auction = auction;
        this.candidates = List.copyOf(candidates);
        this.preamble = preamble != null ? preamble : ExecutionPreamble.defaults();
        this.handOverOn = handOverOn != null ? handOverOn : Execution::retriable;
    }

    /**
     * The execution of an auction's result: the winning bid first, then every other bidder once, in the order the
     * auction's selector ranks their bids.
     */
    public static Execution of(String taskId, AuctionResult result, Auction auction, ExecutionPreamble preamble,
            Predicate<Throwable> handOverOn) {
        List<Candidate> order = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        result.winningBid().ifPresentOrElse(
                w -> order.add(new Candidate(w.agent(), w.bid().text())),
                () -> order.add(new Candidate(result.winner(), null)));
        seen.add(result.winner());
        for (ScoredBid b : auction.selector().rank(result.bids(), auction.pool().names())) {
            if (seen.add(b.agent())) {
                order.add(new Candidate(b.agent(), b.bid().text()));
            }
        }
        return new Execution(taskId, result, auction, order, preamble, handOverOn);
    }

    /** An execution by one agent without a plan and without handovers (shadow mode: no auction decided it). */
    public static Execution solo(String taskId, String agent) {
        return new Execution(taskId, null, null, List.of(new Candidate(agent, null)), null, error -> false);
    }

    public String taskId() {
        return taskId;
    }

    /** The auction's result; null for a {@link #solo} execution. */
    public AuctionResult result() {
        return result;
    }

    /** Every candidate, in order. */
    public List<Candidate> candidates() {
        return candidates;
    }

    public synchronized Candidate current() {
        return candidates.get(current);
    }

    public synchronized List<Handover> handovers() {
        return List.copyOf(handovers);
    }

    /** The messages the candidate's backend gets: its plan added to the system message (none for no plan). */
    public List<ChatMessage> messages(List<ChatMessage> messages, Candidate candidate) {
        return preamble.apply(messages, candidate.plan());
    }

    /** Starts one backend call of the candidate (its backend: a {@code ChatModel} or {@code StreamingChatModel}). */
    public ExecutionCall call(Candidate candidate, Object backend) {
        return new ExecutionCall(this, candidate, backend);
    }

    /**
     * Moves the task from the failed candidate to the next one, when the policy hands this error over. True when
     * there is an agent to try (the next one, or one another thread already moved the task to); false when the error
     * is not handed over or no candidate is left. Prefer {@link ExecutionCall#failed}, which also tells the call's end.
     */
    public boolean handOver(Candidate failed, Throwable error) {
        Move move = move(failed, error);
        if (move.handover() != null) {
            Handover h = move.handover();
            tell(l -> l.onHandover(new HandoverContext(result.id(), taskId, h.from(), h.to(), h.reason())));
        }
        return move.retry();
    }

    /** What a failure does: whether to try again, and the handover it made (null when none or another thread's). */
    record Move(boolean retry, Handover handover) {
        static final Move STOP = new Move(false, null);
    }

    Move move(Candidate failed, Throwable error) {
        if (result == null || !handOverOn.test(error)) {
            return Move.STOP;
        }
        String reason = ErrorDescriptions.describe(error);
        Handover handover;
        synchronized (this) {
            if (!candidates.get(current).equals(failed)) {
                return new Move(true, null);
            }
            if (current + 1 >= candidates.size()) {
                return Move.STOP;
            }
            current++;
            handover = new Handover(failed.agent(), candidates.get(current).agent(), reason);
            handovers.add(handover);
        }
        log.warn("Agent '{}' failed on task {} ({}); handing it to '{}'", handover.from(), taskId, reason,
                handover.to());
        return new Move(true, handover);
    }

    /** Listeners' state shared by every call of this execution. */
    Map<Object, Object> attributes() {
        return attributes;
    }

    /** The auction's id; null for a {@link #solo} execution. */
    String auctionId() {
        return result == null ? null : result.id();
    }

    /** Tells the auction's listeners; a solo execution has none. */
    void tell(Consumer<AuctionListener> event) {
        if (auction != null) {
            auction.notifyListeners(event);
        }
    }

    /**
     * The error to surface when the failed candidate's error is not absorbed: the backend's own for a solo execution,
     * else a {@link SaleExecutionException} with the auction's context and the backend's error as its cause.
     */
    public RuntimeException failure(Candidate failed, Throwable error) {
        if (result == null) {
            return error instanceof RuntimeException r ? r : SaleExecutionException.of(
                    ErrorDescriptions.describe(error), taskId, null, failed.agent(), List.of(), error);
        }
        List<Handover> done = handovers();
        String why = handOverOn.test(error)
                ? "it failed with a retriable error and no other bidder is left to take the task over"
                : "it failed with a non-retriable error";
        String message = "Agent '" + failed.agent() + "' could not execute task " + taskId + " (auction "
                + result.id() + ", winner '" + result.winner() + "' of " + result.bids().size() + " bids"
                + (done.isEmpty() ? "" : ", handovers " + done.stream()
                        .map(h -> h.from() + " -> " + h.to()).collect(Collectors.joining(", ")))
                + "): " + why + ": " + ErrorDescriptions.describe(error)
                + ". Check that agent's backend, or see the cause for the provider's answer.";
        return SaleExecutionException.of(message, taskId, result.id(), failed.agent(), done, error);
    }

    /**
     * The default handover policy: retriable errors (LangChain4j's {@link RetriableException}, HTTP 408, 429 and 5xx,
     * timeouts, refused connections and other I/O failures), wherever they sit in the cause chain.
     */
    public static boolean retriable(Throwable error) {
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
}
