package dev.sale4j.tools.agent;

/**
 * Observes an agent run as it happens, e.g. to show progress on a command line. Callbacks come on the thread that
 * runs the tool loop (for streaming, an HTTP client thread); keep them short. All methods default to doing nothing.
 */
public interface AgentListener {

    /** A listener that ignores everything. */
    AgentListener NONE = new AgentListener() {
    };

    /** A tool call is about to run (or to be refused by the step limit). */
    default void onToolStarted(int index, String name, String arguments) {
    }

    /** A tool call ended. */
    default void onToolFinished(ToolCall call) {
    }

    /** A model call ended. */
    default void onModelCall(ModelCall call) {
    }

    /** A piece of the answer arrived (streaming runs only). */
    default void onPartialText(String text) {
    }
}
