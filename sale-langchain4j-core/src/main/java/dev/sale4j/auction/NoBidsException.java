package dev.sale4j.auction;

import dev.langchain4j.exception.NonRetriableException;
import dev.sale4j.bid.BidFailure;
import java.util.List;
import java.util.stream.Collectors;

/**
 * No agent placed a bid and no fallback agent is configured. The message lists why each bidder failed. Not
 * retriable: every bid call already had its timeout and the backends' own retries; what is left is for the operator
 * (reachable backends, a reserve price, a fallback agent).
 */
public class NoBidsException extends NonRetriableException {

    private final List<BidFailure> failures;

    public NoBidsException(List<BidFailure> failures) {
        super(message(failures));
        this.failures = List.copyOf(failures);
    }

    private static String message(List<BidFailure> failures) {
        return "No agent placed a bid, so the auction has no winner. "
                + failures.stream().map(f -> f.agent() + ": " + f.reason()).collect(Collectors.joining("; "))
                + ". Check that the backends are reachable, or configure SaleRouter.builder().fallbackAgent(name).";
    }

    public List<BidFailure> failures() {
        return failures;
    }
}
