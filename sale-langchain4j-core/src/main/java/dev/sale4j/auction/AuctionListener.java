package dev.sale4j.auction;

/**
 * Hears what happens in an auction, in LangChain4j's listener shape: every method has a no-op default and receives a
 * context object. Events of one auction come from the thread that runs it, in this order: started; for each phase
 * (BID, JURY, then REFINE and REJURY when refinement runs) phase started, its result ({@link #onBidsPlaced},
 * {@link #onJuryCompleted}), phase completed with its timing and tokens; winner selected; refinement completed;
 * then completed or failed. The execution tells later: each backend call's start and end, and the handovers between
 * them (a failed call's end comes before its handover). Every context of one auction shares the
 * same {@code attributes} map, so a tracing listener can keep its span there between the start and the end.
 *
 * <p>A listener that throws is logged and never fails the auction.
 */
public interface AuctionListener {

    default void onAuctionStarted(AuctionStartedContext context) {}

    default void onPhaseStarted(PhaseStartedContext context) {}

    default void onPhaseCompleted(PhaseCompletedContext context) {}

    /** The bids of the first round, after the reserve price, and the agents that placed none. */
    default void onBidsPlaced(BidsPlacedContext context) {}

    /** The jury's scores of one round (JURY, or REJURY for refined bids), or why it was skipped. */
    default void onJuryCompleted(JuryCompletedContext context) {}

    /** The first round's ranking and its provisional winner (SALE step 4). */
    default void onWinnerSelected(WinnerSelectedContext context) {}

    /** The refined bids, scored, and whether one replaced the provisional winner (step 5). */
    default void onRefinementCompleted(RefinementCompletedContext context) {}

    default void onAuctionCompleted(AuctionCompletedContext context) {}

    default void onAuctionFailed(AuctionFailedContext context) {}

    /** A backend call of the task's execution starts; one per chat call of the task, and again after a handover. */
    default void onExecutionStarted(ExecutionStartedContext context) {}

    /** That backend call has answered or failed; on the thread that saw the end (a streaming model's, for one). */
    default void onExecutionCompleted(ExecutionCompletedContext context) {}

    /** The execution moved a task from a failed agent to the next in the selector's ranking. */
    default void onHandover(HandoverContext context) {}
}
