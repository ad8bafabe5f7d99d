package dev.sale4j.examples.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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

/**
 * {@code sale research} end to end: the real Ollama clients (blocking for bids and jury, streaming for the
 * execution) on WireMock, DuckDuckGo's saved real results page and a saved real page served on loopback.
 */
class ResearchCommandTest {

    private static final String PAGE_PATH = "/www.merriam-webster.com/dictionary/hello";

    private WireMockServer llm;
    private WireMockServer web;
    private final CliRun cli = new CliRun();

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        llm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        web = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        llm.start();
        web.start();
        String results = OllamaWire.savedPage("sep-duckduckgo-Hello-2021-05-10.html")
                .replace("https://www.merriam-webster.com/dictionary/hello", page());
        web.stubFor(get(urlPathEqualTo("/html/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=UTF-8").withBody(results)));
        web.stubFor(get(urlPathEqualTo(PAGE_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(OllamaWire.savedPage("sep-bing-Hello-2021-05-10.html"))));
    }

    @AfterEach
    void stop() {
        llm.stop();
        web.stop();
    }

    private String page() {
        return "http://127.0.0.1:" + web.port() + PAGE_PATH;
    }

    private Path pool() throws IOException {
        Path file = dir.resolve("pool.yaml");
        Files.writeString(file, """
                agents:
                  - {name: small, provider: ollama, baseUrl: %1$s, model: qwen3:4b, price: 0.05}
                  - {name: large, provider: ollama, baseUrl: %1$s, model: qwen3:32b, price: 0.36}
                bidTimeout: 10s
                juryTimeout: 10s
                maxRetries: 0
                """.formatted("http://127.0.0.1:" + llm.port()));
        return file;
    }

    @Test
    void streamsTheAnswerThenPrintsTheTableTheCostSplitAndWritesTheTrace() throws IOException {
        // overhead: bids 90+40 (small) and 90+120 (large), one jury call per juror of 300+20 tokens
        OllamaWire.stubAuction(llm, Map.of("qwen3:4b", "SMALL-PLAN: search once, read the top page, answer",
                "qwen3:32b", "LARGE-PLAN: search, read three pages, cross-check, answer"), 90,
                Map.of("qwen3:4b", 40, "qwen3:32b", 120), 300, 20);
        // execution: 400+15, 1800+15, 5000+30 = 7,260 tokens on small at 0.05 USD/Mtok = 0.000363 USD
        OllamaWire.stubExecution(llm, List.of(
                OllamaWire.ndjsonToolCall("searchWeb", Map.of("query", "hello meaning"), 400, 15),
                OllamaWire.ndjsonToolCall("readPage", Map.of("url", page()), 1800, 15),
                OllamaWire.ndjsonText(List.of("Hello is a greeting ", "that opens a conversation.\n\nSources: "
                        + page()), 5000, 30)));
        Path trace = dir.resolve("trace.json");
        Path memory = dir.resolve("memory.json");

        int code = cli.run("research", "--config", pool().toString(), "--memory", memory.toString(), "--search-endpoint",
                "http://127.0.0.1:" + web.port() + "/html/", "--allow", "127.0.0.1:" + web.port(),
                "--json", trace.toString(), "What does hello mean?");

        assertThat(code).as(cli.err()).isZero();
        String out = cli.out();
        assertThat(out).startsWith("Hello is a greeting that opens a conversation.\n\nSources: " + page() + "\n");
        assertThat(out).contains("Outcome: ANSWERED").contains("Pages read:\n  " + page() + " (cited)");
        assertThat(out).containsPattern("small\\s+0\\.050\\s+40\\s+0\\.0200")
                .containsPattern("large\\s+0\\.360\\s+120\\s+0\\.4320")
                .contains("Winner: small").contains("SMALL-PLAN: search once");
        assertThat(out).contains("Executed by: small (3 model calls, 2 tool calls)");
        // overhead USD: small (90+40+320) x 0.05 + large (90+120+320) x 0.36, per million
        assertThat(out).containsPattern("auction overhead\\s+980 tokens  \\$0\\.000213")
                .containsPattern("execution\\s+7,260 tokens  \\$0\\.000363")
                .containsPattern("total\\s+8,240 tokens  \\$0\\.000576");
        String err = cli.err();
        assertThat(err).contains("bidding: small, large").contains("judging: ").contains("executing: small")
                .contains("tool 1: searchWeb {\"query\":\"hello meaning\"}").contains("tool 2: readPage")
                .contains("tool 2 OK");
        assertThat(err.indexOf("bidding")).isLessThan(err.indexOf("judging"));
        assertThat(err.indexOf("executing")).isLessThan(err.indexOf("tool 1"));

        // the bids were conditioned on the agent's environment: its system prompt and its tools
        var bids = llm.findAll(postRequestedFor(urlPathEqualTo(OllamaWire.PATH))
                .withRequestBody(containing(OllamaWire.BID_PHRASE)));
        assertThat(bids).hasSize(2).allSatisfy(r -> assertThat(r.getBodyAsString())
                .contains("- searchWeb: ").contains("- readPage: ").contains("You are a research assistant").contains("NOT FOUND:"));
        var executions = llm.findAll(postRequestedFor(urlPathEqualTo(OllamaWire.PATH))
                .withRequestBody(containing(OllamaWire.PLAN_PHRASE)));
        ObjectMapper json = new ObjectMapper();
        assertThat(executions).hasSize(3).allSatisfy(r -> {
            JsonNode body = json.readTree(r.getBodyAsString());
            assertThat(body.path("model").asText()).isEqualTo("qwen3:4b");
            assertThat(body.path("stream").asBoolean()).isTrue();
            assertThat(body.path("tools")).hasSize(2);
            assertThat(r.getBodyAsString()).contains("SMALL-PLAN");
        });

        JsonNode t = json.readTree(trace.toFile());
        // the auction was remembered in the memory file, for the next run
        assertThat(Files.readString(memory)).contains(t.path("auction").path("id").asText())
                .contains("What does hello mean?");
        assertThat(t.path("command").asText()).isEqualTo("research");
        assertThat(t.path("auction").path("winner").asText()).isEqualTo("small");
        assertThat(t.path("result").path("outcome").asText()).isEqualTo("ANSWERED");
        JsonNode tools = t.path("result").path("run").path("toolCalls");
        assertThat(tools).hasSize(2);
        assertThat(tools.get(0).path("name").asText()).isEqualTo("searchWeb");
        assertThat(tools.get(0).path("arguments").asText()).contains("hello meaning");
        assertThat(tools.get(1).path("arguments").asText()).contains(page());
        assertThat(tools.get(1).path("resultChars").asInt()).isPositive();
        JsonNode calls = t.path("execution").path("modelCalls");
        assertThat(calls).hasSize(3);
        assertThat(calls.get(1).path("inputTokens").asInt()).isEqualTo(1800);
        assertThat(calls.get(2).path("agent").asText()).isEqualTo("small");
        assertThat(calls.get(2).path("costUsd").asDouble()).isEqualTo(5030 * 0.05 / 1_000_000);
        assertThat(t.path("cost").path("auctionOverhead").path("tokens").asLong()).isEqualTo(980);
        assertThat(t.path("cost").path("execution").path("tokens").asLong()).isEqualTo(7260);
        assertThat(t.path("cost").path("execution").path("usd").asDouble())
                .isCloseTo(7260 * 0.05 / 1_000_000, org.assertj.core.data.Offset.offset(1e-12));
    }
}
