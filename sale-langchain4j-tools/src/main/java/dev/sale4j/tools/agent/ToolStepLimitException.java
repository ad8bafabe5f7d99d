package dev.sale4j.tools.agent;

import dev.langchain4j.exception.NonRetriableException;

/**
 * Ends a run whose model kept calling tools after being told the step limit was spent. Agents turn it into a
 * {@link StopReason#STEP_LIMIT} result; it reaches callers only if they drive the wrapped models themselves.
 */
final class ToolStepLimitException extends NonRetriableException {

    ToolStepLimitException(int maxToolCalls) {
        super("the model kept calling tools after the tool step limit of " + maxToolCalls + " calls was spent");
    }
}
