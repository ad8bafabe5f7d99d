package dev.sale4j.tools.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.sale4j.tools.web.SearxngSearchEngine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The research assistant on the real Ollama clients: tool calls without ids, arguments as JSON objects. */
class ResearchAssistantOllamaTest {

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

    private ResearchAssistant.Builder assistant() {
        return ResearchAssistant.builder().searchEngine(WebFixtures.searchEngine(web))
                .pageReader(WebFixtures.pageReader(web));
    }

    @Test
    void saysNotFoundWhenThePagesItReadDoNotAnswer() {
        String page = WebFixtures.pageUrl(web);
        Script.answer(llm, Script.OLLAMA_PATH, "application/json", List.of(
                WireFormats.ollamaToolCall("searchWeb", Map.of("query", "hello population 1850"), 400, 15),
                WireFormats.ollamaToolCall("readPage", Map.of("url", page), 1800, 15),
                WireFormats.ollamaText("**NOT FOUND:** I searched for \"hello population 1850\" and read " + page
                        + "; it defines the greeting but gives no population.", 5000, 30)));
        ResearchAssistant assistant = assistant().chatModel(OllamaChatModel.builder()
                .baseUrl("http://127.0.0.1:" + llm.port()).modelName("qwen3:4b").build()).build();

        ResearchResult result = assistant.ask("What was the population of Hello in 1850?");

        assertThat(result.outcome()).isEqualTo(ResearchResult.Outcome.NOT_FOUND);
        assertThat(result.sources()).extracting(Source::url).containsExactly(page);
        assertThat(result.unreadCitations()).isEmpty();
        List<JsonNode> requests = Script.requests(llm, Script.OLLAMA_PATH);
        JsonNode searchResult = requests.get(1).at("/messages/3");
        assertThat(searchResult.get("role").asText()).isEqualTo("tool");
        assertThat(searchResult.get("content").asText()).contains("URL: " + page);
        assertThat(requests.get(1).at("/messages/2/tool_calls/0/function/arguments/query").asText())
                .isEqualTo("hello population 1850");
    }

    @Test
    void answerWithoutAnyPageReadIsUnsourcedAndStreamsInParts() {
        Script.answer(llm, Script.OLLAMA_PATH, "application/x-ndjson", List.of(
                WireFormats.ollamaNdjsonToolCall("readPage", Map.of("url", "http://169.254.169.254/latest/"),
                        300, 15),
                WireFormats.ollamaNdjson(List.of("Hello is a greeting ", "(see https://www.hellomagazine.com/)."),
                        900, 20)));
        ResearchAssistant assistant = assistant().streamingChatModel(OllamaStreamingChatModel.builder()
                .baseUrl("http://127.0.0.1:" + llm.port()).modelName("qwen3:4b").build()).build();
        List<String> parts = new ArrayList<>();

        ResearchResult result = assistant.askStreaming("What does hello mean?", new AgentListener() {
            @Override
            public void onPartialText(String text) {
                parts.add(text);
            }
        });

        assertThat(parts).containsExactly("Hello is a greeting ", "(see https://www.hellomagazine.com/).");
        assertThat(result.outcome()).isEqualTo(ResearchResult.Outcome.UNSOURCED);
        assertThat(result.sources()).isEmpty();
        assertThat(result.unreadCitations()).containsExactly("https://www.hellomagazine.com/");
        assertThat(result.run().toolCalls().get(0).status()).isEqualTo(ToolCall.Status.ERROR);
        assertThat(result.run().toolCalls().get(0).result()).startsWith("Error: ").contains("169.254.169.254");
    }

    @Test
    void searchesThroughSearxngWhenConfigured() throws IOException {
        String body;
        try (InputStream in = getClass().getResourceAsStream("/web/searxng-response.json")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        web.stubFor(get(urlPathEqualTo("/search")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
        Script.answer(llm, Script.OLLAMA_PATH, "application/json", List.of(
                WireFormats.ollamaToolCall("searchWeb", Map.of("query", "bubblewrap sandbox"), 400, 15),
                WireFormats.ollamaText("NOT FOUND: only search results, no page read.", 900, 12)));
        ResearchAssistant assistant = ResearchAssistant.builder().maxSearchResults(3)
                .searchEngine(SearxngSearchEngine.builder().baseUrl("http://127.0.0.1:" + web.port()).build())
                .chatModel(OllamaChatModel.builder().baseUrl("http://127.0.0.1:" + llm.port())
                        .modelName("qwen3:4b").build()).build();

        ResearchResult result = assistant.ask("What is bubblewrap?");

        web.verify(getRequestedFor(urlPathEqualTo("/search")).withQueryParam("q", equalTo("bubblewrap sandbox"))
                .withQueryParam("format", equalTo("json")));
        assertThat(result.run().toolCalls().get(0).result())
                .contains("URL: https://github.com/containers/bubblewrap");
        assertThat(result.run().toolCalls().get(0).result().split("\n\n")).hasSizeLessThanOrEqualTo(3);
        assertThat(result.outcome()).isEqualTo(ResearchResult.Outcome.NOT_FOUND);
    }
}
