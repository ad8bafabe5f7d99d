package dev.sale4j.auction;

/** The stages of one auction whose calls cost tokens and time. */
public enum Phase {
    /** Every agent writes its strategy (SALE step 1). */
    BID,
    /** Every agent scores every bid (SALE step 3). */
    JURY,
    /** Cheaper agents rewrite their bids from memory (SALE step 5). */
    REFINE,
    /** Refined bids are scored by the jury again. */
    REJURY
}
