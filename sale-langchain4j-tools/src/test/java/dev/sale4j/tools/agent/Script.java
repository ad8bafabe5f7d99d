package dev.sale4j.tools.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** A model backend on WireMock answering a fixed sequence of wire-format bodies, one per request, in order. */
final class Script {

    static final String OPENAI_PATH = "/v1/chat/completions";
    static final String OLLAMA_PATH = "/api/chat";

    private Script() {
    }

    /** Answers the n-th POST to {@code path} with {@code bodies.get(n)}; the last one repeats if asked again. */
    static void answer(WireMockServer server, String path, String contentType, List<String> bodies) {
        for (int i = 0; i < bodies.size(); i++) {
            String state = i == 0 ? Scenario.STARTED : "call-" + i;
            var stub = post(urlPathEqualTo(path)).inScenario("model").whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", contentType)
                            .withBody(bodies.get(i)));
            server.stubFor(i < bodies.size() - 1 ? stub.willSetStateTo("call-" + (i + 1)) : stub);
        }
    }

    /** @return the request bodies the model backend received, in order, as JSON trees */
    static List<JsonNode> requests(WireMockServer server, String path) {
        return server.findAll(postRequestedFor(urlPathEqualTo(path))).stream().map(LoggedRequest::getBodyAsString)
                .map(WireFormats::tree).toList();
    }
}
