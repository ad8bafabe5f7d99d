package dev.sale4j.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sale4j.runs.AgentRun;
import dev.sale4j.runs.AuctionOverhead;
import dev.sale4j.runs.RecordedRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A recorded run small enough to work out by hand. Two agents, "small" at 1 USD/Mtok and "big" at 4 USD/Mtok; every
 * bid is 100 tokens long, both jurors give every bid a 3 (so the jury term is equal within each task and decides
 * nothing); every execution is 1000 tokens (0.001 USD for small, 0.004 USD for big); every auction cost 100 tokens
 * and 0.0001 USD of overhead.
 *
 * <pre>
 * task  small  big   H(small) H(big)  oracle target
 * t1    ok     ok    0.8      0.3     small (cheapest correct)
 * t2    ok     fail  0.8      0.3     small
 * t3    fail   fail  0.8      0.3     small (nobody solved it: the cheapest)
 * t4    fail   ok    0.3      0.8     big
 * t5    fail   ok    0.3      0.8     big
 * t6    fail   ok    0.3      0.8     big
 * </pre>
 *
 * <p>Fit (worst case). Margins {@code d = (C-V)_target - (C-V)_other}, the jury part 0, scales s_c and s_h > 0: for
 * small-target tasks {@code d = -300 w_c/s_c - 0.5 w_h/s_h}, for big-target tasks {@code d = +300 w_c/s_c - 0.5
 * w_h/s_h}. With 3 folds each test fold holds 2 tasks, so every training set of 4 has at least one task of each
 * kind, and the worst margin is a big-target one: minimised by {@code w_c = 0}, {@code w_h = 1} (juror weight only
 * takes from w_h). So SALE picks the bid of higher entropy: small on t1-t3, big on t4-t6, the oracle's choices.
 *
 * <p>Ablation without entropy: every H is 0, big-target margins are {@code +300 w_c/s_c}, minimised by
 * {@code w_c = 0}; then every C - V ties, and the selector's tie-breaks (lower C, then lower price) pick small.
 */
class HandWorkedRunTest {

    static List<RecordedRun> runs() {
        boolean[][] correct = {{true, true}, {true, false}, {false, false}, {false, true}, {false, true},
                {false, true}};
        List<RecordedRun> runs = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            double hs = t < 3 ? 0.8 : 0.3;
            double hb = t < 3 ? 0.3 : 0.8;
            Map<String, Integer> jury = Map.of("small", 3, "big", 3);
            runs.add(RecordedRun.of("t" + (t + 1), "task " + (t + 1), t % 2 == 0 ? "coding" : "search", "(0,0.1]",
                    null, List.of(
                            new AgentRun("small", 100, 1.0, hs, "lexical", jury, correct[t][0], 1000L, 0.001),
                            new AgentRun("big", 100, 4.0, hb, "lexical", jury, correct[t][1], 1000L, 0.004)))
                    .with(new AuctionOverhead(100, 0.0001), null));
        }
        return runs;
    }

    static SimulationResult simulate(long seed, List<RoutingPolicy> extra) {
        List<RoutingPolicy> policies = new ArrayList<>(PolicyRegistry.standard(List.of("small", "big"), seed)
                .resolve(List.of("single:small", "single:big", "largest", "random", "oracle", "sale",
                        "sale-no-entropy", "cascade")));
        policies.addAll(extra);
        return Simulation.builder().runs(runs()).policies(policies).folds(3).seed(seed).shapley(true).build().run();
    }

    @Test
    void everyFigureMatchesTheHandCalculation() {
        Measures m = Measures.of(simulate(7, List.of()));

        // small alone: solves t1, t2 -> 2/6; 6 executions x 0.001 USD over 6000 tokens -> 1 USD/Mtok.
        Measure small = m.overall("single:small");
        assertThat(small.solved()).isEqualTo(2);
        assertThat(small.costUsd()).isCloseTo(0.006, within(1e-12));
        assertThat(small.usdPerMtok()).isCloseTo(1.0, within(1e-9));
        assertThat(small.overheadShare()).isNull();
        // big alone: solves t1, t4, t5, t6 -> 4/6; 0.024 USD; 4 USD/Mtok; it is the largest, every task and token.
        Measure big = m.overall("single:big");
        assertThat(big.solved()).isEqualTo(4);
        assertThat(big.costUsd()).isCloseTo(0.024, within(1e-12));
        assertThat(big.usdPerMtok()).isCloseTo(4.0, within(1e-9));
        assertThat(big.largestTaskShare()).isEqualTo(1.0);
        assertThat(big.largestTokenReduction()).isCloseTo(0.0, within(1e-12));
        assertThat(m.overall("largest")).isEqualTo(big);
        // oracle: small on t1-t3, big on t4-t6 -> 5/6 (t3 unsolvable); 3 x 0.001 + 3 x 0.004 = 0.015 USD; 2.5 USD/Mtok.
        Measure oracle = m.overall("oracle");
        assertThat(oracle.solved()).isEqualTo(5);
        assertThat(oracle.costUsd()).isCloseTo(0.015, within(1e-12));
        assertThat(oracle.usdPerMtok()).isCloseTo(2.5, within(1e-9));
        assertThat(oracle.matched()).isEqualTo(5);
        assertThat(oracle.unsolvable()).isEqualTo(1);
        // SALE: the oracle's choices, plus 6 x 100 overhead tokens and 6 x 0.0001 USD: 0.0156 USD over 6600 tokens
        // = 2.3636... USD/Mtok; overhead share 600/6600; big answers 3 of 6 tasks with 3000 of its 6000 alone tokens.
        Measure sale = m.overall("sale");
        assertThat(sale.solved()).isEqualTo(5);
        assertThat(sale.costUsd()).isCloseTo(0.0156, within(1e-12));
        assertThat(sale.tokens()).isEqualTo(6600);
        assertThat(sale.usdPerMtok()).isCloseTo(0.0156 / 6600 * 1e6, within(1e-9));
        assertThat(sale.overheadShare()).isCloseTo(600.0 / 6600, within(1e-12));
        assertThat(sale.largestTaskShare()).isEqualTo(0.5);
        assertThat(sale.largestTokenShare()).isEqualTo(0.5);
        assertThat(sale.largestTokenReduction()).isCloseTo(0.5, within(1e-12));
        assertThat(sale.allocation()).containsEntry("small", 0.5).containsEntry("big", 0.5);
        assertThat(sale.matched()).isEqualTo(5);
        assertThat(sale.overEscalated()).isZero();
        assertThat(sale.underEscalated()).isZero();
        // SALE without entropy: small everywhere -> 2/6; t4-t6 under-escalated; t1, t2 matched; t3 unsolvable.
        Measure noEntropy = m.overall("sale-no-entropy");
        assertThat(noEntropy.solved()).isEqualTo(2);
        assertThat(noEntropy.allocation()).containsEntry("small", 1.0);
        assertThat(noEntropy.underEscalated()).isEqualTo(3);
        assertThat(noEntropy.matched()).isEqualTo(2);
        assertThat(noEntropy.costUsd()).isCloseTo(0.0066, within(1e-12));
        // per domain: coding holds t1, t3, t5 -> SALE solves t1 and t5.
        assertThat(m.get("sale", new Measures.Group("coding", null)).solved()).isEqualTo(2);
        assertThat(m.get("sale", new Measures.Group("coding", "(0,0.1]")).tasks()).isEqualTo(3);
        // the oracle confusion of SALE: small->small 2 (t1, t2), big->big 3; t3 is unsolvable and left out.
        assertThat(m.confusion("sale")).isEqualTo(Map.of("small", Map.of("small", 2, "big", 0),
                "big", Map.of("small", 0, "big", 3)));
    }

    @Test
    void shapleyValuesAreWorkedOutAndSumToTheFullPool() {
        // v({small}) = 2/6, v({big}) = 4/6, v({small, big}) = SALE = 5/6.
        // phi_small = 1/2 (2/6 - 0) + 1/2 (5/6 - 4/6) = 1.5/6 = 0.25
        // phi_big   = 1/2 (4/6 - 0) + 1/2 (5/6 - 2/6) = 3.5/6 = 0.58333...
        ShapleyValues s = simulate(7, List.of()).shapley();
        assertThat(s.coalitions()).containsEntry("small", 2 / 6.0).containsEntry("big", 4 / 6.0)
                .containsEntry("small+big", 5 / 6.0);
        assertThat(s.values().get("small")).isCloseTo(0.25, within(1e-12));
        assertThat(s.values().get("big")).isCloseTo(3.5 / 6, within(1e-12));
        assertThat(s.values().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(s.fullPool(), within(1e-12));
    }

    @Test
    void aFixedSeedGivesTheSameResultsAndIntervals() {
        SimulationResult a = simulate(11, List.of());
        SimulationResult b = simulate(11, List.of());
        assertThat(a.policies()).isEqualTo(b.policies());
        Measures ma = Measures.of(a);
        Measures mb = Measures.of(b);
        for (String p : ma.policies()) {
            assertThat(ma.overall(p)).isEqualTo(mb.overall(p));
            Measure x = ma.overall(p);
            assertThat(x.ciLow()).isLessThanOrEqualTo(x.passAt1());
            assertThat(x.ciHigh()).isGreaterThanOrEqualTo(x.passAt1());
        }
    }

    @Test
    void aPolicyThatIsBadByConstructionComesOutBad() {
        // It keeps a wrong answer whenever there is one (it peeks at outcomes to be wrong on purpose): only t1,
        // where both agents were right, is solved -> 1/6, below every single agent and the random policy.
        RoutingPolicy contrarian = Baselines.named("contrarian", t -> task -> task.hindsight().agents().stream()
                .filter(a -> !a.correct()).map(AgentRun::agent).findFirst().orElse("big"));
        Measures m = Measures.of(simulate(7, List.of(contrarian)));
        assertThat(m.overall("contrarian").solved()).isEqualTo(1);
        for (String other : List.of("single:small", "single:big", "random", "oracle", "sale")) {
            assertThat(m.overall("contrarian").passAt1()).isLessThan(m.overall(other).passAt1());
        }
    }

    @Test
    void theCascadePaysForEveryExecutionItTried() {
        // Jury means are 3/5 = 0.6 everywhere and no verifier is recorded, so every answer scores 0.6: the learned
        // threshold either stops at small (cost 0.001) or always escalates to big (small then big: 0.001 + 0.004).
        // Whichever the fold learned, each task must cost 0.001 with one execution or 0.005 with two.
        SimulationResult r = simulate(7, List.of());
        for (TaskOutcome t : r.policy("cascade").outcomes()) {
            assertThat(t.costUsd()).isIn(0.001, 0.005);
            assertThat(t.tried()).endsWith(t.chosen());
            assertThat(t.tried().size()).isEqualTo(t.costUsd() > 0.002 ? 2 : 1);
        }
    }
}
