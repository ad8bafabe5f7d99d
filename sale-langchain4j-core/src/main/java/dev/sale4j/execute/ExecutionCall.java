package dev.sale4j.execute;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.sale4j.auction.ExecutionCompletedContext;
import dev.sale4j.auction.ExecutionStartedContext;
import dev.sale4j.auction.HandoverContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One backend call of an {@link Execution}: tells the auction's listeners when it starts and how it ends, and on a
 * failure decides the handover. Ends once; a second end is ignored.
 */
public final class ExecutionCall {

    private final Execution execution;
    private final Execution.Candidate candidate;
    private final long startNanos = System.nanoTime();
    private final Map<Object, Object> attributes = new ConcurrentHashMap<>();
    private final AtomicBoolean ended = new AtomicBoolean();

    ExecutionCall(Execution execution, Execution.Candidate candidate, Object backend) {
        this.execution = execution;
        this.candidate = candidate;
        int attempt = execution.handovers().size() + 1;
        String provider = provider(backend);
        String model = requestModel(backend);
        execution.tell(l -> l.onExecutionStarted(new ExecutionStartedContext(execution.auctionId(),
                execution.taskId(), candidate.agent(), provider, model, attempt, attributes, execution.attributes())));
    }

    public Execution.Candidate candidate() {
        return candidate;
    }

    /** The backend answered. */
    public void answered(ChatResponse response) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        TokenUsage usage = response.tokenUsage();
        long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        String model = response.metadata() == null ? null : response.metadata().modelName();
        String finish = response.finishReason() == null ? null : response.finishReason().name();
        execution.tell(l -> l.onExecutionCompleted(new ExecutionCompletedContext(execution.auctionId(),
                execution.taskId(), candidate.agent(), model, in, out, finish, elapsed(), null, null, attributes)));
    }

    /**
     * The backend failed: the execution's policy decides whether the task moves on; the listeners hear this call's
     * end, then the handover.
     *
     * @param mayHandOver false when the error must surface whatever the policy says (a stream already under way)
     * @return true when there is an agent to try next
     */
    public boolean failed(Throwable error, boolean mayHandOver) {
        Execution.Move move = mayHandOver ? execution.move(candidate, error) : Execution.Move.STOP;
        if (ended.compareAndSet(false, true)) {
            String to = move.handover() == null ? null : move.handover().to();
            execution.tell(l -> l.onExecutionCompleted(new ExecutionCompletedContext(execution.auctionId(),
                    execution.taskId(), candidate.agent(), null, 0, 0, null, elapsed(), error, to, attributes)));
        }
        if (move.handover() != null) {
            Handover h = move.handover();
            execution.tell(l -> l.onHandover(new HandoverContext(execution.auctionId(), execution.taskId(),
                    h.from(), h.to(), h.reason())));
        }
        return move.retry();
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static String provider(Object backend) {
        ModelProvider provider = backend instanceof ChatModel m ? m.provider()
                : backend instanceof StreamingChatModel s ? s.provider() : null;
        return provider == null ? ModelProvider.OTHER.name() : provider.name();
    }

    private static String requestModel(Object backend) {
        ChatRequestParameters p = backend instanceof ChatModel m ? m.defaultRequestParameters()
                : backend instanceof StreamingChatModel s ? s.defaultRequestParameters() : null;
        return p == null ? null : p.modelName();
    }
}
