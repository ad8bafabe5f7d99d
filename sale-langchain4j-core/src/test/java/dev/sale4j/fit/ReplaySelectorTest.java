package dev.sale4j.fit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sale4j.score.ScoredBid;
import dev.sale4j.score.WinnerSelector;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/** Replay asks the router's selector who wins each recorded task instead of copying SALE's rule. */
class ReplaySelectorTest {

    @Test
    void theReportsChooseWhatTheGivenSelectorWouldChoose() {
        WinnerSelector mostExpensiveFirst = (bids, agents) -> bids.stream()
                .sorted(Comparator.comparingDouble((ScoredBid b) -> b.terms().price()).reversed())
                .toList();

        FitReport sale = WeightFitter.create().fit(TestRuns.separable(60, 5)).report();
        FitReport custom = WeightFitter.builder().selector(mostExpensiveFirst).build()
                .fit(TestRuns.separable(60, 5)).report();

        assertThat(custom.margins()).isNotEmpty().allSatisfy(m -> assertThat(m.chosen()).isEqualTo("32b"));
        assertThat(sale.margins()).extracting(TaskMargin::chosen).contains("4b", "8b");
        assertThat(custom.fitted().costUsd()).isGreaterThan(sale.fitted().costUsd());
    }
}
