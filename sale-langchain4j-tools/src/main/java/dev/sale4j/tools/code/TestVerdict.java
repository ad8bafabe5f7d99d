package dev.sale4j.tools.code;

/**
 * The grade of one candidate solution.
 *
 * @param passed    whether every test passed
 * @param reason    why it failed (the failing assert, the exception, a timeout), or a pass summary
 * @param execution the sandboxed run that produced the verdict
 */
public record TestVerdict(boolean passed, String reason, ExecutionResult execution) {
}
