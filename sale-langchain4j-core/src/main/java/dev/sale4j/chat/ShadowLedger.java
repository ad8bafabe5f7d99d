package dev.sale4j.chat;

import dev.sale4j.pool.AgentPool;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The shadowed tasks, most recent {@code capacity} of them, and their report. */
final class ShadowLedger {

    private final int capacity;
    private final Deque<ShadowEntry> entries = new ArrayDeque<>();

    ShadowLedger(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(ShadowEntry entry) {
        entries.addLast(entry);
        while (entries.size() > capacity) {
            entries.removeFirst();
        }
    }

    ShadowReport report(AgentPool pool) {
        List<ShadowEntry> snapshot;
        synchronized (this) {
            snapshot = new ArrayList<>(entries);
        }
        List<ShadowTask> tasks = new ArrayList<>();
        int pending = 0;
        for (ShadowEntry entry : snapshot) {
            if (entry.done()) {
                tasks.add(entry.toTask(pool));
            } else {
                pending++;
            }
        }
        return new ShadowReport(tasks, pending);
    }
}
