package dev.sale4j.simulate;

import java.util.List;

/**
 * What one policy did on one task: the agent whose answer was kept, every agent it executed, whether the kept answer
 * was correct, and what it cost. Costs and tokens count every execution tried, plus the auction's overhead for
 * policies that hold one.
 *
 * @param id               the task id
 * @param domain           the task's domain, or null
 * @param bin              the task's complexity bin, or null
 * @param chosen           the agent whose answer was kept
 * @param tried            every agent executed, in order (the last is {@code chosen})
 * @param correct          whether the kept answer was correct
 * @param tokens           execution tokens of every execution tried
 * @param costUsd          USD of every execution tried
 * @param largestTokens    the part of {@code tokens} spent by the largest agent
 * @param overheadTokens   the auction's tokens charged to the policy (0 without an auction or a record of it)
 * @param overheadCostUsd  the auction's USD charged to the policy
 * @param oracle           the oracle's agent for the task, or null when it is unknown (online runs without a matrix)
 * @param solvable         whether any agent solved the task (false also when unknown)
 * @param order            the stream order of an online run, or null
 * @param position         the position of the task in its stream (file order for replayed runs)
 */
public record TaskOutcome(
        String id,
        String domain,
        String bin,
        String chosen,
        List<String> tried,
        boolean correct,
        long tokens,
        double costUsd,
        long largestTokens,
        long overheadTokens,
        double overheadCostUsd,
        String oracle,
        boolean solvable,
        Integer order,
        int position) {

    public TaskOutcome {
        tried = List.copyOf(tried);
    }

    /** Execution plus overhead tokens. */
    public long totalTokens() {
        return tokens + overheadTokens;
    }

    /** Execution plus overhead USD. */
    public double totalCostUsd() {
        return costUsd + overheadCostUsd;
    }
}
