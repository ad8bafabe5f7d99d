package dev.sale4j;

import static dev.sale4j.testkit.ScriptedChatModel.answer;
import static dev.sale4j.testkit.ScriptedChatModel.isBidPrompt;
import static dev.sale4j.testkit.ScriptedChatModel.juryAnswer;
import static dev.sale4j.testkit.ScriptedChatModel.prompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.exception.InternalServerException;
import dev.sale4j.auction.AuctionResult;
import dev.sale4j.auction.NoBidsException;
import dev.sale4j.auction.Phase;
import dev.sale4j.auction.PhaseUsage;
import dev.sale4j.bid.BidFailure;
import dev.sale4j.bid.PromptBidder;
import dev.sale4j.entropy.Entropy;
import dev.sale4j.jury.JuryMode;
import dev.sale4j.jury.JuryScore;
import dev.sale4j.jury.PromptJury;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.pool.AuctionTask;
import dev.sale4j.pool.TokenEstimate;
import dev.sale4j.score.ScoredBid;
import dev.sale4j.score.Weights;
import dev.sale4j.testkit.ScriptedChatModel;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SaleRouterTest {

    /** Bids "plan by NAME" of a fixed length; entropy is pinned per agent so terms can be computed by hand. */
    private static final Map<String, Double> ENTROPY = Map.of("small", 0.5, "medium", 0.4, "large", 0.2);

    private static final Map<String, Integer> TOKENS = Map.of("small", 100, "medium", 200, "large", 300);

    private static ScriptedChatModel agentModel(String name, Function<String, Integer> juryScores) {
        return new ScriptedChatModel(request -> {
            if (isBidPrompt(request)) {
                return answer("plan by " + name, 50, TOKENS.get(name));
            }
            return answer(juryAnswer(prompt(request), juryScores), 400, 30);
        });
    }

    private static Integer scoreByBidder(String bidText, int small, int medium, int large) {
        if (bidText.contains("plan by small")) {
            return small;
        }
        return bidText.contains("plan by medium") ? medium : large;
    }

    private static SaleRouter.Builder router(AgentPool pool) {
        return SaleRouter.builder()
                .pool(pool)
                .bidder(PromptBidder.builder()
                        .entropyEstimator((text, response) ->
                                new Entropy(ENTROPY.get(text.substring("plan by ".length())), "fixed"))
                        .build())
                .jury(PromptJury.builder().random(new Random(7)).build())
                .weights(Weights.defaults());
    }

    private static AgentPool pool(ScriptedChatModel small, ScriptedChatModel medium, ScriptedChatModel large) {
        return AgentPool.of(Agent.of("small", small, 0.05), Agent.of("medium", medium, 0.16),
                Agent.of("large", large, 0.36));
    }

    @Test
    void winnerHasLowestCostMinusValueWithHandComputedTerms() {
        Function<String, Integer> jury = text -> scoreByBidder(text, 2, 4, 5);
        AgentPool pool = pool(agentModel("small", jury), agentModel("medium", jury), agentModel("large", jury));

        AuctionResult result = router(pool).build().auction("Find the capital of Australia");

        // C = 0.01 * price * tokens; V = 1 * H + 0.25 * (three jurors' scores)
        assertThat(terms(result, "small").cost()).isCloseTo(0.05, within(1e-12));
        assertThat(terms(result, "small").value()).isCloseTo(0.5 + 0.25 * 6, within(1e-12));
        assertThat(terms(result, "medium").cost()).isCloseTo(0.32, within(1e-12));
        assertThat(terms(result, "medium").value()).isCloseTo(0.4 + 0.25 * 12, within(1e-12));
        assertThat(terms(result, "large").cost()).isCloseTo(1.08, within(1e-12));
        assertThat(terms(result, "large").net()).isCloseTo(1.08 - 3.95, within(1e-12));
        assertThat(result.winner()).isEqualTo("medium");
        assertThat(result.provisionalWinner()).isEqualTo("medium");
        assertThat(result.winningPlan()).contains("plan by medium");
        assertThat(result.fallback()).isFalse();
        assertThat(terms(result, "medium").juryScores())
                .extracting(JuryScore::juror, JuryScore::score)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("small", 4),
                        org.assertj.core.groups.Tuple.tuple("medium", 4),
                        org.assertj.core.groups.Tuple.tuple("large", 4));
    }

    @Test
    void shuffledJuryLabelsAreMappedBackToTheRightBidders() {
        Function<String, Integer> jury = text -> scoreByBidder(text, 0, 3, 5);
        AgentPool pool = pool(agentModel("small", jury), agentModel("medium", jury), agentModel("large", jury));
        SaleRouter router = router(pool).build();

        for (int i = 0; i < 20; i++) {
            AuctionResult result = router.auction("task " + i);
            assertThat(terms(result, "small").juryScores()).allMatch(s -> s.score() == 0);
            assertThat(terms(result, "medium").juryScores()).allMatch(s -> s.score() == 3);
            assertThat(terms(result, "large").juryScores()).allMatch(s -> s.score() == 5);
        }
    }

    @Test
    void overheadIsAccountedPerAgentAndPhaseAtTheAgentsPrices() {
        Function<String, Integer> jury = text -> 3;
        AgentPool pool = AgentPool.of(
                Agent.builder().name("small").model(agentModel("small", jury)).inputPrice(0.02).outputPrice(0.05).build(),
                Agent.of("large", agentModel("large", jury), 0.36));

        AuctionResult result = router(pool).build().auction("task");

        PhaseUsage smallBid = usage(result, "small", Phase.BID);
        assertThat(smallBid.calls()).isEqualTo(1);
        assertThat(smallBid.inputTokens()).isEqualTo(50);
        assertThat(smallBid.outputTokens()).isEqualTo(100);
        assertThat(smallBid.costUsd()).isCloseTo((50 * 0.02 + 100 * 0.05) / 1e6, within(1e-15));
        PhaseUsage largeJury = usage(result, "large", Phase.JURY);
        assertThat(largeJury.calls()).isEqualTo(1);
        assertThat(largeJury.costUsd()).isCloseTo((400 + 30) * 0.36 / 1e6, within(1e-15));
        assertThat(result.overheadTokens()).isEqualTo(50 + 100 + 50 + 300 + 2 * (400 + 30));
        assertThat(result.phaseTimes()).containsKeys(Phase.BID, Phase.JURY);
    }

    @Test
    void aThrowingBidderHasNoBidAndTheReasonIsKept() {
        Function<String, Integer> jury = text -> scoreByBidder(text, 2, 4, 5);
        ScriptedChatModel broken = new ScriptedChatModel(request -> {
            if (isBidPrompt(request)) {
                throw new InternalServerException("backend exploded");
            }
            return answer(juryAnswer(prompt(request), jury), 400, 30);
        });
        AgentPool pool = pool(agentModel("small", jury), broken, agentModel("large", jury));

        AuctionResult result = router(pool).failedBiddersOnJury(true).build().auction("task");

        assertThat(result.bids()).extracting(ScoredBid::agent).containsExactly("small", "large");
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.agent()).isEqualTo("medium");
            assertThat(f.kind()).isEqualTo(BidFailure.Kind.ERROR);
            assertThat(f.reason()).contains("backend exploded");
        });
        // with failedBiddersOnJury(true), medium still sits on the jury
        assertThat(terms(result, "large").juryScores()).extracting(JuryScore::juror).contains("medium");
        assertThat(result.jurors()).containsExactly("small", "medium", "large");
        assertThat(result.winner()).isEqualTo("large"); // net -2.87 beats small's -1.95
    }

    @Test
    void aBidderThatFailedIsNotAskedToJudgeByDefault() {
        Function<String, Integer> jury = text -> scoreByBidder(text, 2, 4, 5);
        AtomicInteger juryCalls = new AtomicInteger();
        ScriptedChatModel broken = new ScriptedChatModel(request -> {
            if (isBidPrompt(request)) {
                throw new InternalServerException("backend exploded");
            }
            juryCalls.incrementAndGet();
            return answer(juryAnswer(prompt(request), jury), 400, 30);
        });
        AgentPool pool = pool(agentModel("small", jury), broken, agentModel("large", jury));

        SaleRouter router = router(pool).build();
        AuctionResult result = router.auction("task");

        assertThat(router.failedBiddersOnJury()).isFalse();
        assertThat(juryCalls).hasValue(0);
        assertThat(result.jurors()).containsExactly("small", "large");
        assertThat(terms(result, "large").juryScores()).extracting(JuryScore::juror).containsExactly("small", "large");
        assertThat(terms(result, "large").imputedScores()).isZero();
        assertThat(result.winner()).isEqualTo("large");
    }

    @Test
    void allBiddersFailingIsAClearExceptionListingEachReason() {
        ScriptedChatModel down = new ScriptedChatModel(request -> {
            throw new InternalServerException("connection refused");
        });
        AgentPool pool = AgentPool.of(Agent.of("a", down, 0.1), Agent.of("b", down, 0.2));

        assertThatThrownBy(() -> router(pool).build().auction("task"))
                .isInstanceOf(NoBidsException.class)
                .hasMessageContaining("a: InternalServerException: connection refused")
                .hasMessageContaining("b: InternalServerException: connection refused")
                .hasMessageContaining("fallbackAgent");
    }

    @Test
    void allBiddersFailingWithAFallbackAgentPicksIt() {
        ScriptedChatModel down = new ScriptedChatModel(request -> {
            throw new InternalServerException("connection refused");
        });
        AgentPool pool = AgentPool.of(Agent.of("a", down, 0.1), Agent.of("b", down, 0.2));

        AuctionResult result = router(pool).fallbackAgent("b").build().auction("task");

        assertThat(result.winner()).isEqualTo("b");
        assertThat(result.fallback()).isTrue();
        assertThat(result.bids()).isEmpty();
        assertThat(result.failures()).hasSize(2);
        assertThat(result.winningBid()).isEmpty();
    }

    @Test
    void aLateBidderTimesOutWithoutHoldingUpTheAuction() {
        Function<String, Integer> jury = text -> scoreByBidder(text, 2, 4, 5);
        ScriptedChatModel slow = new ScriptedChatModel(request -> {
            if (isBidPrompt(request)) {
                sleep(5_000);
            }
            return answer(juryAnswer(prompt(request), jury), 400, 30);
        });
        AgentPool pool = pool(agentModel("small", jury), agentModel("medium", jury), slow);

        AuctionResult result = router(pool).bidTimeout(Duration.ofMillis(300)).build().auction("task");

        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.agent()).isEqualTo("large");
            assertThat(f.kind()).isEqualTo(BidFailure.Kind.TIMEOUT);
        });
        assertThat(result.winner()).isEqualTo("medium");
        assertThat(result.phaseTimes().get(Phase.BID)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aFailingJurorCostsOnlyItsScoresWhichAreImputedFromTheOtherJurors() {
        Function<String, Integer> smallJury = text -> scoreByBidder(text, 3, 4, 5);
        Function<String, Integer> mediumJury = text -> scoreByBidder(text, 1, 4, 5);
        ScriptedChatModel brokenJuror = new ScriptedChatModel(request -> {
            if (isBidPrompt(request)) {
                return answer("plan by large", 50, 300);
            }
            throw new InternalServerException("juror down");
        });
        AgentPool pool = pool(agentModel("small", smallJury), agentModel("medium", mediumJury), brokenJuror);

        AuctionResult result = router(pool).build().auction("task");

        assertThat(terms(result, "small").juryScores())
                .filteredOn(s -> s.juror().equals("large"))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.status()).isEqualTo(JuryScore.Status.FAILED);
                    assertThat(s.note()).contains("juror down");
                });
        assertThat(terms(result, "small").imputedScores()).isEqualTo(1);
        assertThat(terms(result, "small").juryTerm()).isCloseTo(0.25 * (3 + 1 + 2), within(1e-12));
        assertThat(result.winner()).isEqualTo("medium");
    }

    @Test
    void garbageJuryAnswersAreRecordedAsUnparseableAndTheAuctionGoesOn() {
        Function<String, Integer> jury = text -> scoreByBidder(text, 2, 4, 5);
        ScriptedChatModel rambler = new ScriptedChatModel(request -> isBidPrompt(request)
                ? answer("plan by large", 50, 300)
                : answer("Honestly they all look fine to me!", 400, 10));
        AgentPool pool = pool(agentModel("small", jury), agentModel("medium", jury), rambler);

        AuctionResult result = router(pool).build().auction("task");

        assertThat(result.bids()).allSatisfy(b -> assertThat(b.terms().juryScores())
                .filteredOn(s -> s.juror().equals("large"))
                .singleElement()
                .extracting(JuryScore::status)
                .isEqualTo(JuryScore.Status.UNPARSEABLE));
        assertThat(result.winner()).isEqualTo("medium");
    }

    @Test
    void oneCallPerBidModeScoresEveryPairWithSquareManyCalls() {
        ScriptedChatModel[] models = new ScriptedChatModel[3];
        String[] names = {"small", "medium", "large"};
        for (int i = 0; i < 3; i++) {
            String name = names[i];
            models[i] = new ScriptedChatModel(request -> {
                if (isBidPrompt(request)) {
                    return answer("plan by " + name, 50, TOKENS.get(name));
                }
                String p = prompt(request);
                int score = p.contains("plan by small") ? 1 : p.contains("plan by medium") ? 5 : 2;
                return answer("```json\n{\"score\": " + score + "}\n```", 200, 8);
            });
        }
        AgentPool pool = pool(models[0], models[1], models[2]);

        AuctionResult result = router(pool).jury(PromptJury.builder().mode(JuryMode.ONE_CALL_PER_BID).build())
                .build()
                .auction("task");

        assertThat(terms(result, "medium").juryScores()).allMatch(s -> s.score() == 5);
        assertThat(terms(result, "small").juryScores()).allMatch(s -> s.score() == 1);
        assertThat(usage(result, "large", Phase.JURY).calls()).isEqualTo(3);
        assertThat(models[0].requests()).hasSize(1 + 3);
    }

    @Test
    void bidsWithoutReportedUsageAreEstimatedAndMarked() {
        Function<String, Integer> jury = text -> 3;
        ScriptedChatModel quiet = new ScriptedChatModel(request -> isBidPrompt(request)
                ? answer("plan by small: search, read, answer", null, null)
                : answer(juryAnswer(prompt(request), jury), null, null));
        AgentPool pool = AgentPool.of(Agent.of("small", quiet, 0.05));

        AuctionResult result = SaleRouter.builder().pool(pool).build().auction("task");

        ScoredBid bid = result.bids().get(0);
        assertThat(bid.bid().tokensEstimated()).isTrue();
        assertThat(bid.bid().outputTokens()).isEqualTo(TokenEstimate.of("plan by small: search, read, answer"));
        assertThat(bid.terms().entropyEstimator()).isEqualTo(Entropy.LEXICAL);
        assertThat(result.usage()).allMatch(PhaseUsage::estimated);
    }

    @Test
    void bidAndJuryCallsCarryNoToolsAndAnOutputLimit() {
        Function<String, Integer> jury = text -> 3;
        ScriptedChatModel model = agentModel("small", jury);
        AgentPool pool = AgentPool.of(Agent.of("small", model, 0.05));

        router(pool).build().auction(AuctionTask.of("task", java.util.List.of(
                dev.langchain4j.agent.tool.ToolSpecification.builder().name("web_search")
                        .description("searches the web").build())));

        assertThat(model.requests()).hasSize(2).allSatisfy(r -> {
            assertThat(r.toolSpecifications()).isNullOrEmpty();
            assertThat(r.maxOutputTokens()).isNotNull().isPositive();
        });
        assertThat(prompt(model.requests().get(0))).contains("- web_search: searches the web");
    }

    @Test
    void identicalBidsAtEqualPricesGoToTheAgentAddedFirst() {
        Function<String, Integer> jury = text -> 3;
        ScriptedChatModel twin = new ScriptedChatModel(request -> isBidPrompt(request)
                ? answer("plan by twin", 50, 100)
                : answer(juryAnswer(prompt(request), jury), 400, 30));
        AgentPool pool = AgentPool.of(Agent.of("second-added-first", twin, 0.1), Agent.of("added-second", twin, 0.1));

        AuctionResult result = SaleRouter.builder().pool(pool).build().auction("task");

        assertThat(result.bids().get(0).net()).isEqualTo(result.bids().get(1).net());
        assertThat(result.winner()).isEqualTo("second-added-first");
    }

    @Test
    void manyConcurrentAuctionsOnATwoThreadExecutorAllFinishWithTheirOwnWinners() throws Exception {
        java.util.concurrent.ExecutorService shared = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(32);
        try {
            Function<String, Integer> jury = text -> scoreByBidder(text, 2, 4, 5);
            SaleRouter router = router(pool(agentModel("small", jury), agentModel("medium", jury),
                    agentModel("large", jury))).executor(shared).build();
            java.util.List<java.util.concurrent.Future<AuctionResult>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String task = "task " + i;
                // half of the auctions are started from the shared executor's own threads
                results.add(i % 2 == 0 ? callers.submit(() -> router.auction(task)) : shared.submit(() -> router.auction(task)));
            }
            for (int i = 0; i < results.size(); i++) {
                AuctionResult result = results.get(i).get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(result.task()).isEqualTo("task " + i);
                assertThat(result.failures()).isEmpty();
                assertThat(result.winner()).isEqualTo("medium");
            }
        } finally {
            shared.shutdownNow();
            callers.shutdownNow();
        }
    }

    @Test
    void traceJsonRoundTripKeepsEveryTermFailureAndTiming() {
        Function<String, Integer> jury = text -> scoreByBidder(text, 2, 4, 5);
        ScriptedChatModel broken = new ScriptedChatModel(request -> {
            if (isBidPrompt(request)) {
                throw new InternalServerException("backend exploded");
            }
            return answer("no idea", 400, 30);
        });
        AuctionResult result = router(pool(agentModel("small", jury), agentModel("medium", jury), broken)).build()
                .auction("task");

        AuctionResult back = AuctionResult.fromJson(result.toJson());

        assertThat(back).isEqualTo(result);
        assertThat(back.winningPlan()).isEqualTo(result.winningPlan());
        assertThat(back.overheadCostUsd()).isEqualTo(result.overheadCostUsd());
    }

    @Test
    void aRouterToldToRecordAppendsEveryAuctionAsARecordedRun(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Function<String, Integer> jury = text -> scoreByBidder(text, 2, 4, 5);
        java.nio.file.Path runs = dir.resolve("runs.jsonl");
        SaleRouter router = router(pool(agentModel("small", jury), agentModel("medium", jury), agentModel("large", jury)))
                .runRecorder(dev.sale4j.runs.RunRecorder.to(runs))
                .build();

        AuctionResult first = router.auction("first task");
        router.auction("second task");

        java.util.List<dev.sale4j.runs.RecordedRun> recorded = dev.sale4j.runs.RecordedRuns.read(runs);
        assertThat(recorded).hasSize(2);
        dev.sale4j.runs.RecordedRun run = recorded.get(0);
        assertThat(run.id()).isEqualTo(first.id());
        assertThat(run.text()).isEqualTo("first task");
        assertThat(run.winner()).isEqualTo("medium");
        assertThat(run.agent("large").planTokens()).isEqualTo(300);
        assertThat(run.agent("large").juryScores()).containsEntry("small", 5);
        assertThat(run.agent("large").correct()).isNull();
    }

    private static dev.sale4j.score.ScoreTerms terms(AuctionResult result, String agent) {
        return result.bids().stream().filter(b -> b.agent().equals(agent)).findFirst().orElseThrow().terms();
    }

    private static PhaseUsage usage(AuctionResult result, String agent, Phase phase) {
        return result.usage().stream()
                .filter(u -> u.agent().equals(agent) && u.phase() == phase)
                .findFirst()
                .orElseThrow();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
    }
}
