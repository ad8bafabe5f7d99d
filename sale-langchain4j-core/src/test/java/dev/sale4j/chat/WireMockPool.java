package dev.sale4j.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.sale4j.SaleRouter;
import dev.sale4j.jury.JuryMode;
import dev.sale4j.jury.PromptJury;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Two agents, "small" and "big", served by real OpenAI or Ollama clients against one WireMock server, each under its
 * own path. Stubs answer bids with "PLAN-&lt;agent&gt;", and jury calls (one per bid) with 5 for the favourite's plan.
 */
public final class WireMockPool {

    public enum Provider { OPENAI, OLLAMA }

    public static final double SMALL_PRICE = 0.05;
    public static final double BIG_PRICE = 0.36;

    public final WireMockServer server;
    public final Provider provider;

    public WireMockPool(WireMockServer server, Provider provider) {
        this.server = server;
        this.provider = provider;
    }

    public String path(String agent) {
        return provider == Provider.OPENAI ? "/" + agent + "/v1/chat/completions" : "/" + agent + "/api/chat";
    }

    public ChatModel model(String agent) {
        String base = server.baseUrl() + "/" + agent;
        if (provider == Provider.OPENAI) {
            return OpenAiChatModel.builder().baseUrl(base + "/v1").apiKey("test-key").modelName("gpt-4o-mini")
                    .maxRetries(0).timeout(Duration.ofSeconds(10)).build();
        }
        return OllamaChatModel.builder().baseUrl(base).modelName("qwen3:4b").maxRetries(0)
                .timeout(Duration.ofSeconds(10)).build();
    }

    public StreamingChatModel streamingModel(String agent) {
        return OpenAiStreamingChatModel.builder().baseUrl(server.baseUrl() + "/" + agent + "/v1").apiKey("test-key")
                .modelName("gpt-4o-mini").timeout(Duration.ofSeconds(10)).build();
    }

    public AgentPool pool() {
        return AgentPool.of(Agent.of("small", model("small"), SMALL_PRICE), Agent.of("big", model("big"), BIG_PRICE));
    }

    public SaleRouter router() {
        return router(List.of());
    }

    /** The router over {@link #pool()}, its listeners told every auction and execution. */
    public SaleRouter router(List<? extends dev.sale4j.auction.AuctionListener> listeners) {
        SaleRouter.Builder builder = SaleRouter.builder()
                .pool(pool())
                .jury(PromptJury.builder().mode(JuryMode.ONE_CALL_PER_BID).random(new Random(7)).build());
        listeners.forEach(builder::listener);
        return builder.build();
    }

    /** Bids from both agents; the jury prefers {@code favourite} when the task contains {@code marker}. */
    public void stubAuction(String marker, String favourite, int priority) {
        for (String agent : List.of("small", "big")) {
            server.stubFor(post(urlPathEqualTo(path(agent))).atPriority(50)
                    .withRequestBody(containing(WireFormats.BID_PHRASE))
                    .willReturn(ok(text("PLAN-" + agent + ": call the add tool once, then report the sum.", 120, 30))));
            server.stubFor(post(urlPathEqualTo(path(agent))).atPriority(priority)
                    .withRequestBody(containing(WireFormats.JURY_PHRASE))
                    .withRequestBody(containing(marker))
                    .withRequestBody(containing("PLAN-" + favourite))
                    .willReturn(ok(text(WireFormats.jurySingle(5), 150, 5))));
            server.stubFor(post(urlPathEqualTo(path(agent))).atPriority(priority + 1)
                    .withRequestBody(containing(WireFormats.JURY_PHRASE))
                    .withRequestBody(containing(marker))
                    .willReturn(ok(text(WireFormats.jurySingle(0), 150, 5))));
        }
    }

    /** The agent's tool loop: first a call of {@code add(2, 3)}, then, once the last message is its result, an answer. */
    public void stubExecution(String agent) {
        server.stubFor(post(urlPathEqualTo(path(agent))).atPriority(10)
                .withRequestBody(containing(WireFormats.PLAN_PHRASE))
                .withRequestBody(matchingJsonPath("$.messages[-1].role", equalTo("tool")))
                .willReturn(ok(text("The sum is 5 (" + agent + ")", 200, 12))));
        server.stubFor(post(urlPathEqualTo(path(agent))).atPriority(11)
                .withRequestBody(containing(WireFormats.PLAN_PHRASE))
                .willReturn(ok(provider == Provider.OPENAI
                        ? WireFormats.openAiToolCall("call_" + agent, "add", "{\"a\":2,\"b\":3}", 180, 20)
                        : WireFormats.ollamaToolCall("add", Map.of("a", 2, "b", 3), 180, 20))));
    }

    public String text(String text, int in, int out) {
        return provider == Provider.OPENAI ? WireFormats.openAiText(text, in, out) : WireFormats.ollamaText(text, in, out);
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    public List<LoggedRequest> requests(String agent, String phrase) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(path(agent)))
                .withRequestBody(containing(phrase)));
    }

    public List<LoggedRequest> all(String phrase) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()).withRequestBody(containing(phrase)));
    }

}
