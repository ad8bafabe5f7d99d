package dev.sale4j.runs;

/**
 * How one agent's execution of a task went, as the caller learned it (tests passed, a judge's verdict, ...).
 *
 * @param correct  whether the execution was correct; null when not (yet) known
 * @param tokens   tokens the execution used
 * @param costUsd  USD cost of the execution
 */
public record ExecutionOutcome(Boolean correct, long tokens, double costUsd) {

    public ExecutionOutcome {
        if (tokens < 0) {
            throw new IllegalArgumentException("Execution tokens are " + tokens + ", must be >= 0");
        }
        if (!Double.isFinite(costUsd) || costUsd < 0) {
            throw new IllegalArgumentException("Execution cost is " + costUsd + " USD, must be finite and >= 0");
        }
    }

    public static ExecutionOutcome of(boolean correct, long tokens, double costUsd) {
        return new ExecutionOutcome(correct, tokens, costUsd);
    }
}
