package dev.sale4j.runs;

/**
 * How one agent's execution of a task went, as the caller learned it (tests passed, a judge's verdict, ...).
 *
 * @param correct  whether the execution was correct; null when not (yet) known
 * @param tokens   tokens the execution used
 * @param costUsd  USD cost of the execution
 * @param detail   format v2: token split, tool calls, duration, verdict, verifier score; may be null
 */
public record ExecutionOutcome(Boolean correct, long tokens, double costUsd, ExecutionDetail detail) {

    /** An outcome without execution detail. */
    public ExecutionOutcome(Boolean correct, long tokens, double costUsd) {
        this(correct, tokens, costUsd, null);
    }

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

    /** This outcome with its execution detail. */
    public ExecutionOutcome withDetail(ExecutionDetail detail) {
        return new ExecutionOutcome(correct, tokens, costUsd, detail);
    }
}
