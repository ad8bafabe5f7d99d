package dev.sale4j.examples.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When no backend answers, each failure gets the fix that fits it: 401 names the agent's key variable, 429 and 5xx
 * show the backend's own answer, a timeout names bidTimeout, an unreachable server is named, and Ollama is mentioned
 * only for Ollama agents. Real OpenAI and Ollama clients against WireMock and a closed port.
 */
class FailureMessagesTest {

    private WireMockServer server;
    private final CliRun cli = new CliRun();

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlPathMatching("/s401/.*")).willReturn(json(401,
                "{\"error\":{\"message\":\"Incorrect API key provided: sk-bad\",\"code\":\"invalid_api_key\"}}")));
        server.stubFor(post(urlPathMatching("/s429/.*")).willReturn(json(429,
                "{\"error\":{\"message\":\"Rate limit reached for gpt-4.1-mini on requests per min\"}}")));
        server.stubFor(post(urlPathMatching("/s500/.*")).willReturn(json(500,
                "{\"error\":\"llama runner process has terminated\"}")));
        server.stubFor(post(urlPathMatching("/slow/.*")).willReturn(json(200, OllamaWire.text("m", "late", 1, 1))
                .withFixedDelay(2500)));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    private Path pool(String agents) throws IOException {
        Path file = dir.resolve("pool.yaml");
        Files.writeString(file, "agents:\n" + agents + "bidTimeout: 1s\njuryTimeout: 5s\nmaxRetries: 0\n");
        return file;
    }

    /** PATH is set in every test environment; it stands in for a key variable the server refuses. */
    private String openAiPool(String dead) {
        String base = server.baseUrl();
        return """
                  - {name: keyed, provider: openai, baseUrl: %1$s/s401/v1, model: gpt-4.1, price: 1, apiKeyEnv: PATH}
                  - {name: keyless, provider: openai, baseUrl: %1$s/s401/v1, model: gpt-4.1, price: 1}
                  - {name: limited, provider: openai, baseUrl: %1$s/s429/v1, model: gpt-4.1, price: 1}
                  - {name: broken, provider: openai, baseUrl: %1$s/s500/v1, model: gpt-4.1, price: 1}
                  - {name: gone, provider: openai, baseUrl: %2$s/v1, model: gpt-4.1, price: 1}
                """.formatted(base, dead);
    }

    @Test
    void eachFailureOfSaleResearchGetsItsOwnFixAndOllamaIsNotMentionedForAnOpenAiPool() throws IOException {
        String dead = closedPort();
        Path file = pool(openAiPool(dead) + "  - {name: slow, provider: openai, baseUrl: " + server.baseUrl()
                + "/slow/v1, model: gpt-4.1, price: 1}\n");

        int code = cli.run("research", "--config", file.toString(), "What does hello mean?");

        assertThat(code).isEqualTo(AgentCommand.NO_BIDS);
        String err = cli.err();
        assertThat(err).contains("sale research: no agent could place a bid");
        assertThat(section(err, "keyed ")).contains("AuthenticationException")
                .contains("refused the key in $PATH (apiKeyEnv of keyed, 401)");
        assertThat(section(err, "keyless ")).contains("sends no key: set apiKeyEnv of keyless");
        assertThat(section(err, "limited ")).contains("rate-limiting limited (429)")
                .contains("its answer: {\"error\":{\"message\":\"Rate limit reached for gpt-4.1-mini on requests per min\"}}");
        assertThat(section(err, "broken ")).contains("server error (5xx)")
                .contains("its answer: {\"error\":\"llama runner process has terminated\"}");
        assertThat(section(err, "slow ")).contains("no answer within bidTimeout (1s): raise bidTimeout in " + file);
        assertThat(section(err, "gone ")).contains("nothing answers at " + dead + "/v1: start that server, or "
                + "correct its baseUrl in " + file);
        assertThat(err).contains("pass --config with a pool of reachable backends");
        assertThat(err.toLowerCase()).doesNotContain("ollama");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void withoutAnUnreachableBackendThereIsNoStartTheServersHint() throws IOException {
        String base = server.baseUrl();
        Path file = pool("""
                  - {name: limited, provider: openai, baseUrl: %1$s/s429/v1, model: gpt-4.1, price: 1}
                  - {name: slow, provider: ollama, baseUrl: %1$s/slow, model: qwen3:4b, price: 1}
                """.formatted(base));

        int code = cli.run("auction", "--config", file.toString(), "task");

        assertThat(code).isEqualTo(AuctionCommand.NO_BIDS);
        assertThat(cli.err()).contains("rate-limiting limited (429)").contains("raise bidTimeout in " + file)
                .doesNotContain("How to fix").doesNotContain("ollama serve").doesNotContain("--config");
    }

    @Test
    void saleAuctionGivesTheSameFixesAndTheOllamaHintOnlyForTheUnreachableOllamaAgent() throws IOException {
        String dead = closedPort();
        Path file = pool(openAiPool(dead) + "  - {name: local, provider: ollama, baseUrl: " + dead
                + ", model: qwen3:8b, price: 0.09}\n");

        int code = cli.run("auction", "--config", file.toString(), "task");

        assertThat(code).isEqualTo(AuctionCommand.NO_BIDS);
        String err = cli.err();
        assertThat(err).contains("sale auction: no agent could place a bid");
        assertThat(section(err, "keyed ")).contains("$PATH (apiKeyEnv of keyed, 401)");
        assertThat(section(err, "limited ")).contains("(429)");
        assertThat(section(err, "broken ")).contains("(5xx)");
        assertThat(section(err, "local ")).contains("start Ollama there ('ollama serve')");
        assertThat(err).contains("How to fix: start Ollama ('ollama serve') and pull the models ('ollama pull qwen3:8b')")
                .doesNotContain("ollama pull gpt-4.1");
    }

    @Test
    void aFailingExecutionAfterTheAuctionShowsTheBackendsAnswer() throws IOException {
        String base = server.baseUrl();
        server.stubFor(post(urlPathEqualTo("/solo/api/chat")).atPriority(5)
                .withRequestBody(containing(OllamaWire.BID_PHRASE))
                .willReturn(json(200, OllamaWire.text("qwen3:4b", "PLAN: search and read", 50, 20))));
        server.stubFor(post(urlPathEqualTo("/solo/api/chat")).atPriority(5)
                .withRequestBody(containing(OllamaWire.JURY_PHRASE))
                .willReturn(json(200, OllamaWire.text("qwen3:4b", "{\"scores\": [{\"bid\": \"B1\", \"score\": 4}]}",
                        50, 5))));
        server.stubFor(post(urlPathEqualTo("/solo/api/chat")).atPriority(1)
                .withRequestBody(containing(OllamaWire.PLAN_PHRASE))
                .willReturn(json(503, "{\"error\":\"server busy, please try again\"}")));
        Path file = pool("  - {name: solo, provider: ollama, baseUrl: " + base + "/solo, model: qwen3:4b, price: 0.05}\n");

        int code = cli.run("research", "--config", file.toString(), "What does hello mean?");

        assertThat(code).as(cli.err()).isEqualTo(AgentCommand.EXECUTION_FAILED);
        assertThat(cli.err()).contains("executing: solo")
                .contains("sale research: the task could not be executed: agent solo (ollama at " + base + "/solo)")
                .contains("server error (5xx); its answer: {\"error\":\"server busy, please try again\"}");
    }

    /** The two lines (failure and fix) of the agent whose description starts with {@code prefix}. */
    private static String section(String err, String prefix) {
        List<String> lines = err.lines().toList();
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).startsWith("  " + prefix)) {
                return lines.get(i) + "\n" + lines.get(i + 1);
            }
        }
        throw new AssertionError("no line for " + prefix.strip() + " in:\n" + err);
    }

}
