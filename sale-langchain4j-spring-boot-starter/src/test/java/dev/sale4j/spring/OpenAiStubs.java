package dev.sale4j.spring;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import java.util.Map;

/** OpenAI chat-completions answers on WireMock: bids, jury scores and the winner's answer, per agent path. */
final class OpenAiStubs {

    static final String BID_PHRASE = "Do not carry out the task now";
    static final String JURY_PHRASE = "You are a juror";
    static final String PLAN_PHRASE = "You won an auction";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiStubs() {}

    static String path(String agent) {
        return "/" + agent + "/v1/chat/completions";
    }

    /**
     * Each agent bids the same one-line plan; jurors answer with no scores, so the jury term is 0 for every bid and
     * the cheaper agent wins on cost.
     */
    static void auction(WireMockServer server, List<String> agents) {
        for (String agent : agents) {
            server.stubFor(post(urlPathEqualTo(path(agent))).atPriority(50)
                    .withRequestBody(containing(BID_PHRASE))
                    .willReturn(ok(text("Answer from what I know, in one line, and name my source.", 100, 20))));
            server.stubFor(post(urlPathEqualTo(path(agent))).atPriority(40)
                    .withRequestBody(containing(JURY_PHRASE))
                    .willReturn(ok(text("{\"scores\": []}", 100, 5))));
        }
    }

    static void answer(WireMockServer server, String agent, String answer) {
        server.stubFor(post(urlPathEqualTo(path(agent))).atPriority(10)
                .withRequestBody(containing(PLAN_PHRASE))
                .willReturn(ok(text(answer, 200, 12))));
    }

    static String text(String text, int in, int out) {
        Map<String, Object> body = Map.of(
                "id", "chatcmpl-1",
                "object", "chat.completion",
                "created", 1_700_000_000,
                "model", "gpt-4o-mini",
                "choices", List.of(Map.of(
                        "index", 0,
                        "message", Map.of("role", "assistant", "content", text),
                        "finish_reason", "stop")),
                "usage", Map.of("prompt_tokens", in, "completion_tokens", out, "total_tokens", in + out));
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
