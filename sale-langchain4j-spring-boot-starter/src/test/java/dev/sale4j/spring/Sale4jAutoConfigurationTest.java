package dev.sale4j.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.sale4j.SaleRouter;
import dev.sale4j.auction.AuctionResult;
import dev.sale4j.bid.Bid;
import dev.sale4j.entropy.Entropy;
import dev.sale4j.entropy.TokenLogProb;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.score.EntropyScale;
import java.time.Duration;
import dev.sale4j.chat.SaleChatModel;
import dev.sale4j.chat.SaleStreamingChatModel;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class Sale4jAutoConfigurationTest {

    static WireMockServer server;

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        OpenAiStubs.auction(server, List.of("small", "big"));
        OpenAiStubs.answer(server, "small", "Canberra (small)");
        OpenAiStubs.answer(server, "big", "Canberra (big)");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(Sale4jAutoConfiguration.class))
                .withPropertyValues(
                        "sale4j.agents[0].name=small",
                        "sale4j.agents[0].provider=openai",
                        "sale4j.agents[0].base-url=" + server.baseUrl() + "/small/v1",
                        "sale4j.agents[0].model=gpt-4o-mini",
                        "sale4j.agents[0].price=0.05",
                        "sale4j.agents[1].name=big",
                        "sale4j.agents[1].provider=openai",
                        "sale4j.agents[1].base-url=" + server.baseUrl() + "/big/v1",
                        "sale4j.agents[1].model=gpt-4o",
                        "sale4j.agents[1].input-price=0.30",
                        "sale4j.agents[1].output-price=0.36",
                        "sale4j.agents[1].api-key-env=SALE4J_TEST_KEY",
                        "SALE4J_TEST_KEY=sk-test");
    }

    @Test
    void propertiesGiveTheRouterAsTheOneChatModelAndStreamingChatModel() {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeansOfType(ChatModel.class)).hasSize(1);
            assertThat(context.getBean(ChatModel.class)).isInstanceOf(SaleChatModel.class);
            assertThat(context.getBeansOfType(StreamingChatModel.class)).hasSize(1);
            assertThat(context.getBean(StreamingChatModel.class)).isInstanceOf(SaleStreamingChatModel.class);
            AgentPool pool = context.getBean(AgentPool.class);
            assertThat(pool.names()).containsExactly("small", "big");
            assertThat(pool.get("big").inputPrice()).isEqualTo(0.30);
            assertThat(pool.get("big").outputPrice()).isEqualTo(0.36);
        });
    }

    @Test
    void theRouterBeanRunsAnAuctionOverTheConfiguredBackendsAndTheWinnerAnswers() {
        runner().run(context -> {
            String answer = context.getBean(ChatModel.class).chat("What is the capital of Australia?");
            assertThat(answer).isEqualTo("Canberra (small)");
            assertThat(server.findAll(com.github.tomakehurst.wiremock.client.WireMock
                    .postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/big/v1/chat/completions"))
                    .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer sk-test"))))
                    .isNotEmpty();
        });
    }

    @Test
    void theEntropyScalePropertyChoosesHowMixedEstimatorsAreScored() {
        Bid logProbs = new Bid("small", "Search the web, then answer.", 6, 10, false, Duration.ZERO,
                new Entropy(0.5, Entropy.LOG_PROBS), false, List.of(new TokenLogProb("Search", -0.1, List.of())));
        Bid lexical = new Bid("big", "Read the docs and answer.", 5, 10, false, Duration.ZERO,
                new Entropy(0.9, Entropy.LEXICAL), false);
        List<Bid> mixedRound = List.of(logProbs, lexical);
        runner().run(context -> {
            EntropyScale scale = context.getBean(SaleRouter.class).entropyScale();
            assertThat(scale).isSameAs(EntropyScale.oneEstimatorPerAuction());
            assertThat(scale.entropy(logProbs, mixedRound).estimator()).isEqualTo(Entropy.LEXICAL);
        });
        runner().withPropertyValues("sale4j.entropy-scale=as-estimated").run(context -> {
            EntropyScale scale = context.getBean(SaleRouter.class).entropyScale();
            assertThat(scale.entropy(logProbs, mixedRound)).isEqualTo(new Entropy(0.5, Entropy.LOG_PROBS));
        });
        runner().withPropertyValues("sale4j.entropy-scale=lexical").run(context ->
                assertThat(context.getStartupFailure()).hasStackTraceContaining("sale4j.entropy-scale"));
    }

    @Test
    void aFailedBidderSitsOnTheJuryOnlyWhenFailedBiddersOnJuryIsSet() {
        String[] broken = {
            "sale4j.agents[2].name=broken",
            "sale4j.agents[2].provider=openai",
            "sale4j.agents[2].base-url=" + server.baseUrl() + "/broken/v1", // no stub: every call fails with 404
            "sale4j.agents[2].model=gpt-4o-mini",
            "sale4j.agents[2].price=0.01",
            "sale4j.max-retries=0"
        };
        runner().withPropertyValues(broken).run(context -> {
            SaleRouter router = context.getBean(SaleRouter.class);
            assertThat(router.failedBiddersOnJury()).isFalse();
            AuctionResult result = router.auction("What is the capital of Australia?");
            assertThat(result.failures()).extracting(f -> f.agent()).containsExactly("broken");
            assertThat(result.jurors()).containsExactly("small", "big");
        });
        runner().withPropertyValues(broken).withPropertyValues("sale4j.failed-bidders-on-jury=true").run(context -> {
            SaleRouter router = context.getBean(SaleRouter.class);
            assertThat(router.failedBiddersOnJury()).isTrue();
            AuctionResult result = router.auction("What is the capital of Australia?");
            assertThat(result.failures()).extracting(f -> f.agent()).containsExactly("broken");
            assertThat(result.jurors()).containsExactly("small", "big", "broken");
        });
    }

    @Test
    void poolAgentBeansJoinThePoolWithoutBecomingChatModelBeans() {
        runner().withUserConfiguration(ExtraAgent.class).withPropertyValues("sale4j.streaming=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(AgentPool.class).names()).containsExactly("small", "big", "extra");
            assertThat(context.getBeansOfType(ChatModel.class)).hasSize(1);
            assertThat(context.getBeansOfType(StreamingChatModel.class)).isEmpty();
        });
    }

    @Test
    void aPoolAgentWithoutStreamingModelFailsStartupWhileStreamingIsOn() {
        runner().withUserConfiguration(ExtraAgent.class).run(context -> assertFails(context.getStartupFailure(),
                "sale4j.streaming", "'extra' has no streaming model", "sale4j.streaming=false"));
    }

    @Test
    void anUnknownProviderFailsStartupNamingThePropertyAndTheFix() {
        runner().withPropertyValues("sale4j.agents[1].provider=anthropic").run(context -> assertFails(
                context.getStartupFailure(), "sale4j.agents[1].provider", "'anthropic' is not supported",
                "Use ollama, or openai"));
    }

    @Test
    void aBaseUrlThatIsNotHttpFailsStartupNamingTheProperty() {
        runner().withPropertyValues("sale4j.agents[0].base-url=localhost:11434").run(context -> assertFails(
                context.getStartupFailure(), "sale4j.agents[0].base-url", "is not an http(s) URL", "http://localhost"));
    }

    @Test
    void aMissingPriceFailsStartupNamingTheProperty() {
        runner().withPropertyValues("sale4j.agents[0].price=").run(context -> assertFails(
                context.getStartupFailure(), "sale4j.agents[0].price", "is missing", "Set price"));
    }

    @Test
    void anUnsetKeyVariableFailsStartupNamingTheVariable() {
        runner().withPropertyValues("SALE4J_TEST_KEY=").run(context -> assertFails(context.getStartupFailure(),
                "sale4j.agents[1].api-key-env", "SALE4J_TEST_KEY, which is not set", "Export SALE4J_TEST_KEY"));
    }

    @Test
    void aFallbackAgentOutsideThePoolFailsStartup() {
        runner().withPropertyValues("sale4j.fallback-agent=huge").run(context -> assertFails(
                context.getStartupFailure(), "sale4j.fallback-agent", "'huge', which is not in the pool", "Name one"));
    }

    @Test
    void negativeMaxRetriesFailsStartupNamingTheProperty() {
        runner().withPropertyValues("sale4j.max-retries=-1").run(context -> assertFails(
                context.getStartupFailure(), "sale4j.max-retries", "is -1", "0 (no retry) or more"));
    }

    @Test
    void aWeightsFileWithAMisspeltFieldFailsStartupNamingTheField() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("weights", ".json");
        java.nio.file.Files.writeString(file, dev.sale4j.score.Weights.defaults().toJson().replace("\"wh\"", "\"wH\""));
        runner().withPropertyValues("sale4j.weights-file=" + file).run(context -> assertFails(
                context.getStartupFailure(), "sale4j.weights-file", "unknown field 'wH'", "sale fit"));
        java.nio.file.Files.delete(file);
    }

    @Test
    void aMissingWeightsFileFailsStartup() {
        runner().withPropertyValues("sale4j.weights-file=/nonexistent/weights.json").run(context -> assertFails(
                context.getStartupFailure(), "sale4j.weights-file", "does not exist", "sale fit"));
    }

    @Test
    void anEmptyPoolFailsStartup() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(Sale4jAutoConfiguration.class))
                .run(context -> assertFails(context.getStartupFailure(), "sale4j.agents", "is empty",
                        "List at least one agent"));
    }

    private static void assertFails(Throwable failure, String property, String problem, String fix) {
        assertThat(failure).isNotNull();
        Throwable cause = failure;
        while (cause != null && !(cause instanceof Sale4jConfigurationException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("a Sale4jConfigurationException in %s", failure).isNotNull();
        Sale4jConfigurationException e = (Sale4jConfigurationException) cause;
        assertThat(e.property()).isEqualTo(property);
        assertThat(e.getMessage()).contains(problem).contains(fix);
        FailureAnalysis analysis = new Sale4jFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).contains(property).contains(problem);
        assertThat(analysis.getAction()).contains(property).contains(fix);
    }

    @Configuration(proxyBeanMethods = false)
    static class ExtraAgent {
        @Bean
        SalePoolAgent extra() {
            return SalePoolAgent.builder()
                    .name("extra")
                    .price(0.16)
                    .model(OpenAiChatModel.builder().baseUrl(server.baseUrl() + "/extra/v1").apiKey("k")
                            .modelName("m").build())
                    .build();
        }
    }
}
