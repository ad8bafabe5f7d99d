package dev.sale4j.fit;

import java.util.List;

/**
 * k-fold cross-validation of {@link WeightFitter}: each fold's tasks are routed with weights (and scales) fitted on
 * the other folds, so the figures are held-out ones. Every task is held out exactly once.
 *
 * @param folds   the folds, in order
 * @param heldOut the fitted router over all held-out tasks (every task once)
 * @param oracle  the oracle over all tasks
 * @param singles always the same agent, over all tasks
 * @param seed    the seed of the shuffle that assigned tasks to folds
 */
public record CrossValidation(
        List<Fold> folds, RoutingOutcome heldOut, RoutingOutcome oracle, List<RoutingOutcome> singles, long seed) {

    public CrossValidation {
        folds = List.copyOf(folds);
        singles = List.copyOf(singles);
    }

    /** The share of held-out tasks, 0..1, on which the router picked the target agent. */
    public double heldOutAgreement() {
        int agreed = folds.stream().mapToInt(Fold::agreed).sum();
        return heldOut.tasks() == 0 ? 0 : (double) agreed / heldOut.tasks();
    }

    /**
     * One fold.
     *
     * @param index      0-based fold number
     * @param trainTasks tasks the weights were fitted on
     * @param heldOut    the router on this fold's held-out tasks
     * @param agreed     held-out tasks on which it picked the target agent
     */
    public record Fold(int index, int trainTasks, RoutingOutcome heldOut, int agreed) {

        public double agreement() {
            return heldOut.tasks() == 0 ? 0 : (double) agreed / heldOut.tasks();
        }
    }
}
