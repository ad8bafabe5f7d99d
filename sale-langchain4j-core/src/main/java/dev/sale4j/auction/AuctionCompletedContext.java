package dev.sale4j.auction;

import java.util.Map;

/**
 * An auction has ended with a winner (a fallback winner included).
 *
 * @param result     its trace
 * @param attributes shared by every context of this auction
 */
public record AuctionCompletedContext(AuctionResult result, Map<Object, Object> attributes) {}
