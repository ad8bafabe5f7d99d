package dev.sale4j.fit;

import static dev.sale4j.fit.TestRuns.agent;
import static dev.sale4j.fit.TestRuns.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sale4j.runs.AgentRun;
import dev.sale4j.runs.RecordedRun;
import dev.sale4j.score.Weights;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightFitterTest {

    private static final WeightFitter RAW_WORST = WeightFitter.builder().normalise(false).build();
    private static final WeightFitter RAW_AVERAGE =
            WeightFitter.builder().normalise(false).objective(FitObjective.AVERAGE).build();

    /*
     * twoTasks(), raw features, w_h = 1 - w_c:
     *   t1 targets cheap: d1 = w_c (1 - 2) - w_h (0.2 - 0.4) = 0.2 - 1.2 w_c
     *   t2 targets big:   d2 = w_c (2 - 1) - w_h (0.9 - 0.1) = 1.8 w_c - 0.8
     * Worst case: max(d1, d2) is least where they cross: w_c = 1/3, w_h = 2/3, Q = -0.2.
     * Average: (d1 + d2) / 2 = 0.3 w_c - 0.3 is least at w_c = 0: Q = -0.3, and t1 then picks big (d1 = 0.2 > 0).
     */
    @Test
    void worstCaseFitFindsTheHandWorkedOptimum() {
        WeightFit fit = RAW_WORST.fit(TestRuns.twoTasks());

        assertThat(fit.weights().wc()).isCloseTo(1.0 / 3, within(1e-7));
        assertThat(fit.weights().wh()).isCloseTo(2.0 / 3, within(1e-7));
        assertThat(fit.report().q()).isCloseTo(-0.2, within(1e-7));
        assertThat(fit.report().margins()).extracting(TaskMargin::margin)
                .allSatisfy(m -> assertThat(m).isCloseTo(-0.2, within(1e-7)));
        assertThat(fit.report().agreement()).isEqualTo(1.0);
    }

    @Test
    void averageFitFindsTheHandWorkedOptimumAndLosesTheHardTask() {
        WeightFit fit = RAW_AVERAGE.fit(TestRuns.twoTasks());

        assertThat(fit.weights().wc()).isCloseTo(0.0, within(1e-9));
        assertThat(fit.weights().wh()).isCloseTo(1.0, within(1e-9));
        assertThat(fit.report().q()).isCloseTo(-0.3, within(1e-9));
        assertThat(fit.report().margins().get(0).margin()).isCloseTo(0.2, within(1e-9));
        assertThat(fit.report().margins().get(1).margin()).isCloseTo(-0.8, within(1e-9));
        assertThat(fit.report().margins().get(0).chosen()).isEqualTo("big");
        assertThat(fit.report().agreement()).isEqualTo(0.5);
    }

    /*
     * Three agents, one juror "j" and equal entropies, raw features; target "mid" (cheap failed).
     *   vs cheap: d = w_c (2 - 1) - w_j (4 - 1) = w_c - 3 w_j
     *   vs big:   d = w_c (2 - 4) - w_j (4 - 5) = -2 w_c + w_j
     * With w_h free to take weight, the entropy term cancels (equal H), so any w_h > 0 only dilutes; the LP puts
     * all weight on w_c and w_j: max(w_c - 3 w_j, w_j - 2 w_c) with w_c + w_j = 1 is least where they cross,
     * w_c - 3 (1 - w_c) = (1 - w_c) - 2 w_c  =>  w_c = 4/7, w_j = 3/7, Q = 4/7 - 9/7 = -5/7.
     */
    @Test
    void jurorWeightsAreFittedWithCostAndEntropyDilutionAvoided() {
        List<RecordedRun> runs = List.of(task("t",
                agent("cheap", 1, 1, 0.5, Map.of("j", 1), false, 0.01),
                agent("mid", 2, 1, 0.5, Map.of("j", 4), true, 0.02),
                agent("big", 4, 1, 0.5, Map.of("j", 5), true, 0.04)));

        WeightFit fit = RAW_WORST.fit(runs);

        assertThat(fit.weights().wc()).isCloseTo(4.0 / 7, within(1e-7));
        assertThat(fit.weights().wh()).isCloseTo(0.0, within(1e-7));
        assertThat(fit.weights().juror("j")).isCloseTo(3.0 / 7, within(1e-7));
        assertThat(fit.weights().defaultJuror()).isZero();
        assertThat(fit.report().q()).isCloseTo(-5.0 / 7, within(1e-7));
        assertThat(fit.report().margins().get(0).target()).isEqualTo("mid");
    }

    @Test
    void fittedWeightsSumToOne() {
        Weights w = WeightFitter.create().fit(TestRuns.separable(200, 3)).weights();
        double sum = w.wc() + w.wh() + w.jurors().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(sum).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aSeparableSetReachesFullTrainingAgreement() {
        WeightFit fit = WeightFitter.create().fit(TestRuns.separable(500, 7));

        assertThat(fit.report().agreement()).isEqualTo(1.0);
        assertThat(fit.report().q()).isNegative();
        assertThat(fit.report().fitted().passAt1()).isEqualTo(1.0);
        assertThat(fit.report().fitted().costUsd()).isCloseTo(fit.report().oracle().costUsd(), within(1e-12));
    }

    @Test
    void fitWeightsGivesTheWeightsOfTheFullFit() {
        List<RecordedRun> runs = TestRuns.separable(300, 11);
        for (FitObjective objective : FitObjective.values()) {
            WeightFitter fitter = WeightFitter.builder().objective(objective).build();
            assertThat(fitter.fitWeights(runs)).isEqualTo(fitter.fit(runs).weights());
        }
    }

    @Test
    void fitsAreDeterministic() {
        List<RecordedRun> runs = TestRuns.separable(300, 11);
        for (FitObjective objective : FitObjective.values()) {
            WeightFitter fitter = WeightFitter.builder().objective(objective).build();
            Weights first = fitter.fit(runs).weights();
            Weights second = WeightFitter.builder().objective(objective).build().fit(runs).weights();
            assertThat(second).isEqualTo(first);
        }
    }

    @Test
    void normalisationMakesTheFitIndependentOfUnits() {
        List<RecordedRun> runs = TestRuns.separable(200, 5);
        List<RecordedRun> tenfold = runs.stream().map(r -> RecordedRun.of(r.id(), r.text(), r.domain(), r.bin(),
                null, r.agents().stream().map(a -> new AgentRun(a.agent(), a.planTokens(), a.price() * 10,
                        a.entropy(), a.entropyEstimator(), a.juryScores(), a.correct(), a.executionTokens(),
                        a.executionCostUsd())).toList())).toList();

        Weights w = WeightFitter.create().fit(runs).weights();
        Weights w10 = WeightFitter.create().fit(tenfold).weights();

        assertThat(w10.wc()).isCloseTo(w.wc(), within(1e-7));
        assertThat(w10.wh()).isCloseTo(w.wh(), within(1e-7));
        assertThat(w10.scales().cost()).isCloseTo(10 * w.scales().cost(), within(1e-9 * w10.scales().cost()));
    }

    @Test
    void scalesAreEachFeaturesStandardDeviationAndOneForAConstantFeature() {
        // cost features 1 and 3 (sd 1), entropies 0.2 and 0.6 (sd 0.2), juror a: 2 and 4 (sd 1), juror b: 3 and 3
        List<RecordedRun> runs = List.of(task("t",
                agent("x", 1, 1, 0.2, Map.of("a", 2, "b", 3), true, 0.01),
                agent("y", 1, 3, 0.6, Map.of("a", 4, "b", 3), false, 0.01)));

        Weights.Scales s = WeightFitter.create().fit(runs).weights().scales();

        assertThat(s.cost()).isCloseTo(1.0, within(1e-12));
        assertThat(s.entropy()).isCloseTo(0.2, within(1e-12));
        assertThat(s.juror("a")).isCloseTo(1.0, within(1e-12));
        assertThat(s.juror("b")).isEqualTo(1.0);
    }

    @Test
    void aTaskNobodySolvedTargetsTheCheapestAgent() {
        List<RecordedRun> runs = List.of(
                task("solved", agent("cheap", 1, 1, 0.2, true, 0.01), agent("big", 2, 1, 0.4, true, 0.02)),
                task("unsolved", agent("big", 2, 1, 0.9, false, 0.02), agent("cheap", 1, 1, 0.1, false, 0.01)));

        FitReport report = RAW_WORST.fit(runs).report();

        assertThat(report.margins().get(1).target()).isEqualTo("cheap");
        assertThat(report.unsolvedTasks()).isEqualTo(1);
        assertThat(report.oracle().solved()).isEqualTo(1);
        assertThat(report.oracle().costUsd()).isCloseTo(0.02, within(1e-12));
    }

    @Test
    void reportComparesTheFittedRouterWithEachSingleAgentAndTheOracle() {
        FitReport report = RAW_WORST.fit(TestRuns.twoTasks()).report();

        assertThat(report.singles()).extracting(RoutingOutcome::policy).containsExactly("always cheap", "always big");
        assertThat(report.singles().get(0).solved()).isEqualTo(1);
        assertThat(report.singles().get(0).costUsd()).isCloseTo(0.02, within(1e-12));
        assertThat(report.singles().get(1).solved()).isEqualTo(2);
        assertThat(report.singles().get(1).costUsd()).isCloseTo(0.04, within(1e-12));
        assertThat(report.fitted().passAt1()).isEqualTo(1.0);
        assertThat(report.fitted().costUsd()).isCloseTo(0.03, within(1e-12));
        assertThat(report.oracle().costUsd()).isCloseTo(0.03, within(1e-12));
    }

    @Test
    void aTaskWithOneAgentIsRejected() {
        List<RecordedRun> runs = List.of(task("lonely", agent("only", 1, 1, 0.2, true, 0.01)));
        assertThatThrownBy(() -> WeightFitter.create().fit(runs))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Task 'lonely' has only agent 'only'")
                .hasMessageContaining("at least two agents");
    }

    @Test
    void aRunWithoutAnExecutionOutcomeIsRejected() {
        List<RecordedRun> runs = List.of(task("t", agent("a", 1, 1, 0.2, true, 0.01),
                new AgentRun("b", 1, 2, 0.3, "lexical", Map.of(), null, null, null)));
        assertThatThrownBy(() -> WeightFitter.create().fit(runs))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Task 't', agent 'b' (agents[1]) has no 'correct'")
                .hasMessageContaining("every agent executed every task");
    }

    @Test
    void noRunsIsRejected() {
        assertThatThrownBy(() -> WeightFitter.create().fit(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No recorded runs to fit on");
    }

    /** Cost price x |s| is 2 for both agents, entropies and jury scores are equal: nothing tells them apart. */
    private static List<RecordedRun> uninformative() {
        return List.of(
                task("t1", agent("cheap", 1, 2, 0.3, Map.of("j", 3), false, 0.01),
                        agent("big", 2, 1, 0.3, Map.of("j", 3), true, 0.02)),
                task("t2", agent("cheap", 1, 4, 0.7, Map.of("j", 1), true, 0.01),
                        agent("big", 2, 2, 0.7, Map.of("j", 1), false, 0.02)));
    }

    @Test
    void aFitOnConstantFeaturesSaysItHasNoInformation() {
        for (FitObjective objective : FitObjective.values()) {
            WeightFit fit = WeightFitter.builder().objective(objective).build().fit(uninformative());

            assertThat(fit.report().informative()).isFalse();
            assertThat(fit.report().uninformativeFeatures()).containsExactly("cost", "entropy", "juror j");
            assertThat(fit.weights().wc()).isCloseTo(1.0 / 3, within(1e-12));
            assertThat(fit.weights().wh()).isCloseTo(1.0 / 3, within(1e-12));
            assertThat(fit.weights().juror("j")).isCloseTo(1.0 / 3, within(1e-12));
            assertThat(fit.report().margins()).extracting(TaskMargin::margin).containsOnly(0.0);
            assertThat(FitReport.NO_INFORMATION).contains("No information").contains("equal for every agent")
                    .contains("record runs in which the agents' bids differ");
        }
    }

    @Test
    void anInformativeFitNamesTheFeaturesThatCarriedNone() {
        // juror b scores 3 for both agents of the one task; cost, entropy and juror a differ
        List<RecordedRun> runs = List.of(task("t",
                agent("x", 1, 1, 0.2, Map.of("a", 2, "b", 3), true, 0.01),
                agent("y", 1, 3, 0.6, Map.of("a", 4, "b", 3), false, 0.01)));

        FitReport report = WeightFitter.create().fit(runs).report();

        assertThat(report.informative()).isTrue();
        assertThat(report.uninformativeFeatures()).containsExactly("juror b");
    }

    @Test
    void aSeparableFitIsInformativeOnEveryFeature() {
        FitReport report = WeightFitter.create().fit(TestRuns.separable(100, 3)).report();

        assertThat(report.informative()).isTrue();
        assertThat(report.uninformativeFeatures()).isEmpty();
    }
}
