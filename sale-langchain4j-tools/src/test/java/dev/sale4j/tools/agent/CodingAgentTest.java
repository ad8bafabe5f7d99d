package dev.sale4j.tools.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.sale4j.tools.code.PythonSandbox;
import dev.sale4j.tools.code.TestRunner;
import dev.sale4j.tools.code.TestVerdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coding agent on the real OpenAI and Ollama clients against WireMock in each provider's wire format, running
 * the model's code in the real sandbox, on a real MBPP task graded with its hidden tests.
 */
class CodingAgentTest {

    private static PythonSandbox sandbox;
    private static MbppTask task;
    private WireMockServer llm;

    @BeforeAll
    static void sandbox() {
        sandbox = MbppTask.smallSandbox();
        task = MbppTask.load(2);
    }

    @BeforeEach
    void start() {
        llm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        llm.start();
    }

    @AfterEach
    void stop() {
        llm.stop();
    }

    private String buggy() {
        return task.reference().replace("set(test_tup1) & set(test_tup2)", "set(test_tup1) | set(test_tup2)");
    }

    private String finalAnswer() {
        return "The shared elements are the intersection of the two sets.\n\n```python\n" + task.reference()
                + "\n```\n";
    }

    @Test
    void writesRunsFixesAndReturnsCodeThatPassesHiddenTests() {
        assertThat(buggy()).isNotEqualTo(task.reference());
        Script.answer(llm, Script.OPENAI_PATH, "application/json", List.of(
                WireFormats.openAiToolCall("call_a", "runPython", Map.of("code",
                        buggy() + "\n" + task.tests().get(0) + "\nprint('ok')"), 300, 60),
                WireFormats.openAiToolCall("call_b", "runPython", Map.of("code",
                        task.reference() + "\n" + task.tests().get(0) + "\nprint('ok')"), 500, 60),
                WireFormats.openAiText(finalAnswer(), 700, 70)));
        CodingAgent agent = CodingAgent.builder().sandbox(sandbox).chatModel(OpenAiChatModel.builder()
                .baseUrl("http://127.0.0.1:" + llm.port() + "/v1").apiKey("test-key").modelName("gpt-4o-mini")
                .build()).build();

        CodingResult result = agent.solve(task.withExample());

        assertThat(result.run().stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.origin()).isEqualTo(CodingResult.CodeOrigin.ANSWER);
        assertThat(result.code()).isEqualTo(task.reference().stripTrailing() + "\n");
        assertThat(result.prose()).isEqualTo("The shared elements are the intersection of the two sets.");
        assertThat(result.verdict()).isNull();
        List<ToolCall> runs = result.run().toolCalls();
        assertThat(runs).extracting(ToolCall::name).containsExactly("runPython", "runPython");
        assertThat(runs.get(0).result()).startsWith("exit status: 1").contains("AssertionError");
        assertThat(runs.get(1).result()).startsWith("exit status: 0").contains("stdout:\nok");
        TestVerdict hidden = TestRunner.builder().sandbox(sandbox).build()
                .gradeAsserts(result.code(), task.hiddenTests());
        assertThat(hidden.passed()).as(hidden.reason()).isTrue();

        List<JsonNode> requests = Script.requests(llm, Script.OPENAI_PATH);
        JsonNode firstRun = requests.get(1).at("/messages/3");
        assertThat(firstRun.get("tool_call_id").asText()).isEqualTo("call_a");
        assertThat(firstRun.get("content").asText()).contains("AssertionError");
        assertThat(requests.get(0).at("/messages/1/content").asText()).isEqualTo(task.withExample());
    }

    @Test
    void givenTestsAreShownToTheModelAndRunAgainstTheFinalCode() {
        Script.answer(llm, Script.OLLAMA_PATH, "application/json", List.of(
                WireFormats.ollamaToolCall("runPython", Map.of("code",
                        task.reference() + "\n" + String.join("\n", task.tests())), 300, 60),
                WireFormats.ollamaText("Done; it passes.\n```py\n" + buggy() + "\n```", 500, 40)));
        CodingAgent agent = CodingAgent.builder().sandbox(sandbox).chatModel(OllamaChatModel.builder()
                .baseUrl("http://127.0.0.1:" + llm.port()).modelName("qwen3:4b").build()).build();

        CodingResult result = agent.solve(task.prompt(), task.tests());

        assertThat(result.code()).isEqualTo(buggy().stripTrailing() + "\n");
        assertThat(result.verdict()).isNotNull();
        assertThat(result.passedTests()).isFalse();
        assertThat(result.verdict().reason()).startsWith("test 1 of 3 failed");
        assertThat(WireFormats.tree(result.toJson()).at("/verdict/passed").asBoolean(true)).isFalse();
        assertThat(WireFormats.tree(result.toJson()).get("origin").asText()).isEqualTo("ANSWER");
        JsonNode first = Script.requests(llm, Script.OLLAMA_PATH).get(0);
        assertThat(first.at("/messages/1/content").asText()).contains("Your code must pass these tests:")
                .contains(task.tests().get(2));
        JsonNode toolResult = Script.requests(llm, Script.OLLAMA_PATH).get(1).at("/messages/3");
        assertThat(toolResult.get("role").asText()).isEqualTo("tool");
        assertThat(toolResult.get("content").asText()).startsWith("exit status: 0");
    }

    @Test
    void streamsTheAnswerInPartsOnOllamaAndFallsBackToTheLastCleanRun() {
        String code = task.reference() + "\n" + task.tests().get(0);
        Script.answer(llm, Script.OLLAMA_PATH, "application/x-ndjson", List.of(
                WireFormats.ollamaNdjsonToolCall("runPython", Map.of("code", code), 300, 60),
                WireFormats.ollamaNdjson(List.of("The function ", "intersects ", "both tuples."), 500, 12)));
        CodingAgent agent = CodingAgent.builder().sandbox(sandbox).streamingChatModel(OllamaStreamingChatModel
                .builder().baseUrl("http://127.0.0.1:" + llm.port()).modelName("qwen3:4b").build()).build();
        List<String> parts = new ArrayList<>();
        List<String> events = new ArrayList<>();

        CodingResult result = agent.solveStreaming(task.withExample(), List.of(), new AgentListener() {
            @Override
            public void onToolStarted(int index, String name, String arguments) {
                events.add("start " + name);
            }

            @Override
            public void onToolFinished(ToolCall call) {
                events.add("end " + call.name() + " " + call.status() + " " + call.resultChars());
            }

            @Override
            public void onPartialText(String text) {
                parts.add(text);
            }
        });

        assertThat(parts).containsExactly("The function ", "intersects ", "both tuples.");
        assertThat(result.run().text()).isEqualTo("The function intersects both tuples.");
        assertThat(result.origin()).isEqualTo(CodingResult.CodeOrigin.LAST_SUCCESSFUL_RUN);
        assertThat(result.code()).isEqualTo(code);
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isEqualTo("start runPython");
        assertThat(events.get(1)).startsWith("end runPython OK ");
        assertThat(result.run().modelCalls()).extracting(c -> c.usage().outputTokenCount()).containsExactly(60, 12);
        assertThat(result.run().toolCalls().get(0).duration()).isGreaterThan(Duration.ZERO);
    }

    @AfterAll
    static void done() {
        sandbox = null;
    }
}
