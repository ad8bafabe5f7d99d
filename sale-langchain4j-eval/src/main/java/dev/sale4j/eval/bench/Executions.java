package dev.sale4j.eval.bench;

import dev.sale4j.eval.grade.TaskGrader;
import dev.sale4j.eval.grade.Verdict;
import dev.sale4j.eval.suite.BenchTask;
import dev.sale4j.pool.Agent;
import dev.sale4j.runs.ExecutionDetail;
import dev.sale4j.runs.ExecutionOutcome;
import java.util.Locale;

/** One agent executes a task with its plan and the grader grades it: the step both bench modes share. */
final class Executions {

    private final TaskRunner runner;
    private final TaskGrader grader;

    Executions(TaskRunner runner, TaskGrader grader) {
        this.runner = runner;
        this.grader = grader;
    }

    /**
     * The graded execution as recorded (format v2): correct, tokens, cost, and the token split, tool calls, duration,
     * verdict and grader's reason. No verifier score is recorded: the simulator's cascade falls back to the jury's
     * mean score.
     */
    ExecutionOutcome run(BenchTask task, Agent agent, String plan) {
        TaskExecution exec = runner.execute(task, agent, plan);
        Verdict verdict = grader.grade(task, exec.submission());
        String label = verdict.judgement() != null
                ? verdict.judgement().name().toLowerCase(Locale.ROOT).replace('_', '-')
                : verdict.correct() ? "correct" : "incorrect";
        String reason = verdict.judgeAnswer() == null ? verdict.method() + ": " + verdict.reason()
                : verdict.method() + ": " + verdict.reason() + " | judge: " + verdict.judgeAnswer();
        ExecutionDetail detail = new ExecutionDetail(exec.inputTokens(), exec.outputTokens(), exec.toolCalls(),
                exec.durationMs(), label, reason, null);
        return ExecutionOutcome.of(verdict.correct(), exec.inputTokens() + exec.outputTokens(), exec.costUsd())
                .withDetail(detail);
    }
}
