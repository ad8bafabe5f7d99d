package dev.sale4j.chat;

import dev.sale4j.execute.ToolCallIds;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import dev.sale4j.SaleRouter;
import dev.sale4j.jury.JuryMode;
import dev.sale4j.jury.PromptJury;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A conversation whose second message is won by an agent of another provider, on the real OpenAI and Ollama clients
 * served by WireMock. Each backend answers a user message whose history carries the earlier tool call in its own
 * valid format; otherwise it calls the tool again, as a real model that does not recognise the call would.
 */
class ProviderChangeTest {

    interface Assistant {
        Result<String> chat(String message);
    }

    static final class Calculator {
        final AtomicInteger calls = new AtomicInteger();

        @Tool("Adds two integers")
        int add(int a, int b) {
            calls.incrementAndGet();
            return a + b;
        }
    }

    private static final String OPENAI = "openai";
    private static final String OLLAMA = "ollama";

    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void anOpenAiWinnerAfterAnOllamaToolCallGetsToolCallsWithIdsAndDoesNotCallTheToolAgain() {
        Calculator calculator = converse(OLLAMA, OPENAI);

        assertThat(calculator.calls).hasValue(1);
        JsonNode messages = lastExecution(OPENAI).path("messages");
        JsonNode assistant = toolCalling(messages);
        JsonNode tool = only(messages, "tool");
        String id = assistant.path("tool_calls").path(0).path("id").asText();
        assertThat(id).startsWith(ToolCallIds.PREFIX);
        assertThat(assistant.path("tool_calls").path(0).path("function").path("name").asText()).isEqualTo("add");
        assertThat(assistant.has("function_call")).isFalse();
        assertThat(tool.path("tool_call_id").asText()).isEqualTo(id);
        assertThat(tool.path("content").asText()).isEqualTo("5");
        assertThat(roles(messages)).doesNotContain("function");
    }

    @Test
    void anOllamaWinnerAfterAnOpenAiToolCallGetsTheToolHistoryAndDoesNotCallTheToolAgain() {
        Calculator calculator = converse(OPENAI, OLLAMA);

        assertThat(calculator.calls).hasValue(1);
        JsonNode messages = lastExecution(OLLAMA).path("messages");
        JsonNode assistant = toolCalling(messages);
        assertThat(assistant.path("tool_calls").path(0).path("function").path("name").asText()).isEqualTo("add");
        assertThat(assistant.path("tool_calls").path(0).path("function").path("arguments").path("a").asInt())
                .isEqualTo(2);
        assertThat(only(messages, "tool").path("content").asText()).isEqualTo("5");
    }

    @Test
    void historiesWithIdsPassUnchangedAndMissingIdsAreStableAcrossCalls() {
        var withIds = List.<dev.langchain4j.data.message.ChatMessage>of(
                dev.langchain4j.data.message.UserMessage.from("2+3?"),
                dev.langchain4j.data.message.AiMessage.from(dev.langchain4j.agent.tool.ToolExecutionRequest.builder()
                        .id("call_1").name("add").arguments("{\"a\":2,\"b\":3}").build()),
                dev.langchain4j.data.message.ToolExecutionResultMessage.from("call_1", "add", "5"));
        assertThat(ToolCallIds.complete(withIds)).isSameAs(withIds);

        var noIds = List.<dev.langchain4j.data.message.ChatMessage>of(
                dev.langchain4j.data.message.UserMessage.from("2+3 and 1+1?"),
                dev.langchain4j.data.message.AiMessage.from(
                        dev.langchain4j.agent.tool.ToolExecutionRequest.builder().name("add").arguments("{\"a\":2,\"b\":3}").build(),
                        dev.langchain4j.agent.tool.ToolExecutionRequest.builder().name("mul").arguments("{\"a\":1,\"b\":1}").build()),
                dev.langchain4j.data.message.ToolExecutionResultMessage.from(null, "mul", "1"),
                dev.langchain4j.data.message.ToolExecutionResultMessage.from(null, "add", "5"));
        var completed = ToolCallIds.complete(noIds);
        var calls = ((dev.langchain4j.data.message.AiMessage) completed.get(1)).toolExecutionRequests();
        assertThat(calls.get(0).id()).isNotEqualTo(calls.get(1).id());
        assertThat(((dev.langchain4j.data.message.ToolExecutionResultMessage) completed.get(2)).id())
                .isEqualTo(calls.get(1).id());
        assertThat(((dev.langchain4j.data.message.ToolExecutionResultMessage) completed.get(3)).id())
                .isEqualTo(calls.get(0).id());
        assertThat(ToolCallIds.complete(noIds)).isEqualTo(completed);
    }

    /** Message 1 is won by {@code first}, which calls the tool; message 2 by {@code second}. */
    private Calculator converse(String first, String second) {
        for (String agent : List.of(OPENAI, OLLAMA)) {
            stubAuction(agent, "[B]", second, 1);
            stubAuction(agent, "[A]", first, 3);
            stubExecution(agent);
        }
        SaleRouter router = SaleRouter.builder()
                .pool(AgentPool.of(Agent.of(OPENAI, model(OPENAI), 0.10), Agent.of(OLLAMA, model(OLLAMA), 0.05)))
                .jury(PromptJury.builder().mode(JuryMode.ONE_CALL_PER_BID).random(new Random(7)).build())
                .build();
        Calculator calculator = new Calculator();
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(SaleChatModel.builder().router(router).build())
                .tools(calculator)
                .chatMemory(MessageWindowChatMemory.withMaxMessages(50))
                .build();

        Result<String> one = assistant.chat("What is 2 + 3? [A]");
        assertThat(one.content()).isEqualTo("The sum is 5 (" + first + ")");
        assertThat(calculator.calls).hasValue(1);

        Result<String> two = assistant.chat("Is it still the same sum? [B]");
        assertThat(two.content()).isEqualTo("It is still 5 (" + second + ")");
        assertThat(((SaleChatResponseMetadata) two.finalResponse().metadata()).executor()).isEqualTo(second);
        return calculator;
    }

    private ChatModel model(String agent) {
        String base = server.baseUrl() + "/" + agent;
        return agent.equals(OPENAI)
                ? OpenAiChatModel.builder().baseUrl(base + "/v1").apiKey("test-key").modelName("gpt-4o-mini")
                        .maxRetries(0).timeout(Duration.ofSeconds(10)).build()
                : OllamaChatModel.builder().baseUrl(base).modelName("qwen3:4b").maxRetries(0)
                        .timeout(Duration.ofSeconds(10)).build();
    }

    private static String path(String agent) {
        return agent.equals(OPENAI) ? "/openai/v1/chat/completions" : "/ollama/api/chat";
    }

    private static String text(String agent, String text) {
        return agent.equals(OPENAI) ? WireFormats.openAiText(text, 100, 10) : WireFormats.ollamaText(text, 100, 10);
    }

    private void stub(String agent, MappingBuilder request, String body) {
        server.stubFor(request.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(body)));
    }

    private void stubAuction(String agent, String marker, String favourite, int priority) {
        stub(agent, post(urlPathEqualTo(path(agent))).atPriority(50).withRequestBody(containing(WireFormats.BID_PHRASE)),
                text(agent, "PLAN-" + agent + ": call the add tool once, then report the sum."));
        stub(agent, post(urlPathEqualTo(path(agent))).atPriority(priority)
                .withRequestBody(containing(WireFormats.JURY_PHRASE)).withRequestBody(containing(marker))
                .withRequestBody(containing("PLAN-" + favourite)), text(agent, WireFormats.jurySingle(5)));
        stub(agent, post(urlPathEqualTo(path(agent))).atPriority(priority + 1)
                .withRequestBody(containing(WireFormats.JURY_PHRASE)).withRequestBody(containing(marker)),
                text(agent, WireFormats.jurySingle(0)));
    }

    /**
     * After a tool result: the sum. A user message with a valid earlier tool call in the history (OpenAI: an
     * assistant {@code tool_calls} entry and a {@code tool} message with a {@code tool_call_id}; Ollama: assistant
     * {@code tool_calls} and a {@code tool} message): "still 5". Anything else: call the tool.
     */
    private void stubExecution(String agent) {
        String toolResult = agent.equals(OPENAI) ? "$.messages[?(@.role == 'tool' && @.tool_call_id)]"
                : "$.messages[?(@.role == 'tool')]";
        stub(agent, post(urlPathEqualTo(path(agent))).atPriority(10).withRequestBody(containing(WireFormats.PLAN_PHRASE))
                .withRequestBody(matchingJsonPath("$.messages[-1].role", equalTo("tool"))),
                text(agent, "The sum is 5 (" + agent + ")"));
        stub(agent, post(urlPathEqualTo(path(agent))).atPriority(11).withRequestBody(containing(WireFormats.PLAN_PHRASE))
                .withRequestBody(matchingJsonPath("$.messages[-1].role", equalTo("user")))
                .withRequestBody(matchingJsonPath("$.messages[?(@.role == 'assistant' && @.tool_calls)]"))
                .withRequestBody(matchingJsonPath(toolResult)),
                text(agent, "It is still 5 (" + agent + ")"));
        stub(agent, post(urlPathEqualTo(path(agent))).atPriority(12).withRequestBody(containing(WireFormats.PLAN_PHRASE)),
                agent.equals(OPENAI) ? WireFormats.openAiToolCall("call_openai_1", "add", "{\"a\":2,\"b\":3}", 100, 10)
                        : WireFormats.ollamaToolCall("add", Map.of("a", 2, "b", 3), 100, 10));
    }

    private JsonNode lastExecution(String agent) {
        var requests = server.findAll(postRequestedFor(urlPathEqualTo(path(agent)))
                .withRequestBody(containing(WireFormats.PLAN_PHRASE)));
        assertThat(requests).as("execution requests to " + agent).isNotEmpty();
        return WireFormats.tree(requests.get(requests.size() - 1).getBodyAsString());
    }

    private static JsonNode only(JsonNode messages, String role) {
        List<JsonNode> found = StreamSupport.stream(messages.spliterator(), false)
                .filter(m -> role.equals(m.path("role").asText())).toList();
        assertThat(found).as(role + " messages in " + messages).hasSize(1);
        return found.get(0);
    }

    /** The one assistant message that called tools. */
    private static JsonNode toolCalling(JsonNode messages) {
        List<JsonNode> found = StreamSupport.stream(messages.spliterator(), false)
                .filter(m -> "assistant".equals(m.path("role").asText()))
                .filter(m -> m.path("tool_calls").size() > 0 || m.has("function_call")).toList();
        assertThat(found).as("tool-calling assistant messages in " + messages).hasSize(1);
        return found.get(0);
    }

    private static List<String> roles(JsonNode messages) {
        return StreamSupport.stream(messages.spliterator(), false).map(m -> m.path("role").asText()).toList();
    }
}
