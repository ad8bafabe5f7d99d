package dev.sale4j.chat;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.common.AbstractChatModelIT;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;
import dev.sale4j.SaleRouter;
import dev.sale4j.jury.JuryMode;
import dev.sale4j.jury.PromptJury;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.testkit.OpenAiCompatibleServer;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LangChain4j's own chat-model conformance suite, unmodified, run against SaleChatModel whose pool is two real
 * OpenAiChatModel clients of a loopback OpenAI-compatible server. Named *Test so that it runs in the default build.
 */
class SaleChatModelConformanceTest extends AbstractChatModelIT {

    static final String MODEL_NAME_REASON = "The router picks the model by auction: a caller's modelName names the "
            + "router and is removed before delegating, so the response names the winner's model, not the caller's";
    static final String IMAGE_REASON = "The loopback backend cannot see images, and the suite downloads its images "
            + "from public URLs, which this machine cannot reach";

    private final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

    @AfterAll
    void stop() {
        server.close();
    }

    @Override
    protected List<ChatModel> models() {
        return List.of(createModelWith((ChatRequestParameters) null));
    }

    @Override
    protected ChatModel createModelWith(ChatRequestParameters parameters) {
        return SaleChatModel.builder().router(router(server)).defaultRequestParameters(parameters).build();
    }

    static SaleRouter router(OpenAiCompatibleServer server) {
        return SaleRouter.builder()
                .pool(AgentPool.of(Agent.of("small", backend(server, "small"), 0.05),
                        Agent.of("big", backend(server, "big"), 0.36)))
                .jury(PromptJury.builder().mode(JuryMode.ONE_CALL_PER_BID).random(new Random(7)).build())
                .build();
    }

    private static ChatModel backend(OpenAiCompatibleServer server, String agent) {
        return OpenAiChatModel.builder().baseUrl(server.baseUrl(agent)).apiKey("test-key").modelName("gpt-4o-mini")
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                .maxRetries(0).timeout(Duration.ofSeconds(10)).build();
    }

    @Override
    protected ChatRequestParameters createIntegrationSpecificParameters(int maxOutputTokens) {
        return OpenAiChatRequestParameters.builder().maxOutputTokens(maxOutputTokens).build();
    }

    @Override
    protected Class<? extends ChatResponseMetadata> chatResponseMetadataType(ChatModel model) {
        return SaleChatResponseMetadata.class;
    }

    @Override
    protected Class<? extends TokenUsage> tokenUsageType(ChatModel model) {
        return OpenAiTokenUsage.class;
    }

    @Override
    @ParameterizedTest
    @MethodSource("models")
    @Disabled(MODEL_NAME_REASON)
    protected void should_respect_modelName_in_chat_request(ChatModel model) {}

    @Override
    @Test
    @Disabled(MODEL_NAME_REASON)
    protected void should_respect_modelName_in_default_model_parameters() {}

    @Override
    @ParameterizedTest
    @MethodSource("modelsSupportingImageInputs")
    @Disabled(IMAGE_REASON)
    protected void should_accept_single_image_as_base64_encoded_string(ChatModel model) {}

    @Override
    @ParameterizedTest
    @MethodSource("modelsSupportingImageInputs")
    @Disabled(IMAGE_REASON)
    protected void should_accept_multiple_images_as_base64_encoded_strings(ChatModel model) {}

    @Override
    @ParameterizedTest
    @MethodSource("modelsSupportingImageInputs")
    @Disabled(IMAGE_REASON)
    protected void should_accept_single_image_as_public_URL(ChatModel model) {}

    @Override
    @ParameterizedTest
    @MethodSource("modelsSupportingImageInputs")
    @Disabled(IMAGE_REASON)
    protected void should_accept_multiple_images_as_public_URLs(ChatModel model) {}
}
