package dev.sale4j.examples.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sale4j.auction.AuctionResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class AuctionCommandTest {

    @RegisterExtension
    static WireMockExtension ollama = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private static String ollamaChat(String content, int in, int outTokens) {
        return """
                {"model": "m", "created_at": "2026-11-26T00:00:00Z",
                 "message": {"role": "assistant", "content": %s},
                 "done_reason": "stop", "done": true, "prompt_eval_count": %d, "eval_count": %d}
                """.formatted('"' + content.replace("\"", "\\\"") + '"', in, outTokens);
    }

    private Path pool(String baseUrl) throws IOException {
        Path file = dir.resolve("pool.yaml");
        Files.writeString(file, """
                agents:
                  - {name: small, provider: ollama, baseUrl: %1$s, model: qwen3:4b, price: 0.05, think: false}
                  - {name: large, provider: ollama, baseUrl: %1$s, model: qwen3:32b, price: 0.36}
                bidTimeout: 5s
                juryTimeout: 5s
                maxRetries: 0
                """.formatted(baseUrl));
        return file;
    }

    @Test
    void runsAnAuctionAgainstOllamaBackendsAndPrintsTheTable() throws IOException {
        ollama.stubFor(post(urlEqualTo("/api/chat")).withRequestBody(containing("bidding for the right"))
                .withRequestBody(containing("qwen3:4b"))
                .willReturn(okJson(ollamaChat("SMALL-PLAN: look it up and answer", 90, 40))));
        ollama.stubFor(post(urlEqualTo("/api/chat")).withRequestBody(containing("bidding for the right"))
                .withRequestBody(containing("qwen3:32b"))
                .willReturn(okJson(ollamaChat("LARGE-PLAN: search, verify against two sources, answer", 90, 120))));
        ollama.stubFor(post(urlEqualTo("/api/chat")).withRequestBody(containing("You are a juror"))
                .willReturn(okJson(ollamaChat("{\\\"scores\\\": [{\\\"bid\\\": \\\"B1\\\", \\\"score\\\": 4},"
                        + " {\\\"bid\\\": \\\"B2\\\", \\\"score\\\": 4}]}", 300, 20))));
        Path trace = dir.resolve("trace.json");

        int code = cli.run("auction", "--config", pool(ollama.baseUrl()).toString(), "--out", trace.toString(),
                "What is the capital of Australia?");

        assertThat(code).as(cli.err()).isZero();
        String table = cli.out();
        assertThat(table).contains("Task: What is the capital of Australia?");
        assertThat(table).containsPattern("small\\s+0\\.050\\s+40\\s+0\\.0200");
        assertThat(table).containsPattern("large\\s+0\\.360\\s+120\\s+0\\.4320");
        // equal jury scores: the cheaper, shorter plan wins
        assertThat(table).contains("Winner: small").contains("SMALL-PLAN: look it up and answer");
        assertThat(AuctionResult.fromJson(Files.readString(trace)).winner()).isEqualTo("small");
        ollama.verify(postRequestedFor(urlEqualTo("/api/chat")).withRequestBody(containing("qwen3:4b"))
                .withRequestBody(matchingJsonPath("$.think", equalTo("false"))));
    }

    @Test
    void anUnreachableBackendSaysWhatItTriedAndHowToFixItAndExitsNonZero() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + deadPort;

        int code = cli.run("auction", "--config", pool(url).toString(), "task");

        assertThat(code).isEqualTo(AuctionCommand.NO_BIDS);
        assertThat(cli.err())
                .contains("no agent could place a bid")
                .contains("small (ollama at " + url + ")")
                .contains("large (ollama at " + url + ")")
                .contains("ollama serve")
                .contains("--config");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void argumentErrorsAreReportedWithUsage() {
        assertThat(cli.run("auction")).isEqualTo(2);
        assertThat(cli.err()).contains("Missing required parameter: 'TASK'").contains("Usage: sale auction");
    }

    @Test
    void aMissingPoolFileIsAClearError() {
        assertThat(cli.run("auction", "--config", dir.resolve("nope.yaml").toString(), "task")).isEqualTo(2);
        assertThat(cli.err()).contains("nope.yaml does not exist");
    }

    @Test
    void anUnknownProviderIsAClearError() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "agents:\n  - {name: a, provider: carrier-pigeon, baseUrl: http://x, model: m, price: 1}\n");
        assertThat(cli.run("auction", "--config", file.toString(), "task")).isEqualTo(2);
        assertThat(cli.err()).contains("agents[0].provider 'carrier-pigeon' is not supported");
    }

    @Test
    void aMistypedFieldIsAClearErrorWithItsLine() throws IOException {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, "agents:\n  - name: a\n    provider: ollama\n    baseUrl: http://x\n    model: m\n"
                + "    prise: 1\n");
        assertThat(cli.run("auction", "--config", file.toString(), "task")).isEqualTo(2);
        assertThat(cli.err()).contains("typo.yaml is not a valid pool file").contains("prise").contains("line");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(cli.run()).isEqualTo(2);
        assertThat(cli.err()).contains("Missing command");
    }
}
