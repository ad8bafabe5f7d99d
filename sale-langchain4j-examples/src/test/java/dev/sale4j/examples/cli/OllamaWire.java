package dev.sale4j.examples.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ollama's real /api/chat wire format for the CLI tests: plain answers (bids, jury), NDJSON streams of text and of
 * tool calls (the execution), and the saved real pages of {@code shared/data/search-fixtures}.
 */
final class OllamaWire {

    static final String PATH = "/api/chat";
    static final String BID_PHRASE = "Do not carry out the task now";
    static final String JURY_PHRASE = "You are a juror";
    static final String PLAN_PHRASE = "You won an auction";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OllamaWire() {}

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String model, String content, int in, int out) {
        return json(Map.of("model", model, "created_at", "2026-11-26T00:00:00Z",
                "message", Map.of("role", "assistant", "content", content),
                "done_reason", "stop", "done", true, "prompt_eval_count", in, "eval_count", out));
    }

    static String ndjsonText(List<String> chunks, int in, int out) {
        StringBuilder body = new StringBuilder();
        for (String chunk : chunks) {
            body.append(line(Map.of("role", "assistant", "content", chunk), false, 0, 0)).append('\n');
        }
        return body.append(line(Map.of("role", "assistant", "content", ""), true, in, out)).append('\n').toString();
    }

    static String ndjsonToolCall(String tool, Map<String, Object> arguments, int in, int out) {
        Map<String, Object> message = Map.of("role", "assistant", "content", "",
                "tool_calls", List.of(Map.of("function", Map.of("name", tool, "arguments", arguments))));
        return line(message, false, 0, 0) + "\n" + line(Map.of("role", "assistant", "content", ""), true, in, out)
                + "\n";
    }

    private static String line(Map<String, Object> message, boolean done, int in, int out) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("model", "m");
        line.put("created_at", "2026-11-26T00:00:00Z");
        line.put("message", message);
        line.put("done", done);
        if (done) {
            line.put("done_reason", "stop");
            line.put("prompt_eval_count", in);
            line.put("eval_count", out);
        }
        return json(line);
    }

    /** Bids of each model with its plan and the given token counts; the jury scores both bids 4. */
    static void stubAuction(WireMockServer server, Map<String, String> plans, int bidIn, Map<String, Integer> bidOut,
            int juryIn, int juryOut) {
        plans.forEach((model, plan) -> server.stubFor(post(urlPathEqualTo(PATH)).atPriority(5)
                .withRequestBody(containing(BID_PHRASE)).withRequestBody(containing("\"" + model + "\""))
                .willReturn(ok("application/json", text(model, plan, bidIn, bidOut.get(model))))));
        server.stubFor(post(urlPathEqualTo(PATH)).atPriority(5).withRequestBody(containing(JURY_PHRASE))
                .willReturn(ok("application/json", text("m",
                        "{\"scores\": [{\"bid\": \"B1\", \"score\": 4}, {\"bid\": \"B2\", \"score\": 4}]}",
                        juryIn, juryOut))));
    }

    /** The execution's calls (requests carrying the plan), answered in order with the given NDJSON bodies. */
    static void stubExecution(WireMockServer server, List<String> bodies) {
        for (int i = 0; i < bodies.size(); i++) {
            String state = i == 0 ? Scenario.STARTED : "call-" + i;
            var stub = post(urlPathEqualTo(PATH)).atPriority(1).withRequestBody(containing(PLAN_PHRASE))
                    .inScenario("execution").whenScenarioStateIs(state)
                    .willReturn(ok("application/x-ndjson", bodies.get(i)));
            server.stubFor(i < bodies.size() - 1 ? stub.willSetStateTo("call-" + (i + 1)) : stub);
        }
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String type, String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", type).withBody(body);
    }

    /** A saved real page from {@code shared/data/search-fixtures}, found by walking up from the module. */
    static String savedPage(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("shared/data/search-fixtures").resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    return Files.readString(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("shared/data/search-fixtures/" + name + " not found above "
                + Path.of("").toAbsolutePath() + "; check out the shared data beside the repository");
    }
}
