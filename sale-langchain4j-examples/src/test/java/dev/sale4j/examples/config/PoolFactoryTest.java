package dev.sale4j.examples.config;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sale4j.pool.AgentPool;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PoolFactoryTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private static final String OPENAI_ANSWER = """
            {"id": "chatcmpl-1", "object": "chat.completion", "created": 1764115200, "model": "m",
             "choices": [{"index": 0, "message": {"role": "assistant", "content": "Paris"}, "finish_reason": "stop"}],
             "usage": {"prompt_tokens": 5, "completion_tokens": 1, "total_tokens": 6}}""";

    private static final String OLLAMA_ANSWER = """
            {"model": "m", "created_at": "2026-11-26T00:00:00Z", "message": {"role": "assistant", "content": "Paris"},
             "done_reason": "stop", "done": true, "prompt_eval_count": 5, "eval_count": 1}""";

    private AgentPool pool() {
        String url = "http://127.0.0.1:" + server.getPort();
        PoolConfig config = new PoolConfig(List.of(
                        new AgentConfig("small", "ollama", url, "m", 0.05, null, null, null, null),
                        new AgentConfig("large", "openai", url + "/v1", "m", 0.36, null, null, null, null)),
                null, null, null, null, null, null);
        return new PoolFactory(Map.of()).pool(config, Duration.ofSeconds(10));
    }

    @Test
    void agentsOnPlainHttpSendHttp11RequestsWithoutAnH2cUpgradeAttempt() {
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson(OPENAI_ANSWER)));
        server.stubFor(post(urlEqualTo("/api/chat")).willReturn(okJson(OLLAMA_ANSWER)));
        AgentPool pool = pool();

        for (int i = 0; i < 2; i++) {
            assertThat(pool.get("large").model().chat("Capital of France?")).isEqualTo("Paris");
            assertThat(pool.get("small").model().chat("Capital of France?")).isEqualTo("Paris");
        }

        for (String path : List.of("/v1/chat/completions", "/api/chat")) {
            server.verify(2, postRequestedFor(urlEqualTo(path))
                    .withRequestBody(containing("Capital of France?"))
                    .withHeader("Upgrade", absent())
                    .withHeader("HTTP2-Settings", absent()));
        }
        assertThat(server.getAllServeEvents()).allSatisfy(e -> assertThat(e.getRequest().getProtocol())
                .isEqualTo("HTTP/1.1"));
    }
}
