package dev.sale4j.auction;

import java.util.Map;

/**
 * One backend call of a task's execution is about to start (SALE step 6): the winner's, or, after a handover, the
 * next candidate's.
 *
 * @param auctionId    the auction that ranked the candidates
 * @param taskId       the task
 * @param agent        the agent that executes
 * @param provider     its backend's provider, LangChain4j's {@code ModelProvider} name (e.g. OPEN_AI, OLLAMA, OTHER)
 * @param requestModel the model its backend is configured with; null when the backend does not say
 * @param attempt      1 for the task's first agent, 2 after one handover, ...
 * @param attributes   shared with the {@link ExecutionCompletedContext} of the same call, for listeners' own state
 * @param taskAttributes shared by every call of the task's execution, e.g. to keep a trace's parent across a
 *                     handover that a streaming model's thread starts
 */
public record ExecutionStartedContext(String auctionId, String taskId, String agent, String provider,
        String requestModel, int attempt, Map<Object, Object> attributes, Map<Object, Object> taskAttributes) {}
