package dev.sale4j.tools.agent;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** A model that never stops calling tools is refused at the step limit, then stopped with a clear message. */
class ToolStepLimitTest {

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

    @Test
    void loopingCodingAgentEndsWithAClearMessageNotAnException() {
        // the same answer for every request: run this program again
        Script.answer(llm, Script.OLLAMA_PATH, "application/json", List.of(
                WireFormats.ollamaToolCall("runPython", Map.of("code", "print('again')"), 100, 10)));
        CodingAgent agent = CodingAgent.builder().sandbox(MbppTask.smallSandbox()).maxToolCalls(3)
                .chatModel(OllamaChatModel.builder().baseUrl("http://127.0.0.1:" + llm.port())
                        .modelName("qwen3:4b").build()).build();

        CodingResult result = agent.solve("Print 'again' forever.");

        AgentRun run = result.run();
        assertThat(run.stopReason()).isEqualTo(StopReason.STEP_LIMIT);
        assertThat(run.text()).isEmpty();
        assertThat(run.note()).contains("kept calling tools").contains("tool step limit of 3 calls")
                .contains("Raise maxToolCalls");
        assertThat(run.toolCalls()).extracting(ToolCall::status).containsExactly(ToolCall.Status.OK,
                ToolCall.Status.OK, ToolCall.Status.OK, ToolCall.Status.REFUSED, ToolCall.Status.REFUSED);
        assertThat(run.toolCallsRun()).isEqualTo(3);
        assertThat(WireFormats.tree(run.toJson()).get("stopReason").asText()).isEqualTo("STEP_LIMIT");
        assertThat(WireFormats.tree(run.toJson()).at("/toolCalls/4/error").asText())
                .startsWith("Error: the tool step limit of 3 calls is spent");
        assertThat(run.modelCalls()).hasSize(5);
        assertThat(Script.requests(llm, Script.OLLAMA_PATH)).hasSize(5);
        assertThat(Script.requests(llm, Script.OLLAMA_PATH).get(4).toString())
                .contains("the tool step limit of 3 calls is spent");
        assertThat(result.origin()).isEqualTo(CodingResult.CodeOrigin.LAST_SUCCESSFUL_RUN);
        assertThat(result.code()).isEqualTo("print('again')");
    }

    @Test
    void streamingResearchAnswersFromWhatItHasOnceRefused() {
        String page = WebFixtures.pageUrl(web);
        Script.answer(llm, Script.OPENAI_PATH, "text/event-stream", List.of(
                WireFormats.openAiSseToolCall("call_1", "readPage", Map.of("url", page), 300, 20),
                WireFormats.openAiSseToolCall("call_2", "searchWeb", Map.of("query", "hello"), 2000, 20),
                WireFormats.openAiSse(List.of("Hello is a greeting.", "\nSources:\n", page), 2100, 30)));
        ResearchAssistant assistant = ResearchAssistant.builder().maxToolCalls(1)
                .searchEngine(WebFixtures.searchEngine(web)).pageReader(WebFixtures.pageReader(web))
                .streamingChatModel(OpenAiStreamingChatModel.builder()
                        .baseUrl("http://127.0.0.1:" + llm.port() + "/v1").apiKey("test-key")
                        .modelName("gpt-4o-mini").build()).build();
        StringBuilder streamed = new StringBuilder();

        ResearchResult result = assistant.askStreaming("What does hello mean?", new AgentListener() {
            @Override
            public void onPartialText(String text) {
                streamed.append(text).append('|');
            }
        });

        assertThat(streamed).hasToString("Hello is a greeting.|\nSources:\n|" + page + "|");
        assertThat(result.run().stopReason()).isEqualTo(StopReason.STEP_LIMIT);
        assertThat(result.run().note()).contains("tool step limit of 1 calls was reached");
        assertThat(result.outcome()).isEqualTo(ResearchResult.Outcome.ANSWERED);
        assertThat(result.citedSources()).extracting(Source::url).containsExactly(page);
        assertThat(result.run().toolCalls()).extracting(ToolCall::status)
                .containsExactly(ToolCall.Status.OK, ToolCall.Status.REFUSED);
        assertThat(web.getAllServeEvents()).noneMatch(e -> e.getRequest().getUrl().startsWith("/html/"));
    }

    @Test
    void loopingStreamingAgentIsStoppedWithoutHanging() {
        Script.answer(llm, Script.OPENAI_PATH, "text/event-stream", List.of(
                WireFormats.openAiSseToolCall("call_x", "searchWeb", Map.of("query", "hello"), 300, 20)));
        ResearchAssistant assistant = ResearchAssistant.builder().maxToolCalls(2)
                .searchEngine(WebFixtures.searchEngine(web)).pageReader(WebFixtures.pageReader(web))
                .streamingChatModel(OpenAiStreamingChatModel.builder()
                        .baseUrl("http://127.0.0.1:" + llm.port() + "/v1").apiKey("test-key")
                        .modelName("gpt-4o-mini").build()).build();

        ResearchResult result = assistant.askStreaming("What does hello mean?", AgentListener.NONE);

        assertThat(result.outcome()).isEqualTo(ResearchResult.Outcome.STOPPED);
        assertThat(result.answer()).isEmpty();
        assertThat(result.run().note()).startsWith("Stopped: the model kept calling tools");
        assertThat(result.run().toolCalls()).extracting(ToolCall::status).containsExactly(ToolCall.Status.OK,
                ToolCall.Status.OK, ToolCall.Status.REFUSED, ToolCall.Status.REFUSED);
        assertThat(Script.requests(llm, Script.OPENAI_PATH)).hasSize(4);
    }
}
