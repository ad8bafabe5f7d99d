package dev.sale4j.tools.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sale4j.tools.code.TestVerdict;

import java.util.Objects;

/**
 * The coding agent's result: the final code apart from the prose, where the code came from, and, when tests were
 * given, how the final code fared against them in the sandbox.
 *
 * @param code    the final code (empty when there is none)
 * @param origin  where {@code code} was taken from
 * @param prose   the final answer without the code block
 * @param verdict the given tests run against {@code code} by the agent after the model finished, or null when no
 *                tests were given or there is no code
 * @param run     the whole trace: answer text, stop reason, tool and model calls
 */
public record CodingResult(String code, CodeOrigin origin, String prose, TestVerdict verdict, AgentRun run) {

    /** Where the final code came from. */
    public enum CodeOrigin {
        /** The last fenced Python block of the final answer. */
        ANSWER,
        /** The answer had no code block: the last program the sandbox ran to exit status 0. */
        LAST_SUCCESSFUL_RUN,
        /** No code: no block in the answer and no successful run. */
        NONE
    }

    public CodingResult {
        code = code == null ? "" : code;
        Objects.requireNonNull(origin, "origin");
        prose = prose == null ? "" : prose;
        Objects.requireNonNull(run, "run");
    }

    /** @return true when there is final code */
    public boolean hasCode() {
        return !code.isBlank();
    }

    /** @return true when tests were given and the final code passed them */
    public boolean passedTests() {
        return verdict != null && verdict.passed();
    }

    /** @return code, origin, prose, the verdict (passed, reason) when tests were given, and the run's trace */
    public ObjectNode toJsonTree() {
        ObjectNode node = TraceJson.JSON.createObjectNode();
        node.put("code", code);
        node.put("origin", origin.name());
        node.put("prose", prose);
        if (verdict == null) {
            node.putNull("verdict");
        } else {
            node.putObject("verdict").put("passed", verdict.passed()).put("reason", verdict.reason());
        }
        node.set("run", run.toJsonTree());
        return node;
    }

    /** @return {@link #toJsonTree()} as indented JSON text */
    public String toJson() {
        return TraceJson.write(toJsonTree());
    }
}
