package dev.sale4j.chat;

import dev.langchain4j.exception.LangChain4jException;
import java.util.List;

/**
 * The agent executing a task failed with an error that no other agent could absorb: a non-retriable error, or a
 * retriable one when no bidder was left to hand the task to. The message names the task, its auction, the agent and
 * the handovers; the cause is the backend's own exception.
 */
public class SaleExecutionException extends LangChain4jException {

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

    public String taskId() {
        return taskId;
    }

    /** The task's auction, or null in shadow mode. */
    public String auctionId() {
        return auctionId;
    }

    /** The agent whose call failed. */
    public String agent() {
        return agent;
    }

    public List<Handover> handovers() {
        return handovers;
    }
}
