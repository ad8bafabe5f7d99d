package dev.sale4j.simulate;

import dev.sale4j.runs.AgentRun;
import dev.sale4j.runs.RecordedRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What SALE sees of a recorded run, with one term taken away: applied alike to the training runs (the weights are
 * refitted without the term) and to the test tasks' bids. Outcomes are never changed, so every ablation is judged on
 * the same executions.
 *
 * <ul>
 *   <li>{@link #NO_PRICE}: the cost term no longer weighs price: each price becomes {@code 1 + 1e-9 * price}, so
 *       {@code C = w_c * |s|} to within 1e-9 relative, while the price order (which defines the fit's target, the
 *       cheapest correct agent) is kept.
 *   <li>{@link #NO_LENGTH}: |s| = 1 for every bid, so {@code C = w_c * price}.
 *   <li>{@link #NO_ENTROPY}: H = 0 for every bid.
 *   <li>{@link #NO_JURY}: no jury scores at all: the jury term is 0.
 *   <li>{@link #SELF_ONLY}: each bid keeps only its own agent's score; the other jurors' are missing and imputed by
 *       the Scorer's rule (the bid's mean of present scores: the self score).
 *   <li>{@link #PEER_ONLY}: each bid loses its own agent's score, imputed by the mean of its peers' scores.
 *   <li>{@link #withoutJuror}: one juror's scores removed from every bid.
 * </ul>
 *
 * @param name  the suffix of the policy name ({@code sale-no-price}, ...)
 * @param apply the transformation of one run
 */
public record Ablation(String name, UnaryOperator<RecordedRun> apply) {

    public static final Ablation NONE = new Ablation("", run -> run);
    public static final Ablation NO_PRICE = perAgent("no-price", a -> copy(a, 1 + 1e-9 * a.price(), a.planTokens(),
            a.entropy(), a.juryScores()));
    public static final Ablation NO_LENGTH = perAgent("no-length", a -> copy(a, a.price(), 1, a.entropy(),
            a.juryScores()));
    public static final Ablation NO_ENTROPY = perAgent("no-entropy", a -> copy(a, a.price(), a.planTokens(), 0,
            a.juryScores()));
    public static final Ablation NO_JURY = perAgent("no-jury", a -> copy(a, a.price(), a.planTokens(), a.entropy(),
            Map.of()));
    public static final Ablation SELF_ONLY = perAgent("self-jury", a -> copy(a, a.price(), a.planTokens(),
            a.entropy(), filter(a.juryScores(), juror -> juror.equals(a.agent()))));
    public static final Ablation PEER_ONLY = perAgent("peer-jury", a -> copy(a, a.price(), a.planTokens(),
            a.entropy(), filter(a.juryScores(), juror -> !juror.equals(a.agent()))));

    /** The standard ablations, in table order (the per-juror ones come from {@link #withoutJuror}). */
    public static List<Ablation> standard() {
        return List.of(NO_PRICE, NO_LENGTH, NO_ENTROPY, NO_JURY, SELF_ONLY, PEER_ONLY);
    }

    /** Removes one juror's scores from every bid. */
    public static Ablation withoutJuror(String juror) {
        return perAgent("without-juror:" + juror, a -> copy(a, a.price(), a.planTokens(), a.entropy(),
                filter(a.juryScores(), j -> !j.equals(juror))));
    }

    /** Keeps only these agents, as bidders and as jurors (the Shapley value's coalitions). */
    public static Ablation restrictTo(Set<String> agents) {
        return new Ablation("only:" + String.join("+", agents), run -> {
            List<AgentRun> kept = new ArrayList<>();
            for (AgentRun a : run.agents()) {
                if (agents.contains(a.agent())) {
                    kept.add(copy(a, a.price(), a.planTokens(), a.entropy(),
                            filter(a.juryScores(), agents::contains)));
                }
            }
            return run.withAgents(kept);
        });
    }

    private static Ablation perAgent(String name, UnaryOperator<AgentRun> f) {
        return new Ablation(name, run -> {
            List<AgentRun> out = new ArrayList<>(run.agents().size());
            run.agents().forEach(a -> out.add(f.apply(a)));
            return run.withAgents(out);
        });
    }

    private static AgentRun copy(AgentRun a, double price, long planTokens, double entropy, Map<String, Integer> jury) {
        return new AgentRun(a.agent(), planTokens, price, entropy, a.entropyEstimator(), jury, a.correct(),
                a.executionTokens(), a.executionCostUsd(), a.execution());
    }

    private static Map<String, Integer> filter(Map<String, Integer> scores,
            java.util.function.Predicate<String> keep) {
        Map<String, Integer> out = new LinkedHashMap<>();
        scores.forEach((juror, s) -> {
            if (keep.test(juror)) {
                out.put(juror, s);
            }
        });
        return out;
    }
}
