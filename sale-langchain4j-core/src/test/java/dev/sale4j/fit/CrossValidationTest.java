package dev.sale4j.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sale4j.runs.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    @Test
    void everyTaskIsHeldOutExactlyOnce() {
        List<RecordedRun> runs = TestRuns.separable(103, 4);
        CrossValidation cv = WeightFitter.create().crossValidate(runs, 5);

        assertThat(cv.folds()).hasSize(5);
        assertThat(cv.folds()).extracting(f -> f.heldOut().tasks()).containsExactly(21, 21, 21, 20, 20);
        assertThat(cv.folds()).extracting(CrossValidation.Fold::trainTasks).containsExactly(82, 82, 82, 83, 83);
        assertThat(cv.heldOut().tasks()).isEqualTo(103);
        assertThat(cv.oracle().tasks()).isEqualTo(103);
    }

    @Test
    void separableDataGeneralisesToHeldOutTasks() {
        CrossValidation cv = WeightFitter.create().crossValidate(TestRuns.separable(400, 9), 4);
        assertThat(cv.heldOutAgreement()).isGreaterThan(0.9);
        assertThat(cv.heldOut().passAt1()).isEqualTo(cv.heldOutAgreement(), within(1e-12));
    }

    @Test
    void crossValidationIsDeterministicForASeed() {
        List<RecordedRun> runs = TestRuns.separable(120, 2);
        assertThat(WeightFitter.create().crossValidate(runs, 3))
                .isEqualTo(WeightFitter.create().crossValidate(runs, 3));
    }

    @Test
    void foldCountsOutsideTwoToTasksAreRejected() {
        List<RecordedRun> runs = TestRuns.twoTasks();
        assertThatThrownBy(() -> WeightFitter.create().crossValidate(runs, 1))
                .hasMessageContaining("needs 2 <= folds <= tasks; got 1 folds for 2 tasks");
        assertThatThrownBy(() -> WeightFitter.create().crossValidate(runs, 3))
                .hasMessageContaining("got 3 folds for 2 tasks");
    }
}
