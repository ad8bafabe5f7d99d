package dev.sale4j.examples.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sale4j.eval.suite.BenchTask;
import dev.sale4j.eval.suite.GradingSpec;
import dev.sale4j.eval.suite.Suite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real tasks of the bundled suite and a WireMock Ollama server that bids, judges and answers them in Ollama's wire
 * format: model {@code large-model} answers every task right (MBPP/HumanEval/LeetCode reference solution, the MMLU
 * key, the gold answer), {@code small-model} answers wrong except on multiple choice.
 */
final class BenchFixture {

    static final String SMALL = "small-model";
    static final String LARGE = "large-model";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WORDS = Pattern.compile("[A-Za-z0-9 ]{24,}");

    private BenchFixture() {
    }

    /** The first {@code n} tasks (by id) of each named source. */
    static List<BenchTask> slice(int n, String... sources) {
        List<BenchTask> out = new ArrayList<>();
        for (String source : sources) {
            Predicate<BenchTask> of = t -> t.source().equals(source);
            out.addAll(Suite.bundled().tasks().stream().filter(of).limit(n).toList());
        }
        return out;
    }

    static Path writeSuite(Path dir, List<BenchTask> tasks) {
        Path file = dir.resolve("slice.jsonl.gz");
        new Suite(Suite.bundled().info(), tasks).write(file);
        return file;
    }

    static Path pool(Path dir, String baseUrl, double smallPrice, double largePrice) {
        Path file = dir.resolve("pool.yaml");
        try {
            Files.writeString(file, """
                    agents:
                      - {name: small, provider: ollama, baseUrl: %1$s, model: small-model, price: %2$s}
                      - {name: large, provider: ollama, baseUrl: %1$s, model: large-model, price: %3$s}
                    bidTimeout: 20s
                    juryTimeout: 20s
                    maxRetries: 0
                    """.formatted(baseUrl, smallPrice, largePrice));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static String ollama(String content, int in, int out) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", "m");
        body.put("created_at", "2026-12-01T00:00:00Z");
        body.put("message", Map.of("role", "assistant", "content", content));
        body.put("done_reason", "stop");
        body.put("done", true);
        body.put("prompt_eval_count", in);
        body.put("eval_count", out);
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stubs bids, the jury and each task's executions; executions wait {@code delayMs}. */
    static void stub(WireMockExtension server, List<BenchTask> tasks, int delayMs) {
        for (String model : List.of(SMALL, LARGE)) {
            server.stubFor(post(urlEqualTo("/api/chat")).atPriority(1)
                    .withRequestBody(containing("bidding for the right")).withRequestBody(containing(model))
                    .willReturn(okJson(ollama(model + " PLAN: read the task, answer in the format asked", 100, 20))));
        }
        server.stubFor(post(urlEqualTo("/api/chat")).atPriority(1).withRequestBody(containing("You are a juror"))
                .willReturn(okJson(ollama("{\"scores\": [{\"bid\": \"B1\", \"score\": 4}, "
                        + "{\"bid\": \"B2\", \"score\": 4}]}", 300, 20))));
        for (BenchTask task : tasks) {
            for (String model : List.of(SMALL, LARGE)) {
                server.stubFor(post(urlEqualTo("/api/chat")).atPriority(5)
                        .withRequestBody(containing(snippet(task, tasks))).withRequestBody(containing(model))
                        .willReturn(okJson(ollama(answer(task, model.equals(LARGE)), 400, 80))
                                .withFixedDelay(delayMs)));
            }
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** Whether the model's execution of the task is meant to be graded correct. */
    static boolean correct(BenchTask task, String agent) {
        return agent.equals("large") || task.grading() instanceof GradingSpec.Choice;
    }

    private static String answer(BenchTask task, boolean right) {
        GradingSpec g = task.grading();
        if (g instanceof GradingSpec.Choice c) {
            return "Reasoning done.\nAnswer: " + c.answer();
        }
        if (g instanceof GradingSpec.Answer a) {
            return right ? "I looked it up.\nAnswer: " + a.gold() : "I could not be sure.\nAnswer: Zanzibar 1066";
        }
        String reference = g instanceof GradingSpec.Asserts s ? s.reference() : ((GradingSpec.Check) g).reference();
        String code = right ? reference : "def nothing_useful():\n    return None\n";
        return "Here is the code.\n```python\n" + code + "\n```";
    }

    /** A run of plain words from the prompt (JSON-escaping leaves it as is), unique enough to pick the task. */
    private static String snippet(BenchTask task, List<BenchTask> all) {
        String best = "";
        for (Matcher m = WORDS.matcher(task.prompt()); m.find(); ) {
            String run = m.group();
            boolean unique = all.stream().noneMatch(t -> t != task && t.prompt().contains(run));
            if (unique && run.length() > best.length()) {
                best = run;
            }
        }
        if (best.isEmpty()) {
            throw new IllegalStateException("task " + task.id() + " has no plain-word run to match on");
        }
        return best;
    }
}
