package dev.sale4j.eval.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BackendLimitsTest {

    @RegisterExtension
    static WireMockExtension openAi = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()
            .containerThreads(20)).build();

    private static final String COMPLETION = """
            {"id":"c1","object":"chat.completion","created":1764547200,"model":"m",
             "choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6}}""";

    private static ChatModel model(BackendLimits limits, String name) {
        return OpenAiChatModel.builder().httpClientBuilder(limits.httpClientBuilder()).baseUrl(openAi.baseUrl() + "/v1")
                .apiKey("none").modelName(name).maxRetries(0).build();
    }

    @Test
    void twoModelsOnOneServerShareItsBoundOfCallsInFlight() throws Exception {
        openAi.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(COMPLETION).withFixedDelay(300)));
        BackendLimits limits = BackendLimits.of(2);
        List<ChatModel> models = List.of(model(limits, "a"), model(limits, "b"));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        long start = System.nanoTime();
        List<CompletableFuture<String>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ChatModel m = models.get(i % 2);
            calls.add(CompletableFuture.supplyAsync(() -> m.chat("hi"), pool));
        }
        for (CompletableFuture<String> c : calls) {
            assertThat(c.get()).isEqualTo("ok");
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        pool.shutdown();
        // six 300 ms calls, two at a time: three waves at least
        assertThat(ms).isGreaterThanOrEqualTo(900);
        assertThat(models.get(0)).isInstanceOf(OpenAiChatModel.class);
    }

    @Test
    void aBoundBelowOneIsRefusedWithTheFix() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BackendLimits.of(0))
                .hasMessageContaining("--concurrency");
    }
}
