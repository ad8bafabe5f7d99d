package dev.sale4j.examples.quarkus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two OpenAI-format backends on one WireMock server, "small" and "big": both bid, the jurors give no scores (so the
 * cheaper agent wins on cost), and each answers the task with its own name.
 */
public class WireMockBackends implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        Map<String, String> config = new HashMap<>();
        List<String> agents = List.of("small", "big");
        for (int i = 0; i < agents.size(); i++) {
            String agent = agents.get(i);
            String path = "/" + agent + "/v1/chat/completions";
            server.stubFor(post(urlPathEqualTo(path)).atPriority(50).withRequestBody(containing("Do not carry out"))
                    .willReturn(ok("Answer from what I know in one line.", 90, 12)));
            server.stubFor(post(urlPathEqualTo(path)).atPriority(40).withRequestBody(containing("You are a juror"))
                    .willReturn(ok("{\"scores\": []}", 90, 4)));
            server.stubFor(post(urlPathEqualTo(path)).atPriority(10).withRequestBody(containing("You won an auction"))
                    .willReturn(ok("Canberra (" + agent + ")", 150, 6)));
            config.put("sale4j.agents[" + i + "].name", agent);
            config.put("sale4j.agents[" + i + "].provider", "openai");
            config.put("sale4j.agents[" + i + "].base-url", "http://127.0.0.1:" + server.port() + "/" + agent + "/v1");
            config.put("sale4j.agents[" + i + "].model", "gpt-4o-mini");
            config.put("sale4j.agents[" + i + "].price", i == 0 ? "0.05" : "0.36");
        }
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String text, int in, int out) {
        try {
            String body = JSON.writeValueAsString(Map.of("id", "chatcmpl-1", "object", "chat.completion",
                    "created", 1_700_000_000, "model", "gpt-4o-mini",
                    "choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", text),
                            "finish_reason", "stop")),
                    "usage", Map.of("prompt_tokens", in, "completion_tokens", out, "total_tokens", in + out)));
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
