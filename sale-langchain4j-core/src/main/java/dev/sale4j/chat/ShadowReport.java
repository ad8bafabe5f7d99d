package dev.sale4j.chat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What shadow mode found so far: per task, the agent that executed and what SALE would have picked, and totals, so
 * a team can show the savings before switching. Auctions still running are counted in {@code pending}; their tasks
 * appear once their auctions finish. The report covers the most recent tasks the model keeps
 * ({@code maxTrackedTasks}).
 *
 * @param tasks   the tasks whose auctions finished, oldest first
 * @param pending tasks whose auctions are still running
 */
public record ShadowReport(List<ShadowTask> tasks, int pending) {

    public ShadowReport {
        tasks = List.copyOf(tasks);
    }

    public double shadowCostUsd() {
        return tasks.stream().mapToDouble(ShadowTask::shadowCostUsd).sum();
    }

    /** What the same tasks would have cost with SALE's picks, auctions included (tasks whose auction failed: 0). */
    public double saleCostUsd() {
        return tasks.stream().filter(t -> t.salePick() != null).mapToDouble(ShadowTask::saleCostUsd).sum();
    }

    /** Total estimated saving of SALE over the shadow agent, over the tasks whose auctions succeeded. */
    public double differenceUsd() {
        return tasks.stream().filter(t -> t.salePick() != null).mapToDouble(ShadowTask::differenceUsd).sum();
    }

    /** Tasks where SALE picked the shadow agent itself. */
    public long agreements() {
        return tasks.stream().filter(ShadowTask::agreed).count();
    }

    /** How often SALE picked each agent. */
    public Map<String, Long> picks() {
        Map<String, Long> picks = new TreeMap<>();
        tasks.stream().filter(t -> t.salePick() != null).forEach(t -> picks.merge(t.salePick(), 1L, Long::sum));
        return picks;
    }
}
