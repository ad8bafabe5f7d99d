package dev.sale4j.eval.bench;

import dev.sale4j.eval.grade.Submission;

/**
 * What one agent's execution of one task produced and used.
 *
 * @param submission   the answer (and the code apart, for coding tasks) handed to the grader
 * @param inputTokens  input tokens of every model call of the execution
 * @param outputTokens output tokens of every model call
 * @param toolCalls    tool calls that ran
 * @param durationMs   wall time, milliseconds
 * @param costUsd      USD at the agent's input and output prices
 */
public record TaskExecution(Submission submission, long inputTokens, long outputTokens, int toolCalls,
                            long durationMs, double costUsd) {
}
