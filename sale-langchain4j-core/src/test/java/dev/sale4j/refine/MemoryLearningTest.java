package dev.sale4j.refine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sale4j.SaleRouter;
import dev.sale4j.auction.AuctionResult;
import dev.sale4j.memory.AuctionMemory;
import dev.sale4j.memory.EmbeddingStoreAuctionMemory;
import dev.sale4j.memory.MemoryStats;
import dev.sale4j.memory.Outcome;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.score.Weights;
import dev.sale4j.testkit.ScriptedAgent;
import dev.sale4j.testkit.ScriptedChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * End to end through {@link SaleRouter}, with the real MiniLM and in-memory store: a small agent whose first-round
 * bids are vague learns, from the winning pairs memory shows it, to write bids the jury rates as highly as the large
 * agent's, and then wins on price.
 */
class MemoryLearningTest {

    private static final String CHECKED = "then verify it with unit tests for the edge cases";
    private static final Pattern WINNING_SIDE = Pattern.compile("WON \\([^)]*\\):\\n([^\\n]*)");

    private static int judge(String strategy) {
        return strategy.contains("verify it with unit tests") ? 5 : 1;
    }

    /** The small agent imitates the checked plans once it has seen at least three of them win. */
    private static String smallRefines(String prompt) {
        Matcher m = WINNING_SIDE.matcher(prompt);
        int checkedWins = 0;
        while (m.find()) {
            if (m.group(1).contains(CHECKED)) {
                checkedWins++;
            }
        }
        String task = ScriptedChatModel.taskOf(prompt);
        return checkedWins >= 3 ? "Write the code for: " + task + ", " + CHECKED + "." : "Just write the code.";
    }

    @Test
    void theSmallAgentsShareOfWinsRisesAcrossAStreamOfRelatedTasks() {
        ScriptedAgent small = new ScriptedAgent(
                p -> "Just write the code.", MemoryLearningTest::smallRefines, MemoryLearningTest::judge);
        ScriptedAgent large = new ScriptedAgent(
                p -> "Write the code for: " + ScriptedChatModel.taskOf(p) + ", " + CHECKED + ".",
                p -> "unused", MemoryLearningTest::judge);
        AgentPool pool = AgentPool.of(Agent.of("small", small, 0.05), Agent.of("large", large, 0.36));
        EmbeddingStoreAuctionMemory memory = AuctionMemory.inMemory();
        SaleRouter router = SaleRouter.builder().pool(pool).memory(memory).memoryNamespace("coding")
                .weights(Weights.builder().wh(0).build()).build();
        List<String> tasks = List.of(
                "Write a Python function that returns the factorial of n.",
                "Write a Python function that reverses a list.",
                "Write a Python function that checks whether a number is prime.",
                "Write a Python function that returns the n-th Fibonacci number.",
                "Write a Python function that counts the vowels in a string.",
                "Write a Python function that merges two sorted lists.",
                "Write a Python function that removes duplicates from a list.",
                "Write a Python function that computes the greatest common divisor of two integers.",
                "Write a Python function that checks whether a string is a palindrome.",
                "Write a Python function that flattens a nested list.",
                "Write a Python function that returns the largest element of a list.",
                "Write a Python function that converts Celsius to Fahrenheit.");

        List<String> winners = new ArrayList<>();
        for (String task : tasks) {
            AuctionResult result = router.auction(task);
            winners.add(result.winner());
            router.recordOutcome(result.id(), Outcome.success(Outcome.Source.TESTS));
        }

        long early = winners.subList(0, 4).stream().filter("small"::equals).count();
        long late = winners.subList(8, 12).stream().filter("small"::equals).count();
        assertThat(winners.subList(0, 3)).as("nothing to learn from yet").containsOnly("large");
        assertThat(late).as("small wins in the last third, winners " + winners).isGreaterThan(early).isEqualTo(4);
        assertThat(small.refinePrompts()).hasSize(tasks.size() - 1);
        MemoryStats stats = memory.stats();
        assertThat(stats.entriesPerNamespace()).containsEntry("coding", tasks.size());
    }
}
