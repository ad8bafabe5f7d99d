package dev.sale4j.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.sale4j.SaleRouter;
import dev.sale4j.jury.JuryMode;
import dev.sale4j.jury.PromptJury;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which agents may bid for a request beyond tools: JSON-schema response formats and images, from what each agent's
 * model lists or from {@code agentFeatures(...)}. Real OllamaChatModels against WireMock.
 */
class ChatFeatureEligibilityTest {

    /** A 1x1 transparent PNG. */
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAA"
            + "AABJRU5ErkJggg==";

    private static final JsonSchema CITY = JsonSchema.builder().name("City")
            .rootElement(JsonObjectSchema.builder().addStringProperty("city").addIntegerProperty("population")
                    .required("city", "population").build())
            .build();

    private WireMockServer server;
    private WireMockPool wire;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        wire = new WireMockPool(server, WireMockPool.Provider.OLLAMA);
        for (String agent : new String[] {"small", "big"}) {
            server.stubFor(post(urlPathEqualTo(wire.path(agent))).atPriority(5)
                    .withRequestBody(containing(WireFormats.PLAN_PHRASE))
                    .willReturn(WireMockPool.ok(wire.text("{\"city\": \"Reykjavik\", \"population\": 131136, "
                            + "\"by\": \"" + agent + "\"}", 220, 18))));
        }
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private OllamaChatModel ollama(String agent, Capability... capabilities) {
        return OllamaChatModel.builder().baseUrl(server.baseUrl() + "/" + agent).modelName("qwen3:4b").maxRetries(0)
                .timeout(Duration.ofSeconds(10)).supportedCapabilities(capabilities).build();
    }

    /** "small" lists no capabilities (Ollama's default); "big" lists JSON-schema response formats. */
    private SaleRouter router() {
        AgentPool pool = AgentPool.of(
                Agent.of("small", ollama("small"), WireMockPool.SMALL_PRICE),
                Agent.of("big", ollama("big", Capability.RESPONSE_FORMAT_JSON_SCHEMA), WireMockPool.BIG_PRICE));
        return SaleRouter.builder().pool(pool)
                .jury(PromptJury.builder().mode(JuryMode.ONE_CALL_PER_BID).random(new Random(7)).build())
                .build();
    }

    private static ChatRequest schemaRequest(String text) {
        return ChatRequest.builder().messages(UserMessage.from(text))
                .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(CITY).build())
                .build();
    }

    private static SaleChatResponseMetadata metadata(ChatResponse response) {
        return (SaleChatResponseMetadata) response.metadata();
    }

    private static JsonNode body(LoggedRequest request) {
        return WireFormats.tree(request.getBodyAsString());
    }

    @Test
    void agentsWithoutJsonSchemaSupportDoNotBid() {
        wire.stubAuction("[S]", "small", 1);
        SaleChatModel model = SaleChatModel.builder().router(router()).build();

        ChatResponse response = model.chat(schemaRequest("Population of Reykjavik as JSON [S]"));

        assertThat(metadata(response).winner()).as("small is the jury's favourite, but cannot serve a schema")
                .isEqualTo("big");
        assertThat(metadata(response).bids()).extracting(BidSummary::agent).containsExactly("big");
        assertThat(wire.requests("small", WireFormats.BID_PHRASE)).isEmpty();
        assertThat(wire.requests("big", WireFormats.BID_PHRASE)).hasSize(1)
                .allSatisfy(r -> assertThat(body(r).has("format")).as("bids ask for no schema").isFalse());
        assertThat(wire.requests("small", WireFormats.PLAN_PHRASE)).isEmpty();
        assertThat(wire.requests("big", WireFormats.PLAN_PHRASE)).hasSize(1);
        JsonNode format = body(wire.requests("big", WireFormats.PLAN_PHRASE).get(0)).path("format");
        assertThat(format.path("type").asText()).as("the schema reaches the winner unchanged").isEqualTo("object");
        assertThat(format.path("required")).extracting(JsonNode::asText).containsExactly("city", "population");
        assertThat(format.path("properties").has("city")).isTrue();
        assertThat(format.path("properties").path("population").path("type").asText()).isEqualTo("integer");
        assertThat(response.aiMessage().text()).contains("\"by\": \"big\"");
    }

    @Test
    void anAgentDeclaredWithJsonSchemaBidsForSchemaRequestsWhateverItsModelLists() {
        wire.stubAuction("[S]", "small", 1);
        SaleChatModel model = SaleChatModel.builder().router(router())
                .agentFeatures("small", ChatFeature.JSON_SCHEMA)
                .build();

        ChatResponse response = model.chat(schemaRequest("Population of Reykjavik as JSON [S]"));

        assertThat(metadata(response).winner()).isEqualTo("small");
        assertThat(metadata(response).bids()).extracting(BidSummary::agent).containsExactlyInAnyOrder("small", "big");
        assertThat(wire.requests("small", WireFormats.PLAN_PHRASE)).singleElement()
                .satisfies(r -> assertThat(body(r).path("format").path("properties").has("city")).isTrue());
        assertThat(wire.requests("big", WireFormats.PLAN_PHRASE)).isEmpty();
    }

    @Test
    void aDeclarationWithoutJsonSchemaOverridesWhatTheModelLists() {
        wire.stubAuction("[S]", "big", 1);
        SaleChatModel model = SaleChatModel.builder().router(router())
                .agentFeatures("small", ChatFeature.JSON_SCHEMA)
                .agentFeatures("big", ChatFeature.TOOLS, ChatFeature.IMAGES)
                .build();

        ChatResponse response = model.chat(schemaRequest("Population of Reykjavik as JSON [S]"));

        assertThat(metadata(response).winner()).isEqualTo("small");
        assertThat(wire.requests("big", WireFormats.BID_PHRASE)).isEmpty();
    }

    @Test
    void agentsDeclaredWithoutImagesDoNotBidForARequestWithAnImage() {
        wire.stubAuction("[I]", "big", 1);
        SaleChatModel model = SaleChatModel.builder().router(router())
                .agentFeatures("big", ChatFeature.TOOLS, ChatFeature.JSON_SCHEMA)
                .build();
        UserMessage withImage = UserMessage.from(TextContent.from("Which city is on this postcard? [I]"),
                ImageContent.from(PNG, "image/png"));

        ChatResponse response = model.chat(withImage);

        assertThat(metadata(response).winner()).as("big is the jury's favourite, but declared without images")
                .isEqualTo("small");
        assertThat(wire.requests("big", WireFormats.BID_PHRASE)).isEmpty();
        assertThat(wire.requests("small", WireFormats.BID_PHRASE)).hasSize(1);
        assertThat(wire.requests("small", WireFormats.PLAN_PHRASE)).singleElement().satisfies(r -> assertThat(
                body(r).path("messages").findValues("images")).singleElement()
                .satisfies(images -> assertThat(images.get(0).asText()).isEqualTo(PNG)));

        ChatResponse textOnly = model.chat(UserMessage.from("Which city has the most hot springs? [I]"));

        assertThat(metadata(textOnly).winner()).as("without an image, big bids again and wins").isEqualTo("big");
        assertThat(wire.requests("big", WireFormats.BID_PHRASE)).hasSize(1);
    }

    @Test
    void streamingAgentsServeJsonSchemasByWhatTheirStreamingModelLists() throws Exception {
        wire.stubAuction("[S]", "small", 1);
        server.stubFor(post(urlPathEqualTo(wire.path("big"))).atPriority(4)
                .withRequestBody(containing(WireFormats.PLAN_PHRASE))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-ndjson")
                        .withBody(WireFormats.ollamaNdjson(List.of("{\"city\": ", "\"Reykjavik\"}"), 220, 6))));
        // the bidding ChatModels list the opposite of what the executing streaming models list
        AgentPool pool = AgentPool.of(
                Agent.of("small", ollama("small", Capability.RESPONSE_FORMAT_JSON_SCHEMA), WireMockPool.SMALL_PRICE),
                Agent.of("big", ollama("big"), WireMockPool.BIG_PRICE));
        SaleStreamingChatModel model = SaleStreamingChatModel.builder()
                .router(SaleRouter.builder().pool(pool)
                        .jury(PromptJury.builder().mode(JuryMode.ONE_CALL_PER_BID).random(new Random(7)).build())
                        .build())
                .streamingModel("small", OllamaStreamingChatModel.builder().baseUrl(server.baseUrl() + "/small")
                        .modelName("qwen3:4b").build())
                .streamingModel("big", OllamaStreamingChatModel.builder().baseUrl(server.baseUrl() + "/big")
                        .modelName("qwen3:4b").supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA).build())
                .build();
        StreamCollector stream = new StreamCollector();

        model.chat(schemaRequest("Population of Reykjavik as JSON [S]"), stream);

        ChatResponse response = stream.response(20);
        assertThat(response.aiMessage().text()).isEqualTo("{\"city\": \"Reykjavik\"}");
        assertThat(metadata(response).winner()).isEqualTo("big");
        assertThat(wire.requests("small", WireFormats.BID_PHRASE)).isEmpty();
        assertThat(wire.requests("big", WireFormats.PLAN_PHRASE)).singleElement()
                .satisfies(r -> assertThat(body(r).path("format").path("properties").has("city")).isTrue());
    }

    @Test
    void aRequestNoAgentCanServeFailsWithAClearErrorBeforeAnyCall() {
        SaleChatModel model = SaleChatModel.builder().router(router())
                .agentFeatures("big", ChatFeature.TOOLS)
                .build();

        assertThatThrownBy(() -> model.chat(schemaRequest("Population of Reykjavik as JSON")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No agent of AgentPool[small, big] can serve this request")
                .hasMessageContaining("it needs [JSON_SCHEMA]")
                .hasMessageContaining("agentFeatures(name, ...)");
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aStreamingRequestNoAgentCanServeReportsTheErrorToTheHandler() throws Exception {
        SaleStreamingChatModel model = SaleStreamingChatModel.builder().router(router())
                .streamingModel("small", OllamaStreamingChatModel.builder().baseUrl(server.baseUrl() + "/small")
                        .modelName("qwen3:4b").build())
                .agentFeatures("small", ChatFeature.JSON_SCHEMA)
                .build();
        StreamCollector failed = new StreamCollector();
        UserMessage withImage = UserMessage.from(TextContent.from("Which city is on this postcard?"),
                ImageContent.from(PNG, "image/png"));

        model.chat(ChatRequest.builder().messages(withImage).build(), failed);

        assertThat(failed.error(5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("can serve this request")
                .hasMessageContaining("[IMAGES]");
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
