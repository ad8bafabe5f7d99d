package dev.sale4j.memory;

/**
 * How a remembered bid fared in its auction (SALE step 7).
 *
 * <p>Every bid has exactly one label: the bid that executed the task is {@link #WON} (its {@code refined} flag says
 * whether it was a refined rewrite), an original bid that did not execute is {@link #LOST}, and a refined bid that
 * did not replace the winner is {@link #REFINED}.
 */
public enum BidLabel {
    /** The bid the auction chose; its agent executed the task. */
    WON,
    /** A first-round bid that did not win. */
    LOST,
    /** A bid rewritten from memory (SALE step 5) that did not beat the winner. */
    REFINED
}
