package dev.sale4j.chat;

/**
 * One task of shadow mode: it ran on the shadow agent, and the auction beside it picked an agent.
 *
 * <p>SALE's pick did not execute, so its cost is an estimate: the shadow execution's tokens priced at the pick's
 * prices, plus the auction's overhead. {@code differenceUsd} is what SALE would have saved (negative: cost more).
 *
 * @param taskId          the task
 * @param shadowAgent     the agent that executed it
 * @param salePick        the auction's winner; null when the auction failed
 * @param auctionId       the auction; null when it failed
 * @param inputTokens     input tokens the task's executions spent
 * @param outputTokens    output tokens the task's executions spent
 * @param shadowCostUsd   what the execution cost on the shadow agent
 * @param salePickCostUsd the same tokens at the pick's prices
 * @param overheadCostUsd what the auction itself cost
 * @param differenceUsd   {@code shadowCostUsd - (salePickCostUsd + overheadCostUsd)}
 * @param auctionFailure  why the auction failed; null when it did not
 */
public record ShadowTask(
        String taskId,
        String shadowAgent,
        String salePick,
        String auctionId,
        long inputTokens,
        long outputTokens,
        double shadowCostUsd,
        double salePickCostUsd,
        double overheadCostUsd,
        double differenceUsd,
        String auctionFailure) {

    /** True when SALE picked the agent that executed. */
    public boolean agreed() {
        return shadowAgent.equals(salePick);
    }

    /** What SALE's routing would have cost: the pick's execution plus the auction. */
    public double saleCostUsd() {
        return salePickCostUsd + overheadCostUsd;
    }
}
