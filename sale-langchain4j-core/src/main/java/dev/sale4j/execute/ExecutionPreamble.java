package dev.sale4j.execute;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.model.input.PromptTemplate;
import dev.sale4j.pool.Prompts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adds the winner's plan to every request of its task (SALE step 6: the winner follows its own strategy).
 *
 * <p>The plan is rendered with a template that sees {@code {{plan}}} (default: {@code dev/sale4j/prompts/execute.txt})
 * and placed in the system message: appended, after a blank line, to the request's first system message, or sent as
 * a new first system message when there is none. It is applied to the outgoing request only, the same way on every
 * call of the task, so it is never duplicated and never enters the caller's chat memory.
 */
public final class ExecutionPreamble {

    private final PromptTemplate template;

    private ExecutionPreamble(PromptTemplate template) {
        this.template = template;
    }

    /** The default preamble, from {@code dev/sale4j/prompts/execute.txt}. */
    public static ExecutionPreamble defaults() {
        return new ExecutionPreamble(Prompts.load("execute"));
    }

    /** A preamble from a template that must contain {@code {{plan}}}. */
    public static ExecutionPreamble from(String template) {
        if (template == null || !template.contains("{{plan}}")) {
            throw new IllegalArgumentException(
                    "An execution preamble template must contain {{plan}}, where the winner's plan goes");
        }
        return new ExecutionPreamble(PromptTemplate.from(template));
    }

    /** The preamble text for a plan. */
    public String render(String plan) {
        return template.apply(Map.of("plan", plan)).text();
    }

    /** The messages to send: the plan added to the system message; unchanged when there is no plan. */
    public List<ChatMessage> apply(List<ChatMessage> messages, String plan) {
        if (plan == null || plan.isBlank()) {
            return messages;
        }
        String preamble = render(plan);
        List<ChatMessage> out = new ArrayList<>(messages.size() + 1);
        boolean placed = false;
        for (ChatMessage message : messages) {
            if (!placed && message instanceof SystemMessage system) {
                out.add(SystemMessage.from(system.text() + "\n\n" + preamble));
                placed = true;
            } else {
                out.add(message);
            }
        }
        if (!placed) {
            out.add(0, SystemMessage.from(preamble));
        }
        return out;
    }
}
