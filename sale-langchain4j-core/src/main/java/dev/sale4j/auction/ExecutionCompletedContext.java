package dev.sale4j.auction;

import java.time.Duration;
import java.util.Map;

/**
 * One backend call of a task's execution has ended, with an answer or an error.
 *
 * @param auctionId     the auction that ranked the candidates
 * @param taskId        the task
 * @param agent         the agent that executed
 * @param responseModel the model named in the answer; null on error or when the backend does not say
 * @param inputTokens   the answer's input tokens (0 when unreported or on error)
 * @param outputTokens  the answer's output tokens (0 when unreported or on error)
 * @param finishReason  the answer's finish reason, e.g. STOP or TOOL_EXECUTION; null on error
 * @param duration      the call's wall time
 * @param error         the backend's error; null when it answered
 * @param handedOverTo  the agent the task moved to after this error; null when it did not move
 * @param attributes    the map of the call's {@link ExecutionStartedContext}
 */
public record ExecutionCompletedContext(String auctionId, String taskId, String agent, String responseModel,
        long inputTokens, long outputTokens, String finishReason, Duration duration, Throwable error,
        String handedOverTo, Map<Object, Object> attributes) {

    public boolean succeeded() {
        return error == null;
    }
}
