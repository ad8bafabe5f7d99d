package dev.sale4j.eval.grade;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.sale4j.eval.suite.BenchTask;
import dev.sale4j.eval.suite.GradingSpec;
import dev.sale4j.eval.suite.Suite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The LLM judge through the real OpenAI client against WireMock on loopback, answering in OpenAI's wire format. */
class LlmJudgeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/v1/chat/completions";

    private WireMockServer server;
    private AnswerGrader grader;
    private BenchTask task;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl("http://127.0.0.1:" + server.port() + "/v1")
                .apiKey("test-key").modelName("gpt-4o-mini").temperature(0.0).maxRetries(0)
                .timeout(Duration.ofSeconds(10)).build();
        grader = AnswerGrader.builder().judge(LlmJudge.builder().chatModel(model).build()).build();
        task = Suite.bundled().task("simpleqa/0001").orElseThrow(); // Frank Rosenblatt Award 2010: Michio Sugeno
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void theJudgeDecidesAndItsRawAnswerIsKept() throws Exception {
        stub("Verdict: CORRECT");

        Verdict verdict = grader.grade(task, "It went to Professor Michio Sugeno of Tokyo.\nAnswer: Prof. M. Sugeno");

        assertThat(verdict.correct()).isTrue();
        assertThat(verdict.method()).isEqualTo("llm-judge");
        assertThat(verdict.judgement()).isEqualTo(JudgeVerdict.CORRECT);
        assertThat(verdict.judgeAnswer()).isEqualTo("Verdict: CORRECT");
        assertThat(verdict.score()).as("token F1 kept beside the judge's verdict").isBetween(0.0, 0.99);
        assertThat(verdict.reason()).startsWith("judge: CORRECT; no exact match");
        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(requests).hasSize(1);
        String prompt = JSON.readTree(requests.get(0).getBodyAsString()).at("/messages/0/content").asText();
        assertThat(prompt).contains("Question: Who received the IEEE Frank Rosenblatt Award in 2010?")
                .contains("Gold answer: Michio Sugeno")
                .contains("Answer: Prof. M. Sugeno")
                .contains("NOT_ATTEMPTED");
    }

    @Test
    void incorrectAndNotAttemptedAreWrong() {
        stub("Verdict: INCORRECT");
        Verdict wrong = grader.grade(task, "Answer: Geoffrey Hinton");
        server.resetAll();
        stub("The answer declines to answer.\n\nVerdict: **NOT ATTEMPTED**");
        Verdict declined = grader.grade(task, "I could not find out.");

        assertThat(wrong.correct()).isFalse();
        assertThat(wrong.judgement()).isEqualTo(JudgeVerdict.INCORRECT);
        assertThat(declined.correct()).isFalse();
        assertThat(declined.judgement()).isEqualTo(JudgeVerdict.NOT_ATTEMPTED);
        assertThat(declined.judgeAnswer()).contains("NOT ATTEMPTED");
    }

    @Test
    void anUnparseableJudgeFallsBackToExactMatchAndKeepsTheRawAnswer() {
        stub("Hmm, hard to say.");

        Verdict verdict = grader.grade(task, "Answer: Michio Sugeno");

        assertThat(verdict.correct()).isTrue();
        assertThat(verdict.method()).isEqualTo("exact-match");
        assertThat(verdict.judgement()).isNull();
        assertThat(verdict.judgeAnswer()).isEqualTo("Hmm, hard to say.");
        assertThat(verdict.reason()).startsWith("judge answer unparseable, graded by exact match");
    }

    @Test
    void aFailingJudgeFallsBackToExactMatchWithTheError() {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}")));

        Verdict verdict = grader.grade(task, "Answer: Lotfi Zadeh");

        assertThat(verdict.correct()).isFalse();
        assertThat(verdict.method()).isEqualTo("exact-match");
        assertThat(verdict.reason()).startsWith("judge failed (").contains("overloaded")
                .contains("no exact match: 'lotfi zadeh' vs gold 'michio sugeno'");
    }

    @Test
    void verdictsAreParsedLeniently() {
        Map<String, JudgeVerdict> cases = Map.of(
                "CORRECT", JudgeVerdict.CORRECT,
                "verdict: incorrect", JudgeVerdict.INCORRECT,
                "**Verdict:** `NOT_ATTEMPTED`", JudgeVerdict.NOT_ATTEMPTED,
                "A", JudgeVerdict.CORRECT,
                "Grade: B", JudgeVerdict.INCORRECT,
                "(C)", JudgeVerdict.NOT_ATTEMPTED,
                "The answer is not correct.", JudgeVerdict.INCORRECT,
                "The predicted answer is correct: it names the same person.", JudgeVerdict.CORRECT);
        cases.forEach((raw, expected) -> assertThat(LlmJudge.parse(raw)).as(raw).isEqualTo(expected));
        assertThat(LlmJudge.parse("Verdict: CORRECT, or maybe Verdict: INCORRECT")).isNull();
        assertThat(LlmJudge.parse("It is correct in part and incorrect in part.")).isNull();
        assertThat(LlmJudge.parse("")).isNull();
    }

    @Test
    void aTemplateWithoutTheVariablesIsRefusedWithTheFix() {
        assertThatThrownBy(() -> LlmJudge.builder().chatModel(OpenAiChatModel.builder().apiKey("k")
                .modelName("m").build()).template("Grade {{answer}}").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must contain {{question}}");
        assertThatThrownBy(() -> LlmJudge.builder().build()).hasMessageContaining("chatModel is required");
    }

    @Test
    void aliasesAreShownToTheJudge() throws Exception {
        stub("Verdict: CORRECT");
        BenchTask aliased = new BenchTask("t/1", task.domain(), task.bin(), "t", "Q", new GradingSpec.Answer("Who?",
                List.of("Robert Smith", "Bob Smith")), null, null);

        grader.grade(aliased, "Answer: Bobby");

        String prompt = JSON.readTree(server.findAll(postRequestedFor(urlPathEqualTo(PATH))).get(0)
                .getBodyAsString()).at("/messages/0/content").asText();
        assertThat(prompt).contains("Gold answer: Robert Smith (also accepted: Bob Smith)");
    }

    private void stub(String content) {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("id", "chatcmpl-judge-1", "object", "chat.completion",
                    "created", 1_733_000_000, "model", "gpt-4o-mini-2024-07-18",
                    "choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", content),
                            "logprobs", Map.of(), "finish_reason", "stop")),
                    "usage", Map.of("prompt_tokens", 310, "completion_tokens", 5, "total_tokens", 315)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        server.stubFor(post(urlPathEqualTo(PATH)).withRequestBody(containing("Gold answer"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }
}
