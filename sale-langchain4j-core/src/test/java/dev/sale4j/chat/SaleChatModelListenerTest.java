package dev.sale4j.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.common.AbstractChatModelListenerIT;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.sale4j.execute.SaleExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * LangChain4j's own listener conformance suite, unmodified, run against SaleChatModel over real OpenAI clients served
 * by WireMock. Named *Test so that it runs in the default build.
 */
class SaleChatModelListenerTest extends AbstractChatModelListenerIT {

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
    protected ChatModel createModel(ChatModelListener listener) {
        for (String agent : new String[] {"small", "big"}) {
            server.stubFor(post(urlPathEqualTo(wire.path(agent))).atPriority(10)
                    .withRequestBody(containing(WireFormats.PLAN_PHRASE))
                    .willReturn(WireMockPool.ok(WireFormats.openAiText("Hello! How can I help?", 25, 7))));
        }
        return model(listener);
    }

    @Override
    protected ChatModel createFailingModel(ChatModelListener listener) {
        for (String agent : new String[] {"small", "big"}) {
            server.stubFor(post(urlPathEqualTo(wire.path(agent))).atPriority(10)
                    .withRequestBody(containing(WireFormats.PLAN_PHRASE))
                    .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                            .withBody("{\"error\":{\"message\":\"Incorrect API key provided\","
                                    + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")));
        }
        return model(listener);
    }

    private ChatModel model(ChatModelListener listener) {
        return SaleChatModel.builder()
                .router(wire.router())
                .defaultRequestParameters(ChatRequestParameters.builder()
                        .modelName(modelName())
                        .temperature(temperature())
                        .topP(topP())
                        .maxOutputTokens(maxTokens())
                        .build())
                .listener(listener)
                .build();
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
