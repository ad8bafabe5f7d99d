package dev.sale4j.execute;

import java.util.List;

/**
 * What a failed execution tells, whichever retriable class it has: {@link SaleExecutionException} (not retriable) or
 * {@link RetriableSaleExecutionException} (the backend's error was retriable, but no bidder was left to take over).
 */
public interface ExecutionFailure {

    String taskId();

    /** The task's auction, or null in shadow mode. */
    String auctionId();

    /** The agent whose call failed. */
    String agent();

    List<Handover> handovers();
}
