package dev.sale4j.eval.bench;

import java.util.List;

/**
 * A USD budget that stops a benchmark cleanly: a task starts only when the money spent plus what the tasks in flight
 * and this one are expected to cost stays within the limit. A task is expected to cost the most any finished task
 * cost; until one has finished, one task runs alone to learn it. Tasks already in flight always finish and are
 * recorded, so what was spent can pass the expectation but never by more than the tasks in flight. Thread-safe.
 */
public final class Budget {

    private final Double limitUsd;
    private double spentUsd;
    private double maxTaskUsd;
    private int finished;
    private int inFlight;
    private boolean exhausted;

    private Budget(Double limitUsd, double alreadySpentUsd) {
        if (limitUsd != null && !(limitUsd > 0 && Double.isFinite(limitUsd))) {
            throw new IllegalArgumentException("the budget must be a positive USD amount, got " + limitUsd
                    + "; pass e.g. --budget-usd 5, or leave it out for no limit");
        }
        this.limitUsd = limitUsd;
        this.spentUsd = alreadySpentUsd;
    }

    /** No limit: every task starts; spending is still counted. */
    public static Budget unlimited() {
        return new Budget(null, 0);
    }

    /** A limit in USD. */
    public static Budget of(double limitUsd) {
        return new Budget(limitUsd, 0);
    }

    /**
     * This budget counting tasks an earlier run into the same file finished: their cost is spent, and the dearest
     * of them sets the expected cost of a task.
     */
    public synchronized Budget resumedWith(List<Double> finishedTaskCostsUsd) {
        for (double cost : finishedTaskCostsUsd) {
            spentUsd += cost;
            maxTaskUsd = Math.max(maxTaskUsd, cost);
            finished++;
        }
        return this;
    }

    /**
     * Waits until a task may start and reserves its share.
     *
     * @return false when the budget does not allow another task (from then on it never does)
     */
    public synchronized boolean tryStart() throws InterruptedException {
        if (limitUsd == null) {
            inFlight++;
            return true;
        }
        while (finished == 0 && inFlight > 0 && !exhausted) {
            wait();
        }
        if (exhausted || spentUsd + (inFlight + 1) * maxTaskUsd > limitUsd) {
            exhausted = true;
            return false;
        }
        inFlight++;
        return true;
    }

    /** A started task ended, having cost {@code costUsd} (also when it failed part way). */
    public synchronized void finish(double costUsd, boolean completed) {
        inFlight--;
        spentUsd += costUsd;
        if (completed) {
            finished++;
            maxTaskUsd = Math.max(maxTaskUsd, costUsd);
        }
        notifyAll();
    }

    public synchronized double spentUsd() {
        return spentUsd;
    }

    /** @return the limit, or null when unlimited */
    public Double limitUsd() {
        return limitUsd;
    }

    /** @return true once the budget refused a task */
    public synchronized boolean exhausted() {
        return exhausted;
    }
}
