package dev.sale4j.fit;

/** What {@link WeightFitter} minimises over the training tasks' margins {@code max_j [(C-V)_{t,o(t)} - (C-V)_{t,j}]}. */
public enum FitObjective {
    /** The largest margin over all tasks (SALE's min-max program): the default, more robust on hard tasks. */
    WORST_CASE,
    /** The mean margin over tasks. */
    AVERAGE
}
