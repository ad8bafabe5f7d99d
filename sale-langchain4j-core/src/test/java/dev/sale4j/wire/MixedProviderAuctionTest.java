package dev.sale4j.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.sale4j.wire.ProviderStubs.ollamaChat;
import static dev.sale4j.wire.ProviderStubs.openAiCompletion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.sale4j.SaleRouter;
import dev.sale4j.auction.AuctionResult;
import dev.sale4j.auction.Phase;
import dev.sale4j.auction.PhaseUsage;
import dev.sale4j.bid.BidFailure;
import dev.sale4j.entropy.Entropy;
import dev.sale4j.jury.JuryMode;
import dev.sale4j.jury.JuryScore;
import dev.sale4j.jury.PromptJury;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.score.ScoreTerms;
import dev.sale4j.score.ScoredBid;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One auction over the real OpenAI and Ollama clients of LangChain4j, talking HTTP to WireMock servers that answer
 * in each provider's wire format. Juries score one bid per call, so each stub can score by the bid it sees.
 */
class MixedProviderAuctionTest {

    @RegisterExtension
    static WireMockExtension openAi = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension ollama = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String BID = "bidding for the right";
    private static final String JUROR = "You are a juror";

    /** Two positions: a 50/50 choice between two tokens, then a certain token. H = (ln 2 / ln 3 + 0) / 2. */
    private static final String LOGPROBS = """
            {"content": [
              {"token": "Plan", "logprob": -0.6931471805599453, "bytes": [80,108,97,110],
               "top_logprobs": [{"token": "Plan", "logprob": -0.6931471805599453, "bytes": [80,108,97,110]},
                                {"token": "Step", "logprob": -0.6931471805599453, "bytes": [83,116,101,112]}]},
              {"token": ":", "logprob": 0.0, "bytes": [58],
               "top_logprobs": [{"token": ":", "logprob": 0.0, "bytes": [58]}]}
            ], "refusal": null}
            """;

    @BeforeEach
    void stubHealthyBackends() {
        openAi.resetAll();
        ollama.resetAll();
        // bids
        openAi.stubFor(post(urlEqualTo("/big/v1/chat/completions")).withRequestBody(containing(BID))
                .willReturn(okJson(openAiCompletion("big", "PLAN-BIG: search three sources, cross-check, answer",
                        120, 300, LOGPROBS))));
        openAi.stubFor(post(urlEqualTo("/mid/v1/chat/completions")).withRequestBody(containing(BID))
                .willReturn(okJson(openAiCompletion("mid", "PLAN-MID: search once and answer", 120, 200, LOGPROBS))));
        ollama.stubFor(post(urlEqualTo("/api/chat")).withRequestBody(containing(BID))
                .willReturn(okJson(ollamaChat("qwen3:4b", "PLAN-SMALL: answer from memory", 110, 100))));
        // jury: every juror scores big 5, mid 4, small 1
        for (String path : new String[] {"/big/v1/chat/completions", "/mid/v1/chat/completions"}) {
            stubOpenAiJury(path, "PLAN-BIG", 5);
            stubOpenAiJury(path, "PLAN-MID", 4);
            stubOpenAiJury(path, "PLAN-SMALL", 1);
        }
        stubOllamaJury("PLAN-BIG", 5);
        stubOllamaJury("PLAN-MID", 4);
        stubOllamaJury("PLAN-SMALL", 1);
    }

    private static void stubOpenAiJury(String path, String plan, int score) {
        openAi.stubFor(post(urlEqualTo(path)).withRequestBody(containing(JUROR)).withRequestBody(containing(plan))
                .willReturn(okJson(openAiCompletion("juror", "{\"score\": " + score + "}", 300, 6, null))));
    }

    private static void stubOllamaJury(String plan, int score) {
        ollama.stubFor(post(urlEqualTo("/api/chat")).withRequestBody(containing(JUROR)).withRequestBody(containing(plan))
                .willReturn(okJson(ollamaChat("qwen3:4b", "```json\n{\"score\": " + score + "}\n```", 280, 9))));
    }

    private static OpenAiChatModel openAiModel(String name) {
        return OpenAiChatModel.builder()
                .baseUrl(openAi.baseUrl() + "/" + name + "/v1")
                .apiKey("test-key")
                .modelName(name)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    private static AgentPool mixedPool() {
        return AgentPool.of(
                Agent.of("big", openAiModel("big"), 0.36),
                Agent.of("mid", openAiModel("mid"), 0.16),
                Agent.of("small", OllamaChatModel.builder().baseUrl(ollama.baseUrl()).modelName("qwen3:4b")
                        .maxRetries(0).timeout(Duration.ofSeconds(10)).build(), 0.05));
    }

    private static SaleRouter router() {
        return SaleRouter.builder()
                .pool(mixedPool())
                .jury(PromptJury.builder().mode(JuryMode.ONE_CALL_PER_BID).build())
                .bidTimeout(Duration.ofSeconds(2))
                .juryTimeout(Duration.ofSeconds(2))
                .build();
    }

    @Test
    void theTraceOfAMixedPoolAuctionIsRight() {
        AuctionResult result = router().auction("Who wrote the first published description of the platypus?");

        ScoreTerms big = terms(result, "big");
        assertThat(big.planTokens()).isEqualTo(300);
        assertThat(big.cost()).isCloseTo(0.01 * 0.36 * 300, within(1e-12));
        // the pool mixes estimators, so every bid is scored on the lexical scale; the raw log-probability H is kept
        assertThat(big.rawEntropyEstimator()).isEqualTo(Entropy.LOG_PROBS);
        assertThat(big.rawEntropy()).isCloseTo(Math.log(2) / Math.log(3) / 2, within(1e-9));
        assertThat(big.entropyEstimator()).isEqualTo(Entropy.LEXICAL);
        assertThat(big.entropy()).isEqualTo(1.0); // eight distinct words
        assertThat(big.juryScores()).extracting(JuryScore::score).containsExactly(5, 5, 5);
        assertThat(big.value()).isCloseTo(big.entropy() + 0.25 * 15, within(1e-12));
        ScoredBid bigBid = result.bids().get(0);
        assertThat(bigBid.bid().logProbs()).extracting(t -> t.token()).containsExactly("Plan", ":");
        assertThat(bigBid.bid().logProbs().get(0).topAlternatives()).hasSize(2);

        ScoreTerms small = terms(result, "small");
        assertThat(small.planTokens()).isEqualTo(100);
        assertThat(small.entropyEstimator()).isEqualTo(Entropy.LEXICAL);
        assertThat(result.bids().get(2).bid().logProbs()).isEmpty();
        assertThat(small.juryScores()).extracting(JuryScore::score).containsExactly(1, 1, 1);

        ScoreTerms mid = terms(result, "mid");
        assertThat(small.rawEntropyEstimator()).isEqualTo(Entropy.LEXICAL);
        assertThat(small.rawEntropy()).isEqualTo(small.entropy());
        // big: 1.08 - (1 + 3.75) = -3.67; mid: 0.32 - (1 + 3.0) = -3.68 -> mid wins by a hair
        assertThat(mid.net()).isLessThan(big.net());
        assertThat(result.winner()).isEqualTo("mid");
        assertThat(result.failures()).isEmpty();

        PhaseUsage smallBid = usage(result, "small", Phase.BID);
        assertThat(smallBid.inputTokens()).isEqualTo(110);
        assertThat(smallBid.outputTokens()).isEqualTo(100);
        assertThat(smallBid.estimated()).isFalse();
        PhaseUsage bigJury = usage(result, "big", Phase.JURY);
        assertThat(bigJury.calls()).isEqualTo(3);
        assertThat(bigJury.inputTokens()).isEqualTo(900);
        assertThat(bigJury.costUsd()).isCloseTo((900 + 18) * 0.36 / 1e6, within(1e-15));

        assertThat(AuctionResult.fromJson(result.toJson())).isEqualTo(result);
    }

    @Test
    void openAiBidCallsAskForLogProbsAndCarryNoTools() {
        router().auction("task");

        openAi.verify(postRequestedFor(urlEqualTo("/big/v1/chat/completions"))
                .withRequestBody(containing(BID))
                .withRequestBody(matchingJsonPath("$.logprobs", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.top_logprobs", equalTo("5")))
                .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("400")))
                .withRequestBody(matchingJsonPath("$.model", equalTo("big"))));
        assertThat(openAi.findAll(postRequestedFor(urlEqualTo("/big/v1/chat/completions"))))
                .allSatisfy(r -> assertThat(r.getBodyAsString()).doesNotContain("\"tools\""));
        ollama.verify(postRequestedFor(urlEqualTo("/api/chat"))
                .withRequestBody(containing(BID))
                .withRequestBody(matchingJsonPath("$.options.num_predict", equalTo("400"))));
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("429 rate limit", aResponse().withStatus(429)
                        .withBody("{\"error\": {\"message\": \"Rate limit reached\", \"type\": \"requests\"}}"),
                        BidFailure.Kind.ERROR, "Rate limit"),
                Arguments.of("500 server error", aResponse().withStatus(500)
                        .withBody("{\"error\": {\"message\": \"The server had an error\"}}"),
                        BidFailure.Kind.ERROR, "server had an error"),
                Arguments.of("slow response", okJson(openAiCompletion("mid", "PLAN-MID: late", 1, 1, null))
                        .withFixedDelay(4_000), BidFailure.Kind.TIMEOUT, "timeout"),
                Arguments.of("empty body", aResponse().withStatus(200).withHeader("Content-Type", "application/json"),
                        BidFailure.Kind.ERROR, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void oneFailingBackendLosesOnlyItsOwnBid(String name, ResponseDefinitionBuilder failure, BidFailure.Kind kind,
            String reason) {
        openAi.stubFor(post(urlEqualTo("/mid/v1/chat/completions")).withRequestBody(containing(BID))
                .atPriority(1).willReturn(failure));

        AuctionResult result = router().auction("task");

        assertThat(result.bids()).extracting(ScoredBid::agent).containsExactly("big", "small");
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.agent()).isEqualTo("mid");
            assertThat(f.kind()).isEqualTo(kind);
            assertThat(f.reason()).containsIgnoringCase(reason);
        });
        // the failed bidder is not asked to judge, though its jury calls would be healthy
        assertThat(result.jurors()).containsExactly("big", "small");
        assertThat(terms(result, "big").juryScores()).extracting(JuryScore::juror).containsExactly("big", "small");
        assertThat(terms(result, "big").juryScores()).extracting(JuryScore::score).containsExactly(5, 5);
        assertThat(openAi.findAll(postRequestedFor(urlEqualTo("/mid/v1/chat/completions"))
                .withRequestBody(containing(JUROR)))).isEmpty();
        assertThat(result.winner()).isEqualTo("big");
    }

    @Test
    void keepingFailedBiddersOnTheJuryAsksTheTimedOutBidderToJudge() {
        openAi.stubFor(post(urlEqualTo("/mid/v1/chat/completions")).withRequestBody(containing(BID)).atPriority(1)
                .willReturn(okJson(openAiCompletion("mid", "PLAN-MID: late", 1, 1, null)).withFixedDelay(4_000)));
        SaleRouter router = SaleRouter.builder()
                .pool(mixedPool())
                .jury(PromptJury.builder().mode(JuryMode.ONE_CALL_PER_BID).build())
                .bidTimeout(Duration.ofSeconds(2))
                .juryTimeout(Duration.ofSeconds(2))
                .failedBiddersOnJury(true)
                .build();

        AuctionResult result = router.auction("task");

        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.agent()).isEqualTo("mid");
            assertThat(f.kind()).isEqualTo(BidFailure.Kind.TIMEOUT);
        });
        assertThat(result.jurors()).containsExactly("big", "mid", "small");
        assertThat(terms(result, "big").juryScores()).extracting(JuryScore::juror).containsExactly("big", "mid", "small");
        assertThat(terms(result, "big").juryScores()).extracting(JuryScore::score).containsExactly(5, 5, 5);
        assertThat(openAi.findAll(postRequestedFor(urlEqualTo("/mid/v1/chat/completions"))
                .withRequestBody(containing(JUROR)))).hasSize(2);
    }

    @Test
    void aBackendFailingOnJuryCallsCostsOnlyItsScores() {
        ollama.stubFor(post(urlEqualTo("/api/chat")).withRequestBody(containing(JUROR)).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":\"model crashed\"}")));

        AuctionResult result = router().auction("task");

        assertThat(result.bids()).hasSize(3);
        assertThat(terms(result, "big").juryScores())
                .filteredOn(s -> s.juror().equals("small"))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.status()).isEqualTo(JuryScore.Status.FAILED);
                    assertThat(s.note()).contains("model crashed");
                });
        assertThat(terms(result, "big").imputedScores()).isEqualTo(1);
        assertThat(terms(result, "big").juryTerm()).isCloseTo(0.25 * 15, within(1e-12));
        assertThat(result.winner()).isEqualTo("mid");
    }

    private static ScoreTerms terms(AuctionResult result, String agent) {
        return result.bids().stream().filter(b -> b.agent().equals(agent)).findFirst().orElseThrow().terms();
    }

    private static PhaseUsage usage(AuctionResult result, String agent, Phase phase) {
        return result.usage().stream().filter(u -> u.agent().equals(agent) && u.phase() == phase).findFirst()
                .orElseThrow();
    }
}
