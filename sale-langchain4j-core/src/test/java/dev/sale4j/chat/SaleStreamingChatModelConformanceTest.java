package dev.sale4j.chat;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.common.AbstractStreamingChatModelIT;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;
import dev.sale4j.testkit.OpenAiCompatibleServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.InOrder;

/**
 * LangChain4j's own streaming chat-model conformance suite, unmodified, run against SaleStreamingChatModel: bids and
 * jury on real OpenAiChatModel clients, execution on real OpenAiStreamingChatModel clients (SSE), all served by a
 * loopback OpenAI-compatible server. Named *Test so that it runs in the default build.
 */
class SaleStreamingChatModelConformanceTest extends AbstractStreamingChatModelIT {

    private static final String[] AGENTS = {"small", "big"};

    private final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

    @AfterAll
    void stop() {
        server.close();
    }

    @Override
    protected List<StreamingChatModel> models() {
        return List.of(model(null, null));
    }

    @Override
    protected StreamingChatModel createModelWith(ChatRequestParameters parameters) {
        return model(parameters, null);
    }

    @Override
    public StreamingChatModel createModelWith(ChatModelListener listener) {
        return model(null, listener);
    }

    private StreamingChatModel model(ChatRequestParameters parameters, ChatModelListener listener) {
        SaleStreamingChatModel.Builder builder = SaleStreamingChatModel.builder()
                .router(SaleChatModelConformanceTest.router(server))
                .defaultRequestParameters(parameters);
        if (listener != null) {
            builder.listener(listener);
        }
        for (String agent : AGENTS) {
            // OpenAiStreamingChatModel declares no capabilities; the OpenAI API streams JSON-schema answers too
            builder.streamingModel(agent, OpenAiStreamingChatModel.builder().baseUrl(server.baseUrl(agent))
                            .apiKey("test-key").modelName("gpt-4o-mini").timeout(Duration.ofSeconds(10)).build())
                    .agentFeatures(agent, ChatFeature.TOOLS, ChatFeature.JSON_SCHEMA, ChatFeature.IMAGES);
        }
        return builder.build();
    }

    @Override
    protected ChatRequestParameters createIntegrationSpecificParameters(int maxOutputTokens) {
        return OpenAiChatRequestParameters.builder().maxOutputTokens(maxOutputTokens).build();
    }

    @Override
    protected Class<? extends ChatResponseMetadata> chatResponseMetadataType(StreamingChatModel model) {
        return SaleChatResponseMetadata.class;
    }

    @Override
    protected Class<? extends TokenUsage> tokenUsageType(StreamingChatModel model) {
        return OpenAiTokenUsage.class;
    }

    /** The server streams each call's name with the arguments up to the first colon, then the rest. */
    @Override
    protected void verifyToolCallbacks(StreamingChatResponseHandler handler, InOrder io, String id) {
        verifyToolCall(handler, io, 0, id, "getWeather", "{\"city\":", "\"Munich\"}");
    }

    @Override
    protected void verifyToolCallbacks(StreamingChatResponseHandler handler, InOrder io, String id1, String id2) {
        verifyToolCall(handler, io, 0, id1, "getWeather", "{\"city\":", "\"Munich\"}");
        verifyToolCall(handler, io, 1, id2, "getTime", "{\"country\":", "\"France\"}");
    }

    private static void verifyToolCall(StreamingChatResponseHandler handler, InOrder io, int index, String id,
            String name, String head, String tail) {
        io.verify(handler).onPartialToolCall(argThat(call -> call.index() == index && call.id().equals(id)
                && call.name().equals(name) && call.partialArguments().equals(head)), any());
        io.verify(handler).onPartialToolCall(argThat(call -> call.index() == index && call.id().equals(id)
                && call.name().equals(name) && call.partialArguments().equals(tail)), any());
        io.verify(handler).onCompleteToolCall(argThat(call -> {
            ToolExecutionRequest request = call.toolExecutionRequest();
            return call.index() == index && request.id().equals(id) && request.name().equals(name)
                    && request.arguments().equals(head + tail);
        }));
    }

    @Override
    @ParameterizedTest
    @MethodSource("models")
    @Disabled(SaleChatModelConformanceTest.MODEL_NAME_REASON)
    protected void should_respect_modelName_in_chat_request(StreamingChatModel model) {}

    @Override
    @Test
    @Disabled(SaleChatModelConformanceTest.MODEL_NAME_REASON)
    protected void should_respect_modelName_in_default_model_parameters() {}

    @Override
    @ParameterizedTest
    @MethodSource("modelsSupportingImageInputs")
    @Disabled(SaleChatModelConformanceTest.IMAGE_REASON)
    protected void should_accept_single_image_as_base64_encoded_string(StreamingChatModel model) {}

    @Override
    @ParameterizedTest
    @MethodSource("modelsSupportingImageInputs")
    @Disabled(SaleChatModelConformanceTest.IMAGE_REASON)
    protected void should_accept_multiple_images_as_base64_encoded_strings(StreamingChatModel model) {}

    @Override
    @ParameterizedTest
    @MethodSource("modelsSupportingImageInputs")
    @Disabled(SaleChatModelConformanceTest.IMAGE_REASON)
    protected void should_accept_single_image_as_public_URL(StreamingChatModel model) {}

    @Override
    @ParameterizedTest
    @MethodSource("modelsSupportingImageInputs")
    @Disabled(SaleChatModelConformanceTest.IMAGE_REASON)
    protected void should_accept_multiple_images_as_public_URLs(StreamingChatModel model) {}
}
