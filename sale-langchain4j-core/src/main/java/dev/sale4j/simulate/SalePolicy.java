package dev.sale4j.simulate;

import dev.sale4j.fit.FitObjective;
import dev.sale4j.fit.WeightFitter;
import dev.sale4j.runs.RecordedRun;
import dev.sale4j.score.Scorer;
import dev.sale4j.score.Weights;
import dev.sale4j.score.WinnerSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * SALE without memory: weights fitted on the fold's training runs by {@link WeightFitter} (worst-case or average
 * objective), each test task's recorded first-round bids scored by the engine's {@link Scorer} and the winner picked
 * by its {@link WinnerSelector}. With an {@link Ablation}, the term is removed from the training runs and from the
 * test bids alike, and the weights are refitted. Refinement needs memory and live agents, so it is not replayed here;
 * online runs of SALE with memory come in as recorded policies.
 */
public final class SalePolicy implements RoutingPolicy {

    private final String name;
    private final FitObjective objective;
    private final Ablation ablation;
    private final WinnerSelector selector;

    private SalePolicy(String name, FitObjective objective, Ablation ablation, WinnerSelector selector) {
        this.name = name;
        this.objective = objective;
        this.ablation = ablation;
        this.selector = selector;
    }

    /** SALE with the worst-case objective ({@code sale}) or the average one ({@code sale-average}). */
    public static SalePolicy of(FitObjective objective) {
        return new SalePolicy(objective == FitObjective.WORST_CASE ? "sale" : "sale-average", objective,
                Ablation.NONE, WinnerSelector.lowestNetScore());
    }

    /** SALE (worst-case objective) with one term removed: {@code sale-<ablation>}. */
    public static SalePolicy ablated(Ablation ablation) {
        return new SalePolicy("sale-" + ablation.name(), FitObjective.WORST_CASE, ablation,
                WinnerSelector.lowestNetScore());
    }

    /** Any name, objective and ablation (the Shapley coalitions use this). */
    public static SalePolicy custom(String name, FitObjective objective, Ablation ablation) {
        return new SalePolicy(name, objective, ablation, WinnerSelector.lowestNetScore());
    }

    @Override
    public String name() {
        return name;
    }

    public FitObjective objective() {
        return objective;
    }

    public Ablation ablation() {
        return ablation;
    }

    @Override
    public boolean holdsAuction() {
        return true;
    }

    @Override
    public Router train(Training training) {
        Weights weights = WeightFitter.builder().objective(objective).build()
                .fitWeights(training.transformed(ablation.apply()));
        Scorer scorer = new Scorer(weights);
        return task -> {
            RecordedRun seen = ablation.apply().apply(task.hindsightFreeRun());
            return ReplayAuction.winner(seen.agents(), scorer, selector);
        };
    }

    /** The weights fitted on these runs, with the ablation applied. */
    public Weights fit(List<RecordedRun> runs) {
        List<RecordedRun> seen = new ArrayList<>(runs.size());
        runs.forEach(r -> seen.add(ablation.apply().apply(r)));
        return WeightFitter.builder().objective(objective).build().fitWeights(seen);
    }
}
