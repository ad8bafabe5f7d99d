package dev.sale4j.tools.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.langchain4j.model.openai.OpenAiChatModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The research assistant on the real OpenAI client, against WireMock speaking OpenAI's wire format. */
class ResearchAssistantOpenAiTest {

    private WireMockServer llm;
    private WireMockServer web;

    @BeforeEach
    void start() {
        llm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        web = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        llm.start();
        web.start();
        WebFixtures.serve(web);
    }

    @AfterEach
    void stop() {
        llm.stop();
        web.stop();
    }

    private OpenAiChatModel openAi() {
        return OpenAiChatModel.builder().baseUrl("http://127.0.0.1:" + llm.port() + "/v1").apiKey("test-key")
                .modelName("gpt-4o-mini").build();
    }

    @Test
    void answerCitesThePageItReadAndFlagsCitationsItNeverRead() {
        String page = WebFixtures.pageUrl(web);
        String missing = WebFixtures.missingUrl(web);
        Script.answer(llm, Script.OPENAI_PATH, "application/json", List.of(
                WireFormats.openAiToolCall("call_1", "searchWeb", Map.of("query", "hello meaning"), 420, 18),
                WireFormats.openAiToolCall("call_2", "readPage", Map.of("url", page), 1900, 25),
                WireFormats.openAiToolCall("call_3", "readPage", Map.of("url", missing), 5200, 22),
                WireFormats.openAiText("\"Hello\" is a greeting, an expression or gesture of greeting.\n\nSources:\n"
                        + page + "\n" + WebFixtures.SECOND_RESULT + "\n" + missing, 5400, 40)));
        List<String> started = new ArrayList<>();
        ResearchAssistant assistant = ResearchAssistant.builder().chatModel(openAi())
                .searchEngine(WebFixtures.searchEngine(web)).pageReader(WebFixtures.pageReader(web)).build();

        ResearchResult result = assistant.ask("What does hello mean?", new AgentListener() {
            @Override
            public void onToolStarted(int index, String name, String arguments) {
                started.add(index + ":" + name);
            }
        });

        assertThat(result.outcome()).isEqualTo(ResearchResult.Outcome.ANSWERED);
        assertThat(result.run().stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.sources()).containsExactly(new Source(page, "Hello - Bing", true));
        assertThat(result.unreadCitations()).containsExactly(WebFixtures.SECOND_RESULT, missing);
        assertThat(started).containsExactly("0:searchWeb", "1:readPage", "2:readPage");
        assertThat(result.run().toolCalls()).extracting(ToolCall::status)
                .containsExactly(ToolCall.Status.OK, ToolCall.Status.OK, ToolCall.Status.ERROR);
        assertThat(result.run().toolCalls().get(2).result()).startsWith("Error: HTTP 404");
        assertThat(result.run().modelCalls()).extracting(c -> c.usage().inputTokenCount())
                .containsExactly(420, 1900, 5200, 5400);
        assertThat(result.run().totalUsage().outputTokenCount()).isEqualTo(18 + 25 + 22 + 40);

        JsonNode json = WireFormats.tree(result.toJson());
        assertThat(json.get("outcome").asText()).isEqualTo("ANSWERED");
        assertThat(json.at("/sources/0/url").asText()).isEqualTo(page);
        assertThat(json.at("/sources/0/cited").asBoolean()).isTrue();
        assertThat(json.at("/unreadCitations/1").asText()).isEqualTo(missing);
        assertThat(json.at("/run/toolCalls/1/arguments").asText()).isEqualTo("{\"url\":\"" + page + "\"}");
        assertThat(json.at("/run/toolCalls/1/resultChars").asInt())
                .isEqualTo(result.run().toolCalls().get(1).result().length()).isGreaterThan(1000);
        assertThat(json.at("/run/toolCalls/2/error").asText()).startsWith("Error: HTTP 404");
        assertThat(json.at("/run/modelCalls/3/inputTokens").asInt()).isEqualTo(5400);
        assertThat(json.at("/run/modelCalls/0/finishReason").asText()).isEqualTo("TOOL_EXECUTION");
        assertThat(json.at("/run/totalUsage/outputTokens").asInt()).isEqualTo(105);

        List<JsonNode> requests = Script.requests(llm, Script.OPENAI_PATH);
        assertThat(requests).hasSize(4);
        assertThat(requests.get(0).at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(requests.get(0).at("/messages/0/content").asText()).contains("NOT FOUND:").contains("12 tool calls");
        assertThat(requests.get(0).get("tools")).extracting(t -> t.at("/function/name").asText())
                .containsExactly("searchWeb", "readPage");
        assertThat(requests.get(0).at("/tools/0/function/parameters/required/0").asText()).isEqualTo("query");
        JsonNode searchResult = requests.get(1).at("/messages/3");
        assertThat(searchResult.get("role").asText()).isEqualTo("tool");
        assertThat(searchResult.get("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(searchResult.get("content").asText()).contains("URL: " + page)
                .contains("URL: " + WebFixtures.SECOND_RESULT).contains("Snippet: Hello definition is");
        JsonNode pageResult = requests.get(2).at("/messages/5");
        assertThat(pageResult.get("tool_call_id").asText()).isEqualTo("call_2");
        assertThat(pageResult.get("content").asText()).startsWith("Title: Hello - Bing\nURL: " + page)
                .contains("Hello definition is - an expression or gesture of greeting");
    }

    @Test
    void unknownToolNameIsAnErrorTheModelReadsAndCountsAsAStep() {
        Script.answer(llm, Script.OPENAI_PATH, "application/json", List.of(
                WireFormats.openAiToolCall("call_1", "browse", Map.of("url", "https://example.org/"), 300, 10),
                WireFormats.openAiText("NOT FOUND: I could not browse.", 400, 10)));
        ResearchAssistant assistant = ResearchAssistant.builder().chatModel(openAi()).maxToolCalls(1)
                .searchEngine(WebFixtures.searchEngine(web)).pageReader(WebFixtures.pageReader(web)).build();

        ResearchResult result = assistant.ask("What is on example.org?");

        assertThat(result.run().toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.status()).isEqualTo(ToolCall.Status.ERROR);
            assertThat(call.result()).isEqualTo("Error: there is no tool named 'browse'; the tools are: "
                    + "searchWeb, readPage");
        });
        assertThat(Script.requests(llm, Script.OPENAI_PATH).get(1).at("/messages/3/content").asText())
                .startsWith("Error: there is no tool named 'browse'");
        assertThat(result.run().stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.outcome()).isEqualTo(ResearchResult.Outcome.NOT_FOUND);
    }
}
