package dev.sale4j.execute;

import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import java.util.List;

/**
 * The agent executing a task failed with a non-retriable error. The message names the task, its auction, the agent
 * and the handovers; the cause is the backend's own exception. A retriable error that no other bidder could absorb
 * surfaces as {@link RetriableSaleExecutionException} instead; both are {@link ExecutionFailure}s.
 */
public class SaleExecutionException extends NonRetriableException implements ExecutionFailure {

    private final String taskId;
    private final String auctionId;
    private final String agent;
    private final List<Handover> handovers;

    public SaleExecutionException(String message, String taskId, String auctionId, String agent,
            List<Handover> handovers, Throwable cause) {
        super(message, cause);
        this.taskId = taskId;
        this.auctionId = auctionId;
        this.agent = agent;
        this.handovers = List.copyOf(handovers);
    }

    /**
     * The exception for a backend failure, with the retriable class of its cause: retriable when the cause is a
     * LangChain4j {@link RetriableException} or, for other errors, when {@link Execution#retriable} says so.
     */
    public static RuntimeException of(String message, String taskId, String auctionId, String agent,
            List<Handover> handovers, Throwable cause) {
        boolean retriable = cause instanceof RetriableException
                || (!(cause instanceof NonRetriableException) && Execution.retriable(cause));
        return retriable
                ? new RetriableSaleExecutionException(message, taskId, auctionId, agent, handovers, cause)
                : new SaleExecutionException(message, taskId, auctionId, agent, handovers, cause);
    }

    @Override
    public String taskId() {
        return taskId;
    }

    @Override
    public String auctionId() {
        return auctionId;
    }

    @Override
    public String agent() {
        return agent;
    }

    @Override
    public List<Handover> handovers() {
        return handovers;
    }
}
