package dev.sale4j.execute;

import dev.langchain4j.exception.RetriableException;
import java.util.List;

/**
 * The agent executing a task failed with a retriable error (rate limit, 5xx, timeout, connection) and no other bidder
 * was left to take the task over: trying again later may succeed. See {@link SaleExecutionException}.
 */
public class RetriableSaleExecutionException extends RetriableException implements ExecutionFailure {

    private final String taskId;
    private final String auctionId;
    private final String agent;
    private final List<Handover> handovers;

    public RetriableSaleExecutionException(String message, String taskId, String auctionId, String agent,
            List<Handover> handovers, Throwable cause) {
        super(message, cause);
        this.taskId = taskId;
        this.auctionId = auctionId;
        this.agent = agent;
        this.handovers = List.copyOf(handovers);
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
