package dev.sale4j.runs;

/**
 * Format version 2: how a router handled a task in an online run ({@code sale bench run}): which policy produced
 * the run, where the task stood in which seeded stream, whether refinement replaced the provisional winner, and
 * whether the winner's execution was correct. The simulator reads runs that carry a {@code policy} as one more
 * policy. Every field but {@code policy} may be null.
 *
 * @param policy        the source label, e.g. {@code sale-online}
 * @param order         which of the K seeded stream orders this run belongs to (0-based)
 * @param position      the task's position in that stream (0-based)
 * @param seed          the seed of that order
 * @param refined       whether a refined bid replaced the provisional winner
 * @param refinedAgent  the agent whose refined bid won, when {@code refined}
 * @param winnerCorrect whether the winner's execution was correct (the outcome fed back to memory)
 */
public record RoutingInfo(
        String policy,
        Integer order,
        Integer position,
        Long seed,
        Boolean refined,
        String refinedAgent,
        Boolean winnerCorrect) {

    public RoutingInfo {
        if (policy == null || policy.isBlank()) {
            throw new IllegalArgumentException("routing.policy is missing: label the policy that produced the run, "
                    + "e.g. sale-online");
        }
        if (order != null && order < 0) {
            throw new IllegalArgumentException("routing.order is " + order + ", must be >= 0");
        }
        if (position != null && position < 0) {
            throw new IllegalArgumentException("routing.position is " + position + ", must be >= 0");
        }
        if (refinedAgent != null && !Boolean.TRUE.equals(refined)) {
            throw new IllegalArgumentException("routing.refinedAgent is '" + refinedAgent
                    + "' but routing.refined is not true: set refined to true or drop refinedAgent");
        }
    }

    /** A run labelled with its policy and nothing else. */
    public static RoutingInfo of(String policy) {
        return new RoutingInfo(policy, null, null, null, null, null, null);
    }
}
