package dev.sale4j.eval.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BudgetTest {

    @Test
    void theFirstTaskRunsAloneUntilItsCostIsKnown() throws Exception {
        Budget budget = Budget.of(1.0);
        assertThat(budget.tryStart()).isTrue();
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
            try {
                return budget.tryStart();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertThat(second).isNotDone();
        budget.finish(0.3, true);
        assertThat(second.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void noTaskStartsWhenSpentPlusInFlightWouldExceedTheLimit() throws Exception {
        Budget budget = Budget.of(1.0).resumedWith(List.of(0.3, 0.2));
        assertThat(budget.spentUsd()).isEqualTo(0.5);
        assertThat(budget.tryStart()).isTrue();   // 0.5 + 1 x 0.3 <= 1
        assertThat(budget.tryStart()).isFalse();  // 0.5 + 2 x 0.3 > 1
        assertThat(budget.exhausted()).isTrue();
        budget.finish(0.3, true);
        assertThat(budget.tryStart()).as("once refused, always refused").isFalse();
        assertThat(budget.spentUsd()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aNonPositiveLimitIsRefusedWithTheFix() {
        assertThatThrownBy(() -> Budget.of(0)).hasMessageContaining("--budget-usd");
    }
}
