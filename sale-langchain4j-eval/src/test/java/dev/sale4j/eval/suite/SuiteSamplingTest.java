package dev.sale4j.eval.suite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeded sampling draws N tasks per domain and bin, reproducibly and independently of file order. */
class SuiteSamplingTest {

    private final Suite suite = Suite.bundled();

    @Test
    void sameSeedGivesTheSameTasks() {
        assertThat(suite.sample(10, 42).tasks()).isEqualTo(suite.sample(10, 42).tasks());
        assertThat(suite.sample(10, 42).tasks()).isNotEqualTo(suite.sample(10, 43).tasks());
    }

    @Test
    void everyCellGetsUpToNTasks() {
        Map<Domain, Map<TimeBin, Integer>> counts = suite.sample(25, 7).counts();

        assertThat(counts.get(Domain.CODING).values()).containsOnly(25);
        assertThat(counts.get(Domain.DEEP_SEARCH)).containsEntry(TimeBin.B1, 25).containsEntry(TimeBin.B2, 25)
                .containsEntry(TimeBin.B3, 25).containsEntry(TimeBin.B4, 0).containsEntry(TimeBin.B5, 0);
        Suite small = suite.filter(t -> t.source().equals("leetcode")).sample(1000, 7);
        assertThat(small.tasks()).hasSize(228);
    }

    @Test
    void theSampleDoesNotDependOnTheOrderOfTheFile(@TempDir Path dir) throws Exception {
        Suite part = suite.filter(t -> t.source().equals("mbpp") || t.source().equals("hotpotqa"));
        List<String> lines = new ArrayList<>(new String(SuiteFiles.jsonl(part), StandardCharsets.UTF_8).lines()
                .toList());
        List<String> tasks = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.shuffle(tasks, new Random(3));
        Path shuffled = Files.write(dir.resolve("shuffled.jsonl"), tasks);

        Suite fromShuffled = Suite.load(shuffled);

        assertThat(fromShuffled.sample(5, 99).tasks()).isEqualTo(part.sample(5, 99).tasks());
        assertThat(fromShuffled.ordered(5)).isEqualTo(part.ordered(5));
    }

    @Test
    void aSampleOfMoreTasksKeepsTheSmallerSample() {
        List<BenchTask> ten = suite.sample(10, 5).tasks();
        List<BenchTask> twenty = suite.sample(20, 5).tasks();

        assertThat(twenty).containsAll(ten);
    }

    @Test
    void seededOrdersArePermutationsThatDifferBySeed() {
        Suite part = suite.filter(t -> t.source().equals("humaneval"));

        assertThat(part.ordered(1)).containsExactlyInAnyOrderElementsOf(part.tasks());
        assertThat(part.ordered(1)).isNotEqualTo(part.ordered(2)).isEqualTo(part.ordered(1));
    }
}
