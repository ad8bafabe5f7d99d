package dev.sale4j.simulate;

/**
 * What a policy learns from executing one agent on a task: which agent ran, and the recorded verifier's score of its
 * answer (null when the runs carry none). Whether the answer was correct is not revealed: the grader's verdict is
 * not known at decision time.
 *
 * @param agent         the agent that executed
 * @param verifierScore the verifier's confidence in [0,1], or null
 */
public record Tried(String agent, Double verifierScore) {}
