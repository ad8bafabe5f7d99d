package dev.sale4j.examples.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sale code} end to end: real Ollama clients on WireMock, the code run in the real Python sandbox. */
class CodeCommandTest {

    private WireMockServer llm;
    private final CliRun cli = new CliRun();

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        llm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        llm.start();
        OllamaWire.stubAuction(llm, Map.of("qwen3:4b", "SMALL-PLAN: write it, run the examples, answer",
                "qwen3:32b", "LARGE-PLAN: write it, test edge cases, answer"), 80, Map.of("qwen3:4b", 30,
                "qwen3:32b", 90), 200, 10);
    }

    @AfterEach
    void stop() {
        llm.stop();
    }

    private String[] args(String... more) throws IOException {
        Path pool = dir.resolve("pool.yaml");
        Files.writeString(pool, """
                agents:
                  - {name: small, provider: ollama, baseUrl: %1$s, model: qwen3:4b, price: 0.05}
                  - {name: large, provider: ollama, baseUrl: %1$s, model: qwen3:32b, price: 0.36}
                maxRetries: 0
                """.formatted("http://127.0.0.1:" + llm.port()));
        List<String> all = new java.util.ArrayList<>(List.of("code", "--config", pool.toString()));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void writesRunsAndReturnsCodeThatPassesTheGivenTests() throws IOException {
        String program = "def add(a, b):\n    return a + b\n\nprint(add(2, 3))\n";
        OllamaWire.stubExecution(llm, List.of(
                OllamaWire.ndjsonToolCall("runPython", Map.of("code", program), 300, 40),
                OllamaWire.ndjsonText(List.of("It prints 5.\n\n", "```python\ndef add(a, b):\n    return a + b\n```"),
                        600, 30)));
        Path tests = dir.resolve("tests.py");
        Files.writeString(tests, "# hidden tests\nassert add(2, 3) == 5\nassert add(-1, 1) == 0\n");
        Path trace = dir.resolve("trace.json");

        int code = cli.run(args("--tests", tests.toString(), "--json", trace.toString(),
                "Write add(a, b) returning the sum."));

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("It prints 5.\n\n```python\ndef add(a, b):\n    return a + b\n```\n")
                .contains("Final code (ANSWER):\n  def add(a, b):\n      return a + b")
                .contains("Tests: 2 of 2 passed").contains("Winner: small")
                .containsPattern("execution\\s+970 tokens  \\$0\\.000049");
        assertThat(cli.err()).contains("tool 1: runPython").contains("tool 1 OK");
        JsonNode t = new ObjectMapper().readTree(trace.toFile());
        JsonNode run = t.path("result").path("run");
        assertThat(run.path("toolCalls").get(0).path("name").asText()).isEqualTo("runPython");
        assertThat(run.path("toolCalls").get(0).path("resultChars").asInt()).isPositive();
        assertThat(t.path("execution").path("modelCalls")).hasSize(2);
    }

    @Test
    void codeThatFailsTheGivenTestsExitsOneWithTheReason() throws IOException {
        OllamaWire.stubExecution(llm, List.of(OllamaWire.ndjsonText(
                List.of("```python\ndef add(a, b):\n    return a - b\n```"), 300, 20)));
        Path tests = dir.resolve("tests.py");
        Files.writeString(tests, "assert add(2, 3) == 5\n");

        int code = cli.run(args("--tests", tests.toString(), "Write add(a, b) returning the sum."));

        assertThat(code).as(cli.err()).isEqualTo(AgentCommand.NOT_DONE);
        assertThat(cli.out()).contains("Tests: failed: test 1 of 1 failed: assert add(2, 3) == 5");
    }

    @Test
    void aMissingTestsFileIsAClearError() throws IOException {
        int code = cli.run(args("--tests", dir.resolve("nope.py").toString(), "task"));

        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).contains("nope.py does not exist: pass a file of Python assert lines");
    }
}
