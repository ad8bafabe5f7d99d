package dev.sale4j.tools.agent;

import java.time.Duration;

/**
 * One tool call of an agent run, as it ended.
 *
 * @param index     0-based position in the run
 * @param name      the tool's name
 * @param arguments the arguments as the model sent them (JSON)
 * @param result    the text the model got back
 * @param status    whether it ran, failed or was refused by the step limit
 * @param duration  wall time of the call
 */
public record ToolCall(int index, String name, String arguments, String result, Status status, Duration duration) {

    /** How a tool call ended. */
    public enum Status {
        /** The tool ran and returned a normal result. */
        OK,
        /** The tool ran and reported an error (an {@code Error: ...} answer, an exception, an unknown tool name). */
        ERROR,
        /** Not run: the run's tool step limit was already spent. */
        REFUSED
    }

    public ToolCall {
        arguments = arguments == null ? "" : arguments;
        result = result == null ? "" : result;
    }

    /** @return the size of the result the model read, in characters */
    public int resultChars() {
        return result.length();
    }

    public boolean succeeded() {
        return status == Status.OK;
    }
}
