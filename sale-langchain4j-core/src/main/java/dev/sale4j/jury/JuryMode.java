package dev.sale4j.jury;

/** How a {@link PromptJury} spreads its work over calls. */
public enum JuryMode {
    /** One call per juror judging all bids, shown in a fresh random order: |A| calls (the default). */
    ONE_CALL_PER_JUROR,
    /** One call per juror and bid, as the paper implies: |A| x |bids| calls. */
    ONE_CALL_PER_BID
}
