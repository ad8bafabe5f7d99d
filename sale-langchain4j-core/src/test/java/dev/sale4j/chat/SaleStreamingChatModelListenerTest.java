package dev.sale4j.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.common.AbstractStreamingChatModelListenerIT;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.sale4j.execute.SaleExecutionException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * LangChain4j's own streaming listener conformance suite, unmodified, run against SaleStreamingChatModel over real
 * OpenAI clients (blocking ones for the auction, streaming ones for execution) served by WireMock SSE. Named *Test so
 * that it runs in the default build.
 */
class SaleStreamingChatModelListenerTest extends AbstractStreamingChatModelListenerIT {

    private static final String[] AGENTS = {"small", "big"};

    private WireMockServer server;
    private WireMockPool wire;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        wire = new WireMockPool(server, WireMockPool.Provider.OPENAI);
        wire.stubAuction("hello", "big", 1);
        wire.stubAuction("this message will fail", "big", 3);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Override
    protected StreamingChatModel createModel(ChatModelListener listener) {
        for (String agent : AGENTS) {
            server.stubFor(post(urlPathEqualTo(wire.path(agent))).atPriority(10)
                    .withRequestBody(containing(WireFormats.PLAN_PHRASE))
                    .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                            .withBody(WireFormats.openAiSse(List.of("Hello! ", "How can I help?"), 25, 7))));
        }
        return model(listener);
    }

    @Override
    protected StreamingChatModel createFailingModel(ChatModelListener listener) {
        for (String agent : AGENTS) {
            server.stubFor(post(urlPathEqualTo(wire.path(agent))).atPriority(10)
                    .withRequestBody(containing(WireFormats.PLAN_PHRASE))
                    .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                            .withBody("{\"error\":{\"message\":\"Incorrect API key provided\","
                                    + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")));
        }
        return model(listener);
    }

    private StreamingChatModel model(ChatModelListener listener) {
        SaleStreamingChatModel.Builder builder = SaleStreamingChatModel.builder()
                .router(wire.router())
                .defaultRequestParameters(ChatRequestParameters.builder()
                        .modelName(modelName())
                        .temperature(temperature())
                        .topP(topP())
                        .maxOutputTokens(maxTokens())
                        .build())
                .listener(listener);
        for (String agent : AGENTS) {
            builder.streamingModel(agent, wire.streamingModel(agent));
        }
        return builder.build();
    }

    @Override
    protected String modelName() {
        return "sale4j-router";
    }

    @Override
    protected Class<? extends Exception> expectedExceptionClass() {
        return SaleExecutionException.class;
    }
}
