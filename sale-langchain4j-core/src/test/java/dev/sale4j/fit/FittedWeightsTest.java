package dev.sale4j.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sale4j.score.Scorer;
import dev.sale4j.score.Weights;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fitted weights carry their scales through JSON, and the Scorer applies them. */
class FittedWeightsTest {

    @TempDir
    Path dir;

    @Test
    void weightsWithoutScalesLoadWithIdentityScales() {
        Weights w = Weights.fromJson("{\"wc\":0.01,\"wh\":1.0,\"jurors\":{\"a\":0.5},\"defaultJuror\":0.25}");
        assertThat(w.scales()).isEqualTo(Weights.Scales.identity());
        assertThat(w.scales().juror("a")).isEqualTo(1.0);
        assertThat(new Scorer(w).cost(0.36, 300)).isCloseTo(0.01 * 0.36 * 300, within(1e-12));
    }

    @Test
    void fittedWeightsRoundTripThroughAFileWithTheirScales() {
        Weights fitted = WeightFitter.create().fit(TestRuns.separable(100, 1)).weights();
        Path file = dir.resolve("weights.json");

        fitted.save(file);

        Weights loaded = Weights.load(file);
        assertThat(loaded).isEqualTo(fitted);
        assertThat(loaded.scales().cost()).isNotEqualTo(1.0);
        assertThat(loaded.toJson()).contains("\"scales\"");
        assertThat(loaded.jurors().keySet()).containsExactly("14b", "32b", "4b", "8b");
        assertThat(loaded.scales().jurors().keySet()).containsExactly("14b", "32b", "4b", "8b");
    }

    @Test
    void theScorerDividesEachFeatureByItsScale() {
        Weights w = Weights.builder().wc(0.5).wh(0.2).juror("j", 0.3)
                .scales(new Weights.Scales(10, 0.5, Map.of("j", 2.0))).build();
        Scorer scorer = new Scorer(w);

        assertThat(scorer.cost(2, 30)).isCloseTo(0.5 * 60 / 10, within(1e-12));
        assertThat(scorer.entropyTerm(0.4)).isCloseTo(0.2 * 0.4 / 0.5, within(1e-12));
        assertThat(scorer.juryTerm(List.of("j", "other"), new double[] {4, 5}))
                .isCloseTo(0.3 * 4 / 2 + Weights.DEFAULT_JUROR * 5, within(1e-12));
    }

    @Test
    void scalesMustBePositive() {
        assertThatThrownBy(() -> new Weights.Scales(0, 1, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Scale cost is 0.0");
    }

    @Test
    void missingScoresAreImputedByTheBidsMeanThenTheAuctionsMean() {
        double[][] g = Scorer.imputed(new Integer[][] {{4, null, 2}, {null, null, null}, {5, 5, 5}});
        assertThat(g[0]).containsExactly(4, 3, 2);
        // auction mean of the 5 given scores: (4 + 2 + 5 + 5 + 5) / 5 = 4.2
        assertThat(g[1]).containsExactly(4.2, 4.2, 4.2);
        assertThat(Scorer.imputed(new Integer[][] {{null}, {null}})[1]).containsExactly(0);
    }

    @Test
    void theFitUsesTheScorersImputationSoAMissingScoreActsAsTheBidsMean() {
        // juror b's missing score of y is imputed as y's other score (1): the fit must equal the fully scored case
        var withMissing = List.of(TestRuns.task("t",
                TestRuns.agent("x", 1, 1, 0.2, Map.of("a", 4, "b", 3), true, 0.01),
                TestRuns.agent("y", 2, 1, 0.6, new java.util.HashMap<>(java.util.Map.of("a", 1)), true, 0.02)));
        var complete = List.of(TestRuns.task("t",
                TestRuns.agent("x", 1, 1, 0.2, Map.of("a", 4, "b", 3), true, 0.01),
                TestRuns.agent("y", 2, 1, 0.6, Map.of("a", 1, "b", 1), true, 0.02)));
        WeightFitter raw = WeightFitter.builder().normalise(false).build();
        assertThat(raw.fit(withMissing).weights()).isEqualTo(raw.fit(complete).weights());
    }
}
