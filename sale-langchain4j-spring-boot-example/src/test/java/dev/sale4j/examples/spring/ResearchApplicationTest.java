package dev.sale4j.examples.spring;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Boots the example app against two OpenAI-format backends on WireMock and asks a question over HTTP: the router
 * runs an auction, the winner calls the page-reader tool on a page WireMock serves, and answers from it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResearchApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WireMockServer server = started();

    @LocalServerPort
    int port;

    private static WireMockServer started() {
        WireMockServer s = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        s.start();
        return s;
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @DynamicPropertySource
    static void pool(DynamicPropertyRegistry registry) {
        String[][] agents = {{"small", "0.05"}, {"big", "0.36"}};
        for (int i = 0; i < agents.length; i++) {
            String name = agents[i][0];
            registry.add("sale4j.agents[" + i + "].name", () -> name);
            registry.add("sale4j.agents[" + i + "].provider", () -> "openai");
            registry.add("sale4j.agents[" + i + "].base-url", () -> server.baseUrl() + "/" + name + "/v1");
            registry.add("sale4j.agents[" + i + "].model", () -> "gpt-4o-mini");
            String price = agents[i][1];
            registry.add("sale4j.agents[" + i + "].price", () -> price);
        }
        registry.add("research.allow-hosts", () -> "127.0.0.1:" + server.port());
        registry.add("research.search-endpoint", () -> server.baseUrl() + "/html/");
    }

    @Test
    void aQuestionOverHttpIsAuctionedAndTheWinnerAnswersFromThePageItRead() throws Exception {
        String page = "http://127.0.0.1:" + server.port() + "/pages/canberra";
        server.stubFor(get(urlPathEqualTo("/pages/canberra")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<html><head><title>Canberra</title></head><body><nav>menu</nav><main><p>Canberra is the "
                        + "capital city of Australia. The site was chosen in 1908 as a compromise between Sydney and "
                        + "Melbourne.</p></main></body></html>")));
        for (String agent : List.of("small", "big")) {
            String path = "/" + agent + "/v1/chat/completions";
            server.stubFor(post(urlPathEqualTo(path)).atPriority(50)
                    .withRequestBody(containing("Do not carry out the task now"))
                    .willReturn(json(text("Read one authoritative page about the capital and cite it.", 90, 15))));
            server.stubFor(post(urlPathEqualTo(path)).atPriority(40)
                    .withRequestBody(containing("You are a juror"))
                    .willReturn(json(text("{\"scores\": []}", 90, 5))));
        }
        // The cheaper agent wins on cost (no jury scores); its tool loop: read the page, then answer from it.
        String small = "/small/v1/chat/completions";
        server.stubFor(post(urlPathEqualTo(small)).atPriority(10)
                .withRequestBody(containing("You won an auction"))
                .withRequestBody(matchingJsonPath("$.messages[-1].role", equalTo("tool")))
                .willReturn(json(text("Canberra is the capital of Australia (chosen in 1908). Sources: " + page, 300, 20))));
        server.stubFor(post(urlPathEqualTo(small)).atPriority(11)
                .withRequestBody(containing("You won an auction"))
                .willReturn(json(toolCall("call_1", "readPage", "{\"url\":\"" + page + "\"}"))));

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                        .uri(URI.create("http://127.0.0.1:" + port + "/ask"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"What is the capital of Australia?\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("answer").asText())
                .isEqualTo("Canberra is the capital of Australia (chosen in 1908). Sources: " + page);
        JsonNode last = JSON.readTree(server.findAll(postRequestedFor(urlPathEqualTo(small))
                        .withRequestBody(matchingJsonPath("$.messages[-1].role", equalTo("tool"))))
                .get(0).getBodyAsString());
        JsonNode toolResult = last.path("messages").get(last.path("messages").size() - 1);
        assertThat(toolResult.path("content").asText()).contains("chosen in 1908").doesNotContain("menu");
        assertThat(last.toString()).contains("Read one authoritative page"); // the winner's plan rides along
        server.verify(1, getRequestedFor(urlPathEqualTo("/pages/canberra")));
        server.verify(0, postRequestedFor(urlPathEqualTo("/big/v1/chat/completions"))
                .withRequestBody(containing("You won an auction")));

        // Actuator shows the router's decisions: the auction, the winner, the overhead.
        JsonNode auctions = actuator("/actuator/metrics/sale4j.auctions?tag=outcome:won");
        assertThat(auctions.path("measurements").get(0).path("statistic").asText()).isEqualTo("COUNT");
        assertThat(auctions.path("measurements").get(0).path("value").asDouble()).isGreaterThanOrEqualTo(1.0);
        JsonNode wins = actuator("/actuator/metrics/sale4j.auction.wins");
        assertThat(wins.path("availableTags").toString()).contains("\"agent\"").contains("small");
        JsonNode bidTokens = actuator("/actuator/metrics/sale4j.overhead.tokens?tag=agent:big&tag=phase:bid&tag=type:input");
        assertThat(bidTokens.path("measurements").get(0).path("value").asDouble()).isGreaterThanOrEqualTo(90.0);
        assertThat(actuator("/actuator/metrics/sale4j.execution.duration?tag=agent:small")
                .path("measurements").get(0).path("value").asDouble()).isEqualTo(2.0); // the tool call, then the answer
    }

    private JsonNode actuator(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                .uri(URI.create("http://127.0.0.1:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void anEmptyQuestionIsABadRequest() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                        .uri(URI.create("http://127.0.0.1:" + port + "/ask"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\" \"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String text(String content, int in, int out) {
        return completion(Map.of("role", "assistant", "content", content), "stop", in, out);
    }

    private static String toolCall(String id, String name, String arguments) {
        return completion(Map.of("role", "assistant", "tool_calls", List.of(Map.of("id", id, "type", "function",
                "function", Map.of("name", name, "arguments", arguments)))), "tool_calls", 200, 25);
    }

    private static String completion(Map<String, Object> message, String finish, int in, int out) {
        try {
            return JSON.writeValueAsString(Map.of("id", "chatcmpl-1", "object", "chat.completion",
                    "created", 1_700_000_000, "model", "gpt-4o-mini",
                    "choices", List.of(Map.of("index", 0, "message", message, "finish_reason", finish)),
                    "usage", Map.of("prompt_tokens", in, "completion_tokens", out, "total_tokens", in + out)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
