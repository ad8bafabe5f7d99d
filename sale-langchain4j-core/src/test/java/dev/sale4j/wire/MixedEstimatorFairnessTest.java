package dev.sale4j.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.sale4j.wire.ProviderStubs.ollamaChat;
import static dev.sale4j.wire.ProviderStubs.openAiCompletion;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.sale4j.SaleRouter;
import dev.sale4j.auction.AuctionResult;
import dev.sale4j.entropy.Entropy;
import dev.sale4j.entropy.LexicalEntropyEstimator;
import dev.sale4j.jury.JuryMode;
import dev.sale4j.jury.PromptJury;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.score.EntropyScale;
import dev.sale4j.score.ScoreTerms;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A pool mixing an OpenAI-compatible agent (H from log-probabilities) and an Ollama agent (lexical H), both over the
 * real LangChain4j clients and WireMock: equivalent plans must not be favoured by the estimator that scored them.
 */
class MixedEstimatorFairnessTest {

    @RegisterExtension
    static WireMockExtension openAi = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension ollama = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String BID = "bidding for the right";
    private static final String JUROR = "You are a juror";

    /** Two plans; RICH has every word distinct, PLAIN repeats some. */
    private static final String RICH = "Plan: search two archives, compare their dates, cite both, answer with the year";
    private static final String PLAIN = "Plan: search the web, search the web again, answer the question";

    /** A confident model: each position almost certain, so H from log-probabilities is low (about 0.03). */
    private static final String CONFIDENT_LOGPROBS = """
            {"content": [
              {"token": "Plan", "logprob": -0.01, "bytes": [80],
               "top_logprobs": [{"token": "Plan", "logprob": -0.01, "bytes": [80]},
                                {"token": "Step", "logprob": -4.6, "bytes": [83]}]},
              {"token": ":", "logprob": -0.01, "bytes": [58],
               "top_logprobs": [{"token": ":", "logprob": -0.01, "bytes": [58]},
                                {"token": " -", "logprob": -4.6, "bytes": [45]}]}
            ], "refusal": null}
            """;

    @BeforeEach
    void juryScoresEveryPlanAlike() {
        openAi.resetAll();
        ollama.resetAll();
        openAi.stubFor(post(urlEqualTo("/gpt/v1/chat/completions")).withRequestBody(containing(JUROR))
                .willReturn(okJson(openAiCompletion("gpt", "{\"score\": 4}", 300, 6, null))));
        ollama.stubFor(post(urlEqualTo("/api/chat")).withRequestBody(containing(JUROR))
                .willReturn(okJson(ollamaChat("llama3.2", "{\"score\": 4}", 280, 6))));
    }

    private static void bids(String gptPlan, String llamaPlan) {
        openAi.stubFor(post(urlEqualTo("/gpt/v1/chat/completions")).withRequestBody(containing(BID))
                .willReturn(okJson(openAiCompletion("gpt", gptPlan, 120, 20, CONFIDENT_LOGPROBS))));
        ollama.stubFor(post(urlEqualTo("/api/chat")).withRequestBody(containing(BID))
                .willReturn(okJson(ollamaChat("llama3.2", llamaPlan, 120, 20))));
    }

    private static Agent gpt() {
        return Agent.of("gpt", OpenAiChatModel.builder().baseUrl(openAi.baseUrl() + "/gpt/v1").apiKey("test-key")
                .modelName("gpt").maxRetries(0).timeout(Duration.ofSeconds(10)).build(), 0.10);
    }

    private static Agent llama() {
        return Agent.of("llama", OllamaChatModel.builder().baseUrl(ollama.baseUrl()).modelName("llama3.2")
                .maxRetries(0).timeout(Duration.ofSeconds(10)).build(), 0.10);
    }

    private static SaleRouter.Builder router(AgentPool pool) {
        return SaleRouter.builder()
                .pool(pool)
                .jury(PromptJury.builder().mode(JuryMode.ONE_CALL_PER_BID).build())
                .bidTimeout(Duration.ofSeconds(5))
                .juryTimeout(Duration.ofSeconds(5));
    }

    @Test
    void theSamePlanScoresTheSameWhicheverEstimatorSawIt() {
        bids(RICH, RICH);

        AuctionResult gptFirst = router(AgentPool.of(gpt(), llama())).build().auction("When was the archive founded?");
        AuctionResult llamaFirst = router(AgentPool.of(llama(), gpt())).build().auction("When was the archive founded?");

        for (AuctionResult result : new AuctionResult[] {gptFirst, llamaFirst}) {
            ScoreTerms g = terms(result, "gpt");
            ScoreTerms l = terms(result, "llama");
            assertThat(g.rawEntropyEstimator()).isEqualTo(Entropy.LOG_PROBS);
            assertThat(g.rawEntropy()).isLessThan(0.1);
            assertThat(l.rawEntropyEstimator()).isEqualTo(Entropy.LEXICAL);
            assertThat(l.rawEntropy()).isGreaterThan(0.9);
            assertThat(g.entropyEstimator()).isEqualTo(l.entropyEstimator()).isEqualTo(Entropy.LEXICAL);
            assertThat(g.entropy()).isEqualTo(l.entropy());
            assertThat(g.net()).isEqualTo(l.net());
            assertThat(AuctionResult.fromJson(result.toJson())).isEqualTo(result);
        }
        // an exact tie goes to pool order, not to the estimator
        assertThat(gptFirst.winner()).isEqualTo("gpt");
        assertThat(llamaFirst.winner()).isEqualTo("llama");
    }

    @ParameterizedTest(name = "gpt bids the rich plan: {0}")
    @ValueSource(booleans = {true, false})
    void theBetterPlanWinsWhicheverBackendWroteIt(boolean gptBidsRich) {
        bids(gptBidsRich ? RICH : PLAIN, gptBidsRich ? PLAIN : RICH);

        AuctionResult result = router(AgentPool.of(gpt(), llama())).build().auction("When was the archive founded?");

        assertThat(LexicalEntropyEstimator.entropyOf(RICH)).isGreaterThan(LexicalEntropyEstimator.entropyOf(PLAIN));
        assertThat(result.winner()).isEqualTo(gptBidsRich ? "gpt" : "llama");
    }

    @Test
    void scoringEachBidOnItsOwnEstimatorFavoursTheLexicalAgent() {
        bids(RICH, PLAIN);

        AuctionResult result = router(AgentPool.of(gpt(), llama())).entropyScale(EntropyScale.asEstimated()).build()
                .auction("When was the archive founded?");

        assertThat(terms(result, "gpt").entropyEstimator()).isEqualTo(Entropy.LOG_PROBS);
        assertThat(terms(result, "llama").entropy()).isGreaterThan(terms(result, "gpt").entropy() + 0.5);
        assertThat(result.winner()).as("the bias the common scale removes").isEqualTo("llama");
    }

    private static ScoreTerms terms(AuctionResult result, String agent) {
        return result.bids().stream().filter(b -> b.agent().equals(agent)).findFirst().orElseThrow().terms();
    }
}
