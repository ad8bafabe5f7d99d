package dev.sale4j.auction;

import dev.sale4j.pool.AuctionTask;
import java.time.Duration;
import java.util.Map;

/**
 * An auction has ended without a winner; the error is thrown to the caller next.
 *
 * @param auctionId  the auction
 * @param task       what it was for
 * @param error      why it failed ({@link NoBidsException} when nobody bid and there is no fallback)
 * @param wallTime   how long it ran
 * @param attributes shared by every context of this auction
 */
public record AuctionFailedContext(String auctionId, AuctionTask task, Throwable error, Duration wallTime,
        Map<Object, Object> attributes) {}
