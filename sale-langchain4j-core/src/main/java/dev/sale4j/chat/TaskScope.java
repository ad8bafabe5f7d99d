package dev.sale4j.chat;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An explicit task: every call made on this thread while the scope is open belongs to one task, whatever its
 * messages, and goes to the winner of the task's single auction. Closing the scope ends the task.
 *
 * <pre>{@code
 * try (TaskScope scope = saleChatModel.taskScope("ticket-4711")) {
 *     assistant.chat("Find the failing test");
 *     assistant.chat("Now fix it");          // same task, same winner, no new auction
 * }
 * }</pre>
 *
 * <p>Scopes are bound to the opening thread, like a logging context, and nest (the innermost wins). Calls that a
 * framework makes from other threads (a streaming tool loop, for example) are still recognised as continuations of
 * the task from their messages.
 */
public final class TaskScope implements AutoCloseable {

    private static final ThreadLocal<Deque<TaskScope>> OPEN = ThreadLocal.withInitial(ArrayDeque::new);

    private final TaskBook owner;
    private final String id;
    private boolean closed;

    private TaskScope(TaskBook owner, String id) {
        this.owner = owner;
        this.id = id;
    }

    static TaskScope open(TaskBook owner, String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A task scope needs a non-blank id, for example a ticket or request id");
        }
        TaskScope scope = new TaskScope(owner, id);
        OPEN.get().push(scope);
        return scope;
    }

    /** The innermost scope this thread opened on the given model's book, or null. */
    static TaskScope current(TaskBook owner) {
        for (TaskScope scope : OPEN.get()) {
            if (scope.owner == owner) {
                return scope;
            }
        }
        return null;
    }

    public String id() {
        return id;
    }

    /** Ends the task; a later call with the same id starts a new task with a new auction. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Deque<TaskScope> open = OPEN.get();
        open.remove(this);
        if (open.isEmpty()) {
            OPEN.remove();
        }
        if (open.stream().noneMatch(s -> s.owner == owner && s.id.equals(id))) {
            owner.endScope(id);
        }
    }
}
