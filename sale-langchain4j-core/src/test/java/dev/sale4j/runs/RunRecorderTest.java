package dev.sale4j.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sale4j.auction.AuctionResult;
import dev.sale4j.bid.Bid;
import dev.sale4j.entropy.Entropy;
import dev.sale4j.jury.JuryScore;
import dev.sale4j.score.ScoreTerms;
import dev.sale4j.score.ScoredBid;
import dev.sale4j.score.Weights;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecorderTest {

    @TempDir
    Path dir;

    private static ScoredBid bid(String agent, long tokens, double price, double h, boolean refined,
            JuryScore... scores) {
        Bid bid = new Bid(agent, "plan of " + agent, tokens, 50, false, Duration.ZERO,
                new Entropy(h, Entropy.LEXICAL), refined);
        return new ScoredBid(bid, new ScoreTerms(tokens, price, 0.01 * price * tokens, h, Entropy.LEXICAL,
                List.of(scores), 0, 0, h, 0));
    }

    private static AuctionResult auction() {
        ScoredBid small = bid("small", 120, 0.05, 0.4, false,
                JuryScore.scored("small", "small", 3),
                JuryScore.missing("big", "small", JuryScore.Status.FAILED, "timeout"));
        ScoredBid big = bid("big", 200, 0.36, 0.7, false,
                JuryScore.scored("small", "big", 4), JuryScore.scored("big", "big", 5));
        ScoredBid refinedSmall = bid("small", 90, 0.05, 0.5, true, JuryScore.scored("small", "small", 5));
        return new AuctionResult("auction-1", "Reverse a list", List.of(), Instant.EPOCH,
                List.of(small, big, refinedSmall), List.of(), List.of("small", "big"), "big", "big", false,
                Weights.defaults(), List.of(), Map.of(), Duration.ZERO);
    }

    @Test
    void anAuctionIsRecordedWithFirstRoundBidsAndTheWinnersOutcome() {
        RunRecorder recorder = RunRecorder.to(dir.resolve("runs/routed.jsonl"));

        RecordedRun run = recorder.record(auction(), "coding", "(0,0.1]",
                Map.of("big", ExecutionOutcome.of(true, 1500, 0.00054)));

        assertThat(run.id()).isEqualTo("auction-1");
        assertThat(run.winner()).isEqualTo("big");
        assertThat(run.agents()).extracting(AgentRun::agent).containsExactly("small", "big");
        AgentRun small = run.agent("small");
        assertThat(small.planTokens()).isEqualTo(120);
        assertThat(small.juryScores()).containsEntry("small", 3).containsEntry("big", null);
        assertThat(small.correct()).isNull();
        assertThat(run.agent("big").correct()).isTrue();
        assertThat(run.agent("big").executionCostUsd()).isEqualTo(0.00054);
        assertThat(RecordedRuns.read(recorder.file())).containsExactly(run);
    }

    @Test
    void recordsAppend() {
        RunRecorder recorder = RunRecorder.to(dir.resolve("r.jsonl"));
        recorder.append(RecordedRunsTest.sample("a"));
        recorder.append(RecordedRunsTest.sample("b"));
        assertThat(RecordedRuns.read(recorder.file())).extracting(RecordedRun::id).containsExactly("a", "b");
    }

    @Test
    void anOutcomeForAnAgentThatDidNotBidIsRejected() {
        assertThatThrownBy(() -> RecordedRun.from(auction(), null, null,
                Map.of("ghost", ExecutionOutcome.of(true, 1, 0.1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outcome is given for agent 'ghost', which placed no bid");
    }
}
