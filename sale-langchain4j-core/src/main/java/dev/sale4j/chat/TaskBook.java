package dev.sale4j.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The bounded, thread-safe memory of which task each answer belongs to, and of the tasks of open scopes.
 *
 * <p>Both maps are LRU maps of a fixed capacity: an entry not used for longest is dropped first. A continuation whose
 * answer was dropped is treated as a new task (and logged), which costs one auction and nothing else.
 */
final class TaskBook {

    private final Map<String, TaskState> byAnswer;
    private final Map<String, CompletableFuture<TaskState>> byScope;

    TaskBook(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("maxTrackedTasks must be at least 1, got " + capacity);
        }
        this.byAnswer = lru(capacity);
        this.byScope = lru(capacity);
    }

    private static <V> Map<String, V> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The task whose answer has this exchange key, or null. */
    TaskState byAnswer(String key) {
        if (key == null) {
            return null;
        }
        synchronized (byAnswer) {
            return byAnswer.get(key);
        }
    }

    void rememberAnswer(String key, TaskState task) {
        synchronized (byAnswer) {
            byAnswer.put(key, task);
        }
    }

    /** The task of an open scope, started with {@code start} by the first call that needs it; concurrent calls wait. */
    TaskState inScope(String scope, Supplier<TaskState> start) {
        CompletableFuture<TaskState> mine = new CompletableFuture<>();
        CompletableFuture<TaskState> existing;
        synchronized (byScope) {
            existing = byScope.get(scope);
            if (existing == null || existing.isCompletedExceptionally()) {
                byScope.put(scope, mine);
                existing = null;
            }
        }
        if (existing != null) {
            try {
                return existing.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            TaskState task = start.get();
            mine.complete(task);
            return task;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        }
    }

    void endScope(String scope) {
        synchronized (byScope) {
            byScope.remove(scope);
        }
    }

    int trackedAnswers() {
        synchronized (byAnswer) {
            return byAnswer.size();
        }
    }
}
